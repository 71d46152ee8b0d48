package org.runbook.coauthor.render;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.runbook.coauthor.plan.PlanSchedule;

/**
 * A plan's Unix cron as the {@code schedule} map of a Rundeck job, in the structured form Rundeck
 * itself exports ({@code time}, {@code month}, {@code year}, then {@code dayofmonth} or
 * {@code weekday}). Rundeck also imports a Quartz {@code crontab:} string, but the structured form is
 * what an export of the imported job gives back, so a generated job and its export compare equal,
 * and each Quartz field sits under its own key instead of in a positional string.
 *
 * <p>Quartz differs from Unix cron in three ways handled here: it has a seconds field (always
 * {@code 0}), exactly one of day-of-month and day-of-week must be {@code ?} (Rundeck writes the
 * {@code ?} itself for the day field it is not given), and days of the week count from 1 (Sunday),
 * so they are written as names ({@code MON-FRI}).
 */
final class RundeckSchedule {
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private RundeckSchedule() {}

    static Map<String, Object> structured(PlanSchedule schedule) {
        List<String> f = schedule.fields();
        Map<String, Object> time = new TreeMap<>();
        time.put("seconds", "0");
        time.put("minute", stepFrom(f.get(0), "0"));
        time.put("hour", stepFrom(f.get(1), "0"));
        Map<String, Object> out = new TreeMap<>();
        out.put("time", time);
        out.put("month", stepFrom(f.get(3), "1"));
        out.put("year", "*");
        if (!f.get(2).equals("*")) {
            out.put("dayofmonth", Map.of("day", stepFrom(f.get(2), "1")));
        } else {
            out.put("weekday", Map.of("day", days(f.get(4))));
        }
        return out;
    }

    /** Unix "*&#47;n" counts from the field's first value; Quartz spells that start out. */
    private static String stepFrom(String field, String first) {
        return field.replace("*/", first + "/");
    }

    /** Day-of-week as Quartz names, runs of consecutive days as ranges: "1-5" becomes "MON-FRI". */
    static String days(String field) {
        List<Integer> days = PlanSchedule.daysOfWeek(field);
        if (days.size() == 7) {
            return "*";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1) == days.get(j) + 1) {
                j++;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(DAYS.get(days.get(i)));
            if (j > i + 1) {
                out.append('-').append(DAYS.get(days.get(j)));
            } else if (j == i + 1) {
                out.append(',').append(DAYS.get(days.get(j)));
            }
            i = j + 1;
        }
        return out.toString();
    }
}
