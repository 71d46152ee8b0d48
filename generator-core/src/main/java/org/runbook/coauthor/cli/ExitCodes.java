package org.runbook.coauthor.cli;

/** The documented exit codes (README, {@code coauthor --help}). */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    private ExitCodes() {}
}
