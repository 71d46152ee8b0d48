package org.runbook.coauthor.dryrun;

import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.dryrun.jenkins.PipelineDryRun;
import org.runbook.coauthor.dryrun.jenkins.PipelineDryRunOptions;
import org.runbook.coauthor.dryrun.jenkins.PipelineDryRunResult;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Validator;
import org.runbook.coauthor.validate.jenkins.JenkinsFiles;

/**
 * The check an artifact passes before anyone is told it is good or it is sent anywhere: the
 * validator's rules, then the dry-run of its kind (a Rundeck job with sample nodes made to match its
 * filter, or a Jenkinsfile in the sandbox with its parameter defaults). The generator, {@code import}
 * and the Jenkins wizard all call this one check. Thread-safe.
 *
 * <pre>{@code
 * ArtifactCheck.Outcome outcome = new ArtifactCheck(new Validator()).check(text, "backup.yaml");
 * if (outcome.refuses()) { ... }
 * }</pre>
 */
public final class ArtifactCheck {
    private static final PipelineDryRun PIPELINE_DRY_RUN = new PipelineDryRun(PipelineDryRunOptions.defaults());

    private final Validator validator;
    // No inventory is known here, so node filters select sample nodes made to match them.
    private final DryRun jobDryRun =
            new DryRun(DryRunOptions.builder().sampleNodes(true).build());

    /** The findings, sorted, and the dry-run transcript (null when the text could not be read). */
    public record Outcome(List<Finding> findings, String transcript) {
        public Outcome {
            findings = List.copyOf(findings);
        }

        /** True when a finding is an error: the artifact must not be reported good or imported. */
        public boolean refuses() {
            return findings.stream().anyMatch(Finding::isError);
        }
    }

    public ArtifactCheck(Validator validator) {
        this.validator = validator;
    }

    public Outcome check(String text, String file) {
        List<Finding> findings = new ArrayList<>(validator.validate(text, file));
        String transcript = null;
        // A text the reader could not parse (RD000, JK001) has nothing to dry-run; its findings say why.
        if (findings.stream()
                .noneMatch(f -> f.ruleId().equals("RD000") || f.ruleId().equals("JK001"))) {
            if (JenkinsFiles.isJenkinsfile(file)) {
                PipelineDryRunResult result = PIPELINE_DRY_RUN.run(text, file);
                findings.addAll(result.findings());
                transcript = result.text();
            } else {
                DryRunResult result = jobDryRun.run(text, file);
                findings.addAll(result.findings());
                transcript = Transcript.text(result);
            }
        }
        findings.sort(Finding.ORDER);
        return new Outcome(findings, transcript);
    }
}
