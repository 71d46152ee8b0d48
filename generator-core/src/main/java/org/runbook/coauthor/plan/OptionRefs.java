package org.runbook.coauthor.plan;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The plan's one reference syntax: {@code ${option.NAME}} inside step parameters and node selectors. */
public final class OptionRefs {
    public static final Pattern REF = Pattern.compile("\\$\\{option\\.([a-zA-Z_0-9.-]+)}");

    private OptionRefs() {}

    public static String of(String optionName) {
        return "${option." + optionName + "}";
    }

    /**
     * Escapes the literal parts of {@code expression} for use inside a double-quoted shell string,
     * leaving option references intact so the target can still expand them.
     */
    public static String escapeForDoubleQuotes(String expression) {
        StringBuilder out = new StringBuilder();
        Matcher m = REF.matcher(expression);
        int last = 0;
        while (m.find()) {
            out.append(escape(expression.substring(last, m.start()))).append(m.group());
            last = m.end();
        }
        return out.append(escape(expression.substring(last))).toString();
    }

    private static String escape(String literal) {
        return literal.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("$", "\\$")
                .replace("`", "\\`");
    }

    /** Option names referenced in {@code text}, in order of first use. */
    public static Set<String> in(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = REF.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
