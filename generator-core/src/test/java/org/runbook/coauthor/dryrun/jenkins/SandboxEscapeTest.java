package org.runbook.coauthor.dryrun.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.runbook.coauthor.validate.Finding;

/**
 * Each escape attempt is refused (or stopped) with a finding, and its side effect does not happen:
 * the marker file it would create stays absent, the JVM is alive to run the next assertion.
 */
class SandboxEscapeTest {
    private static final Duration BUDGET = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private static PipelineDryRunResult run(String text) {
        return new PipelineDryRun(
                        PipelineDryRunOptions.builder().timeBudget(BUDGET).build())
                .run(text, "Jenkinsfile");
    }

    /** The script inside {@code steps { script { ... } } }, with {@code MARK} replaced by a path in the temp dir. */
    private PipelineDryRunResult inScript(String body, Path marker) {
        String code = body.replace("MARK", marker.toString());
        return run("pipeline {\n  agent any\n  stages {\n    stage('x') {\n      steps {\n        script {\n" + code
                + "\n        }\n      }\n    }\n  }\n}\n");
    }

    private static Finding only(PipelineDryRunResult r) {
        assertEquals(1, r.findings().size(), r.findings().toString());
        return r.findings().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "file write              | new File('MARK').text = 'pwned'",
                "file create             | new File('MARK').createNewFile()",
                "string execute          | 'touch MARK'.execute()",
                "list execute            | ['touch', 'MARK'].execute()",
                "runtime exec            | Runtime.getRuntime().exec('touch MARK')",
                "process builder         | new ProcessBuilder('touch', 'MARK').start()",
                "evaluate                | evaluate(\"new File('MARK').createNewFile()\")",
                "groovy shell            | new GroovyShell().evaluate(\"new File('MARK').createNewFile()\")",
                "eval me                 | Eval.me(\"new File('MARK').createNewFile()\")",
                "class for name          | Class.forName('java.io.File').newInstance('MARK').createNewFile()",
                "class loader            | this.class.classLoader.loadClass('java.io.File')",
                "get class               | 'x'.getClass().forName('java.io.File')",
                "reflection              | java.lang.reflect.Method m = null",
                "metaclass               | String.metaClass.pwn = { -> new File('MARK').createNewFile() }",
                "binding                 | binding.setVariable('x', 1)",
                "get binding             | getBinding().getVariables()",
                "thread                  | Thread.start { new File('MARK').createNewFile() }",
                "system exit             | System.exit(1)",
                "dynamic method name     | 'touch MARK'.\"exec${'ute'}\"()",
                "dynamic property name   | def c = 'x'.\"${'cla'}ss\"",
                "method pointer          | def e = 'touch MARK'.&execute; e()",
                "url                     | new URL('http://example.invalid/').text",
                "to url                  | 'http://example.invalid/'.toURL().text",
                "catch throwable         | try { sh 'x' } catch (Throwable t) { }",
                "invoke method           | 'touch MARK'.invokeMethod('execute', null)",
                "properties              | def p = 'x'.properties",
                "raw build               | currentBuild.rawBuild",
                "field access            | def f = currentBuild.@run",
            })
    void should_refuse_an_escape_before_running_anything(String attempt, String code) {
        Path marker = dir.resolve("marker");
        PipelineDryRunResult r = inScript("sh 'before'\n" + code, marker);
        assertFalse(r.findings().isEmpty(), attempt);
        for (Finding f : r.findings()) {
            assertEquals("DR102", f.ruleId(), attempt + ": " + f);
            assertEquals(8, f.line(), f.toString());
            assertTrue(f.column() > 0, f.toString());
        }
        assertTrue(r.transcript().isEmpty(), "nothing ran: " + r.transcript());
        assertFalse(Files.exists(marker), attempt + " created the marker");
    }

    @Test
    void should_refuse_grab_before_it_downloads_anything() {
        PipelineDryRunResult r = run("@Grab('org.example:evil:1.0')\nimport org.example.Evil\nnode { sh 'x' }\n");
        assertTrue(
                r.findings().stream().allMatch(f -> f.ruleId().equals("DR102")),
                r.findings().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("@Grab") && f.line() == 1));
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("import of \"org.example.Evil\"")));
    }

    @Test
    void should_refuse_an_ast_test_annotation_whose_code_would_run_at_compile_time() {
        Path marker = dir.resolve("compile-time");
        String text = "@groovy.transform.ASTTest(value = { new File('" + marker + "').createNewFile() })\n"
                + "def x = 1\nnode { sh 'x' }\n";
        PipelineDryRunResult r = run(text);
        assertEquals("DR102", only(r).ruleId());
        assertFalse(Files.exists(marker));
    }

    @Test
    void should_refuse_class_definitions() {
        PipelineDryRunResult r = run("class Evil { static { System.exit(3) } }\nnode { sh 'x' }\n");
        assertTrue(r.findings().stream()
                .anyMatch(f -> f.ruleId().equals("DR102") && f.message().contains("\"Evil\"")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "subscript class        | def c = 'x'['cla' + 'ss']",
                "list spread class      | def c = ['x']['cla' + 'ss']",
                "string bomb            | def s = 'x' * 100000000",
                "closure owner binding  | def c = { -> 1 }; def o = c.owner; o['bind' + 'ing']",
                "script binding         | def b = this['bind' + 'ing']",
                "env metaclass          | def m = currentBuild['meta' + 'Class']",
            })
    void should_stop_an_escape_the_compiler_cannot_see_when_it_is_attempted(String attempt, String code) {
        PipelineDryRunResult r = inScript("sh 'before'\n" + code, dir.resolve("m"));
        Finding f = only(r);
        assertEquals("DR103", f.ruleId(), attempt + ": " + f);
        assertEquals(8, f.line(), f.toString());
        assertTrue(r.text().contains("sh: before"), "it ran up to the attempt: " + r.text());
        assertTrue(r.text().contains("stopped: refused by the sandbox"), r.text());
    }

    @Test
    void should_stop_an_endless_loop_within_the_budget() {
        long start = System.nanoTime();
        PipelineDryRunResult r = inScript("sh 'before'\nwhile (true) { }", dir.resolve("m"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        Finding f = only(r);
        assertEquals("DR104", f.ruleId(), f.toString());
        assertEquals(8, f.line());
        // Generous margin: the CI machine is shared; the point is that it returns, not how fast.
        assertTrue(millis < BUDGET.toMillis() + 3000, "took " + millis + " ms");
        assertTrue(r.text().contains("stopped: the time budget of 1000 ms is spent"), r.text());
    }

    @Test
    void should_stop_an_endless_loop_that_catches_the_timeout() {
        PipelineDryRunResult r = inScript("while (true) { try { while (true) { } } catch (e) { } }", dir.resolve("m"));
        assertEquals("DR104", only(r).ruleId());
    }

    @Test
    void should_stop_catastrophic_regex_backtracking_within_the_budget() {
        PipelineDryRunResult a = inScript("def hit = ('a' * 40) ==~ /(.*a){12}b/", dir.resolve("m"));
        assertEquals("DR104", only(a).ruleId());
        PipelineDryRunResult b = inScript("def hit = ('a' * 40).matches('(.*a){12}b')", dir.resolve("m"));
        assertEquals("DR104", only(b).ruleId());
    }

    @Test
    void should_stop_too_many_iterations() {
        PipelineDryRunResult r = new PipelineDryRun(
                        PipelineDryRunOptions.builder().maxIterations(1000).build())
                .run("node { (1..5000).each { x -> x } }", "Jenkinsfile");
        assertEquals("DR105", only(r).ruleId());
    }

    @Test
    void should_stop_too_many_steps() {
        PipelineDryRunResult r = new PipelineDryRun(
                        PipelineDryRunOptions.builder().maxSteps(50).build())
                .run("node { for (int i = 0; i < 100; i++) { sh \"step ${i}\" } }", "Jenkinsfile");
        assertEquals("DR105", only(r).ruleId());
        assertTrue(r.text().contains("sh: step 49"), r.text());
        assertFalse(r.text().contains("sh: step 50"), r.text());
    }

    @Test
    void should_report_deep_recursion_and_stay_alive() {
        PipelineDryRunResult r = new PipelineDryRun(PipelineDryRunOptions.defaults())
                .run("node {\n  def f\n  f = { n -> f(n + 1) }\n  f(0)\n}\n", "Jenkinsfile");
        assertEquals("DR106", only(r).ruleId(), r.findings().toString());
        assertEquals(3, only(r).line());
        assertEquals(
                List.of("node", "  echo: 3"),
                run("node { echo \"${1 + 2}\" }").transcript(),
                "the JVM still runs scripts");
    }

    @Test
    void should_leave_the_string_metaclass_untouched_after_a_refused_attempt() {
        inScript("String.metaClass.pwned = { -> 'yes' }", dir.resolve("m"));
        assertFalse(
                InvokerHelper.getMetaClass(String.class).respondsTo("", "pwned").size() > 0);
    }

    @Test
    void should_not_leak_findings_between_runs_of_a_cached_script() {
        String text = "node { pwn() }";
        List<String> first = run(text).findings().stream().map(Finding::ruleId).toList();
        List<String> second = run(text).findings().stream().map(Finding::ruleId).toList();
        assertEquals(List.of("DR108"), first);
        assertEquals(first, second);
    }
}
