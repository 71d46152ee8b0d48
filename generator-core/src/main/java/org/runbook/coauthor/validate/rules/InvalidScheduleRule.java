package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.support.DidYouMean;
import org.runbook.coauthor.validate.support.QuartzCron;

/**
 * RD008: a schedule Rundeck refuses ("Crontab string format was invalid", "Non Valid Time Zone")
 * or reads differently than written: a 5-field Unix crontab, bad characters or values in a field,
 * both day-of-month and day-of-week, a crontab next to the structured fields, both
 * {@code dayofmonth} and {@code weekday}.
 */
public final class InvalidScheduleRule extends AbstractRule {
    private static final List<String> STRUCTURED = List.of("time", "month", "year", "dayofmonth", "weekday");
    private static final Set<String> ZONES = Set.of(TimeZone.getAvailableIDs());

    @Override
    public String id() {
        return "RD008";
    }

    @Override
    public String title() {
        return "schedule or time zone Rundeck refuses or misreads";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPre(JobView job) {
        JsonNode schedule = job.node().path("schedule");
        if (!schedule.isObject()) {
            return;
        }
        String sp = job.pointer("schedule");
        JsonNode crontab = schedule.get("crontab");
        if (crontab != null && crontab.isValueNode() && !crontab.isNull()) {
            crontab(crontab.asText(), Pointers.child(sp, "crontab"));
            STRUCTURED.stream()
                    .filter(schedule::has)
                    .findFirst()
                    .ifPresent(k -> reportKey(
                            Pointers.child(sp, k),
                            "\"schedule\" has both \"crontab\" and \"" + k
                                    + "\"; Rundeck uses only the crontab and ignores \"" + k + "\"",
                            "keep either the crontab or the structured fields"));
        } else {
            structured(schedule, sp);
        }
        timeZone(job);
    }

    private void crontab(String text, String pointer) {
        String[] fields = text.strip().split("\\s+");
        if (text.isBlank()) {
            report(
                    pointer,
                    "crontab is empty; Rundeck refuses it: \"Crontab string format was invalid\"",
                    "write a Quartz expression such as \"0 0 2 ? * *\"");
        } else if (fields.length < 6) {
            String hint = fields.length == 5
                    ? "write it in Quartz form: \"" + QuartzCron.fromUnix(fields) + "\""
                    : "write seconds minutes hours day-of-month month day-of-week, e.g. \"0 0 2 ? * *\"";
            report(
                    pointer,
                    "crontab \"" + text + "\" has " + fields.length + " field" + (fields.length == 1 ? "" : "s")
                            + " but Rundeck needs 6 or 7 (Quartz: seconds minutes hours day-of-month month day-of-week [year])",
                    hint);
        } else if (fields.length > 7) {
            report(
                    pointer,
                    "crontab \"" + text + "\" has " + fields.length
                            + " fields; Rundeck keeps the first 7 and ignores the rest",
                    "remove the fields after the year");
        } else {
            QuartzCron.check(text)
                    .ifPresent(p ->
                            reportInText(pointer, text, p.offset(), "crontab \"" + text + "\" " + p.message(), fix(p)));
        }
    }

    private static String fix(QuartzCron.Problem p) {
        if (p.message().contains("exactly one")) {
            return "put \"?\" in day-of-month (e.g. \"0 0 2 ? * MON-FRI\") or in day-of-week (\"0 0 2 1 * ?\")";
        }
        return "fix the " + QuartzCron.FIELDS.get(p.field()) + " field";
    }

    /** The structured form, composed the way ScheduledExecution.fromMap does. */
    private void structured(JsonNode s, String sp) {
        String[][] parts = {
            {"time", "seconds", "0"},
            {"time", "minute", "0"},
            {"time", "hour", "0"},
            {"dayofmonth", "day", null},
            {null, "month", "*"},
            {"weekday", "day", null},
            {null, "year", "*"}
        };
        String[] values = new String[7];
        for (int i = 0; i < parts.length; i++) {
            JsonNode parent = parts[i][0] == null ? s : s.path(parts[i][0]);
            JsonNode v = parent.path(parts[i][1]);
            values[i] = parts[i][2];
            if (v.isValueNode() && !v.isNull()) {
                values[i] = v.asText();
                String pointer = parts[i][0] == null
                        ? Pointers.child(sp, parts[i][1])
                        : Pointers.child(Pointers.child(sp, parts[i][0]), parts[i][1]);
                Optional<String> p = QuartzCron.checkField(i, values[i]);
                if (p.isPresent()) {
                    report(pointer, "\"schedule\" " + p.get(), "fix the " + QuartzCron.FIELDS.get(i) + " value");
                    return;
                }
            }
        }
        boolean dom = s.path("dayofmonth").path("day").isValueNode()
                && !s.path("dayofmonth").path("day").isNull();
        if (dom && s.has("weekday")) {
            reportKey(
                    Pointers.child(sp, "weekday"),
                    "\"schedule\" has both \"dayofmonth\" and \"weekday\"; Rundeck uses"
                            + " \"dayofmonth\" and ignores \"weekday\"",
                    "keep only one of \"dayofmonth\" and \"weekday\"");
        }
    }

    private void timeZone(JobView job) {
        JsonNode tz = job.node().get("timeZone");
        if (tz == null || !tz.isTextual() || tz.asText().isBlank()) {
            return;
        }
        String id = tz.asText();
        boolean valid = ZONES.contains(id)
                || id.equals("GMT")
                || !TimeZone.getTimeZone(id).getID().equals("GMT");
        if (!valid) {
            String hint = DidYouMean.closest(id.replace(' ', '_'), Arrays.asList(TimeZone.getAvailableIDs()))
                    .map(z -> "did you mean \"" + z + "\"?")
                    .orElse("use a Java time zone id such as \"Europe/Paris\" or \"UTC\"");
            report(
                    job.pointer("timeZone"),
                    "timeZone \"" + id + "\" is not a Java time zone id; Rundeck refuses the schedule:"
                            + " \"Non Valid Time Zone: " + id + "\"",
                    hint);
        }
    }
}
