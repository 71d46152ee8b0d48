package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.DataReferences;
import org.runbook.coauthor.validate.support.ReferenceSites;

/**
 * RD102: an option is defined but nothing in the job reads it. The operator is asked for a value
 * that changes nothing, which usually means a step was meant to use it (or still uses an old name).
 * Options count as used when any step, node filter, notification or job setting names them in any
 * syntax, and the rule stays silent where a reader it cannot see may use them: a job reference
 * with {@code importOptions}, a script file, a command that runs a script or a build tool
 * (options reach it as {@code $RD_OPTION_*} environment variables), a plugin step that is not bundled with Rundeck (plugins
 * such as Ansible get every option), or a secure option (node executors read passwords through
 * node attributes such as {@code ssh-password-option}).
 */
public final class UnusedOptionRule extends AbstractRule {
    /** Step providers known to read only their own configuration. */
    private static final Set<String> TRANSPARENT_PROVIDERS = Set.of(
            "exec-command",
            "script-inline",
            "copyfile",
            "localexec",
            "flow-control",
            "job-state-conditional",
            "export-var",
            "source-refresh-plugin",
            "stub-data-step",
            "stub-node-step",
            "log-data-step",
            "coauthor-s3-upload-step",
            "coauthor-s3-download-step");

    /** A command that runs a script or a build file, which may read {@code $RD_OPTION_*} from its environment. */
    private static final Pattern RUNS_A_PROGRAM_FILE = Pattern.compile(
            "(?:^|[\\s;&|(\"'])(?:\\.{1,2}/|/|~/|\\$\\w+/|\\$\\{\\w+}/)?[\\w./${}-]*\\.(?:sh|bash|py|pl|rb|ps1|js|php)\\b"
                    + "|\\b(?:ansible-playbook|make|gradle|mvn|npm|terraform)\\b");

    @Override
    public String id() {
        return "RD102";
    }

    @Override
    public String title() {
        return "option is defined but never used";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public void visitJobPost(JobView job) {
        if (job.options().isEmpty() || hasHiddenReader(job)) {
            return;
        }
        List<String> texts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = job.node().fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("options")) {
                collectOptions(e.getValue(), texts);
            } else if (!e.getKey().equals("description")) {
                collect(e.getValue(), texts);
            }
        }
        for (OptionView option : job.options()) {
            if (option.secure() || option.name().isEmpty() || isConfirmation(option) || used(option, texts)) {
                continue;
            }
            String message = "option \"" + option.name() + "\" is defined but never used; no step, node filter or "
                    + "notification reads \"${option." + option.name() + "}\", \"@option." + option.name()
                    + "@\" or \"$RD_OPTION_" + DataReferences.envName(option.name()) + "\"";
            String hint = "use the option in the step that needs it, or remove it";
            if (option.node().has("name")) {
                report(option.pointer("name"), message, hint);
            } else {
                reportKey(option.pointer(), message, hint);
            }
        }
    }

    /** A reader this rule cannot look into. */
    private static boolean hasHiddenReader(JobView job) {
        for (ReferenceSites.Site site : ReferenceSites.of(job)) {
            if (site.shell() && RUNS_A_PROGRAM_FILE.matcher(site.text()).find()) {
                return true; // options reach every command as $RD_OPTION_* environment variables
            }
        }
        for (StepView step : job.steps()) {
            switch (step.kind()) {
                case SCRIPTFILE, SCRIPTURL -> {
                    return true;
                }
                case JOBREF -> {
                    JsonNode v = step.node().path("jobref").path("importOptions");
                    if (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText(""))) {
                        return true;
                    }
                }
                case PLUGIN -> {
                    if (!TRANSPARENT_PROVIDERS.contains(step.type())) {
                        return true;
                    }
                }
                default -> {}
            }
        }
        return false;
    }

    private static boolean used(OptionView option, List<String> texts) {
        String name = Pattern.quote(option.name());
        Pattern p = Pattern.compile("(?:\\b(?:option|unquotedoption|secureOption)\\." + name + "(?![A-Za-z0-9_-])"
                + "|\\bfile\\." + name + "(?![A-Za-z0-9_-])"
                + "|\\bRD_(?:SECURE)?OPTION_" + Pattern.quote(DataReferences.envName(option.name()))
                + "(?![A-Za-z0-9]))");
        for (String t : texts) {
            if (p.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }

    /** Every string under the node except descriptions. */
    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("description")) {
                    collect(e.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
    }

    /** Options read other options only in their storage path and remote values URL. */
    private static void collectOptions(JsonNode options, List<String> out) {
        List<JsonNode> defs = new ArrayList<>();
        if (options.isArray()) {
            options.forEach(defs::add);
        } else if (options.isObject()) {
            options.forEach(defs::add);
        }
        for (JsonNode d : defs) {
            for (String key : List.of("storagePath", "valuesUrl")) {
                if (d.path(key).isTextual()) {
                    out.add(d.path(key).asText());
                }
            }
        }
    }

    /**
     * A required option whose only allowed value is enforced (a "confirm: yes" guard) does its work by
     * existing: Rundeck will not start the job without it, so it needs no reference.
     */
    static boolean isConfirmation(org.runbook.coauthor.validate.model.OptionView option) {
        return option.required() && option.enforced() && option.values().size() == 1;
    }
}
