package org.runbook.coauthor.cli;

import java.io.PrintWriter;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.error.NonRetriableException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps exceptions escaping a command to one clear line and an exit code: bad input is 2, anything
 * else is an internal failure (3), with the stack trace only under {@code --stacktrace}.
 */
final class Failures implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean trace = parseResult.expandedArgs().contains("--stacktrace");
        if (ex instanceof InvalidInputException invalid) {
            err.println("coauthor: " + invalid.getMessage());
            if (!invalid.validValues().isEmpty()) {
                err.println("valid values: " + String.join(", ", invalid.validValues()));
            }
            err.flush();
            return ExitCodes.USAGE;
        }
        if (ex instanceof NonRetriableException) {
            err.println("coauthor: " + ex.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        if (ex instanceof org.runbook.coauthor.error.RetriableException) {
            // The provider is down, slow or rate-limiting: the generation failed, nothing is broken here.
            err.println("coauthor: generation failed: " + ex.getMessage() + " (try again later)");
            err.flush();
            return ExitCodes.FAILED;
        }
        err.println("coauthor: internal failure: " + ex);
        if (trace) {
            ex.printStackTrace(err);
        } else {
            err.println("run again with --stacktrace for details");
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }
}
