package org.runbook.coauthor.publish;

import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.dryrun.DryRun;
import org.runbook.coauthor.dryrun.DryRunOptions;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Validator;
import org.runbook.coauthor.validate.ValidatorOptions;

/**
 * The check a job document passes before it is sent to Rundeck: the validator's rules plus the
 * dry-run, the same pair {@code CoAuthor} runs on a generated job. A document with an error finding
 * is never imported.
 */
public final class ImportGate {
    private final Validator validator;
    private final DryRun dryRun;

    public ImportGate(ValidatorOptions options) {
        this.validator = new Validator(options);
        // No inventory is known at import time, so node filters select sample nodes made to match them.
        this.dryRun = new DryRun(DryRunOptions.builder().sampleNodes(true).build());
    }

    /** Every finding of the validator and the dry-run, sorted. */
    public List<Finding> check(String text, String file) {
        List<Finding> findings = new ArrayList<>(validator.validate(text, file));
        if (findings.stream().noneMatch(f -> f.ruleId().equals("RD000"))) {
            findings.addAll(dryRun.run(text, file).findings());
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }

    /** True when a finding is an error, so the document must not be imported. */
    public static boolean refuses(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::isError);
    }
}
