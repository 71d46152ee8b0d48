package org.runbook.coauthor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    /** The shared development set, present in CI and next to the checkout. */
    static final Path DEV_SET = Path.of("../../shared/eval/dev-requests.yaml");

    @Test
    void should_reach_the_quality_bar_on_the_shared_development_set_for_rundeck() {
        assumeTrue(Files.exists(DEV_SET), "the shared development set is not next to this checkout");
        CoauthorCliTest.Run r =
                CoauthorCliTest.run("eval", "--suite", DEV_SET.toString(), "--target", "rundeck", "--min-score", "0.9");
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void should_exit_1_when_the_mean_is_under_the_minimum(@TempDir Path dir) throws Exception {
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(
                suite,
                """
                - id: good
                  request: Restart the nginx service on the nodes I pick
                  expect: {steps: ['systemctl\\s+restart']}
                - id: impossible
                  request: Restart the nginx service on the nodes I pick
                  expect: {steps: ['this-command-does-not-exist']}
                """);
        CoauthorCliTest.Run r = CoauthorCliTest.run("eval", "--suite", suite.toString(), "--min-score", "0.9");
        assertEquals(1, r.exit(), r.out());
        Matcher m = Pattern.compile("mean score ([0-9.]+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(0.75, Double.parseDouble(m.group(1)), 0.001, r.out());
        assertTrue(r.out().contains("step ~ /this-command-does-not-exist/"), r.out());
    }

    @Test
    void should_write_a_baseline_then_fail_when_a_run_falls_below_it(@TempDir Path dir) throws Exception {
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(
                suite,
                """
                - id: good
                  category: Service Restarts
                  request: Restart the nginx service on the nodes I pick
                  expect: {steps: ['systemctl\\s+restart']}
                """);
        Path baseline = dir.resolve("baseline.json");
        CoauthorCliTest.Run first =
                CoauthorCliTest.run("eval", "--suite", suite.toString(), "--baseline", baseline.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(Files.readString(baseline).contains("\"Service Restarts\""));
        CoauthorCliTest.Run same =
                CoauthorCliTest.run("eval", "--suite", suite.toString(), "--baseline", baseline.toString());
        assertEquals(0, same.exit(), same.err());
        assertTrue(same.err().contains("no regression"), same.err());
        // A harder expectation in the same suite stands for a model that got worse.
        Files.writeString(suite, Files.readString(suite).replace("systemctl\\s+restart", "not-in-any-job"));
        CoauthorCliTest.Run worse =
                CoauthorCliTest.run("eval", "--suite", suite.toString(), "--baseline", baseline.toString());
        assertEquals(1, worse.exit(), worse.out() + worse.err());
        assertTrue(worse.err().contains("regression: all: mean score fell from 1.000 to 0.500"), worse.err());
    }
}
