package org.runbook.coauthor.dryrun.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.validate.Finding;

class PipelineDryRunTest {
    private static String realistic() throws IOException {
        try (InputStream in = PipelineDryRunTest.class.getResourceAsStream("/dryrun/jenkins/realistic.Jenkinsfile")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static PipelineDryRunResult run(String text, Map<String, String> params, Map<String, String> env) {
        return new PipelineDryRun(PipelineDryRunOptions.builder()
                        .params(params)
                        .env(env)
                        .timeBudget(Duration.ofSeconds(5))
                        .build())
                .run(text, "Jenkinsfile");
    }

    private static List<String> ids(PipelineDryRunResult r) {
        return r.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void should_show_stages_steps_and_expanded_arguments_for_a_realistic_pipeline() throws IOException {
        PipelineDryRunResult r = run(realistic(), Map.of("ENV", "prod"), Map.of());
        String t = r.text();
        assertEquals(List.of(), r.findings());
        assertTrue(t.contains("  ENV = \"prod\"   (given)\n"), t);
        assertTrue(t.contains("  DRY = false   (default)\n"), t);
        assertTrue(
                t.contains(
                        "options: timeout(time: 1, unit: \"HOURS\"), buildDiscarder(logRotator(numToKeepStr: \"10\"))"),
                t);
        assertTrue(t.contains("  sh: make build VERSION=1.0\n"), t);
        assertTrue(t.contains("    echo: target a\n    echo: target b\n"), t);
        assertTrue(t.contains("    echo: rev <stdout: git rev-parse HEAD>\n"), t);
        assertTrue(t.contains("  parallel:\n    stage \"Unit\"\n      sh: ./gradlew test\n    stage \"Lint\"\n"), t);
        assertTrue(t.contains("matrix: 3 combinations of OS [linux, windows] × JDK [17, 21] (1 excluded)"), t);
        assertTrue(t.contains("sh: test.sh windows 21"), t);
        assertFalse(t.contains("sh: test.sh windows 17"), t);
        assertTrue(t.contains("environment DEPLOY_TO == \"prod\" → true (DEPLOY_TO is \"prod\")"), t);
        assertTrue(t.contains("not(expression at line 44 → false (it returned false)) → true"), t);
        assertTrue(
                t.contains(
                        "stage \"Release\": skipped, when anyOf(branch \"release/*\" → false (BRANCH_NAME is \"main\");"),
                t);
        assertTrue(t.contains("  on SUCCESS: always, success   ← this run\n  on FAILURE: always, failure\n"), t);
        assertTrue(t.contains("  success:\n    slackSend(channel: \"#ops\", message: \"ok 1\")\n"), t);
        assertTrue(t.contains("  failure:\n    mail(to: \"ops@example.com\", subject: \"failed\")\n"), t);
        assertTrue(t.endsWith("result: SUCCESS\n"), t);
        assertEquals(BuildResult.SUCCESS, r.result());
    }

    @Test
    void should_mask_credentials_from_environment_and_with_credentials() throws IOException {
        String t = run(realistic(), Map.of("ENV", "prod"), Map.of()).text();
        assertTrue(t.contains("  AWS = ****(aws-prod)   (credentials)\n"), t);
        assertTrue(t.contains("    sh: deploy.sh prod ****(db):****(db) ****(aws-prod)\n"), t);
    }

    @Test
    void should_skip_the_deploy_stage_when_a_parameter_override_makes_its_when_false() throws IOException {
        PipelineDryRunResult dev = run(realistic(), Map.of("ENV", "dev"), Map.of());
        assertTrue(dev.text().contains("  DEPLOY_TO = \"dev\"\n"), dev.text());
        assertTrue(dev.text().contains("stage \"Deploy\": skipped, when allOf(branch \"main\" → true"), dev.text());
        PipelineDryRunResult dry = run(realistic(), Map.of("ENV", "prod", "DRY", "true"), Map.of());
        assertTrue(dry.text().contains("not(expression at line 44 → true (it returned true)) → false"), dry.text());
    }

    @Test
    void should_run_release_stage_on_a_release_branch_given_in_the_environment() throws IOException {
        String t =
                run(realistic(), Map.of(), Map.of("BRANCH_NAME", "release/2.0")).text();
        assertTrue(t.contains("stage \"Release\"   (when anyOf(branch \"release/*\" → true"), t);
        assertTrue(t.contains("  sh: release.sh\n"), t);
    }

    @Test
    void should_warn_when_a_given_parameter_is_not_declared_or_not_a_choice() throws IOException {
        PipelineDryRunResult r = run(realistic(), Map.of("ENV", "qa", "TYPO", "x"), Map.of());
        assertEquals(List.of("DR111", "DR112"), ids(r).stream().sorted().toList());
        assertTrue(r.findings().stream()
                .anyMatch(f -> f.message().contains("declared parameters are \"ENV\", \"DRY\", \"VERSION\"")));
    }

    @Test
    void should_record_an_unknown_step_as_a_finding_and_keep_going() {
        String text = "pipeline {\n  agent any\n  stages {\n    stage('A') {\n      steps {\n"
                + "        deployToMars target: 'red'\n        sh 'after'\n      }\n    }\n  }\n}\n";
        PipelineDryRunResult r = run(text, Map.of(), Map.of());
        assertTrue(r.text().contains("  ? deployToMars(target: \"red\")\n  sh: after\n"), r.text());
        Finding f = r.findings().get(0);
        assertEquals("DR108", f.ruleId());
        assertEquals(6, f.line());
        assertEquals(9, f.column());
        assertTrue(f.isError());
    }

    @Test
    void should_fail_the_stage_skip_the_rest_and_fire_post_failure_when_error_is_called() {
        String text =
                """
                pipeline {
                  agent any
                  stages {
                    stage('Check') { steps { script { if (params.ENV != 'prod') { error "refusing ${params.ENV}" } } } }
                    stage('Deploy') { steps { sh 'deploy' } }
                  }
                  post { failure { echo 'alert' }; success { echo 'yay' } }
                }
                """;
        PipelineDryRunResult r = run(text, Map.of("ENV", "dev"), Map.of());
        String t = r.text();
        assertTrue(t.contains("    error: refusing dev\n  stage \"Check\" fails: refusing dev\n"), t);
        assertTrue(t.contains("stage \"Deploy\": skipped (an earlier stage failed)\n"), t);
        assertTrue(t.contains("  on FAILURE: failure   ← this run\n"), t);
        assertEquals(BuildResult.FAILURE, r.result());
        assertFalse(t.contains("sh: deploy"), t);
    }

    @Test
    void should_record_a_scripted_pipeline() {
        String text =
                """
                node('linux') {
                  stage('Build') {
                    sh "make VERSION=${env.BUILD_NUMBER}"
                  }
                  stage('Test') {
                    parallel unit: { sh 'test unit' }, it: { sh 'test it' }
                  }
                }
                """;
        PipelineDryRunResult r = run(text, Map.of(), Map.of());
        assertEquals(List.of(), r.findings());
        assertEquals(
                List.of(
                        "node \"linux\"",
                        "  stage \"Build\"",
                        "    sh: make VERSION=1",
                        "  stage \"Test\"",
                        "    parallel:",
                        "      branch \"unit\":",
                        "        sh: test unit",
                        "      branch \"it\":",
                        "        sh: test it"),
                r.transcript());
    }

    @Test
    void should_call_helper_methods_the_jenkinsfile_defines() {
        String text =
                """
                def deploy(String where) { sh "deploy.sh ${where}" }
                pipeline { agent any; stages { stage('D') { steps { script { deploy('eu') } } } } }
                """;
        PipelineDryRunResult r = run(text, Map.of(), Map.of());
        assertEquals(List.of(), r.findings());
        assertTrue(r.text().contains("    sh: deploy.sh eu\n"), r.text());
    }

    @Test
    void should_not_sleep_or_print_when_the_jenkinsfile_calls_sleep_and_println() {
        String text = "node { sleep 600\n println 'hello'\n sleep(time: 2, unit: 'HOURS') }";
        long start = System.nanoTime();
        PipelineDryRunResult r = run(text, Map.of(), Map.of());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 60);
        assertEquals(
                List.of("node", "  sleep(600)", "  echo: hello", "  sleep(time: 2, unit: \"HOURS\")"), r.transcript());
    }

    @Test
    void should_report_an_unterminated_string_as_a_syntax_finding_with_its_position() {
        PipelineDryRunResult r =
                run("pipeline {\n  agent any\n  stages { stage('A') { steps { sh 'oops } } }\n}\n", Map.of(), Map.of());
        Finding f = r.findings().get(0);
        assertEquals("DR101", f.ruleId());
        assertEquals(3, f.line());
        assertTrue(f.column() > 0, f.toString());
        assertTrue(r.transcript().isEmpty());
        assertNull(r.result());
    }

    @Test
    void should_refuse_a_10_mb_file_before_compiling_it() {
        String big = "// " + "x".repeat(10 * 1024 * 1024);
        PipelineDryRunResult r = run(big, Map.of(), Map.of());
        assertEquals(List.of("DR107"), ids(r));
        assertTrue(r.transcript().isEmpty());
    }

    @Test
    void should_report_a_script_error_with_its_line() {
        PipelineDryRunResult r = run("node {\n  echo 'a'\n  echo undefinedThing.name\n}\n", Map.of(), Map.of());
        assertEquals(List.of("DR109"), ids(r));
        assertEquals(3, r.findings().get(0).line());
        assertTrue(
                r.findings().get(0).message().contains("\"undefinedThing\""),
                r.findings().get(0).message());
    }

    @Test
    void should_keep_env_set_by_a_script_and_scope_a_stage_environment_to_its_stage() {
        String text =
                """
                pipeline {
                  agent any
                  stages {
                    stage('Version') {
                      environment { STAGE_ONLY = 'inner' }
                      steps { script { env.VERSION = sh(script: 'git describe', returnStdout: true).trim() } }
                    }
                    stage('Use') { steps { sh "tag ${env.VERSION} ${env.STAGE_ONLY}" } }
                  }
                }
                """;
        PipelineDryRunResult r = run(text, Map.of(), Map.of());
        assertTrue(r.text().contains("  sh: tag <stdout: git describe> null\n"), r.text());
    }
}
