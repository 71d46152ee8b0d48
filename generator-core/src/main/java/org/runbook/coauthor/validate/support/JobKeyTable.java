package org.runbook.coauthor.validate.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.read.Pointers;

/**
 * The fixed key sets Rundeck 5.4 reads when it imports a job ({@code ScheduledExecution.fromMap},
 * {@code Workflow.fromMap}, {@code CommandExec}, {@code JobExec}, {@code PluginStep}, {@code Option}),
 * with the value kind each key needs, and a walk over every such map of a job. Plugin configuration
 * maps ({@code configuration}, {@code config}, {@code ExecutionLifecycle}, {@code WorkflowStrategy})
 * are free-form and never walked; {@code notification} has its own rule.
 */
public final class JobKeyTable {
    /** What a key's value must be. */
    public enum Kind {
        /** A string; numbers and booleans are fine (Groovy turns them into text), maps and lists are not. */
        TEXT,
        /** A real boolean: Rundeck tests it for Groovy truth, so a quoted {@code 'false'} is true. */
        GROOVY_BOOL,
        /** A boolean Rundeck parses itself: {@code true} or {@code 'true'} is true, anything else false. */
        PARSED_BOOL,
        /** One scalar value. */
        SCALAR,
        /** A scalar from a fixed list (checked by RD010). */
        ENUM,
        LIST,
        MAP,
        LIST_OR_MAP,
        /** Anything; another rule checks it (e.g. {@code retry}). */
        ANY
    }

    /** One kind of map and the keys Rundeck reads from it. */
    public record Context(String id, Map<String, Kind> keys) {
        public Set<String> names() {
            return keys.keySet();
        }
    }

    /**
     * One map of a job that has a fixed key set.
     *
     * @param where how messages name it: {@code the job}, {@code "nodefilters"}, {@code step 2}
     */
    public record Place(Context context, String pointer, JsonNode node, String where) {}

