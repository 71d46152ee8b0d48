package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.support.YamlValues;

/**
 * RD009: a {@code timeout}, retry delay or {@code retry} Rundeck refuses or misreads. Durations are
 * read by {@code Sizes.parseTimeDuration}, which adds up "digits + unit" pairs (s m h d w y) and
 * silently skips anything else, so {@code "30 minutes"} is 0 seconds. {@code retry} must be a whole
 * number of at least 0 or contain {@code ${...}}, otherwise the job is refused.
 */
public final class InvalidTimeoutRule extends AbstractRule {
    private static final Pattern VALID_DURATION = Pattern.compile("(\\d+[smhdwy]\\s*)*(\\d+)?");
    private static final Pattern PAIR = Pattern.compile("(\\d+)(.)?");
    private static final Pattern WORDS = Pattern.compile(
            "(?i)\\s*(\\d+)\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?)\\s*");

    @Override
    public String id() {
        return "RD009";
    }

    @Override
    public String title() {
        return "timeout, retry or retry delay Rundeck refuses or misreads";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPre(JobView job) {
        JsonNode n = job.node();
        duration(n.get("timeout"), job.pointer("timeout"), "timeout");
        JsonNode retry = n.get("retry");
        if (retry != null && retry.isObject()) {
            count(retry.get("retry"), Pointers.child(job.pointer("retry"), "retry"), "retry count");
            duration(retry.get("delay"), Pointers.child(job.pointer("retry"), "delay"), "retry delay");
            if (n.has("retryDelay")) {
                reportKey(
                        job.pointer("retryDelay"),
                        "\"retryDelay\" is ignored because \"retry\" is a map; Rundeck reads the"
                                + " delay from \"retry.delay\"",
                        "move the delay to \"retry.delay\"");
            }
        } else {
            count(retry, job.pointer("retry"), "retry");
            duration(n.get("retryDelay"), job.pointer("retryDelay"), "retryDelay");
        }
    }

    private void count(JsonNode v, String pointer, String what) {
        if (v == null || v.isNull()) {
            return;
        }
        if (v.isIntegralNumber() && v.asLong() >= 0) {
            return;
        }
        String text = v.isContainerNode() ? null : v.asText();
        if (text != null && (text.contains("${") || text.isEmpty() || (text.matches("[0-9]{1,9}")))) {
            return;
        }
        String shown = text == null ? YamlValues.typeName(v) : "\"" + text + "\"";
        report(
                pointer,
                what + " " + shown
                        + " is not a whole number of at least 0 or a ${...} reference; Rundeck refuses the job",
                "write the number of retries, e.g. \"retry: 3\"");
    }

    private void duration(JsonNode v, String pointer, String what) {
        if (v == null || v.isNull()) {
            return;
        }
        if (v.isContainerNode()) {
            report(
                    pointer,
                    what + " is " + YamlValues.typeName(v) + " but must be a duration such as \"1h30m\"",
                    "write it as one string, e.g. \"1h30m\" or \"300\"");
            return;
        }
        String text = v.asText().strip();
        if (text.isEmpty()
                || text.contains("${")
                || (v.isIntegralNumber() && v.asLong() >= 0)
                || VALID_DURATION.matcher(text).matches()) {
            return;
        }
        long seconds = seconds(text);
        report(
                pointer,
                what + " \"" + v.asText() + "\" is read by Rundeck as " + seconds + " second"
                        + (seconds == 1 ? "" : "s")
                        + (seconds == 0 && what.equals("timeout") ? ", that is no timeout" : "")
                        + "; it understands only digits followed by s, m, h, d, w or y, e.g. \"1h30m\"",
                suggestion(text)
                        .map(s -> "write \"" + s + "\"")
                        .orElse("write the duration as digits and units, e.g. \"90m\" or \"1h30m\""));
    }

    /** What {@code Sizes.parseTimeDuration} makes of the text, in seconds. */
    static long seconds(String text) {
        long total = 0;
        Matcher m = PAIR.matcher(text);
        while (m.find()) {
            if (m.group(1).length() > 12) {
                continue;
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2);
            if (unit == null) {
                total += n;
            } else {
                long factor =
                        switch (unit) {
                            case "s" -> 1;
                            case "m" -> 60;
                            case "h" -> 3600;
                            case "d" -> 86400;
                            case "w" -> 604800;
                            case "y" -> 31536000;
                            default -> 0;
                        };
                total += n * factor;
            }
        }
        return total;
    }

    private static java.util.Optional<String> suggestion(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = WORDS.matcher(text);
        int end = 0;
        while (m.find() && m.start() == end) {
            out.append(m.group(1)).append(m.group(2).toLowerCase(Locale.ROOT).charAt(0));
            end = m.end();
        }
        return end == text.length() && out.length() > 0
                ? java.util.Optional.of(out.toString())
                : java.util.Optional.empty();
    }
}
