package org.runbook.coauthor.dryrun.jenkins;

/** A build's or a stage's result, best to worst, as Jenkins orders them. */
public enum BuildResult {
    SUCCESS,
    UNSTABLE,
    FAILURE,
    ABORTED;

    BuildResult worst(BuildResult other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    static BuildResult parse(Object value) {
        try {
            return value == null ? FAILURE : valueOf(value.toString().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return FAILURE;
        }
    }
}