    public static final Context JOB = ctx("job",
            "name", Kind.TEXT, "group", Kind.TEXT, "description", Kind.TEXT, "uuid", Kind.TEXT, "id", Kind.TEXT,
            "project", Kind.TEXT, "loglevel", Kind.ENUM, "executionEnabled", Kind.GROOVY_BOOL,
            "scheduleEnabled", Kind.GROOVY_BOOL, "nodeFilterEditable", Kind.GROOVY_BOOL,
            "multipleExecutions", Kind.GROOVY_BOOL, "maxMultipleExecutions", Kind.SCALAR, "timeout", Kind.SCALAR,
            "retry", Kind.ANY, "retryDelay", Kind.SCALAR, "timeZone", Kind.TEXT, "schedule", Kind.MAP,
            "options", Kind.LIST_OR_MAP, "nodefilters", Kind.MAP, "nodesSelectedByDefault", Kind.GROOVY_BOOL,
            "excludeFilterUncheck", Kind.GROOVY_BOOL, "sequence", Kind.MAP, "notification", Kind.MAP,
            "notifyAvgDurationThreshold", Kind.TEXT, "orchestrator", Kind.MAP, "plugins", Kind.MAP,
            "loglimit", Kind.SCALAR, "loglimitAction", Kind.ENUM, "loglimitStatus", Kind.TEXT,
            "defaultTab", Kind.ENUM);
    public static final Context SEQUENCE = ctx("sequence",
            "keepgoing", Kind.GROOVY_BOOL, "strategy", Kind.TEXT, "commands", Kind.LIST, "pluginConfig", Kind.MAP,
            // exported by later 5.x releases; 5.4 ignores it harmlessly
            "workflowStepMetadata", Kind.ANY);
    public static final Context COMMAND_STEP = ctx("command step",
            "exec", Kind.TEXT, "script", Kind.TEXT, "scriptfile", Kind.TEXT, "scripturl", Kind.TEXT,
            "args", Kind.TEXT, "scriptInterpreter", Kind.TEXT, "interpreterArgsQuoted", Kind.GROOVY_BOOL,
            "fileExtension", Kind.TEXT, "expandTokenInScriptFile", Kind.SCALAR, "passSecureInput", Kind.PARSED_BOOL,
            "autoSecureInput", Kind.PARSED_BOOL, "plugins", Kind.MAP, "description", Kind.TEXT,
            "errorhandler", Kind.MAP, "keepgoingOnSuccess", Kind.GROOVY_BOOL);
    public static final Context JOBREF_STEP = ctx("job reference step",
            "jobref", Kind.MAP, "project", Kind.TEXT, "failOnDisable", Kind.PARSED_BOOL,
            "childNodes", Kind.PARSED_BOOL, "importOptions", Kind.PARSED_BOOL, "plugins", Kind.MAP,
            "description", Kind.TEXT, "errorhandler", Kind.MAP, "keepgoingOnSuccess", Kind.GROOVY_BOOL);
    public static final Context PLUGIN_STEP = ctx("plugin step",
            "type", Kind.TEXT, "nodeStep", Kind.GROOVY_BOOL, "configuration", Kind.MAP, "plugins", Kind.MAP,
            "description", Kind.TEXT, "errorhandler", Kind.MAP, "keepgoingOnSuccess", Kind.GROOVY_BOOL);
    public static final Context JOBREF = ctx("jobref",
            "name", Kind.TEXT, "group", Kind.TEXT, "uuid", Kind.TEXT, "project", Kind.TEXT, "args", Kind.TEXT,
            "nodeStep", Kind.PARSED_BOOL, "importOptions", Kind.PARSED_BOOL, "failOnDisable", Kind.PARSED_BOOL,
            "childNodes", Kind.PARSED_BOOL, "ignoreNotifications", Kind.PARSED_BOOL, "useName", Kind.PARSED_BOOL,
            "nodefilters", Kind.MAP);
    public static final Context JOBREF_NODEFILTERS = ctx("jobref.nodefilters", "filter", Kind.TEXT, "dispatch", Kind.MAP);
    public static final Context JOBREF_DISPATCH = ctx("jobref.nodefilters.dispatch",
            "threadcount", Kind.SCALAR, "keepgoing", Kind.PARSED_BOOL, "rankAttribute", Kind.TEXT,
            "rankOrder", Kind.ENUM, "nodeIntersect", Kind.PARSED_BOOL);
    public static final Context NODEFILTERS = ctx("nodefilters",
            "filter", Kind.TEXT, "filterExclude", Kind.TEXT, "include", Kind.MAP, "exclude", Kind.MAP,
            "dispatch", Kind.MAP);
    public static final Context DISPATCH = ctx("nodefilters.dispatch",
            "threadcount", Kind.SCALAR, "keepgoing", Kind.GROOVY_BOOL, "excludePrecedence", Kind.GROOVY_BOOL,
            "rankAttribute", Kind.TEXT, "rankOrder", Kind.ENUM, "successOnEmptyNodeFilter", Kind.GROOVY_BOOL);
    public static final Context NODE_FILTER_MAP = ctx("nodefilters.include",
            "hostname", Kind.TEXT, "name", Kind.TEXT, "tags", Kind.TEXT, "os-name", Kind.TEXT,
            "os-family", Kind.TEXT, "os-arch", Kind.TEXT, "os-version", Kind.TEXT);
    public static final Context OPTION = ctx("option",
            "name", Kind.TEXT, "description", Kind.TEXT, "label", Kind.TEXT, "value", Kind.SCALAR,
            "values", Kind.LIST, "valuesListDelimiter", Kind.TEXT, "valuesUrl", Kind.TEXT,
            "configRemoteUrl", Kind.MAP, "enforced", Kind.GROOVY_BOOL, "required", Kind.GROOVY_BOOL,
            "regex", Kind.TEXT, "multivalued", Kind.PARSED_BOOL, "delimiter", Kind.TEXT,
            "multivalueAllSelected", Kind.PARSED_BOOL, "secure", Kind.PARSED_BOOL, "valueExposed", Kind.PARSED_BOOL,
            "storagePath", Kind.TEXT, "isDate", Kind.GROOVY_BOOL, "dateFormat", Kind.TEXT, "type", Kind.ENUM,
            "config", Kind.MAP, "hidden", Kind.PARSED_BOOL, "sortValues", Kind.PARSED_BOOL,
            "optionValuesPluginType", Kind.TEXT, "sortIndex", Kind.SCALAR,
            // exported by later 5.x releases next to valuesUrl
            "configRemoteUrlAuth", Kind.TEXT);
    public static final Context CONFIG_REMOTE_URL = ctx("configRemoteUrl",
            "authenticationType", Kind.TEXT, "username", Kind.TEXT, "passwordStoragePath", Kind.TEXT,
            "keyName", Kind.TEXT, "tokenStoragePath", Kind.TEXT, "apiTokenReporter", Kind.TEXT,
            "jsonFilter", Kind.TEXT);
    public static final Context SCHEDULE = ctx("schedule",
            "crontab", Kind.TEXT, "time", Kind.MAP, "month", Kind.SCALAR, "year", Kind.SCALAR,
            "dayofmonth", Kind.MAP, "weekday", Kind.MAP);
    public static final Context SCHEDULE_TIME = ctx("schedule.time",
            "seconds", Kind.SCALAR, "minute", Kind.SCALAR, "hour", Kind.SCALAR);
    public static final Context SCHEDULE_DAY = ctx("schedule day", "day", Kind.SCALAR);
    public static final Context ORCHESTRATOR = ctx("orchestrator", "type", Kind.TEXT, "configuration", Kind.MAP);
    public static final Context JOB_PLUGINS = ctx("plugins", "ExecutionLifecycle", Kind.ANY);
    public static final Context STEP_PLUGINS = ctx("step plugins", "LogFilter", Kind.LIST_OR_MAP);
    public static final Context LOG_FILTER = ctx("log filter", "type", Kind.TEXT, "config", Kind.MAP);
    public static final Context PLUGIN_CONFIG = ctx("sequence.pluginConfig",
            "WorkflowStrategy", Kind.MAP, "LogFilter", Kind.LIST_OR_MAP);
    public static final Context RETRY = ctx("retry", "retry", Kind.SCALAR, "delay", Kind.SCALAR);

