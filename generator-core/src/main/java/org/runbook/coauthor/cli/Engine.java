package org.runbook.coauthor.cli;

import java.util.Map;
import org.runbook.coauthor.api.CoAuthor;
import org.runbook.coauthor.api.Providers;

/** One co-author per process: loading the embedding model is the expensive part of start-up. */
final class Engine {
    private static CoAuthor instance;

    private Engine() {}

    static synchronized CoAuthor get() {
        if (instance == null) {
            instance = CoAuthor.offline();
        }
        return instance;
    }

    /** The offline co-author unless a provider is named by a flag, COAUTHOR_PROVIDER or the config file. */
    static synchronized CoAuthor get(ProviderOptions options) {
        Map<String, String> env = System.getenv();
        boolean named = options.provider != null
                || env.containsKey("COAUTHOR_PROVIDER")
                || options.config != null
                || java.nio.file.Files.isRegularFile(
                        java.nio.file.Path.of(System.getProperty("user.home"), ".config/coauthor/config.yaml"));
        if (!named && options.maxRepairRounds == 2) {
            return get();
        }
        return Providers.coAuthor(options.settings(), env, options.config, options.fallback, options.maxRepairRounds);
    }
}
