package org.runbook.coauthor.author.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.plan.PlanSchedule;

/**
 * Reads a schedule from the words of a request: "every night" (02:00 unless a time is given),
 * "daily at 3am", "every day at 14:30", "hourly", "every 15 minutes", "every 6 hours", "weekly",
 * "every Sunday at 1am", "every weekday", "monthly", "on the 1st of every month", with an optional
 * "at HH:MM" / "at 2:30pm" and "UTC". Only clear phrasing counts: adjectives such as "daily" or
 * "nightly" count only where they end a phrase ("daily logs" is no schedule), "every" only before a
 * unit of time ("every node" is none), and two different schedules, an unclear time ("at 3") or an
 * interval that does not divide the hour or day yield no schedule and a note saying why.
 */
final class ScheduleParser {
    /** What the request says about a schedule: one, or none with a note when it was unclear. */
    record Reading(Optional<PlanSchedule> schedule, Optional<String> note) {}

    private static final String END = "(?=\\s*(?:[.,;:!?)]|$|\\s(?:at|and|then|on|from|to|in|for|with|utc|gmt)\\b))";
    private static final String DAYS = "sunday|monday|tuesday|wednesday|thursday|friday|saturday";
    private static final Map<String, Integer> NUMBERS = numbers();
    private static final String NUMBER = "(\\d{1,3}|" + String.join("|", NUMBERS.keySet()) + ")";

    private static final Pattern NIGHT = Pattern.compile("\\b(?:every|each)\\s+night\\b|\\bnightly" + END);
    private static final Pattern DAY =
            Pattern.compile("\\b(?:every|each)\\s+day\\b|\\bonce\\s+a\\s+day\\b|\\bdaily" + END);
    private static final Pattern HOUR =
            Pattern.compile("\\b(?:every|each)\\s+hour\\b|\\bonce\\s+an\\s+hour\\b|\\bhourly" + END);
    private static final Pattern WEEK =
            Pattern.compile("\\b(?:every|each)\\s+week\\b|\\bonce\\s+a\\s+week\\b|\\bweekly" + END);
    private static final Pattern MONTH =
            Pattern.compile("\\b(?:every|each)\\s+month\\b|\\bonce\\s+a\\s+month\\b|\\bmonthly" + END);
    private static final Pattern WEEKDAY = Pattern.compile("\\b(?:every|each)\\s+weekday\\b|\\bon\\s+weekdays\\b");
    private static final Pattern NAMED_DAY =
            Pattern.compile("\\b(?:(?:every|each)\\s+(" + DAYS + ")|on\\s+(" + DAYS + ")s)\\b");
    private static final Pattern ON_DAY = Pattern.compile("\\bon\\s+(" + DAYS + ")s?\\b");
    private static final Pattern DAY_OF_MONTH = Pattern.compile(
            "\\bon\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+day)?\\s+of\\s+(?:every|each|the)\\s+month\\b");
    private static final Pattern MINUTES = Pattern.compile("\\b(?:every|each)\\s+" + NUMBER + "\\s+min(?:ute)?s?\\b");
    private static final Pattern EVERY_MINUTE = Pattern.compile("\\b(?:every|each)\\s+minute\\b");
    private static final Pattern HOURS = Pattern.compile("\\b(?:every|each)\\s+" + NUMBER + "\\s+hours\\b");
    private static final Pattern SECONDS = Pattern.compile("\\b(?:every|each)\\s+(?:" + NUMBER + "\\s+)?seconds?\\b");
    private static final Pattern TIME = Pattern.compile(
            "\\b(?:at|@)\\s*(?:(\\d{1,2})(?::([0-5]\\d))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?|(noon|midnight))(?=[^\\w.:]|[.:](?:\\s|$)|$)(\\s*(?:utc|gmt)\\b)?");
    /** A time without "at": only with am/pm or minutes, and not inside an address ("10.0.0.5:22"). */
    private static final Pattern BARE_TIME =
            Pattern.compile("(?<![\\w.:/@-])(\\d{1,2})(?::([0-5]\\d))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?"
                    + "(?=[^\\w.:]|[.:](?:\\s|$)|$)(\\s*(?:utc|gmt)\\b)?");

    private static final Pattern OCLOCK = Pattern.compile("\\s*o'?clock\\b");
    /** What may stay in a schedule-only clause once the schedule words are gone. */
    private static final Pattern LEFTOVER =
            Pattern.compile("[^a-z]+|\\b(?:and|then|run|it|this|that|job|please|utc|gmt|in|the|morning|evening)\\b");

    private ScheduleParser() {}

