package org.runbook.coauthor.dryrun;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Validator;

class ArtifactCheckTest {
    private static final ArtifactCheck CHECK = new ArtifactCheck(new Validator());
    private static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void should_dry_run_a_rundeck_job_across_sample_nodes() throws IOException {
        ArtifactCheck.Outcome outcome =
                CHECK.check(Files.readString(SAMPLES.resolve("jobs/s3-from-node.yaml")), "s3-from-node.yaml");
        assertFalse(outcome.refuses(), outcome.findings().toString());
        assertTrue(outcome.transcript().contains("aws s3 cp"), outcome.transcript());
    }

    @Test
    void should_dry_run_a_jenkinsfile_in_the_sandbox() throws IOException {
        ArtifactCheck.Outcome outcome = CHECK.check(
                Files.readString(SAMPLES.resolve("jenkins/s3-from-node.Jenkinsfile")), "s3-from-node.Jenkinsfile");
        assertFalse(outcome.refuses(), outcome.findings().toString());
        assertTrue(outcome.transcript().startsWith("pipeline (dry-run"), outcome.transcript());
    }

    @Test
    void should_refuse_without_a_dry_run_when_the_text_does_not_parse() {
        ArtifactCheck.Outcome outcome = CHECK.check("pipeline { stages { stage('x' ", "Jenkinsfile");
        assertTrue(outcome.refuses());
        assertTrue(outcome.findings().stream().map(Finding::ruleId).allMatch(id -> id.startsWith("JK")));
        assertNull(outcome.transcript());
    }
}
