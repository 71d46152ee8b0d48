package org.runbook.coauthor.cli;

import picocli.CommandLine.Option;

/** Flags every subcommand shares. */
final class CommonOptions {
    enum Format {
        text,
        json,
        sarif
    }

    @Option(
            names = "--format",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    Format format = Format.text;

    @Option(
            names = {"-v", "--verbose"},
            description = "Say more about what happens.")
    boolean verbose;

    @Option(names = "--stacktrace", description = "Print the stack trace of an internal failure.")
    boolean stacktrace;

    @Option(names = "--no-color", description = "Never color the output (also when NO_COLOR is set).")
    boolean noColor;
}
