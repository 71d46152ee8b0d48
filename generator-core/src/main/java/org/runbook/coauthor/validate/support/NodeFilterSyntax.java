package org.runbook.coauthor.validate.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a node filter the way Rundeck 5.4 does ({@code NodeSet.parseFilter} over
 * {@code QuotedStringTokenizer}), keeping offsets so problems can be reported where they are:
 * tokens are split at whitespace, a token that starts with a quote runs to the matching quote (a
 * doubled quote is a literal one); {@code key: value} and {@code key:value} are pairs, a bare value
 * means {@code name: value}, and a key starting with {@code !} goes to the exclude set.
 *
 * <pre>{@code
 * NodeFilterSyntax.parse("tags: web !name: web-0[1-3]").entries()
 *   // [tags=web (include), name=web-0[1-3] (exclude)]
 * }</pre>
 */
public final class NodeFilterSyntax {
    /** One {@code key: value} pair; offsets are 0-based positions in the filter text. */
    public record Entry(String key, String value, boolean exclude, int keyOffset, int valueOffset) {}

    /** Something Rundeck reads differently from what was written. */
    public record Problem(int offset, String message, String hint) {}

    /** The pairs of a filter and its problems. */
    public record Parsed(List<Entry> entries, List<Problem> problems) {
        public List<Entry> include() {
            return entries.stream().filter(e -> !e.exclude()).toList();
        }

        public List<Entry> exclude() {
            return entries.stream().filter(Entry::exclude).toList();
        }
    }

    private record Token(String text, int offset, boolean quoted) {}

    private NodeFilterSyntax() {}

    public static Parsed parse(String filter) {
        List<Problem> problems = new ArrayList<>();
        List<Token> tokens = tokens(filter == null ? "" : filter, problems);
        List<Entry> entries = new ArrayList<>();
        String key = null;
        int keyAt = 0;
        for (Token t : tokens) {
            String value = t.text();
            int valueAt = t.offset();
            boolean swallowedKey = false;
            if (key == null && value.endsWith(":")) {
                key = value.substring(0, value.length() - 1);
                keyAt = t.offset();
                continue;
            } else if (key == null && value.contains(":")) {
                key = value.substring(0, value.indexOf(':'));
                keyAt = t.offset();
                valueAt = t.offset() + value.indexOf(':') + 1 + (t.quoted() ? 1 : 0);
                value = value.substring(value.indexOf(':') + 1);
            } else if (key == null) {
                key = "name";
                keyAt = -1;
                if (!entries.isEmpty()
                        && dangling(entries.get(entries.size() - 1).value())) {
                    Entry last = entries.get(entries.size() - 1);
                    String joined = last.value().strip() + value;
                    problems.add(new Problem(
                            t.offset(),
                            "node filter value \"" + last.value().strip() + "\" of \""
                                    + last.key() + "\" ends with \""
                                    + last.value()
                                            .strip()
                                            .charAt(last.value().strip().length() - 1)
                                    + "\" and a space, so Rundeck reads \"" + value
                                    + "\" as a separate node name, not as part of "
                                    + "the list",
                            "remove the space: \"" + (last.exclude() ? "!" : "") + last.key() + ": " + joined + "\""));
                }
            } else if (value.endsWith(":") && !t.quoted()) {
                problems.add(new Problem(
                        keyAt,
                        "node filter key \"" + key + "\" has no value, so Rundeck reads the next " + "key \"" + value
                                + "\" as its value",
                        "give \"" + key + ":\" a value or remove it"));
                swallowedKey = true;
            }
            entries.add(entry(key, value, keyAt, valueAt, swallowedKey ? new ArrayList<>() : problems));
            key = null;
        }
        if (key != null) {
            problems.add(new Problem(
                    keyAt,
                    "node filter key \"" + key + "\" has no value; Rundeck drops it",
                    "give \"" + key + ":\" a value or remove it"));
        }
        return new Parsed(List.copyOf(entries), List.copyOf(problems));
    }

