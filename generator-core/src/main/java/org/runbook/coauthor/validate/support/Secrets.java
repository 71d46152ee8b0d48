package org.runbook.coauthor.validate.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Literal credentials in text: provider tokens with a known shape (found anywhere), and values
 * assigned to password-, token- or key-like names (found in code and configuration). A value that
 * refers to something else ({@code ${option.pw}}, {@code @option.pw@}, {@code $PW},
 * {@code $(cat file)}) or is a template marker ({@code <password>}, {@code %%TOKEN%%},
 * {@code ****}) is not a secret. A weak real value such as {@code changeme} or {@code admin} is:
 * such defaults are used for real, and the fix (Key Storage) is the same.
 */
public final class Secrets {
    /** A literal secret: what kind, where its value starts, and a redacted rendering for messages. */
    public record Found(String kind, int offset, String shown) {}

    private record Shape(String kind, Pattern pattern) {}

    /** Token shapes specific enough to report anywhere, even in prose. */
    private static final List<Shape> SHAPES = List.of(
            new Shape("AWS access key id", Pattern.compile("\\b((?:AKIA|ASIA)[0-9A-Z]{16})\\b")),
            new Shape("GitHub token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")),
            new Shape("Slack token", Pattern.compile("\\b(xox[abprs]-[A-Za-z0-9-]{10,})")),
            new Shape(
                    "Slack webhook URL",
                    Pattern.compile("(https://hooks\\.slack\\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+)")),
            new Shape("private key", Pattern.compile("(-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----)")),
            new Shape(
                    "JSON web token",
                    Pattern.compile("\\b(eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,})")),
            new Shape(
                    "password in a URL",
                    Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@'\"]*:([^/\\s@'\"]+)@[A-Za-z0-9]")));

    /** A value assigned to a secret-like name: {@code PGPASSWORD=x}, {@code password: x}, {@code --password x}. */
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]{0,40}?(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|access[_-]?key)"
                    + "(?:_?id)?)[\"']?(\\s*[=:]\\s*|\\s+)([\"']?)([^\\s\"',;&|`)}]+)\\3");

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)$");
    private static final Pattern PASSWORD_NAME = Pattern.compile("(?i)passw(?:or)?d|pwd");
    private static final Pattern AWS_SECRET_NAME = Pattern.compile("(?i)aws_?secret");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)<[^>]*>|%%?[^%]*%%?|\\{\\{.*}}|[*xX.#_-]+|\\[[^]]*]|(?:your|my|the)[-_]?.*|replace.*|redacted|"
                    + "none|null|nil|true|false|yes|no|required|optional|empty|unset|string|env|file|stdin|prompt|"
                    + "example.*|dummy|sample|xxx+.*|tbd|todo|n/?a|anonymous.*");
    private static final Pattern REFERENCE =
            Pattern.compile("^(?:\\$|@[A-Za-z]+\\.|%[A-Za-z]|\\{\\{|<\\(|\\\\|/|~|-|keys/)");

    private Secrets() {}

    /** Both lists in text order, without a second finding at an offset the first list covers. */
    public static List<Found> merge(List<Found> first, List<Found> second) {
        List<Found> out = new ArrayList<>(first);
        for (Found f : second) {
            if (first.stream().noneMatch(x -> Math.abs(x.offset() - f.offset()) < 8)) {
                out.add(f);
            }
        }
        out.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        return out;
    }

    /** Known token shapes anywhere in {@code text} (first of each kind). */
    public static List<Found> shapes(String text) {
        List<Found> out = new ArrayList<>();
        for (Shape s : SHAPES) {
            Matcher m = s.pattern().matcher(text);
            while (m.find()) {
                String v = m.group(1);
                if (!isExample(v) && !(s.kind().startsWith("password") && !literal(v))) {
                    String shown =
                            s.kind().startsWith("Slack webhook") ? "https://hooks.slack.com/services/…" : redact(v);
                    out.add(new Found(s.kind(), m.start(1), shown));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Literal values given to secret-like names in code or configuration. Password names need any
     * literal; token and key names need a value that looks random (long, mixed characters).
     */
    public static List<Found> assigned(String text) {
        List<Found> out = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        Matcher m = ASSIGNED.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String sep = m.group(2);
            String value = m.group(4);
            boolean flag = !sep.isBlank() || name.startsWith("-");
            if (!flag || !literal(value) || seen.containsKey(name)) {
                continue;
            }
            boolean password = PASSWORD_NAME.matcher(name).find()
                    || AWS_SECRET_NAME.matcher(name).find();
            if (password ? value.length() >= 3 : looksRandom(value)) {
                seen.put(name, true);
                out.add(new Found(
                        (password ? "password" : "secret") + " for \"" + name + "\"", m.start(4), redact(value)));
            }
        }
        return out;
    }

    /** Whether a name (an option, a configuration key) says its value is a secret. */
    public static boolean secretName(String name) {
        return SECRET_NAME.matcher(name).find();
    }

    /**
     * The redacted value when {@code value}, given to the secret-like {@code name}, is a literal
     * secret: any literal for a password name, a random-looking one for a token or key name.
     */
    public static Optional<String> namedValue(String name, String value) {
        String v = value.strip();
        if (!secretName(name) || !literal(v) || v.contains(" ") || v.contains("\n")) {
            return Optional.empty();
        }
        boolean password = PASSWORD_NAME.matcher(name).find()
                || AWS_SECRET_NAME.matcher(name).find();
        return (password ? v.length() >= 3 : looksRandom(v)) ? Optional.of(redact(v)) : Optional.empty();
    }

    /** Not a reference, not a template marker. */
    static boolean literal(String v) {
        return !v.isEmpty()
                && !REFERENCE.matcher(v).find()
                && !v.contains("${")
                && !v.contains("@option.")
                && !v.contains("$")
                && !PLACEHOLDER.matcher(v).matches();
    }

    /** Long, several character classes, few repeats: a generated token rather than a word. */
    static boolean looksRandom(String v) {
        if (v.length() < 16) {
            return false;
        }
        int classes =
                (v.matches(".*[a-z].*") ? 1 : 0) + (v.matches(".*[A-Z].*") ? 1 : 0) + (v.matches(".*[0-9].*") ? 1 : 0);
        return classes >= 2 && entropy(v) >= 3.0;
    }

    private static double entropy(String v) {
        Map<Character, Integer> counts = new HashMap<>();
        for (char c : v.toCharArray()) {
            counts.merge(c, 1, Integer::sum);
        }
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / v.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** AWS's documented example keys are not secrets. */
    private static boolean isExample(String v) {
        return v.contains("EXAMPLE");
    }

    /** A prefix and an ellipsis, never the whole secret: 4 characters of a long token, 2 of a password, else none. */
    public static String redact(String v) {
        int keep = v.length() >= 16 ? 4 : v.length() >= 8 ? 2 : 0;
        return v.substring(0, keep) + "…";
    }
}
