package org.runbook.coauthor.cli;

import org.runbook.coauthor.api.CoAuthor;

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
}
