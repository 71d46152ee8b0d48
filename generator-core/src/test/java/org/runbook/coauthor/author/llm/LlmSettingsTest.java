package org.runbook.coauthor.author.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbook.coauthor.error.InvalidInputException;

class LlmSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void should_prefer_flags_over_env_over_the_config_file() throws IOException {
        Path config = Files.writeString(
                tmp.resolve("config.yaml"),
                "provider: ollama\nmodel: from-file\nbase_url: http://file\ntimeout: 10\ntemperature: 0.5\n");
        LlmSettings s = LlmSettings.resolve(
                Map.of("model", "from-flag"),
                Map.of("COAUTHOR_MODEL", "from-env", "COAUTHOR_BASE_URL", "http://env"),
                config);
        assertEquals("ollama", s.provider());
        assertEquals("from-flag", s.model());
        assertEquals("http://env", s.baseUrl());
        assertEquals(Duration.ofSeconds(10), s.timeout());
        assertEquals(0.5, s.temperature());
    }

    @Test
    void should_return_null_when_no_provider_is_named_anywhere() {
        assertNull(LlmSettings.resolve(Map.of(), Map.of(), tmp.resolve("absent.yaml")));
    }

    @Test
    void should_reject_an_unknown_setting_in_the_config_file() throws IOException {
        Path config = Files.writeString(tmp.resolve("config.yaml"), "provider: openai\napi_key: sk-nope\n");
        var e = assertThrows(InvalidInputException.class, () -> LlmSettings.resolve(Map.of(), Map.of(), config));
        assertEquals(LlmSettings.KEYS, e.validValues());
    }

    @Test
    void should_reject_a_setting_that_is_not_a_number() {
        assertThrows(
                InvalidInputException.class,
                () -> LlmSettings.resolve(Map.of("provider", "openai", "timeout", "soon"), Map.of(), null));
    }

    @Test
    void should_list_the_discovered_providers() {
        assertEquals(java.util.List.of("anthropic", "azure-openai", "ollama", "openai"), LlmAuthor.providers());
    }

    @Test
    void should_demand_an_api_key_without_printing_anything_when_none_is_set() {
        var e = assertThrows(
                org.runbook.coauthor.error.NonRetriableException.class,
                () -> LlmAuthor.create(
                        LlmSettings.builder().provider("anthropic").build(), Map.of(), r -> null));
        assertEquals(
                "provider \"anthropic\" needs an API key; set ANTHROPIC_API_KEY or pass --api-key-file",
                e.getMessage());
    }
}
