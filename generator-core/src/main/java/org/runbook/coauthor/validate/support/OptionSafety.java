package org.runbook.coauthor.validate.support;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.runbook.coauthor.validate.model.OptionView;

/**
 * Which characters an operator can put into an option's value, compared with the characters that
 * break out of a shell quoting context. An option limited to enforced values is as safe as its
 * values; one with a regex admits the characters the regex can match anywhere (its character
 * classes, escapes and literals, outside look-arounds; an over-estimate, so a loose regex such as
 * {@code .*prtr.*} counts as admitting everything).
 */
public final class OptionSafety {
    /**
     * Inside double quotes: the characters that end the quotes or expand. A backslash is left out: on
     * its own it can only move where the string ends, which takes a second, crafted value to exploit.
     */
    public static final String IN_DOUBLE_QUOTES = "\"$`";
    /** In an expanding here-document: substitutions, and a line break that can end the document early. */
    public static final String IN_HEREDOC = "$`\n";
    /** In a here-document with a quoted delimiter: only a line break (it can end the document early). */
    public static final String IN_QUOTED_HEREDOC = "\n";
    /** Inside single quotes. */
    public static final String IN_SINGLE_QUOTES = "'";
    /** Unquoted code: separators, redirections, substitutions, quotes, blanks, globs. */
    public static final String UNQUOTED = ";&|<>()$`\\\"' \t\n*?[";
    /** An unquoted variable expansion: word splitting and globbing only. */
    public static final String UNQUOTED_EXPANSION = " \t\n*?[";

    private static final int ASCII = 128;

    private OptionSafety() {}

    /** A character that gets through, and why, for messages: {@code its regex "x" allows ";"}. */
    public record Verdict(char character, String why) {}

    /** The first character of {@code dangerous} the option lets through, with the reason; empty when none. */
    public static Optional<Verdict> admits(OptionView o, String dangerous) {
        List<String> values = o.values();
        boolean remote = o.node().has("valuesUrl") || o.node().has("optionValuesPluginType");
        if (o.enforced() && (!values.isEmpty() || remote)) {
            for (String v : values) {
                for (char c : dangerous.toCharArray()) {
                    if (v.indexOf(c) >= 0) {
                        return Optional.of(new Verdict(c, "its allowed value \"" + v + "\" contains " + show(c)));
                    }
                }
            }
            return Optional.empty();
        }
        Optional<String> regex = o.regex();
        if (regex.isPresent() && compiles(regex.get())) {
            boolean[] alphabet = alphabet(regex.get());
            for (char c : dangerous.toCharArray()) {
                if (c < ASCII && alphabet[c]) {
                    return Optional.of(new Verdict(c, "its regex \"" + regex.get() + "\" allows " + show(c)));
                }
            }
            return Optional.empty();
        }
        return Optional.of(new Verdict(
                dangerous.charAt(0), "option \"" + o.name() + "\" accepts any text (no regex, no enforced values)"));
    }