    private static boolean dangling(String value) {
        String v = value.strip();
        return v.length() > 1 && (v.endsWith(",") || v.endsWith("+"));
    }

    private static Entry entry(String rawKey, String value, int keyAt, int valueAt, List<Problem> problems) {
        boolean exclude = rawKey.startsWith("!");
        String key = exclude ? rawKey.substring(1) : rawKey;
        if (key.isEmpty()) {
            problems.add(new Problem(
                    keyAt,
                    "node filter has \"" + rawKey + ":\" with no key name before the colon",
                    "write the attribute name before the colon, e.g. \"" + rawKey + "name:\""));
        } else if (key.startsWith("!")) {
            problems.add(new Problem(
                    keyAt,
                    "node filter key \"" + rawKey + "\" has more than one \"!\"; Rundeck reads "
                            + "it as the attribute \"" + key + "\"",
                    "write a single \"!\": \"!" + key.replaceFirst("^!+", "") + ":\""));
        }
        String trimmed = value.strip();
        if (trimmed.equals("!")) {
            problems.add(new Problem(
                    valueAt,
                    "node filter has a lone \"!\"; Rundeck reads it as the value \"!\" of \"" + key
                            + "\" and excludes nothing",
                    "write \"!\" directly before the key, with no space: \"!tags: web\""));
        } else if (trimmed.startsWith("!")) {
            String meant = trimmed.substring(1);
            problems.add(new Problem(
                    valueAt + value.indexOf('!'),
                    "node filter value \"" + trimmed + "\" of \"" + key
                            + "\" starts with \"!\", which Rundeck reads as part of the value, not as an exclusion",
                    "to exclude, put \"!\" before the key: \"!" + key + ": " + meant + "\""));
        }
        if (trimmed.length() >= 2 && trimmed.startsWith("/") && trimmed.endsWith("/") && !key.equals("tags")) {
            try {
                Pattern.compile(trimmed.substring(1, trimmed.length() - 1).strip());
            } catch (PatternSyntaxException e) {
                problems.add(new Problem(
                        valueAt + Math.max(0, value.indexOf('/')),
                        "node filter value \"" + trimmed
                                + "\" of \"" + key + "\" is not a valid regular expression: "
                                + e.getDescription().toLowerCase(java.util.Locale.ROOT) + " near index " + e.getIndex(),
                        "fix the regular expression between the slashes"));
            }
        }
        return new Entry(key, value, exclude, keyAt, valueAt);
    }

    /** {@code QuotedStringTokenizer}: whitespace-separated, a leading quote runs to its match. */
    private static List<Token> tokens(String s, List<Problem> problems) {
        List<Token> out = new ArrayList<>();
        int pos = 0;
        while (pos < s.length()) {
            while (pos < s.length() && s.charAt(pos) <= ' ') {
                pos++;
            }
            if (pos >= s.length()) {
                break;
            }
            int start = pos;
            char quote = s.charAt(pos) == '"' || s.charAt(pos) == '\'' ? s.charAt(pos) : 0;
            boolean quoting = quote != 0;
            int openedAt = pos;
            if (quoting) {
                pos++;
            }
            StringBuilder text = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (quoting) {
                    if (c == quote && pos + 1 < s.length() && s.charAt(pos + 1) == quote) {
                        text.append(c);
                        pos += 2;
                    } else if (c == quote) {
                        quoting = false;
                        pos++;
                    } else {
                        text.append(c);
                        pos++;
                    }
                } else if (c <= ' ') {
                    break;
                } else if (quote != 0 && c == quote) {
                    quoting = true;
                    openedAt = pos;
                    pos++;
                } else {
                    text.append(c);
                    pos++;
                }
            }
            if (quoting) {
                problems.add(new Problem(
                        openedAt,
                        "node filter has an unclosed " + quote + " quote; Rundeck reads the "
                                + "rest of the filter as one value",
                        "close the quote or remove it"));
            }
            out.add(new Token(text.toString(), start, quote != 0));
        }
        return out;
    }
}
