package org.runbook.coauthor.validate.support;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks Quartz cron fields the way Rundeck does before it schedules a job: its own character
 * classes per field ({@code ScheduledExecution} constraints), then the Quartz rules for ranges,
 * names, steps and the {@code ?} that exactly one of day-of-month and day-of-week must hold.
 */
public final class QuartzCron {
    /** A problem in one field: which field (0-based), where in the expression, and what. */
    public record Problem(int field, int offset, String message) {}

    public static final List<String> FIELDS =
            List.of("seconds", "minutes", "hours", "day-of-month", "month", "day-of-week", "year");
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int[][] RANGES = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}, {1970, 2099}};
    private static final Pattern[] CHARS = {
        Pattern.compile("[0-9*/,-]*"), Pattern.compile("[0-9*/,-]*"), Pattern.compile("[0-9*/,-]*"),
        Pattern.compile("[0-9*/,?LW-]*"), Pattern.compile("[0-9a-zA-Z*/,-]*"), Pattern.compile("[0-9a-zA-Z*/?,L#-]*"),
        Pattern.compile("[0-9*/,-]*")
    };
    private static final String[] ALLOWED = {
        "digits and * / , -",
        "digits and * / , -",
        "digits and * / , -",
        "digits and * / , ? L W -",
        "digits, JAN..DEC and * / , -",
        "digits, SUN..SAT and * / ? , L # -",
        "digits and * / , -"
    };
    private static final Pattern ELEMENT = Pattern.compile("([^/]+)(?:/(.*))?");

    private QuartzCron() {}

    /** Checks a whole expression of 6 or 7 whitespace-separated fields (the caller checks the count). */
    public static Optional<Problem> check(String expression) {
        String[] parts = expression.strip().split("\\s+");
        int offset = expression.indexOf(expression.strip());
        int[] starts = new int[parts.length];
        for (int i = 0, from = offset; i < parts.length; i++) {
            starts[i] = expression.indexOf(parts[i], from);
            from = starts[i] + parts[i].length();
        }
        for (int i = 0; i < parts.length && i < FIELDS.size(); i++) {
            Optional<String> p = checkField(i, parts[i]);
            if (p.isPresent()) {
                return Optional.of(new Problem(i, starts[i], p.get()));
            }
        }
        if (parts.length >= 6) {
            boolean domAny = parts[3].equals("?");
            boolean dowAny = parts[5].equals("?");
            if (domAny == dowAny) {
                return Optional.of(new Problem(
                        domAny ? 3 : 5,
                        starts[domAny ? 3 : 5],
                        domAny
                                ? "has \"?\" in both day-of-month and day-of-week; Quartz needs \"?\" in exactly one of them"
                                : "sets both day-of-month \"" + parts[3] + "\" and day-of-week \"" + parts[5]
                                        + "\"; Quartz needs \"?\" in exactly one of them"));
            }
        }
        return Optional.empty();
    }

    /** What is wrong with one field value, as a fragment such as {@code has hours "25" out of range 0-23}. */
    public static Optional<String> checkField(int field, String value) {
        String name = FIELDS.get(field);
        if (value.isEmpty()) {
            return Optional.of("has an empty " + name + " field");
        }
        if (!CHARS[field].matcher(value).matches()) {
            return Optional.of("has " + name + " \"" + value + "\"; Rundeck allows only " + ALLOWED[field] + " there");
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.equals("?")) {
            return Optional.empty();
        }
        if (upper.contains("?")) {
            return Optional.of("has " + name + " \"" + value + "\"; \"?\" must stand alone");
        }
        for (String element : upper.split(",", -1)) {
            Optional<String> p = element(field, element);
            if (p.isPresent()) {
                return Optional.of("has " + name + " \"" + value + "\"" + p.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> element(int field, String element) {
        Matcher m = ELEMENT.matcher(element);
        if (!m.matches()) {
            return Optional.of("; \"" + element + "\" is not a value");
        }
        String base = m.group(1);
        if (m.group(2) != null) {
            if (!m.group(2).matches("[0-9]+") || Integer.parseInt(m.group(2)) == 0) {
                return Optional.of("; the step after \"/\" must be a positive number");
            }
        }
        if (base.equals("*")) {
            return Optional.empty();
        }
        if (field == 3 && base.matches("L(-[0-9]+)?|LW|[0-9]+W")) {
            return range(
                    field,
                    base.replaceAll("[^0-9]", "").isEmpty() || base.startsWith("L") ? "1" : base.replace("W", ""));
        }
        if (field == 5 && base.matches("L|[0-9A-Z]+L")) {
            return base.equals("L") ? Optional.empty() : range(field, base.substring(0, base.length() - 1));
        }
        if (field == 5 && base.contains("#")) {
            String[] p = base.split("#", -1);
            if (p.length != 2 || !p[1].matches("[1-5]")) {
                return Optional.of("; \"#\" must be followed by a week number 1-5");
            }
            return range(field, p[0]);
        }
        String[] ends = base.split("-", -1);
        if (ends.length > 2) {
            return Optional.of("; \"" + base + "\" is not a value or a range");
        }
        for (String end : ends) {
            Optional<String> p = range(field, end);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> range(int field, String value) {
        if (value.matches("[0-9]+")) {
            long n = value.length() > 9 ? Long.MAX_VALUE : Long.parseLong(value);
            int[] r = RANGES[field];
            return n < r[0] || n > r[1]
                    ? Optional.of("; " + value + " is out of range " + r[0] + "-" + r[1])
                    : Optional.empty();
        }
        List<String> names = field == 4 ? MONTHS : field == 5 ? DAYS : List.of();
        if (names.contains(value)) {
            return Optional.empty();
        }
        return Optional.of(
                names.isEmpty()
                        ? "; \"" + value + "\" is not a number"
                        : "; \"" + value + "\" is not a "
                                + (field == 4 ? "month name (JAN..DEC)" : "day name (SUN..SAT)"));
    }

    /**
     * The Quartz form of a 5-field Unix crontab ({@code min hour dom month dow}): a seconds field in
     * front, day numbers turned into names (Unix 1 is Monday, Quartz 1 is Sunday) and {@code ?} in
     * the day field that is not used.
     */
    public static String fromUnix(String[] f) {
        String dom = f[2];
        String dow = f[4];
        StringBuilder days = new StringBuilder();
        Matcher m = Pattern.compile("[0-9]+").matcher(dow);
        int last = 0;
        while (m.find()) {
            int n = Integer.parseInt(m.group());
            boolean step = m.start() > 0 && dow.charAt(m.start() - 1) == '/';
            days.append(dow, last, m.start()).append(step || n > 7 ? m.group() : DAYS.get(n % 7));
            last = m.end();
        }
        dow = days.append(dow.substring(last)).toString();
        if (!dow.equals("*")) {
            dom = "?";
        } else {
            dow = "?";
        }
        return String.join(" ", "0", f[0], f[1], dom, f[3], dow);
    }
}
