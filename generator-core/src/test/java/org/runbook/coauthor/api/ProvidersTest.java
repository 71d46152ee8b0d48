package org.runbook.coauthor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.error.InvalidInputException;

class ProvidersTest {
    @Test
    void should_name_each_providers_key_variable_so_plugins_can_hand_over_a_stored_key() {
        assertEquals("OPENAI_API_KEY", Providers.apiKeyVariable("openai"));
        assertEquals("ANTHROPIC_API_KEY", Providers.apiKeyVariable("anthropic"));
        assertEquals("AZURE_OPENAI_API_KEY", Providers.apiKeyVariable("azure-openai"));
        assertNull(Providers.apiKeyVariable("ollama"), "a local server needs no key");
        assertNull(Providers.apiKeyVariable("offline"));
        assertNull(Providers.apiKeyVariable(null));
    }

    @Test
    void should_list_valid_providers_when_the_name_is_unknown() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Providers.apiKeyVariable("gpt"));
        assertTrue(e.validValues().contains("openai"), e.validValues().toString());
    }

    @Test
    void should_take_the_key_from_the_env_map_not_the_process_environment() {
        CoAuthor coauthor = Providers.coAuthor(
                Map.of("provider", "openai", "model", "gpt-4o-mini"),
                Map.of(Providers.apiKeyVariable("openai"), "sk-test-not-real"),
                null,
                null,
                0);
        assertEquals("openai", coauthor.authorName());
    }
}
