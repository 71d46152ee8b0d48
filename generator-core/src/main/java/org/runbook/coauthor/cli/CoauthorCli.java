package org.runbook.coauthor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coauthor} command line. */
@Command(
        name = "coauthor",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Turns a plain-language request into a validated Rundeck job, offline by default.",
        subcommands = {
            GenerateCommand.class,
            CategoriesCommand.class,
            BatchCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            ValidateCommand.class,
            DryRunCommand.class,
            ImportCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  generation failed (no match, refused), an error-severity finding, or a refused or failed import",
            "  2  bad usage or bad input (empty or oversized request, unknown category, unreadable file)",
            "  3  internal failure (run again with --stacktrace and report it)"
        })
public final class CoauthorCli {
    private CoauthorCli() {}

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        System.exit(exit);
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        return new CommandLine(new CoauthorCli())
                .setExecutionExceptionHandler(new Failures())
                .setParameterExceptionHandler(new UsageErrors());
    }
}
