package org.runbook.coauthor.author.llm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.error.SourcePosition;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * How to reach an LLM provider. API keys are not settings: they come from the provider's
 * environment variable or {@code apiKeyFile} and are never printed, logged or written.
 *
 * <pre>{@code
 * LlmSettings settings = LlmSettings.builder().provider("openai").model("gpt-4o-mini").build();
 * }</pre>
 *
 * @param baseUrl null for the provider's default; any OpenAI-compatible endpoint for {@code openai}
 * @param maxRetries retries after a timeout, a 429 or a 5xx (the first call not counted)
 * @param circuitThreshold consecutive failed calls after which the provider is not called again
 * @param maxResponseBytes a larger reply is refused before it is parsed
 * @param auditFile JSONL audit log; null for none
 * @param auditFull whether the audit log also holds the (redacted) request text
 */
public record LlmSettings(
        String provider,
        String model,
        String baseUrl,
        Duration timeout,
        Double temperature,
        Integer maxTokens,
        Path apiKeyFile,
        String apiVersion,
        int maxRetries,
        int circuitThreshold,
        Duration circuitCooldown,
        int maxResponseBytes,
        Path auditFile,
        boolean auditFull) {
    /** Keys accepted in flags maps and the config file ({@code base-url} or {@code base_url}). */
    public static final java.util.List<String> KEYS = java.util.List.of(
            "provider",
            "model",
            "base-url",
            "timeout",
            "temperature",
            "max-tokens",
            "api-key-file",
            "api-version",
            "max-retries",
            "circuit-threshold",
            "audit",
            "audit-full");

    public LlmSettings {
        org.runbook.coauthor.plan.Require.notBlank(provider, "provider");
        provider = provider.strip().toLowerCase(Locale.ROOT);
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        circuitCooldown = circuitCooldown == null ? Duration.ofSeconds(30) : circuitCooldown;
        if (maxRetries < 0 || circuitThreshold < 1 || maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, circuitThreshold and maxResponseBytes 1"
                    + " or more; were " + maxRetries + ", " + circuitThreshold + ", " + maxResponseBytes);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.provider = provider;
        b.model = model;
        b.baseUrl = baseUrl;
        b.timeout = timeout;
        b.temperature = temperature;
        b.maxTokens = maxTokens;
        b.apiKeyFile = apiKeyFile;
        b.apiVersion = apiVersion;
        b.maxRetries = maxRetries;
        b.circuitThreshold = circuitThreshold;
        b.circuitCooldown = circuitCooldown;
        b.maxResponseBytes = maxResponseBytes;
        b.auditFile = auditFile;
        b.auditFull = auditFull;
        return b;
    }

    /**
     * Settings from, highest first: {@code flags} (keys of {@link #KEYS}), the environment
     * ({@code COAUTHOR_PROVIDER}, {@code COAUTHOR_MODEL}, {@code COAUTHOR_BASE_URL}, ...: the key
     * upper-cased with {@code _}), then the YAML config file (flat keys), then defaults. Returns null
     * when no provider is named anywhere.
     */
    public static LlmSettings resolve(Map<String, String> flags, Map<String, String> env, Path configFile) {
        Map<String, String> merged = new HashMap<>(readConfig(configFile));
        for (String key : KEYS) {
            String fromEnv = env.get("COAUTHOR_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (fromEnv != null && !fromEnv.isBlank()) {
                merged.put(key, fromEnv.strip());
            }
            String fromFlag = flags.get(key);
            if (fromFlag != null && !fromFlag.isBlank()) {
                merged.put(key, fromFlag.strip());
            }
        }
        String provider = merged.get("provider");
        if (provider == null || provider.isBlank()) {
            return null;
        }
        Builder b = builder().provider(provider).model(merged.get("model")).baseUrl(merged.get("base-url"));
        b.apiVersion(merged.get("api-version"));
        if (merged.containsKey("timeout")) {
            b.timeout(Duration.ofMillis(Math.round(number(merged, "timeout") * 1000)));
        }
        if (merged.containsKey("temperature")) {
            b.temperature(number(merged, "temperature"));
        }
        if (merged.containsKey("max-tokens")) {
            b.maxTokens((int) number(merged, "max-tokens"));
        }
        if (merged.containsKey("max-retries")) {
            b.maxRetries((int) number(merged, "max-retries"));
        }
        if (merged.containsKey("circuit-threshold")) {
            b.circuitThreshold((int) number(merged, "circuit-threshold"));
        }
        if (merged.containsKey("api-key-file")) {
            b.apiKeyFile(Path.of(merged.get("api-key-file")));
        }
        if (merged.containsKey("audit")) {
            b.auditFile(Path.of(merged.get("audit")));
        }
        b.auditFull(Boolean.parseBoolean(merged.getOrDefault("audit-full", "false")));
        return b.build();
    }

    private static double number(Map<String, String> values, String key) {
        try {
            return Double.parseDouble(values.get(key));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    "setting \"" + key + "\" is \"" + values.get(key) + "\"; expected a number", null, e);
        }
    }

    private static Map<String, String> readConfig(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        Object tree;
        try {
            tree = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(
                    "cannot read the LLM config: " + e.getMessage(), new SourcePosition(file.toString(), 0, 0), e);
        }
        if (tree == null) {
            return Map.of();
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new InvalidInputException(
                    "the LLM config is not a map of settings",
                    new SourcePosition(file.toString(), 1, 1),
                    java.util.List.of());
        }
        Map<String, String> out = new HashMap<>();
        map.forEach((k, v) -> {
            String key = String.valueOf(k).replace('_', '-');
            if (!KEYS.contains(key)) {
                throw new InvalidInputException(
                        "unknown LLM setting \"" + k + "\"", new SourcePosition(file.toString(), 0, 0), KEYS);
            }
            if (v != null) {
                out.put(key, String.valueOf(v));
            }
        });
        return out;
    }

    /** Builds {@link LlmSettings}. */
    public static final class Builder {
        private String provider;
        private String model;
        private String baseUrl;
        private Duration timeout = Duration.ofSeconds(60);
        private Double temperature;
        private Integer maxTokens;
        private Path apiKeyFile;
        private String apiVersion;
        private int maxRetries = 3;
        private int circuitThreshold = 5;
        private Duration circuitCooldown = Duration.ofSeconds(30);
        private int maxResponseBytes = 1_000_000;
        private Path auditFile;
        private boolean auditFull;

        private Builder() {}

        public Builder provider(String value) {
            this.provider = value;
            return this;
        }

        public Builder model(String value) {
            this.model = value;
            return this;
        }

        public Builder baseUrl(String value) {
            this.baseUrl = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder temperature(Double value) {
            this.temperature = value;
            return this;
        }

        public Builder maxTokens(Integer value) {
            this.maxTokens = value;
            return this;
        }

        public Builder apiKeyFile(Path value) {
            this.apiKeyFile = value;
            return this;
        }

        public Builder apiVersion(String value) {
            this.apiVersion = value;
            return this;
        }

        public Builder maxRetries(int value) {
            this.maxRetries = value;
            return this;
        }

        public Builder circuitThreshold(int value) {
            this.circuitThreshold = value;
            return this;
        }

        public Builder circuitCooldown(Duration value) {
            this.circuitCooldown = value;
            return this;
        }

        public Builder maxResponseBytes(int value) {
            this.maxResponseBytes = value;
            return this;
        }

        public Builder auditFile(Path value) {
            this.auditFile = value;
            return this;
        }

        public Builder auditFull(boolean value) {
            this.auditFull = value;
            return this;
        }

        public LlmSettings build() {
            return new LlmSettings(
                    provider,
                    model,
                    baseUrl,
                    timeout,
                    temperature,
                    maxTokens,
                    apiKeyFile,
                    apiVersion,
                    maxRetries,
                    circuitThreshold,
                    circuitCooldown,
                    maxResponseBytes,
                    auditFile,
                    auditFull);
        }
    }
}
