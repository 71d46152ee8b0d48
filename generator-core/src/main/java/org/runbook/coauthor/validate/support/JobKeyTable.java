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

    // id is exported as a copy of uuid and ignored on import
    public static final Context JOB = ctx(
            "job",
            """
            name TEXT, group TEXT, description TEXT, uuid TEXT, id TEXT, project TEXT, loglevel ENUM,
            executionEnabled GROOVY_BOOL, scheduleEnabled GROOVY_BOOL, nodeFilterEditable GROOVY_BOOL,
            multipleExecutions GROOVY_BOOL, maxMultipleExecutions SCALAR, timeout SCALAR, retry ANY,
            retryDelay SCALAR, timeZone TEXT, schedule MAP, options LIST_OR_MAP, nodefilters MAP,
            nodesSelectedByDefault GROOVY_BOOL, excludeFilterUncheck GROOVY_BOOL, sequence MAP,
            notification MAP, notifyAvgDurationThreshold TEXT, orchestrator MAP, plugins MAP,
            loglimit SCALAR, loglimitAction ENUM, loglimitStatus TEXT, defaultTab ENUM
            """);
    // workflowStepMetadata is exported by later 5.x releases, threadcount by old ones (an XML
    // attribute); 5.4 ignores both harmlessly
    public static final Context SEQUENCE = ctx(
            "sequence",
            """
            keepgoing GROOVY_BOOL, strategy TEXT, commands LIST, pluginConfig MAP, workflowStepMetadata ANY,
            threadcount ANY
            """);
    public static final Context COMMAND_STEP = ctx(
            "command step",
            """
            exec TEXT, script TEXT, scriptfile TEXT, scripturl TEXT, args TEXT, scriptInterpreter TEXT,
            interpreterArgsQuoted GROOVY_BOOL, fileExtension TEXT, expandTokenInScriptFile SCALAR,
            passSecureInput PARSED_BOOL, autoSecureInput PARSED_BOOL, plugins MAP, description TEXT,
            errorhandler MAP, keepgoingOnSuccess GROOVY_BOOL
            """);
    public static final Context JOBREF_STEP = ctx(
            "job reference step",
            """
            jobref MAP, project TEXT, failOnDisable PARSED_BOOL, childNodes PARSED_BOOL,
            importOptions PARSED_BOOL, plugins MAP, description TEXT, errorhandler MAP,
            keepgoingOnSuccess GROOVY_BOOL
            """);
    public static final Context PLUGIN_STEP = ctx(
            "plugin step",
            """
            type TEXT, nodeStep GROOVY_BOOL, configuration MAP, plugins MAP, description TEXT,
            errorhandler MAP, keepgoingOnSuccess GROOVY_BOOL
            """);
    public static final Context JOBREF = ctx(
            "jobref",
            """
            name TEXT, group TEXT, uuid TEXT, project TEXT, args TEXT, nodeStep PARSED_BOOL,
            importOptions PARSED_BOOL, failOnDisable PARSED_BOOL, childNodes PARSED_BOOL,
            ignoreNotifications PARSED_BOOL, useName PARSED_BOOL, nodefilters MAP
            """);
    public static final Context JOBREF_NODEFILTERS =
            ctx("jobref.nodefilters", """
            filter TEXT, dispatch MAP
            """);
    public static final Context JOBREF_DISPATCH = ctx(
            "jobref.nodefilters.dispatch",
            """
            threadcount SCALAR, keepgoing PARSED_BOOL, rankAttribute TEXT, rankOrder ENUM,
            nodeIntersect PARSED_BOOL
            """);
    public static final Context NODEFILTERS = ctx(
            "nodefilters",
            """
            filter TEXT, filterExclude TEXT, include MAP, exclude MAP, dispatch MAP
            """);
    public static final Context DISPATCH = ctx(
            "nodefilters.dispatch",
            """
            threadcount SCALAR, keepgoing GROOVY_BOOL, excludePrecedence GROOVY_BOOL, rankAttribute TEXT,
            rankOrder ENUM, successOnEmptyNodeFilter GROOVY_BOOL
            """);
    public static final Context NODE_FILTER_MAP = ctx(
            "nodefilters.include",
            """
            hostname TEXT, name TEXT, tags TEXT, os-name TEXT, os-family TEXT, os-arch TEXT,
            os-version TEXT
            """);
    // configRemoteUrlAuth is exported by later 5.x releases next to valuesUrl
    public static final Context OPTION = ctx(
            "option",
            """
            name TEXT, description TEXT, label TEXT, value SCALAR, values LIST, valuesListDelimiter TEXT,
            valuesUrl TEXT, configRemoteUrl MAP, enforced GROOVY_BOOL, required GROOVY_BOOL, regex TEXT,
            multivalued PARSED_BOOL, delimiter TEXT, multivalueAllSelected PARSED_BOOL,
            secure PARSED_BOOL, valueExposed PARSED_BOOL, storagePath TEXT, isDate GROOVY_BOOL,
            dateFormat TEXT, type ENUM, config MAP, hidden PARSED_BOOL, sortValues PARSED_BOOL,
            optionValuesPluginType TEXT, sortIndex SCALAR, configRemoteUrlAuth TEXT
            """);
    public static final Context CONFIG_REMOTE_URL = ctx(
            "configRemoteUrl",
            """
            authenticationType TEXT, username TEXT, passwordStoragePath TEXT, keyName TEXT,
            tokenStoragePath TEXT, apiTokenReporter TEXT, jsonFilter TEXT
            """);
    public static final Context SCHEDULE = ctx(
            "schedule",
            """
            crontab TEXT, time MAP, month SCALAR, year SCALAR, dayofmonth MAP, weekday MAP
            """);
    public static final Context SCHEDULE_TIME =
            ctx("schedule.time", """
            seconds SCALAR, minute SCALAR, hour SCALAR
            """);
    public static final Context SCHEDULE_DAY = ctx("schedule day", """
            day SCALAR
            """);
    public static final Context ORCHESTRATOR =
            ctx("orchestrator", """
            type TEXT, configuration MAP
            """);
    public static final Context JOB_PLUGINS = ctx("plugins", """
            ExecutionLifecycle ANY
            """);
    public static final Context STEP_PLUGINS =
            ctx("step plugins", """
            LogFilter LIST_OR_MAP
            """);
    public static final Context LOG_FILTER = ctx("log filter", """
            type TEXT, config MAP
            """);
    public static final Context PLUGIN_CONFIG =
            ctx("sequence.pluginConfig", """
            WorkflowStrategy MAP, LogFilter LIST_OR_MAP
            """);
    public static final Context RETRY = ctx("retry", """
            retry SCALAR, delay SCALAR
            """);

    /** Keys that decide what a step is; a step may hold only one of them (RD005). */
    public static final List<String> STEP_KINDS =
            List.of("jobref", "exec", "script", "scriptfile", "scripturl", "type");

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
            Place pc =
                    child(out, PLUGIN_CONFIG, seq.node(), seq.pointer(), "pluginConfig", "\"sequence.pluginConfig\"");
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
                        step(
                                out,
                                step.get("errorhandler"),
                                Pointers.child(sp, "errorhandler"),
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
            Place nf = child(
                    out,
                    JOBREF_NODEFILTERS,
                    jobref.node(),
                    jobref.pointer(),
                    "nodefilters",
                    "\"jobref.nodefilters\" of " + where);
            if (nf != null) {
                child(
                        out,
                        JOBREF_DISPATCH,
                        nf.node(),
                        nf.pointer(),
                        "dispatch",
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
                    option(
                            out,
                            o,
                            Pointers.child(base, i),
                            name.isEmpty() ? "option " + (i + 1) : "option \"" + name + "\"");
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

    private static Place child(
            List<Place> out, Context ctx, JsonNode parent, String pointer, String key, String where) {
        JsonNode v = parent.get(key);
        if (v == null || !v.isObject()) {
            return null;
        }
        Place place = new Place(ctx, Pointers.child(pointer, key), v, where);
        out.add(place);
        return place;
    }

    /** A context from {@code "key KIND, key KIND, ..."}. */
    private static Context ctx(String id, String spec) {
        Map<String, Kind> keys = new LinkedHashMap<>();
        for (String pair : spec.strip().split(",\\s*")) {
            String[] kv = pair.strip().split("\\s+");
            keys.put(kv[0], Kind.valueOf(kv[1]));
        }
        return new Context(id, Collections.unmodifiableMap(keys));
    }
}
