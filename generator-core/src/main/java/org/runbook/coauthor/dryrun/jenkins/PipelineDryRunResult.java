package org.runbook.coauthor.dryrun.jenkins;

import java.util.List;
import org.runbook.coauthor.validate.Finding;

/**
 * What a Jenkinsfile would do: the transcript (stage → steps with expanded arguments, {@code when}
 * decisions, {@code post} for both outcomes), the build's result in the dry-run, and the findings.
 *
 * @param transcript the lines of the transcript, indented two spaces per level
 * @param result the build result the dry-run reached; {@code null} when the file did not run
 */
public record PipelineDryRunResult(List<String> transcript, BuildResult result, List<Finding> findings) {
    public PipelineDryRunResult {
        transcript = List.copyOf(transcript);
        findings = List.copyOf(findings);
    }

    public String text() {
        return transcript.isEmpty() ? "" : String.join("\n", transcript) + "\n";
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }
}
