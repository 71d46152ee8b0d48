package org.runbook.coauthor.rundeck.generate;

/** Rundeck's execution log levels ({@code PluginLogger.log(level, text)}), by name. */
final class LogLevel {
    static final int ERROR = 0;
    static final int WARN = 1;
    static final int NORMAL = 2;
    static final int VERBOSE = 3;

    private LogLevel() {}
}
