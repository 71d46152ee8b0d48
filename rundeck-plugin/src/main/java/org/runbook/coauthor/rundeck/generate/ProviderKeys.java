package org.runbook.coauthor.rundeck.generate;

import java.util.Map;

/**
 * Which providers need an API key, and under which variable name generator-core's
 * {@code Providers.coAuthor} looks for it in the environment map it is given. The plugin passes a
 * map holding only that one entry (never the server's environment), so the key read from Key
 * Storage reaches the provider without touching the process environment or a file.
 * {@code ProviderKeysSpec} checks these names against generator-core.
 */
final class ProviderKeys {
    private static final Map<String, String> VARIABLES = Map.of(
            "openai", "OPENAI_API_KEY",
            "azure-openai", "AZURE_OPENAI_API_KEY",
            "anthropic", "ANTHROPIC_API_KEY");

    private ProviderKeys() {}

    /** The variable for {@code provider}, or null when it needs no key (offline, ollama). */
    static String variable(String provider) {
        return VARIABLES.get(provider);
    }
}