    public static String show(char c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\n' -> "a line break";
            case '"' -> "a double quote";
            case '\\' -> "a backslash";
            default -> "\"" + c + "\"";
        };
    }

    private static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** The ASCII characters the regex can match somewhere (an over-estimate). */
    static boolean[] alphabet(String re) {
        boolean[] out = new boolean[ASCII];
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            if (c == '\\') {
                i = escape(re, i, out);
            } else if (c == '[') {
                i = charClass(re, i, out);
            } else if (c == '('
                    && re.startsWith("(?", i)
                    && re.length() > i + 2
                    && (re.charAt(i + 2) == '='
                            || re.charAt(i + 2) == '!'
                            || re.startsWith("(?<=", i)
                            || re.startsWith("(?<!", i))) {
                i = skipGroup(re, i);
            } else if (c == '(' && re.startsWith("(?", i)) {
                int end = i + 2;
                while (end < re.length() && re.charAt(end) != ':' && re.charAt(end) != ')' && re.charAt(end) != '>') {
                    end++;
                }
                i = end + 1;
            } else if (c == '{' && re.substring(i).matches("(?s)\\{\\d+(,\\d*)?}.*")) {
                i = re.indexOf('}', i) + 1;
            } else if (c == '.') {
                fill(out, true);
                i++;
            } else {
                if ("()|*+?^$".indexOf(c) < 0 && c < ASCII) {
                    out[c] = true;
                }
                i++;
            }
        }
        return out;
    }

    /** Adds what the escape at {@code i} matches; returns the index after it. */
    private static int escape(String re, int i, boolean[] out) {
        if (i + 1 >= re.length()) {
            return i + 1;
        }
        char e = re.charAt(i + 1);
        switch (e) {
            case 'd', 'w', 'b', 'B', 'A', 'z', 'Z', 'G', 'h', 'v', 'R', 'X' -> {
                if (e == 'h' || e == 'v' || e == 'R') {
                    set(out, " \t\n\r\f\u000b");
                }
            }
            case 's' -> set(out, " \t\n\r\f\u000b");
            case 'S', 'W', 'D', 'H', 'V' -> fill(out, true);
            case 'n' -> out['\n'] = true;
            case 't' -> out['\t'] = true;
            case 'r' -> out['\r'] = true;
            case 'p', 'P' -> {
                int end = re.indexOf('}', i);
                String name = end >= i + 3 ? re.substring(i + 3, end) : "";
                if (e == 'P'
                        || !name.matches("Alpha|Digit|Alnum|Lower|Upper|L|Lu|Ll|N|Nd|XDigit|IsAlphabetic|IsDigit"
                                + "|IsLetter|javaLetterOrDigit|javaLetter|javaDigit|javaLowerCase|javaUpperCase")) {
                    fill(out, true);
                }
                return end > 0 ? end + 1 : re.length();
            }
            case 'Q' -> {
                int end = re.indexOf("\\E", i + 2);
                String quoted = end < 0 ? re.substring(i + 2) : re.substring(i + 2, end);
                set(out, quoted);
                return end < 0 ? re.length() : end + 2;
            }
            case 'x', 'u', '0', 'c', 'k' -> fill(out, true);
            default -> {
                if (Character.isDigit(e)) {
                    return i + 2;
                }
                if (e < ASCII) {
                    out[e] = true;
                }
            }
        }
        return i + 2;
    }

    /** Adds what the class at {@code i} matches; returns the index after its closing bracket. */
    private static int charClass(String re, int start, boolean[] out) {
        boolean[] members = new boolean[ASCII];
        int i = start + 1;
        boolean negated = i < re.length() && re.charAt(i) == '^';
        if (negated) {
            i++;
        }
        boolean first = true;
        while (i < re.length() && (re.charAt(i) != ']' || first)) {
            first = false;
            char c = re.charAt(i);
            if (c == '[') {
                boolean[] inner = new boolean[ASCII];
                i = charClass(re, i, inner);
                or(members, inner);
                continue;
            }
            if (c == '&' && re.startsWith("&&", i)) {
                i += 2;
                continue;
            }
            if (c == '\\') {
                i = escape(re, i, members);
                continue;
            }
            if (i + 2 < re.length() && re.charAt(i + 1) == '-' && re.charAt(i + 2) != ']') {
                char to = re.charAt(i + 2) == '\\' && i + 3 < re.length() ? re.charAt(i + 3) : re.charAt(i + 2);
                for (int x = c; x <= to && x < ASCII; x++) {
                    members[x] = true;
                }
                i += re.charAt(i + 2) == '\\' ? 4 : 3;
                continue;
            }
            if (c < ASCII) {
                members[c] = true;
            }
            i++;
        }
        for (int x = 0; x < ASCII; x++) {
            out[x] |= negated != members[x];
        }
        return i + 1;
    }

    private static int skipGroup(String re, int start) {
        int depth = 0;
        for (int i = start; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = charClass(re, i, new boolean[ASCII]) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return re.length();
    }

    private static void set(boolean[] out, String chars) {
        for (char c : chars.toCharArray()) {
            if (c < ASCII) {
                out[c] = true;
            }
        }
    }

    private static void fill(boolean[] out, boolean v) {
        java.util.Arrays.fill(out, v);
    }

    private static void or(boolean[] out, boolean[] in) {
        for (int i = 0; i < ASCII; i++) {
            out[i] |= in[i];
        }
    }
}
