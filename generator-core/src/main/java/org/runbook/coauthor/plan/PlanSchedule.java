package org.runbook.coauthor.plan;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the runbook runs by itself, target-neutral.
 *
 * <pre>{@code
 * {"cron": "0 2 * * *", "timeZone": "UTC", "description": "every night at 02:00", "flexibleMinute": true}
 * }</pre>
 *
 * <p>{@code cron} is a 5-field Unix crontab, {@code minute hour day-of-month month day-of-week},
 * with numbers only (day-of-week 0-7, 0 and 7 both Sunday) and the operators {@code *}, {@code ,},
 * {@code -} and {@code /}; no names, no macros such as {@code @daily}, no seconds. It may restrict
 * day-of-month or day-of-week but not both: Unix cron runs when either matches, which Rundeck's
 * Quartz cannot express. Each renderer turns it into its target's form (Quartz with seconds and
 * {@code ?} for Rundeck, {@code triggers { cron(...) }} for Jenkins).
 *
 * @param timeZone a Java time zone id such as {@code Europe/Paris}, or null for the server's zone
 * @param description the schedule in words, or null
 * @param flexibleMinute true when the request named no exact minute, so a target may move the
 *     minute to spread load (Jenkins writes {@code H})
 */
public record PlanSchedule(String cron, String timeZone, String description, boolean flexibleMinute) {
    /** Field names, in cron order. */
    public static final List<String> FIELDS = List.of("minute", "hour", "day-of-month", "month", "day-of-week");

    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
    private static final Pattern ELEMENT = Pattern.compile("(\\*|(\\d{1,4})(?:-(\\d{1,4}))?)(?:/(\\d{1,4}))?");

    public PlanSchedule {
        Require.notBlank(cron, "schedule cron");
        cron = cron.strip().replaceAll("\\s+", " ");
        String[] f = cron.split(" ");
        if (f.length != 5) {
            throw new IllegalArgumentException("schedule cron \"" + cron + "\" has " + f.length
                    + " fields; write 5: minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\"");
        }
        for (int i = 0; i < 5; i++) {
            checkField(cron, i, f[i]);
        }
        if (!f[2].equals("*") && !f[4].equals("*")) {
            throw new IllegalArgumentException("schedule cron \"" + cron
                    + "\" restricts both day-of-month and day-of-week; keep \"*\" in one of them");
        }
        if (timeZone != null
                && !timeZone.isBlank()
                && !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw new IllegalArgumentException(
                    "schedule timeZone \"" + timeZone + "\" is not a time zone id; write one such as \"Europe/Paris\"");
        }
        timeZone = timeZone == null || timeZone.isBlank() ? null : timeZone;
        description = description == null || description.isBlank() ? null : description.strip();
    }

    /** The five fields, in cron order. */
    public List<String> fields() {
        return List.of(cron.split(" "));
    }

    /** The days of the week a field selects, 0 (Sunday) to 6, in order; "*" selects all seven. */
    public static List<Integer> daysOfWeek(String field) {
        boolean[] on = new boolean[7];
        for (String element : field.split(",")) {
            Matcher m = ELEMENT.matcher(element);
            if (!m.matches()) {
                throw new IllegalArgumentException("day-of-week \"" + field + "\" is not a cron field");
            }
            int from = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            int to = m.group(2) == null
                    ? 6
                    : m.group(3) == null ? (m.group(4) == null ? from : 6) : Integer.parseInt(m.group(3));
            int step = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            for (int d = from; d <= to; d += step) {
                on[d % 7] = true;
            }
        }
        List<Integer> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            if (on[d]) {
                days.add(d);
            }
        }
        return days;
    }

    private static void checkField(String cron, int index, String field) {
        for (String element : field.split(",", -1)) {
            Matcher m = ELEMENT.matcher(element);
            String where = FIELDS.get(index) + " \"" + field + "\" of schedule cron \"" + cron + "\"";
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        where + " is not valid; use numbers with *, ',', '-' and '/' (no names, no seconds)");
            }
            int min = RANGES[index][0];
            int max = RANGES[index][1];
            for (int g : new int[] {2, 3}) {
                if (m.group(g) != null) {
                    int v = Integer.parseInt(m.group(g));
                    if (v < min || v > max) {
                        throw new IllegalArgumentException(where + " has " + v + " outside " + min + "-" + max);
                    }
                }
            }
            if (m.group(3) != null && Integer.parseInt(m.group(3)) < Integer.parseInt(m.group(2))) {
                throw new IllegalArgumentException(where + " has a range that runs backwards");
            }
            if (m.group(4) != null && Integer.parseInt(m.group(4)) == 0) {
                throw new IllegalArgumentException(where + " has a step of 0");
            }
        }
    }
}
