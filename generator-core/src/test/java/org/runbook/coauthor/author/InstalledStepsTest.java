package org.runbook.coauthor.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.api.CoAuthor;
import org.runbook.coauthor.api.GenerationResult;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.Target;

class InstalledStepsTest {
    private static final CoAuthor COAUTHOR = CoAuthor.offline();
    private static final String CANONICAL = "Help me write an automated runbook that transfers a file from a directory"
            + " on a remote node to an S3 bucket in AWS. I should be able to specify the hostname of the remote node,"
            + " the file name and the S3 bucket.";

    @Test
    void should_upload_with_the_aws_cli_on_the_node_when_the_plugin_is_not_installed() {
        GenerationResult result = generate(List.of(), Target.RUNDECK);
        assertTrue(result.ok(), result.findings().toString());
        assertTrue(result.artifact().contains("aws s3 cp"), result.artifact());
        assertFalse(result.artifact().contains(InstalledSteps.S3_UPLOAD_STEP));
    }

    @Test
    void should_use_the_verified_plugin_step_when_the_target_rundeck_has_it() {
        GenerationResult result = generate(List.of(InstalledSteps.S3_UPLOAD_STEP), Target.RUNDECK);
        assertTrue(result.ok(), result.findings().toString());
        String job = result.artifact();
        assertTrue(job.contains("type: " + InstalledSteps.S3_UPLOAD_STEP), job);
        assertTrue(job.contains("sourcePath: ${option.directory}/${option.file_name}"), job);
        assertTrue(job.contains("bucket: ${option.bucket}"), job);
        assertFalse(job.contains("aws s3"), "neither the copy nor the CLI check needs the AWS CLI any more:\n" + job);
        assertEquals(
                3,
                result.plan().options().stream()
                        .filter(o -> List.of("hostname", "file_name", "bucket").contains(o.name()))
                        .count());
    }

    @Test
    void should_keep_the_portable_pipeline_for_jenkins_even_with_the_rundeck_plugin_listed() {
        GenerationResult result = generate(List.of(InstalledSteps.S3_UPLOAD_STEP), Target.JENKINS);
        assertTrue(result.artifact().contains("aws s3 cp"), result.artifact());
    }

    private static GenerationResult generate(List<String> plugins, Target target) {
        return COAUTHOR.generate(GenerationRequest.builder()
                .text(CANONICAL)
                .target(target)
                .installedPlugins(plugins)
                .build());
    }
}
