package org.runbook.coauthor.validate.rules;

import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.support.DidYouMean;
import org.runbook.coauthor.validate.support.JobKeyTable;
import org.runbook.coauthor.validate.support.JobKeyTable.Context;
import org.runbook.coauthor.validate.support.JobKeyTable.Place;

/**
 * RD002: a key Rundeck does not read where it reads a fixed key set. {@code fromMap} picks the keys
 * it knows and drops the rest without a word, so a typo silently changes what the job does.
 * Plugin configuration maps are free-form and not checked; notifications are RD011's.
 */
public final class UnknownKeyRule extends AbstractRule {
    /** Keys other Rundeck editions read; reported as warnings. */
    private static final Map<String, String> ENTERPRISE = Map.of(
            "runnerSelector", "\"runnerSelector\" is a Rundeck Enterprise key",
            "schedules", "\"schedules\" is a Rundeck Enterprise key",
            "tags", "open-source Rundeck 5.4 has no job tags");
    /** Well-known wrong names and misplaced keys: context id → key (lower case) → advice. */
    private static final Map<String, Map<String, String>> ADVICE = Map.of(
            "job", Map.ofEntries(Map.entry("workflow", "rename:sequence"), Map.entry("steps", "move:sequence.commands"),
                    Map.entry("commands", "move:sequence.commands"), Map.entry("keepgoing", "move:sequence"),
                    Map.entry("strategy", "move:sequence"), Map.entry("filter", "move:nodefilters"),
                    Map.entry("threadcount", "move:nodefilters.dispatch"), Map.entry("crontab", "move:schedule"),
                    Map.entry("cron", "move:schedule.crontab"), Map.entry("loglimitstatus", "rename:loglimitStatus")),
            "option", Map.of("default", "rename:value", "defaultvalue", "rename:value", "mandatory", "rename:required",
                    "allowedvalues", "rename:values", "choices", "rename:values", "password", "rename:secure"),
            "command step", Map.of("command", "rename:exec", "cmd", "rename:exec", "interpreter", "rename:scriptInterpreter",
                    "arguments", "rename:args", "argstring", "rename:args", "filter", "nofilter:", "nodefilters", "nofilter:"),
            "plugin step", Map.of("config", "rename:configuration", "filter", "nofilter:", "nodefilters", "nofilter:"),
            "log filter", Map.of("configuration", "rename:config"),
            "orchestrator", Map.of("config", "rename:configuration"),
            "schedule", Map.of("timezone", "move:the job as \"timeZone\"", "cron", "rename:crontab",
                    "hour", "move:schedule.time", "minute", "move:schedule.time", "seconds", "move:schedule.time",
                    "dayofweek", "rename:weekday"),
            "nodefilters", Map.of("threadcount", "move:nodefilters.dispatch", "keepgoing", "move:nodefilters.dispatch",
                    "rankorder", "move:nodefilters.dispatch", "rankattribute", "move:nodefilters.dispatch",
                    "excludeprecedence", "move:nodefilters.dispatch", "successonemptynodefilter", "move:nodefilters.dispatch"),
            "jobref", Map.of("jobname", "rename:name", "job", "rename:name", "jobgroup", "rename:group",
                    "argstring", "rename:args", "arguments", "rename:args", "options", "rename:args",
                    "dispatch", "move:jobref.nodefilters"));
    /** What Rundeck does instead when the meant key is missing: context id + meant key → consequence. */
    private static final Map<String, String> CONSEQUENCE = Map.ofEntries(
            Map.entry("nodefilters/filter", "the job runs on the Rundeck server instead of the nodes"),
            Map.entry("job/nodefilters", "the job runs on the Rundeck server instead of the nodes"),
            Map.entry("job/schedule", "the job is never scheduled"),
            Map.entry("job/options", "the job has no options"),
            Map.entry("job/notification", "no notification is sent"),
            Map.entry("job/timeout", "the job has no timeout"),
            Map.entry("job/retry", "a failed run is not retried"),
            Map.entry("job/loglevel", "the log level stays INFO"),
            Map.entry("job/timeZone", "the schedule uses the server's time zone"),
            Map.entry("schedule/timeZone", "the schedule uses the server's time zone"),
            Map.entry("sequence/keepgoing", "the workflow stops at the first failing step"),
            Map.entry("sequence/strategy", "the default \"node-first\" strategy applies"),
            Map.entry("nodefilters.dispatch/threadcount", "the nodes run one at a time"),
            Map.entry("nodefilters.dispatch/keepgoing", "the job stops at the first failing node"),
            Map.entry("step/errorhandler", "the step has no error handler"),
            Map.entry("step/args", "the script runs without these arguments"),
            Map.entry("step/scriptInterpreter", "the script is not run through that interpreter"),
            Map.entry("step/configuration", "the plugin gets no configuration"),
            Map.entry("option/value", "the option has no default value"),
            Map.entry("option/required", "the option is not required"),
            Map.entry("option/values", "the option has no list of allowed values"),
            Map.entry("option/secure", "the value is not treated as a secret"));

