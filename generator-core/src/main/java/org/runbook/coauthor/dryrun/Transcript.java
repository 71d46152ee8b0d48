package org.runbook.coauthor.dryrun;

import java.util.List;
import org.runbook.coauthor.dryrun.DryRunResult.JobRun;
import org.runbook.coauthor.dryrun.DryRunResult.NodeRun;
import org.runbook.coauthor.dryrun.DryRunResult.OptionValue;
import org.runbook.coauthor.dryrun.DryRunResult.StepRun;

/** The human-readable transcript of a dry-run: job, options, nodes, then step × node. */
public final class Transcript {
    /** Above this many nodes a step shows the first nodes and a count, so a transcript stays readable. */
    static final int NODES_SHOWN = 20;

    private Transcript() {}

    public static String text(DryRunResult result) {
        StringBuilder out = new StringBuilder();
        for (JobRun job : result.jobs()) {
            out.append("job \"").append(job.name()).append("\" (dry-run: nothing is executed)\n");
            if (!job.options().isEmpty()) {
                out.append("options:\n");
                for (OptionValue o : job.options()) {
                    out.append("  ")
                            .append(o.name())
                            .append(" = ")
                            .append(o.secure() ? "****" : o.value())
                            .append("   (")
                            .append(o.origin())
                            .append(")\n");
                }
            }
            out.append(
                    job.filter() == null
                            ? "nodes: the Rundeck server (no node filter)\n"
                            : "nodes: " + summary(job.nodes()) + " ("
                                    + job.nodes().size() + " of " + job.inventorySize() + " match \"" + job.filter()
                                    + "\")\n");
            for (StepRun step : job.steps()) {
                out.append(step.errorHandler() ? "  on failure of step " : "step ")
                        .append(step.number())
                        .append(": ")
                        .append(step.description().isEmpty() ? "(no description)" : step.description())
                        .append(" [")
                        .append(step.kind())
                        .append("]\n");
                List<NodeRun> runs = step.runs();
                boolean sameEverywhere =
                        runs.stream().map(NodeRun::text).distinct().count() == 1 && runs.size() > 1;
                if (sameEverywhere) {
                    out.append("  on ").append(runs.size()).append(" nodes, identical:\n");
                    indent(out, runs.get(0).text());
                    continue;
                }
                for (int i = 0; i < runs.size() && i < NODES_SHOWN; i++) {
                    out.append("  ").append(runs.get(i).node()).append(":\n");
                    indent(out, runs.get(i).text());
                }
                if (runs.size() > NODES_SHOWN) {
                    out.append("  ... and ").append(runs.size() - NODES_SHOWN).append(" more nodes\n");
                }
            }
        }
        return out.toString();
    }

    private static void indent(StringBuilder out, String text) {
        text.lines().forEach(l -> out.append("    | ").append(l).append('\n'));
    }

    private static String summary(List<String> nodes) {
        if (nodes.isEmpty()) {
            return "none";
        }
        return nodes.size() <= 5 ? String.join(", ", nodes) : String.join(", ", nodes.subList(0, 5)) + ", ...";
    }
}
