package org.runbook.coauthor.validate.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.read.Pointers;

/**
 * The places of a job where Rundeck expands data references, each with how it expands them. An
 * {@code exec} line expands {@code ${group.key}} and runs in a shell; an inline script expands only
 * {@code @group.key@} tokens (the {@code script-inline} plugin skips {@code ${...}} expansion,
 * {@code NodeStepPluginAdapter}); plugin configuration, job references, node filters and
 * notifications expand {@code ${group.key}}. Descriptions, names and log filter settings expand nothing.
 */
public final class ReferenceSites {
    /** How a site expands references. */
    public enum Kind {
        /** A shell command line: {@code ${...}} expanded, {@code $RD_*} environment variables set. */
        COMMAND,
        /** An inline script body: {@code @...@} tokens expanded, {@code $RD_*} set, {@code ${...}} left alone. */
        SCRIPT,
        /** Plugin configuration, job reference fields, job settings: {@code ${...}} expanded. */
        CONFIG,
        /** A node filter: {@code ${...}} expanded before the filter is parsed. */
        FILTER,
        /** A notification field: {@code ${...}} expanded, with the notification groups added. */
        NOTIFICATION
    }

    /**
     * One text value and where it is.
     *
     * @param step the step the text belongs to, or null for job-level settings
     */
    public record Site(String pointer, String text, Kind kind, StepView step) {
        public boolean expandsDollar() {
            return kind != Kind.SCRIPT;
        }

        public boolean shell() {
            return kind == Kind.COMMAND || kind == Kind.SCRIPT;
        }

        /** Whether a shell command line sets a variable of that name ({@code for option in ...}, {@code option=...}). */
        public boolean setsShellVariable(String name) {
            return shell()
                    && java.util.regex.Pattern.compile("\\b(?:for|read|local|declare|export|typeset)\\s+(?:-\\w+\\s+)*"
                                    + java.util.regex.Pattern.quote(name) + "\\b|(?<![\\w.$])"
                                    + java.util.regex.Pattern.quote(name) + "=")
                            .matcher(text)
                            .find();
        }

        /**
         * Whether the offset is on a comment line of shell code ({@code # ...}, not a shebang): a
         * reference there is expanded but changes nothing, so rules leave it alone.
         */
        public boolean inComment(int offset) {
            if (!shell()) {
                return false;
            }
            int from = Math.max(0, Math.min(offset, text.length()) - 1);
            int start = from;
            while (start > 0 && text.charAt(start - 1) != '\n' && from - start < 4096) {
                start--;
            }
            String line = text.substring(start, Math.min(text.length(), Math.max(start, offset)))
                    .stripLeading();
            return line.startsWith("#") && !line.startsWith("#!");
        }
    }

    /** Plugin steps whose configuration holds a shell command line, by provider and property. */
    private static final Map<String, Set<String>> COMMAND_PROPERTIES = Map.of(
            "exec-command", Set.of("adhocRemoteString"),
            "localexec", Set.of("command"),
            "script-inline", Set.of("argString", "scriptInterpreter"),
            "script-file-url", Set.of("argString", "scriptInterpreter"));

    private ReferenceSites() {}

    /** Every site of the job, job settings first, then the steps in order (handlers after their step). */
    public static List<Site> of(JobView job) {
        List<Site> out = new ArrayList<>();
        JsonNode node = job.node();
        JsonNode filters = node.path("nodefilters");
        text(out, filters.path("filter"), job.nodeFilterPointer(), Kind.FILTER, null);
        text(
                out,
                filters.path("filterExclude"),
                Pointers.child(job.pointer("nodefilters"), "filterExclude"),
                Kind.FILTER,
                null);
        walk(out, filters.path("dispatch"), Pointers.child(job.pointer("nodefilters"), "dispatch"), Kind.CONFIG, null);
        for (String key :
                List.of("timeout", "retry", "retryDelay", "notifyAvgDurationThreshold", "orchestrator", "plugins")) {
            walk(out, node.path(key), job.pointer(key), Kind.CONFIG, null);
        }
        JsonNode strategy = node.path("sequence").path("pluginConfig").path("WorkflowStrategy");
        walk(
                out,
                strategy,
                Pointers.child(Pointers.child(job.pointer("sequence"), "pluginConfig"), "WorkflowStrategy"),
                Kind.CONFIG,
                null);
        for (OptionView option : job.options()) {
            text(out, option.node().path("storagePath"), option.pointer("storagePath"), Kind.CONFIG, null);
            text(out, option.node().path("valuesUrl"), option.pointer("valuesUrl"), Kind.CONFIG, null);
        }
        walk(out, node.path("notification"), job.pointer("notification"), Kind.NOTIFICATION, null);
        for (StepView step : job.steps()) {
            out.addAll(ofStep(step));
        }
        return out;
    }

