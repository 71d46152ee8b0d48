package org.runbook.coauthor.author.offline;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a literal value for a block parameter in request text: first the block's own {@code extract}
 * regex, then a generic pattern for the parameter's type (paths, URLs, IPs, S3 URIs, regions, numbers
 * next to one of the parameter's words). A value is kept only if it passes the parameter's regex.
 */
final class LiteralValues {
    private static final Pattern PATH = Pattern.compile("(?<![\\w.:/])(/[A-Za-z0-9_.@+~-]+(?:/[A-Za-z0-9_.@+~*-]*)*)");
    private static final Pattern URL = Pattern.compile("(https?://[^\\s\"'<>`]+[^\\s\"'<>`.,;:)])");
    private static final Pattern IP = Pattern.compile("\\b((?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?:/[0-9]{1,2})?)\\b");
    private static final Pattern S3_URI = Pattern.compile("\\bs3://([a-z0-9][a-z0-9.-]+[a-z0-9])");
    private static final Pattern BUCKET_NAMED =
            Pattern.compile("(?i)\\bbucket\\s+(?:named\\s+|called\\s+)?[\"'`]?([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\\b");
    private static final Pattern REGION = Pattern.compile("\\b((?:us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-[0-9])\\b");
    private static final Pattern FQDN = Pattern.compile(
            "\\b([a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|io|dev|internal|local|lan|corp|cloud|[a-z]{2}))\\b");
    private static final Pattern EMAIL = Pattern.compile("\\b([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})\\b");
    private static final Pattern VERSION = Pattern.compile("(?i)\\bversion\\s+v?([0-9][A-Za-z0-9._+-]*[A-Za-z0-9])");

    /** Words an extract pattern can catch that name no value. */
    private static final java.util.Set<String> NOT_VALUES = java.util.Set.of(
            "name",
            "names",
            "named",
            "called",
            "list",
            "number",
            "value",
            "values",
            "default",
            "new",
            "old",
            "current",
            "previous",
            "latest",
            "given",
            "chosen",
            "selected",
            "specified",
            "certain",
            "particular",
            "specific",
            "another",
            "other",
            "same");

    /** Compiled once per alias: the same catalog aliases are tried on every request. */
    private static final java.util.Map<String, Pattern[]> NEAR_ALIAS = new java.util.concurrent.ConcurrentHashMap<>();

    private LiteralValues() {}

    /**
     * @param soleOfItsType whether no other parameter of the block has the same type; only then is
     *     a generic pattern trusted, so "a forensic copy of /etc/passwd" does not also become the
     *     evidence directory
     */
    static Optional<String> find(BlockParam param, String text, boolean soleOfItsType) {
        Optional<String> value = param.extract() != null ? group(param.extract(), text) : Optional.empty();
        if (value.isEmpty() && soleOfItsType) {
            value = byType(param, text);
        }
        if (!param.values().isEmpty()) {
            // Allowed values are matched without regard to case: "MX records" picks "mx".
            value = value.flatMap(v ->
                    param.values().stream().filter(a -> a.equalsIgnoreCase(v)).findFirst());
        }
        return value.filter(v -> !param.type().equals(ParamType.SECRET))
                // "a database I choose": the word after the noun is the operator, not a value.
                .filter(v -> !Words.isStopWord(v) && !NOT_VALUES.contains(v.toLowerCase(Locale.ROOT)))
                .filter(v -> param.effectiveRegex() == null
                        || Pattern.compile(param.effectiveRegex()).matcher(v).matches());
    }

    private static Optional<String> byType(BlockParam param, String text) {
        return switch (param.type()) {
            case PATH -> group(PATH, text);
            case URL -> group(URL, text);
            case IP -> group(IP, text);
            case BUCKET -> group(S3_URI, text).or(() -> group(BUCKET_NAMED, text));
            case REGION -> group(REGION, text);
            case HOST -> group(FQDN, text.toLowerCase(Locale.ROOT));
            case EMAIL -> group(EMAIL, text);
            case VERSION -> group(VERSION, text);
            case NUMBER, DURATION -> nearAlias(param, text);
            default -> Optional.empty();
        };
    }

    /** "within 30 days", "threshold of 120 seconds", "3 replicas": a number next to one of the param's words. */
    private static Optional<String> nearAlias(BlockParam param, String text) {
        for (String alias : param.aliases()) {
            Pattern[] around = NEAR_ALIAS.computeIfAbsent(alias.toLowerCase(Locale.ROOT), LiteralValues::nearPatterns);
            Optional<String> v = group(around[0], text).or(() -> group(around[1], text));
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static Pattern[] nearPatterns(String alias) {
        String word = Pattern.quote(alias);
        return new Pattern[] {
            Pattern.compile("(?i)\\b([0-9]+)\\s*" + word + "\\b"),
            Pattern.compile("(?i)\\b" + word + "\\s*(?:of|=|:|is|to)?\\s*([0-9]+)\\b")
        };
    }

    private static Optional<String> group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.ofNullable(m.group(1)) : Optional.empty();
    }
}
