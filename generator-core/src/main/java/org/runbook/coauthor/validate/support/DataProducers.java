package org.runbook.coauthor.validate.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;

/**
 * What each step of a job can add to the shared data context for the steps after it: {@code data}
 * keys captured by a {@code key-value-data} log filter (on the step or for the whole job),
 * {@code export-var} variables, {@code stub} values, or anything at all (job references and plugins
 * this table does not know, which may call {@code addOutput} with any group).
 */
public final class DataProducers {
    /** {@code SimpleDataFilterPlugin.PATTERN}, the default regex of {@code key-value-data}. */
    public static final String DEFAULT_DATA_REGEX = "^RUNDECK:DATA:\\s*([^\\s]+?)\\s*=\\s*(.+)$";

    /**
     * What one step produces.
     *
     * @param groups group name to the keys it sets; a null key set means "keys not known"
     * @param anything the step may set any group and key
     */
    public record Production(Map<String, Set<String>> groups, boolean anything) {
        public boolean produces(String group) {
            return anything || groups.containsKey(group);
        }

        /** Whether the step sets this key of this group, as far as can be told. */
        public boolean mayProduce(String group, String key) {
            if (anything) {
                return true;
            }
            Set<String> keys = groups.get(group);
            return keys != null && (keys.contains(null) || keys.contains(key));
        }
    }

    /** Log filters that capture nothing. */
    private static final Set<String> QUIET_FILTERS = Set.of(
            "mask-passwords",
            "mask-log-output-regex",
            "highlight-output",
            "quiet-output",
            "render-datatype",
            "killhandler-logfilter");
    /** Step providers that put nothing in the data context (their output may, through a log filter). */
    private static final Set<String> QUIET_PROVIDERS = Set.of(
            "exec-command",
            "script-inline",
            "script-file-url",
            "copyfile",
            "localexec",
            "flow-control",
            "job-state-conditional",
            "source-refresh-plugin",
            "log-data-step",
            "coauthor-s3-upload-step",
            "coauthor-s3-download-step");

    private static final Pattern EMITTED = Pattern.compile("RUNDECK:DATA:[ \\t]*([^\\s=]*)[ \\t]*=");
    private static final Pattern LITERAL_KEY = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern LEADING_ALTERNATION =
            Pattern.compile("\\^?\\(([A-Za-z0-9_.-]+(?:\\|[A-Za-z0-9_.-]+)*)\\).*", Pattern.DOTALL);

    private DataProducers() {}

    /** The production of every step (and error handler) of the job, keyed by step. */
    public static Map<StepView, Production> of(JobView job) {
        JsonNode global = job.node().path("sequence").path("pluginConfig").path("LogFilter");
        Map<StepView, Production> out = new LinkedHashMap<>();
        for (StepView step : job.steps()) {
            out.put(step, of(step, global));
        }
        return out;
    }

    private static Production of(StepView step, JsonNode globalFilters) {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        boolean anything = false;
        for (JsonNode filters : List.of(step.node().path("plugins").path("LogFilter"), globalFilters)) {
            List<JsonNode> list = new java.util.ArrayList<>();
            if (filters.isArray()) {
                filters.forEach(list::add);
            } else if (filters.isObject() && filters.has("type")) {
                list.add(filters);
            }
            for (JsonNode f : list) {
                String type = f.path("type").asText("");
                if (type.equals("key-value-data")) {
                    add(groups, "data", keys(f.path("config"), step));
                } else if (type.equals("key-value-data-multilines")) {
                    add(groups, "data", null);
                } else if (!QUIET_FILTERS.contains(type)) {
                    anything = true;
                }
            }
        }
        switch (step.kind()) {
            case JOBREF -> anything = true;
            case PLUGIN -> {
                String type = step.type();
                if (type.equals("export-var")) {
                    String group = step.configuration().getOrDefault("group", "");
                    String name = step.configuration().getOrDefault("export", "");
                    add(
                            groups,
                            group.isBlank() ? "export" : group.strip(),
                            LITERAL_KEY.matcher(name.strip()).matches() ? Set.of(name.strip()) : null);
                } else if (type.equals("stub-data-step") || type.equals("stub-node-step")) {
                    add(groups, "stub", null);
                } else if (!QUIET_PROVIDERS.contains(type)) {
                    anything = true;
                }
            }
            default -> {}
        }
        return new Production(groups, anything);
    }

    /** The keys a key-value-data filter captures from this step, or null when they cannot be known. */
    private static Set<String> keys(JsonNode config, StepView step) {
        String regex = config.path("regex").isValueNode()
                        && !config.path("regex").asText().isBlank()
                ? config.path("regex").asText()
                : DEFAULT_DATA_REGEX;
        int groupCount;
        try {
            groupCount = Pattern.compile(regex).matcher("").groupCount();
        } catch (PatternSyntaxException e) {
            return null;
        }
        String name = config.path("name").asText("");
        if (groupCount == 1 && !name.isBlank()) {
            return Set.of(name);
        }
        if (groupCount < 2) {
            return Set.of();
        }
        Matcher alternation = LEADING_ALTERNATION.matcher(regex);
        if (regex.length() < 2000 && alternation.matches()) {
            return Set.of(alternation.group(1).split("\\|"));
        }
        if (!regex.equals(DEFAULT_DATA_REGEX)) {
            return null;
        }
        String text = visibleText(step);
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = EMITTED.matcher(text);
        while (m.find()) {
            if (!LITERAL_KEY.matcher(m.group(1)).matches()) {
                return null;
            }
            keys.add(m.group(1));
        }
        return keys.isEmpty() ? null : keys;
    }

    /** The command or script a step runs, when it is written in the job; {@code ""} otherwise. */
    private static String visibleText(StepView step) {
        return switch (step.kind()) {
            case EXEC, SCRIPT -> step.shellText();
            case PLUGIN -> switch (step.type()) {
                case "exec-command" -> step.configuration().getOrDefault("adhocRemoteString", "");
                case "script-inline" -> step.configuration().getOrDefault("adhocLocalString", "");
                case "localexec" -> step.configuration().getOrDefault("command", "");
                default -> "";
            };
            default -> "";
        };
    }

    private static void add(Map<String, Set<String>> groups, String group, Set<String> keys) {
        Set<String> current = groups.computeIfAbsent(group, g -> new LinkedHashSet<>());
        if (keys == null) {
            current.add(null);
        } else {
            current.addAll(keys);
        }
    }
}