    /** The sites of one step, without its error handler (which is a step of its own). */
    public static List<Site> ofStep(StepView step) {
        List<Site> out = new ArrayList<>();
        JsonNode n = step.node();
        switch (step.kind()) {
            case EXEC -> text(out, n.path("exec"), step.pointer("exec"), Kind.COMMAND, step);
            case SCRIPT -> text(out, n.path("script"), step.pointer("script"), Kind.SCRIPT, step);
            case SCRIPTFILE -> text(out, n.path("scriptfile"), step.pointer("scriptfile"), Kind.CONFIG, step);
            case SCRIPTURL -> text(out, n.path("scripturl"), step.pointer("scripturl"), Kind.CONFIG, step);
            case JOBREF -> {
                JsonNode ref = n.path("jobref");
                Iterator<Map.Entry<String, JsonNode>> it = ref.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String p = Pointers.child(step.pointer("jobref"), e.getKey());
                    if (e.getKey().equals("nodefilters")) {
                        text(out, e.getValue().path("filter"), Pointers.child(p, "filter"), Kind.FILTER, step);
                        walk(out, e.getValue().path("dispatch"), Pointers.child(p, "dispatch"), Kind.CONFIG, step);
                    } else {
                        walk(out, e.getValue(), p, Kind.CONFIG, step);
                    }
                }
            }
            case PLUGIN -> {
                Set<String> commands = COMMAND_PROPERTIES.getOrDefault(step.type(), Set.of());
                Iterator<Map.Entry<String, JsonNode>> it =
                        n.path("configuration").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String p = step.configurationPointer(e.getKey());
                    boolean script =
                            step.type().equals("script-inline") && e.getKey().equals("adhocLocalString");
                    Kind kind = script ? Kind.SCRIPT : commands.contains(e.getKey()) ? Kind.COMMAND : Kind.CONFIG;
                    walk(out, e.getValue(), p, kind, step);
                }
            }
        }
        if (step.kind() != StepView.Kind.EXEC
                && step.kind() != StepView.Kind.JOBREF
                && step.kind() != StepView.Kind.PLUGIN) {
            text(out, n.path("args"), step.pointer("args"), Kind.COMMAND, step);
            for (String key : List.of("scriptInterpreter", "scriptinterpreter")) {
                text(out, n.path(key), step.pointer(key), Kind.COMMAND, step);
            }
        }
        return out;
    }

    /**
     * Whether an inline script is in a language where {@code ${a.b}} is legitimate code (Groovy and
     * Kotlin strings, JavaScript templates, Perl, PHP), judged by the interpreter, the shebang and the
     * file extension. In shell, Python and PowerShell it is always a mistake.
     */
    public static boolean dollarBracesAreCode(StepView step, String script) {
        JsonNode n = step.node();
        String interpreter =
                n.path("scriptInterpreter").asText(n.path("scriptinterpreter").asText("")) + " "
                        + step.configuration().getOrDefault("scriptInterpreter", "");
        String first = script.lines().findFirst().orElse("");
        String shebang = first.startsWith("#!") ? first : "";
        String extension = n.path("fileExtension").asText(step.configuration().getOrDefault("fileExtension", ""));
        String all = (interpreter + " " + shebang + " ." + extension.replaceFirst("^\\.", ""))
                .toLowerCase(java.util.Locale.ROOT);
        return java.util.regex.Pattern.compile(
                        "\\b(groovy|node|nodejs|deno|bun|kotlin|kotlinc|scala|jshell|java|perl|php)\\b"
                                + "|\\.(groovy|js|mjs|ts|kts|kt|scala|java|pl|php)\\b")
                .matcher(all)
                .find();
    }

    private static void walk(List<Site> out, JsonNode value, String pointer, Kind kind, StepView step) {
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = value.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("description")) {
                    walk(out, e.getValue(), Pointers.child(pointer, e.getKey()), kind, step);
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                walk(out, value.get(i), Pointers.child(pointer, i), kind, step);
            }
        } else {
            text(out, value, pointer, kind, step);
        }
    }

    private static void text(List<Site> out, JsonNode value, String pointer, Kind kind, StepView step) {
        if (value.isTextual() && !value.asText().isEmpty()) {
            out.add(new Site(pointer, value.asText(), kind, step));
        }
    }
}
