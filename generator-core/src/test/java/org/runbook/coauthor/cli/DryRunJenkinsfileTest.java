package org.runbook.coauthor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunJenkinsfileTest {
    private static final String PIPELINE =
            """
            pipeline {
              agent any
              parameters { choice(name: 'ENV', choices: ['dev', 'prod']) }
              stages {
                stage('Deploy') {
                  when { environment name: 'ENV', value: 'prod' }
                  steps { sh "deploy.sh ${params.ENV} ${env.BRANCH_NAME}" }
                }
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void should_dry_run_a_file_named_jenkinsfile_with_params_and_env() throws Exception {
        Path file = Files.writeString(dir.resolve("Jenkinsfile"), PIPELINE);
        CoauthorCliTest.Run r =
                CoauthorCliTest.run("dry-run", file.toString(), "-P", "ENV=prod", "--env", "BRANCH_NAME=release/1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\n  sh: deploy.sh prod release/1\n"), r.out());
    }

    @Test
    void should_accept_the_rundeck_option_flag_for_parameters() throws Exception {
        Path file = Files.writeString(dir.resolve("deploy.Jenkinsfile"), PIPELINE);
        CoauthorCliTest.Run r = CoauthorCliTest.run("dry-run", file.toString(), "-O", "ENV=dev");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("stage \"Deploy\": skipped, when environment ENV == \"prod\" → false"), r.out());
    }

    @Test
    void should_exit_1_and_print_the_finding_on_an_unknown_step() throws Exception {
        Path file = Files.writeString(dir.resolve("ci.groovy"), "node {\n  launchRockets()\n}\n");
        CoauthorCliTest.Run r = CoauthorCliTest.run("dry-run", file.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("? launchRockets"), r.out());
        assertTrue(r.err().contains("ci.groovy:2:3: step \"launchRockets\" is not a known pipeline step"), r.err());
    }

    @Test
    void should_print_json_with_transcript_result_and_findings() throws Exception {
        Path file = Files.writeString(dir.resolve("Jenkinsfile"), "node { sh 'ls' }\n");
        CoauthorCliTest.Run r = CoauthorCliTest.run("dry-run", file.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = Results.JSON.readTree(r.out());
        assertEquals("  sh: ls", json.path("transcript").get(1).asText());
        assertEquals("SUCCESS", json.path("result").asText());
        assertTrue(json.path("findings").isEmpty());
    }

    @Test
    void should_exit_2_on_an_unreadable_file_or_a_bad_time_budget() throws Exception {
        assertEquals(
                2,
                CoauthorCliTest.run(
                                "dry-run", dir.resolve("missing/Jenkinsfile").toString())
                        .exit());
        Path file = Files.writeString(dir.resolve("Jenkinsfile"), "node { }\n");
        assertEquals(
                2,
                CoauthorCliTest.run("dry-run", file.toString(), "--time-budget", "0")
                        .exit());
    }

    @Test
    void should_recognise_jenkinsfiles_by_name_only() {
        assertTrue(DryRunCommand.isJenkinsfile(Path.of("a/Jenkinsfile")));
        assertTrue(DryRunCommand.isJenkinsfile(Path.of("deploy.Jenkinsfile")));
        assertTrue(DryRunCommand.isJenkinsfile(Path.of("x.jenkinsfile")));
        assertTrue(DryRunCommand.isJenkinsfile(Path.of("vars/ci.groovy")));
        assertFalse(DryRunCommand.isJenkinsfile(Path.of("job.yaml")));
        assertFalse(DryRunCommand.isJenkinsfile(Path.of("Jenkinsfile.yaml")));
    }
}
