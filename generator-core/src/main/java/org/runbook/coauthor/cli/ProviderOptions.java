package org.runbook.coauthor.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The LLM flags shared by {@code generate}, {@code batch} and {@code eval}. Unset flags fall back
 * to {@code COAUTHOR_*} variables, then the config file; API keys come only from the environment
 * or a key file.
 */
final class ProviderOptions {
    @Option(
            names = "--provider",
            paramLabel = "NAME",
            description = "Author: offline (default), openai, azure-openai, anthropic, ollama. Env: COAUTHOR_PROVIDER.")
    String provider;

    @Option(names = "--model", paramLabel = "MODEL", description = "Model name. Env: COAUTHOR_MODEL.")
    String model;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "Provider URL (any OpenAI-compatible server for openai). Env: COAUTHOR_BASE_URL.")
    String baseUrl;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per-call timeout (default 60).")
    String timeout;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature.")
    String temperature;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Longest reply, in tokens.")
    String maxTokens;

    @Option(
            names = "--api-key-file",
            paramLabel = "FILE",
            description = "Read the API key from FILE (else OPENAI_API_KEY, ANTHROPIC_API_KEY, AZURE_OPENAI_API_KEY).")
    Path apiKeyFile;

    @Option(
            names = "--llm-config",
            paramLabel = "FILE",
            description = "LLM settings (YAML; default ~/.config/coauthor/config.yaml).")
    Path config;

    @Option(names = "--fallback", paramLabel = "offline", description = "Draft offline when the provider fails.")
    String fallback;

    @Option(
            names = "--audit",
            paramLabel = "FILE",
            description = "Audit log (JSONL; default ~/.local/state/coauthor/audit.jsonl).")
    Path audit;

    @Option(names = "--audit-full", description = "Also log the (redacted) request text in the audit log.")
    boolean auditFull;

    @Option(
            names = "--max-repair-rounds",
            paramLabel = "N",
            defaultValue = "2",
            description = "Validate-and-repair rounds for LLM authors (default: ${DEFAULT-VALUE}).")
    int maxRepairRounds;

    /** The flags given, as settings keys; unset flags are left out so lower layers apply. */
    Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "provider", provider);
        put(out, "model", model);
        put(out, "base-url", baseUrl);
        put(out, "timeout", timeout);
        put(out, "temperature", temperature);
        put(out, "max-tokens", maxTokens);
        put(out, "api-key-file", apiKeyFile == null ? null : apiKeyFile.toString());
        put(out, "audit", audit == null ? null : audit.toString());
        if (auditFull) {
            out.put("audit-full", "true");
        }
        return out;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
