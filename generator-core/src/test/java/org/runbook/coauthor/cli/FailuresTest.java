package org.runbook.coauthor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.error.RetriableException;
import picocli.CommandLine;

class FailuresTest {
    private static int exitFor(Exception e, StringWriter err) {
        CommandLine cmd = CoauthorCli.commandLine();
        cmd.setErr(new PrintWriter(err));
        CommandLine.ParseResult parsed = cmd.parseArgs("categories");
        return new Failures().handleExecutionException(e, cmd, parsed);
    }

    @Test
    void should_exit_1_when_the_provider_fails_for_a_while() {
        StringWriter err = new StringWriter();
        assertEquals(1, exitFor(new RetriableException("HTTP 429 from the provider", null), err));
        assertTrue(err.toString().contains("generation failed: HTTP 429 from the provider"), err.toString());
    }

    @Test
    void should_exit_2_and_list_valid_values_on_bad_input() {
        StringWriter err = new StringWriter();
        assertEquals(2, exitFor(new InvalidInputException("unknown x", null, List.of("a", "b")), err));
        assertTrue(err.toString().contains("valid values: a, b"), err.toString());
    }

    @Test
    void should_exit_3_without_a_stack_trace_on_an_internal_failure() {
        StringWriter err = new StringWriter();
        assertEquals(3, exitFor(new IllegalStateException("bug"), err));
        assertTrue(err.toString().contains("run again with --stacktrace"), err.toString());
    }
}