    /**
     * Whether a clause says only when to run ("Every night", "daily at 3am, then"), so the request
     * parser keeps it out of block retrieval: a clause of schedule words alone would otherwise be
     * matched to whatever block mentions nights.
     */
    static boolean scheduleOnly(String clause) {
        String text = clause.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (Pattern p : List.of(
                NIGHT,
                DAY,
                HOUR,
                WEEK,
                MONTH,
                WEEKDAY,
                NAMED_DAY,
                ON_DAY,
                DAY_OF_MONTH,
                MINUTES,
                EVERY_MINUTE,
                HOURS,
                SECONDS,
                TIME,
                OCLOCK)) {
            text = p.matcher(text).replaceAll(" ");
        }
        return !text.equals(clause.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))
                && LEFTOVER.matcher(text).replaceAll(" ").isBlank();
    }

    static Reading read(String request) {
        String text = request.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<Shape> shapes = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        intervals(text, shapes, unclear);
        days(text, shapes, unclear);
        if (shapes.isEmpty()) {
            return unclear.isEmpty() ? none() : unclear(unclear.get(0));
        }
        List<Shape> distinct = shapes.stream().distinct().toList();
        if (distinct.size() > 1 || !unclear.isEmpty()) {
            return unclear(unclear.isEmpty() ? "the request names more than one schedule" : unclear.get(0));
        }
        Shape shape = distinct.get(0);
        List<Time> times = new ArrayList<>();
        Matcher m = TIME.matcher(text);
        while (m.find()) {
            Time t = time(m, text);
            if (t == null) {
                continue;
            }
            if (t.hour() < 0) {
                return unclear("the time \"" + m.group().strip() + "\" is unclear; write it as 02:00, 2am or 2pm");
            }
            times.add(t);
        }
        Matcher bare = BARE_TIME.matcher(text);
        while (bare.find()) {
            if (bare.group(2) != null || bare.group(3) != null) {
                Time t = clock(Integer.parseInt(bare.group(1)), bare.group(2), bare.group(3), bare.group(4) != null);
                if (t.hour() < 0) {
                    return unclear(
                            "the time \"" + bare.group().strip() + "\" is unclear; write it as 02:00, 2am or 2pm");
                }
                times.add(t);
            }
        }
        if (times.stream().distinct().count() > 1) {
            return unclear("the request names more than one time of day");
        }
        Time time = times.isEmpty() ? null : times.get(0);
        if (time != null && !shape.daily()) {
            return unclear("a time of day does not fit \"" + shape.words() + "\"");
        }
        return new Reading(Optional.of(shape.schedule(time)), Optional.empty());
    }

    private static void intervals(String text, List<Shape> shapes, List<String> unclear) {
        Matcher m = MINUTES.matcher(text);
        while (m.find()) {
            int n = number(m.group(1));
            if (n < 1 || n > 59 || 60 % n != 0) {
                unclear.add("\"" + m.group() + "\" does not divide the hour evenly; use 1, 2, 3, 4, 5, 6, 10, 12, 15,"
                        + " 20 or 30 minutes");
            } else {
                shapes.add(Shape.interval((n == 1 ? "*" : "*/" + n) + " * * * *", "every " + n + " minutes"));
            }
        }
        if (EVERY_MINUTE.matcher(text).find()) {
            shapes.add(Shape.interval("* * * * *", "every minute"));
        }
        m = HOURS.matcher(text);
        while (m.find()) {
            int n = number(m.group(1));
            if (n < 1 || n > 23 || 24 % n != 0) {
                unclear.add("\"" + m.group() + "\" does not divide the day evenly; use 1, 2, 3, 4, 6, 8 or 12 hours");
            } else {
                shapes.add(Shape.interval("0 " + (n == 1 ? "*" : "*/" + n) + " * * *", "every " + n + " hours"));
            }
        }
        if (HOUR.matcher(text).find()) {
            shapes.add(Shape.interval("0 * * * *", "every hour"));
        }
        Matcher s = SECONDS.matcher(text);
        if (s.find()) {
            unclear.add("\"" + s.group() + "\" is finer than a cron schedule can express (one minute)");
        }
    }

    private static void days(String text, List<Shape> shapes, List<String> unclear) {
        if (NIGHT.matcher(text).find()) {
            shapes.add(Shape.daily("*", "*", 2, "every night"));
        }
        if (DAY.matcher(text).find()) {
            shapes.add(Shape.daily("*", "*", 0, "every day"));
        }
        if (WEEKDAY.matcher(text).find()) {
            shapes.add(Shape.daily("*", "1-5", 0, "every weekday"));
        }
        if (WEEK.matcher(text).find()) {
            Matcher on = ON_DAY.matcher(text);
            String day = on.find() ? on.group(1) : "sunday";
            shapes.add(Shape.daily("*", String.valueOf(dayIndex(day)), 0, "every " + capitalized(day)));
        }
        Matcher m = NAMED_DAY.matcher(text);
        while (m.find()) {
            String day = m.group(1) != null ? m.group(1) : m.group(2);
            shapes.add(Shape.daily("*", String.valueOf(dayIndex(day)), 0, "every " + capitalized(day)));
        }
        boolean onDay = false;
        m = DAY_OF_MONTH.matcher(text);
        while (m.find()) {
            onDay = true;
            int day = Integer.parseInt(m.group(1));
            if (day < 1 || day > 28) {
                unclear.add("day " + day + " of the month does not occur in every month; use a day from 1 to 28");
            } else {
                shapes.add(Shape.daily(String.valueOf(day), "*", 0, "on day " + day + " of every month"));
            }
        }
        if (!onDay && MONTH.matcher(text).find()) {
            shapes.add(Shape.daily("1", "*", 0, "on day 1 of every month"));
        }
    }

    /** The time a match names; null when "at N" is no time ("at 3 nodes"); hour -1 when unclear. */
    private static Time time(Matcher m, String text) {
        boolean utc = m.group(5) != null;
        if (m.group(4) != null) {
            return new Time(m.group(4).equals("noon") ? 12 : 0, 0, utc);
        }
        int hour = Integer.parseInt(m.group(1));
        String meridiem = m.group(3);
        if (m.group(2) == null && meridiem == null) {
            boolean clockLike =
                    OCLOCK.matcher(text).region(m.end(), text.length()).lookingAt()
                            || text.substring(m.end()).matches("^\\s*(?:[.,;!?)](?:\\s.*)?|$)");
            return clockLike ? new Time(-1, 0, utc) : null;
        }
        return clock(hour, m.group(2), meridiem, utc);
    }

    private static Time clock(int hour, String minutes, String meridiem, boolean utc) {
        int minute = minutes == null ? 0 : Integer.parseInt(minutes);
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                return new Time(-1, 0, utc);
            }
            hour = hour % 12 + (meridiem.startsWith("p") ? 12 : 0);
        } else if (hour > 23) {
            return new Time(-1, 0, utc);
        }
        return new Time(hour, minute, utc);
    }

    private static int dayIndex(String day) {
        return List.of(DAYS.split("\\|")).indexOf(day);
    }

    private static String capitalized(String day) {
        return Character.toUpperCase(day.charAt(0)) + day.substring(1);
    }

    private static int number(String text) {
        Integer word = NUMBERS.get(text);
        return word != null ? word : Integer.parseInt(text);
    }

    private static Reading none() {
        return new Reading(Optional.empty(), Optional.empty());
    }

    private static Reading unclear(String why) {
        return new Reading(Optional.empty(), Optional.of("no schedule set: " + why));
    }

    private static Map<String, Integer> numbers() {
        Map<String, Integer> n = new LinkedHashMap<>();
        String[] words = {
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"
        };
        for (int i = 0; i < words.length; i++) {
            n.put(words[i], i + 1);
        }
        n.put("fifteen", 15);
        n.put("twenty", 20);
        n.put("thirty", 30);
        return n;
    }

    private record Time(int hour, int minute, boolean utc) {}

    /**
     * One schedule phrase. Daily shapes take a time of day (default {@code hour}:00, minute left
     * flexible); interval shapes take none.
     */
    private record Shape(String cron, String dom, String dow, int hour, boolean daily, String words) {
        static Shape interval(String cron, String words) {
            return new Shape(
                    cron,
                    null,
                    null,
                    -1,
                    false,
                    words.replace("every 1 minutes", "every minute").replace("every 1 hours", "every hour"));
        }

        static Shape daily(String dom, String dow, int hour, String words) {
            return new Shape(null, dom, dow, hour, true, words);
        }

        PlanSchedule schedule(Time time) {
            if (!daily) {
                return new PlanSchedule(cron, null, words, true);
            }
            int h = time == null ? hour : time.hour();
            int min = time == null ? 0 : time.minute();
            String at = String.format(Locale.ROOT, "%02d:%02d", h, min);
            return new PlanSchedule(
                    min + " " + h + " " + dom + " * " + dow,
                    time != null && time.utc() ? "UTC" : null,
                    words + " at " + at + (time != null && time.utc() ? " UTC" : ""),
                    time == null);
        }
    }
}
