package org.runbook.coauthor.dryrun;

import java.util.List;
import org.runbook.coauthor.validate.Finding;

/** What a dry-run would do, job by job, and what it could not resolve. */
public record DryRunResult(List<JobRun> jobs, List<Finding> findings) {
    public DryRunResult {
        jobs = List.copyOf(jobs);
        findings = List.copyOf(findings);
    }

    /** One job: the option values used, the nodes selected, and each step. */
    public record JobRun(
            String name,
            List<OptionValue> options,
            String filter,
            List<String> nodes,
            int inventorySize,
            List<StepRun> steps) {
        public JobRun {
            options = List.copyOf(options);
            nodes = List.copyOf(nodes);
            steps = List.copyOf(steps);
        }
    }

    /**
     * An option's value and where it came from.
     *
     * @param origin {@code given}, {@code default} or {@code synthesized}
     */
    public record OptionValue(String name, String value, String origin, boolean secure) {}

    /**
     * One step and what it would run on each node ({@code "(server)"} for workflow steps).
     *
     * @param kind exec, script, scriptfile, scripturl, jobref or the plugin type
     */
    public record StepRun(int number, String description, String kind, boolean errorHandler, List<NodeRun> runs) {
        public StepRun {
            runs = List.copyOf(runs);
        }
    }

    /** The exact command, script or plugin configuration for one node. */
    public record NodeRun(String node, String text) {}

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }
}