    /** Keys that decide what a step is; a step may hold only one of them (RD005). */
    public static final List<String> STEP_KINDS = List.of("jobref", "exec", "script", "scriptfile", "scripturl", "type");

    private JobKeyTable() {}

    /** The context of a step map, chosen as {@code Workflow.fromMap} does: jobref, then command, then plugin. */
    public static Context stepContext(JsonNode step) {
        if (present(step, "jobref")) {
            return JOBREF_STEP;
        }
        for (String k : List.of("exec", "script", "scriptfile", "scripturl")) {
            if (present(step, k)) {
                return COMMAND_STEP;
            }
        }
        return PLUGIN_STEP;
    }

    /** Present and not null, the way Groovy's {@code map.key != null} reads it. */
    public static boolean present(JsonNode map, String key) {
        JsonNode v = map.get(key);
        return v != null && !v.isNull();
    }

    /** Every fixed-key map of the job, in document order (notification excluded). */
    public static List<Place> places(JobView job) {
        List<Place> out = new ArrayList<>();
        JsonNode n = job.node();
        String p = job.pointer();
        out.add(new Place(JOB, p, n, "the job"));
        Place nf = child(out, NODEFILTERS, n, p, "nodefilters", "\"nodefilters\"");
        if (nf != null) {
            child(out, DISPATCH, nf.node(), nf.pointer(), "dispatch", "\"nodefilters.dispatch\"");
            child(out, NODE_FILTER_MAP, nf.node(), nf.pointer(), "include", "\"nodefilters.include\"");
            child(out, NODE_FILTER_MAP, nf.node(), nf.pointer(), "exclude", "\"nodefilters.exclude\"");
        }
        options(out, n.path("options"), Pointers.child(p, "options"));
        Place schedule = child(out, SCHEDULE, n, p, "schedule", "\"schedule\"");
        if (schedule != null) {
            child(out, SCHEDULE_TIME, schedule.node(), schedule.pointer(), "time", "\"schedule.time\"");
            child(out, SCHEDULE_DAY, schedule.node(), schedule.pointer(), "dayofmonth", "\"schedule.dayofmonth\"");
            child(out, SCHEDULE_DAY, schedule.node(), schedule.pointer(), "weekday", "\"schedule.weekday\"");
        }
        child(out, ORCHESTRATOR, n, p, "orchestrator", "\"orchestrator\"");
        child(out, JOB_PLUGINS, n, p, "plugins", "\"plugins\"");
        child(out, RETRY, n, p, "retry", "\"retry\"");
        Place seq = child(out, SEQUENCE, n, p, "sequence", "\"sequence\"");
        if (seq != null) {
            Place pc = child(out, PLUGIN_CONFIG, seq.node(), seq.pointer(), "pluginConfig", "\"sequence.pluginConfig\"");
            if (pc != null) {
                logFilters(out, pc.node(), pc.pointer(), "global log filter");
            }
            JsonNode commands = seq.node().path("commands");
            String base = Pointers.child(seq.pointer(), "commands");
            for (int i = 0; i < commands.size() && commands.isArray(); i++) {
                JsonNode step = commands.get(i);
                if (step.isObject()) {
                    String sp = Pointers.child(base, i);
                    step(out, step, sp, "step " + (i + 1));
                    if (step.path("errorhandler").isObject()) {
                        step(out, step.get("errorhandler"), Pointers.child(sp, "errorhandler"),
                                "the error handler of step " + (i + 1));
                    }
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static void step(List<Place> out, JsonNode step, String pointer, String where) {
        out.add(new Place(stepContext(step), pointer, step, where));
        Place jobref = child(out, JOBREF, step, pointer, "jobref", "the job reference of " + where);
        if (jobref != null) {
            Place nf = child(out, JOBREF_NODEFILTERS, jobref.node(), jobref.pointer(), "nodefilters",
                    "\"jobref.nodefilters\" of " + where);
            if (nf != null) {
                child(out, JOBREF_DISPATCH, nf.node(), nf.pointer(), "dispatch",
                        "\"jobref.nodefilters.dispatch\" of " + where);
            }
        }
        Place plugins = child(out, STEP_PLUGINS, step, pointer, "plugins", "\"plugins\" of " + where);
        if (plugins != null) {
            logFilters(out, plugins.node(), plugins.pointer(), "log filter", where);
        }
    }

    private static void logFilters(List<Place> out, JsonNode parent, String pointer, String label, String... of) {
        JsonNode filters = parent.path("LogFilter");
        String base = Pointers.child(pointer, "LogFilter");
        String suffix = of.length == 0 ? "" : " of " + of[0];
        if (filters.isObject()) {
            out.add(new Place(LOG_FILTER, base, filters, label + suffix));
        }
        for (int i = 0; i < filters.size() && filters.isArray(); i++) {
            if (filters.get(i).isObject()) {
                out.add(new Place(LOG_FILTER, Pointers.child(base, i), filters.get(i), label + " " + (i + 1) + suffix));
            }
        }
    }

    private static void options(List<Place> out, JsonNode opts, String base) {
        if (opts.isArray()) {
            for (int i = 0; i < opts.size(); i++) {
                JsonNode o = opts.get(i);
                if (o.isObject()) {
                    String name = o.path("name").isValueNode() ? o.path("name").asText() : "";
                    option(out, o, Pointers.child(base, i), name.isEmpty() ? "option " + (i + 1) : "option \"" + name + "\"");
                }
            }
        } else if (opts.isObject()) {
            opts.fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    option(out, e.getValue(), Pointers.child(base, e.getKey()), "option \"" + e.getKey() + "\"");
                }
            });
        }
    }

    private static void option(List<Place> out, JsonNode o, String pointer, String where) {
        out.add(new Place(OPTION, pointer, o, where));
        child(out, CONFIG_REMOTE_URL, o, pointer, "configRemoteUrl", "\"configRemoteUrl\" of " + where);
    }

    private static Place child(List<Place> out, Context ctx, JsonNode parent, String pointer, String key, String where) {
        JsonNode v = parent.get(key);
        if (v == null || !v.isObject()) {
            return null;
        }
        Place place = new Place(ctx, Pointers.child(pointer, key), v, where);
        out.add(place);
        return place;
    }

    private static Context ctx(String id, Object... pairs) {
        Map<String, Kind> keys = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            keys.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return new Context(id, Collections.unmodifiableMap(keys));
    }
}
