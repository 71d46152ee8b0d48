package org.runbook.coauthor.api;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.runbook.coauthor.author.Author;
import org.runbook.coauthor.author.llm.FallbackAuthor;
import org.runbook.coauthor.author.llm.LlmAuthor;
import org.runbook.coauthor.author.llm.LlmSettings;
import org.runbook.coauthor.author.offline.OfflineAuthor;
import org.runbook.coauthor.error.InvalidInputException;

/**
 * Chooses the author by provider name, so callers (the CLI, the plugins) never see provider types.
 *
 * <pre>{@code
 * CoAuthor coauthor = Providers.coAuthor(Map.of("provider", "openai", "model", "gpt-4o-mini"),
 *         System.getenv(), null, "offline", 2);
 * }</pre>
 */
public final class Providers {
    /** Name that selects the offline author explicitly. */
    public static final String OFFLINE = "offline";

    private Providers() {}

    /** The provider names on the class path, plus {@code offline}. */
    public static List<String> names() {
        var out = new java.util.ArrayList<>(LlmAuthor.providers());
        out.add(0, OFFLINE);
        return List.copyOf(out);
    }

    /**
     * The environment variable the named provider reads its API key from (null when it needs none),
     * so a plugin that keeps the key in its own secret store (Rundeck Key Storage, a Jenkins
     * credential) can hand it over in the {@code env} map of {@link #coAuthor} without exporting it.
     */
    public static String apiKeyVariable(String provider) {
        if (provider == null || provider.isBlank() || provider.equals(OFFLINE)) {
            return null;
        }
        if (!LlmAuthor.providers().contains(provider)) {
            throw new InvalidInputException("unknown provider \"" + provider + "\"", null, names());
        }
        return LlmAuthor.apiKeyVariable(provider);
    }

    /**
     * The co-author for the provider named in {@code settings} (keys as {@code LlmSettings.KEYS}:
     * provider, model, base-url, timeout, temperature, max-tokens, api-key-file, audit, audit-full),
     * the environment ({@code COAUTHOR_*}) or the config file, in that order; offline when none names one.
     *
     * @param configFile null for {@code ~/.config/coauthor/config.yaml}
     * @param fallback {@code offline} to draft offline when the provider fails, or null
     */
    public static CoAuthor coAuthor(
            Map<String, String> settings,
            Map<String, String> env,
            Path configFile,
            String fallback,
            int maxRepairRounds) {
        Path home = Path.of(System.getProperty("user.home"));
        Path config = configFile != null ? configFile : home.resolve(".config/coauthor/config.yaml");
        if (configFile != null && !java.nio.file.Files.isRegularFile(configFile)) {
            throw new InvalidInputException("the LLM config file " + configFile + " does not exist", null, List.of());
        }
        LlmSettings resolved = LlmSettings.resolve(settings, env, config);
        CoAuthor.Builder builder = CoAuthor.builder().maxRepairRounds(maxRepairRounds);
        if (resolved == null || resolved.provider().equals(OFFLINE)) {
            return builder.build();
        }
        if (resolved.auditFile() == null) {
            resolved = resolved.toBuilder()
                    .auditFile(home.resolve(".local/state/coauthor/audit.jsonl"))
                    .build();
        }
        Author author = LlmAuthor.create(resolved, new HashMap<>(env));
        if (fallback != null && !fallback.isBlank()) {
            if (!fallback.equals(OFFLINE)) {
                throw new InvalidInputException(
                        "unknown fallback \"" + fallback + "\"; the only fallback is \"offline\"",
                        null,
                        List.of(OFFLINE));
            }
            author = new FallbackAuthor((LlmAuthor) author, OfflineAuthor.bundled());
        }
        return builder.author(author).build();
    }
}
