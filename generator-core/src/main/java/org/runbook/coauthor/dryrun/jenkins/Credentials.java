package org.runbook.coauthor.dryrun.jenkins;

/** How a credential reads in a dry-run: never its value, always {@code ****(id)}. */
final class Credentials {
    private Credentials() {}

    static String masked(Object id) {
        return "****(" + (id == null ? "?" : id) + ")";
    }
}
