package org.runbook.coauthor.validate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Local programs run with a time limit, and a missing program is not an error. */
class ExternalToolTest {
    @Test
    void should_give_up_on_a_program_that_outlives_the_time_limit() {
        assumeTrue(ExternalTool.available("bash"), "bash is not installed");
        long start = System.nanoTime();
        Optional<ExternalTool.Result> r = ExternalTool.run(List.of("bash", "-c", "sleep 30"), "# " + start);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(r.isEmpty());
        assertTrue(seconds < ExternalTool.TIMEOUT_SECONDS + 3, "took " + seconds + " s");
    }

    @Test
    void should_answer_empty_when_the_program_is_missing() {
        assertFalse(ExternalTool.available("no-such-program-4711"));
        assertEquals(Optional.empty(), ExternalTool.run(List.of("no-such-program-4711", "-n"), "echo"));
    }

    @Test
    void should_report_bash_syntax_errors_with_their_line() {
        assumeTrue(ExternalTool.available("bash"), "bash is not installed");
        assertEquals(
                List.of(new ShellSyntax.Problem(3, "syntax error near unexpected token \"fi\"", false)),
                ShellSyntax.check("echo a\necho b\nfi\n"));
        assertEquals(List.of(), ShellSyntax.check("if true; then echo; fi\n"));
    }
}
