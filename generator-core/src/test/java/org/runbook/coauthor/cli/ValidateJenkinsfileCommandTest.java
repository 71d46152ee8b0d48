package org.runbook.coauthor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coauthor validate} on Jenkinsfiles: every output format, the exit codes, --jenkins-steps. */
class ValidateJenkinsfileCommandTest {
    static final String BAD = "pipeline {\n    agent any\n    stages {\n        stage('Build') {\n            steps {\n"
            + "                shh 'make'\n            }\n        }\n    }\n}\n";
    static final String GOOD = BAD.replace("shh 'make'", "sh 'make'");

    @Test
    void should_exit_1_with_a_snippet_and_hint_for_an_error_in_a_jenkinsfile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Jenkinsfile"), BAD);
        CoauthorCliTest.Run r = CoauthorCliTest.run("validate", "--no-shellcheck", file.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().startsWith(file + ":6:17: \"shh\" is not a known step [JK008]\n"), r.out());
        assertTrue(r.out().contains("  6 |                 shh 'make'\n"), r.out());
        assertTrue(r.out().contains("  hint: did you mean \"sh\"?"), r.out());
        assertTrue(r.err().contains("1 file(s), 1 finding(s), 1 error(s)"), r.err());
    }

    @Test
    void should_exit_0_for_a_clean_jenkinsfile_found_in_a_directory(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("ci"));
        Files.writeString(dir.resolve("ci/release.Jenkinsfile"), GOOD);
        Files.writeString(dir.resolve("notes.txt"), "not a job");
        CoauthorCliTest.Run r = CoauthorCliTest.run("validate", "--no-shellcheck", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("1 file(s), 0 finding(s)"), r.err());
    }

    @Test
    void should_print_json_and_sarif_for_jenkinsfiles(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Jenkinsfile"), BAD);
        CoauthorCliTest.Run json = CoauthorCliTest.run("validate", "--format", "json", file.toString());
        assertEquals(1, json.exit());
        JsonNode finding = new ObjectMapper().readTree(json.out()).get(0);
        assertEquals("JK008", finding.get("rule").asText());
        assertEquals(6, finding.get("line").asInt());
        assertEquals("error", finding.get("severity").asText());

        CoauthorCliTest.Run sarif = CoauthorCliTest.run("validate", "--format", "sarif", file.toString());
        assertEquals(1, sarif.exit());
        JsonNode run = new ObjectMapper().readTree(sarif.out()).get("runs").get(0);
        assertEquals("JK008", run.get("results").get(0).get("ruleId").asText());
        boolean described = false;
        for (JsonNode rule : run.get("tool").get("driver").get("rules")) {
            described |= rule.get("id").asText().equals("JK008")
                    && rule.get("name").asText().equals("UnknownStepRule");
        }
        assertTrue(described, "SARIF rule metadata lists the JK rules");
    }

    @Test
    void should_know_the_steps_listed_with_jenkins_steps(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Jenkinsfile"), BAD);
        Path steps = Files.writeString(dir.resolve("steps.txt"), "shh\n");
        CoauthorCliTest.Run r = CoauthorCliTest.run(
                "validate", "--no-shellcheck", "--jenkins-steps", steps.toString(), file.toString());
        assertEquals(0, r.exit(), r.out());
    }

    @Test
    void should_exit_2_when_the_jenkins_steps_file_is_malformed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Jenkinsfile"), GOOD);
        Path steps = Files.writeString(dir.resolve("steps.txt"), "two words\n");
        CoauthorCliTest.Run r = CoauthorCliTest.run("validate", "--jenkins-steps", steps.toString(), file.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("\"two words\" is not a step name"), r.err());
    }

    @Test
    void should_switch_rules_off_per_path_with_a_config_file(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("Jenkinsfile"), BAD);
        Path config = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  JK008: warning\n");
        CoauthorCliTest.Run r =
                CoauthorCliTest.run("validate", "--no-shellcheck", "--config", config.toString(), file.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("[JK008]"), r.out());
    }
}
