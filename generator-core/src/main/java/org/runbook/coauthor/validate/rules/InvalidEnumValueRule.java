package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.support.DidYouMean;

/**
 * RD010: a value outside the fixed set Rundeck understands: {@code loglevel}, {@code sequence.strategy},
 * {@code rankOrder}, {@code loglimitAction}, {@code defaultTab} and option {@code type}. Values Rundeck
 * may still accept (a workflow strategy plugin, an unknown tab) are warnings.
 */
public final class InvalidEnumValueRule extends AbstractRule {
    private static final List<String> LOGLEVELS = List.of("DEBUG", "VERBOSE", "INFO", "WARN", "ERROR");
    private static final List<String> STRATEGIES = List.of("node-first", "sequential", "parallel", "step-first");
    private static final List<String> RANK_ORDERS = List.of("ascending", "descending");
    private static final List<String> LOGLIMIT_ACTIONS = List.of("halt", "truncate");
    private static final List<String> TABS = List.of("nodes", "summary", "report", "monitor", "output", "html");
    private static final List<String> OPTION_TYPES = List.of("text", "file");

    @Override
    public String id() {
        return "RD010";
    }

    @Override
    public String title() {
        return "value outside the set Rundeck understands (loglevel, strategy, rankOrder, ...)";
    }

    /** ERROR; values an installed plugin or a newer GUI may still accept are warnings. */
    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPre(JobView job) {
        JsonNode n = job.node();
        check(
                n.get("loglevel"),
                job.pointer("loglevel"),
                "loglevel",
                LOGLEVELS,
                "Rundeck does not check it and logs at the default level",
                false);
        check(
                n.get("loglimitAction"),
                job.pointer("loglimitAction"),
                "loglimitAction",
                LOGLIMIT_ACTIONS,
                "Rundeck refuses the job",
                false);
        check(
                n.get("defaultTab"),
                job.pointer("defaultTab"),
                "defaultTab",
                TABS,
                "Rundeck does not check it and opens its default tab",
                true);
        String dispatch = Pointers.child(job.pointer("nodefilters"), "dispatch");
        rankOrder(n.path("nodefilters").path("dispatch").get("rankOrder"), Pointers.child(dispatch, "rankOrder"));
        strategy(n.path("sequence").get("strategy"), Pointers.child(job.pointer("sequence"), "strategy"));
    }

    @Override
    public void visitOption(JobView job, OptionView option) {
        JsonNode type = option.node().get("type");
        if (type != null
                && type.isValueNode()
                && !type.isNull()
                && type.asText().equalsIgnoreCase("file")) {
            check(
                    type,
                    option.pointer("type"),
                    "option type",
                    OPTION_TYPES,
                    "Rundeck treats the option as text, not a file upload",
                    false);
        } else {
            check(type, option.pointer("type"), "option type", OPTION_TYPES, "Rundeck treats the option as text", true);
        }
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        JsonNode order =
                step.node().path("jobref").path("nodefilters").path("dispatch").get("rankOrder");
        rankOrder(
                order,
                Pointers.child(
                        Pointers.child(Pointers.child(step.pointer("jobref"), "nodefilters"), "dispatch"),
                        "rankOrder"));
    }

    private void rankOrder(JsonNode v, String pointer) {
        check(
                v,
                pointer,
                "rankOrder",
                RANK_ORDERS,
                "Rundeck treats anything but \"ascending\" as \"descending\"",
                false);
    }

    private void strategy(JsonNode v, String pointer) {
        if (v == null || !v.isValueNode() || v.isNull() || STRATEGIES.contains(v.asText())) {
            return;
        }
        String s = v.asText();
        if (options().installedPlugins().contains(s)) {
            return;
        }
        Optional<String> meant = DidYouMean.closest(s, STRATEGIES);
        if (meant.isPresent() || s.isBlank()) {
            report(
                    pointer,
                    "strategy \"" + s + "\" is not a workflow strategy; the built-in ones are " + quoted(STRATEGIES),
                    meant.map(m -> "did you mean \"" + m + "\"?").orElse("use \"node-first\" or \"sequential\""));
        } else if (!options().installedPlugins().isEmpty()) {
            report(
                    pointer,
                    "strategy \"" + s + "\" is neither a built-in strategy (" + quoted(STRATEGIES)
                            + ") nor an installed WorkflowStrategy plugin",
                    "install the plugin or use a built-in strategy");
        } else {
            warn(
                    pointer,
                    "strategy \"" + s + "\" is not a built-in strategy (" + quoted(STRATEGIES)
                            + "); it must be an installed WorkflowStrategy plugin",
                    "check that the plugin is installed, or pass it with --plugins");
        }
    }

    private void check(JsonNode v, String pointer, String name, List<String> allowed, String effect, boolean warning) {
        if (v == null || !v.isValueNode() || v.isNull() || allowed.contains(v.asText())) {
            return; // maps and lists are RD001's
        }
        String value = v.asText();
        Optional<String> meant = DidYouMean.closest(value, allowed);
        String message = name + " \"" + value + "\" is not one of " + quoted(allowed) + "; " + effect;
        String hint = meant.map(m -> "did you mean \"" + m + "\"?").orElse("use one of " + quoted(allowed));
        if (warning && meant.isEmpty()) {
            warn(pointer, message, hint);
        } else {
            report(pointer, message, hint);
        }
    }

    private void warn(String pointer, String message, String hint) {
        report(Severity.WARNING, pointer, message, hint);
    }

    private static String quoted(List<String> values) {
        return values.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
    }
}