    private Severity severity = Severity.ERROR;

    @Override
    public String id() {
        return "RD002";
    }

    @Override
    public String title() {
        return "key that Rundeck does not read (misspelled or misplaced)";
    }

    /** ERROR; Enterprise-only keys are reported as warnings while they are reported. */
    @Override
    public Severity defaultSeverity() {
        return severity;
    }

    @Override
    public void visitJobPre(JobView job) {
        for (Place place : JobKeyTable.places(job)) {
            boolean step = place.context() == JobKeyTable.COMMAND_STEP || place.context() == JobKeyTable.JOBREF_STEP
                    || place.context() == JobKeyTable.PLUGIN_STEP;
            for (Iterator<String> it = place.node().fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (place.context().keys().containsKey(key) || (step && JobKeyTable.STEP_KINDS.contains(key))) {
                    continue;
                }
                check(place, key, step);
            }
        }
    }

    private void check(Place place, String key, boolean step) {
        String pointer = Pointers.child(place.pointer(), key);
        Context ctx = place.context();
        if (ctx == JobKeyTable.JOB && ENTERPRISE.containsKey(key)) {
            severity = Severity.WARNING;
            try {
                reportKey(pointer, ENTERPRISE.get(key) + "; open-source Rundeck 5.4 ignores \"" + key + "\"",
                        "remove it if this job is for open-source Rundeck");
            } finally {
                severity = Severity.ERROR;
            }
            return;
        }
        String head = "unknown key \"" + key + "\" in " + place.where() + "; Rundeck ignores it";
        String advice = ADVICE.getOrDefault(ctx.id(), Map.of()).get(key.toLowerCase(Locale.ROOT));
        if (advice != null && advice.startsWith("move:")) {
            String to = advice.substring(5);
            String target = to.startsWith("the job") ? to : "\"" + to + "\"";
            boolean local = ctx == JobKeyTable.JOB && key.equals("filter") && !place.node().path("nodefilters").has("filter");
            reportKey(pointer, head + " here" + (local ? ", so the job runs on the Rundeck server instead of the nodes" : "")
                    + "; it belongs in " + target, "move \"" + key + "\" to " + target);
            return;
        }
        if (advice != null && advice.startsWith("nofilter:")) {
            reportKey(pointer, head + "; a step has no node filter of its own, only a job reference has",
                    "set the node filter on the job, or call a job with \"jobref.nodefilters\"");
            return;
        }
        Set<String> candidates = candidates(place, step);
        Optional<String> meant = advice != null ? Optional.of(advice.substring(7)) : DidYouMean.closest(key, candidates);
        if (meant.isPresent() && !place.node().has(meant.get())) {
            String consequence = consequence(place, meant.get(), step);
            reportKey(pointer, head + (consequence == null ? "" : ", so " + consequence), "did you mean \"" + meant.get() + "\"?");
            return;
        }
        String known = candidates.stream().sorted(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)))
                .map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
        reportKey(pointer, head + "; the keys read here are " + known,
                meant.isPresent() ? "remove it; \"" + meant.get() + "\" is already set" : "remove it or rename it to one of these keys");
    }

    private String consequence(Place place, String meant, boolean step) {
        String ctx = step ? "step" : place.context().id();
        if (ctx.equals("nodefilters") && meant.equals("filter")
                && (place.node().has("include") || place.node().has("exclude"))) {
            return null;
        }
        return CONSEQUENCE.get(ctx + "/" + meant);
    }

    /** The keys of the place; for a step whose kind cannot be told, those of every step form. */
    private static Set<String> candidates(Place place, boolean step) {
        if (step && place.context() == JobKeyTable.PLUGIN_STEP && !JobKeyTable.present(place.node(), "type")) {
            Set<String> all = new LinkedHashSet<>();
            for (Context c : List.of(JobKeyTable.COMMAND_STEP, JobKeyTable.JOBREF_STEP, JobKeyTable.PLUGIN_STEP)) {
                all.addAll(c.names());
            }
            return all;
        }
        Set<String> keys = new LinkedHashSet<>(place.context().names());
        if (step) {
            keys.removeIf(k -> JobKeyTable.STEP_KINDS.contains(k) && !place.node().has(k));
        }
        return keys;
    }
}
