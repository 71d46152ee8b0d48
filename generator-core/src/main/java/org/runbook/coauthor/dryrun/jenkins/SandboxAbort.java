package org.runbook.coauthor.dryrun.jenkins;

/**
 * Stops a dry-run: a sandbox refusal at run time or a spent budget. An {@link Error}, because a
 * Jenkinsfile may {@code catch (Exception e)} but may not name {@code Error} or {@code Throwable}
 * (see {@link SandboxPolicy#CLASSES}), so a script cannot swallow it and loop on.
 */
final class SandboxAbort extends Error {
    private static final long serialVersionUID = 1L;

    /** Why the run stopped. */
    enum Kind {
        REFUSED,
        TIME,
        ITERATIONS,
        STEPS
    }

    private final Kind kind;

    SandboxAbort(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
