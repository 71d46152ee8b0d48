package org.runbook.coauthor.api;

import java.util.List;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.validate.Finding;

/**
 * Everything one generation produced. An artifact is present for {@code OK} and {@code INVALID};
 * only {@code OK} is fit to import.
 *
 * @param plan the plan, or null when no plan was drafted
 * @param nearest for {@code NO_MATCH}: the closest catalog blocks, best first
 * @param transcript the dry-run of the artifact: what would run where, for sample option values
 * @param message one line for humans: what happened and what to do
 */
public record GenerationResult(
        GenerationStatus status,
        GenerationRequest request,
        String artifact,
        RunbookPlan plan,
        List<Finding> findings,
        List<String> nearest,
        String transcript,
        String message,
        long millis) {
    public GenerationResult {
        findings = List.copyOf(findings);
        nearest = List.copyOf(nearest);
    }

    public boolean ok() {
        return status == GenerationStatus.OK;
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }
}
