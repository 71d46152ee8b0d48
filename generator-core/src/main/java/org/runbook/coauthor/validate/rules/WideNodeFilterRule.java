package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.NodeFilterSyntax;
import org.runbook.coauthor.validate.support.ReadOnlySteps;

/**
 * RD202: a job that changes state selects every node: its filter matches everything ({@code .*},
 * {@code name: .*}, {@code tags: .*}), or it takes the node list only from an option that accepts any
 * text, so an operator can enter {@code .*}. One slip then runs the change on the whole fleet. Jobs
 * whose steps only look ({@code uptime}, {@code df -h}, {@code systemctl status}) are not reported.
 * An empty filter does not select all nodes in Rundeck 5.4: it turns node dispatch off (RD201).
 */
public final class WideNodeFilterRule extends AbstractRule {
    private static final Set<String> MATCH_ALL = Set.of(".*", "/.*/", ".+", "/.+/", "^.*$", "/^.*$/", "^.+$");
    private static final Pattern OPTION_VALUE = Pattern.compile("\\$\\{(?:option|unquotedoption)\\.([^}@*]+)}");

    @Override
    public String id() {
        return "RD202";
    }

    @Override
    public String title() {
        return "node filter can select every node for a job that changes state";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public void visitNodeFilter(JobView job, String filter) {
        if (filter.isBlank()) {
            return;
        }
        NodeFilterSyntax.Parsed parsed = NodeFilterSyntax.parse(filter);
        List<NodeFilterSyntax.Entry> include = parsed.include();
        if (!parsed.problems().isEmpty() || include.isEmpty()) {
            return;
        }
        String reason = null;
        for (NodeFilterSyntax.Entry e : include) {
            String value = e.value().strip();
            if (MATCH_ALL.contains(value)) {
                reason = reason == null ? "matches every node" : reason;
                continue;
            }
            Optional<OptionView> open = openOption(job, value);
            if (open.isEmpty()) {
                return;
            }
            reason = "takes its nodes from option \"" + open.get().name()
                    + "\", which accepts any text (\".*\" selects " + "every node)";
        }
        Optional<StepView> acting =
                job.steps().stream().filter(s -> !ReadOnlySteps.readOnly(s)).findFirst();
        if (reason == null || acting.isEmpty()) {
            return;
        }
        StepView step = acting.get();
        String what = ReadOnlySteps.show(step);
        report(
                job.nodeFilterPointer(),
                "node filter \"" + filter + "\" " + reason + ", and " + step.label()
                        + (what.isEmpty() ? "" : " (\"" + what + "\")") + " can change state on every node it selects",
                reason.startsWith("matches")
                        ? "narrow the filter to the nodes the job is for, e.g. \"tags: web\""
                        : "constrain the option with a regex or enforced allowed values, or add a fixed filter term");
    }

    /** The option an {@code ${option.x}} value names, when its input is not constrained. */
    private static Optional<OptionView> openOption(JobView job, String value) {
        Matcher m = OPTION_VALUE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<OptionView> option = job.option(m.group(1));
        if (option.isEmpty()) {
            return Optional.empty();
        }
        OptionView o = option.get();
        boolean listed = o.enforced()
                && (!o.values().isEmpty()
                        || o.node().has("valuesUrl")
                        || o.node().has("optionValuesPluginType"));
        if (listed) {
            return o.values().stream().anyMatch(v -> MATCH_ALL.contains(v.strip())) ? option : Optional.empty();
        }
        if (o.regex().isPresent()) {
            try {
                Pattern p = Pattern.compile(o.regex().get());
                return p.matcher(".*").matches() || p.matcher(".+").matches() ? option : Optional.empty();
            } catch (PatternSyntaxException e) {
                return Optional.empty();
            }
        }
        return option;
    }
}
