package org.runbook.coauthor.render.jenkins;

/**
 * Writes text into a Jenkinsfile as Groovy literals that never interpolate: single-quoted strings,
 * triple-single-quoted scripts and line comments. A {@code $} is inert in every one of them, so a
 * value that reaches a {@code sh} step is expanded by the shell, never by Groovy.
 *
 * <pre>{@code
 * GroovyText.quoted("it's $5")          // 'it\'s $5'
 * GroovyText.script("echo \"$HOME\"\n") // '''echo "$HOME"\n'''
 * }</pre>
 */
public final class GroovyText {
    private GroovyText() {}

    /** A single-quoted Groovy string holding exactly {@code value}. */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> appendOther(out, c);
            }
        }
        return out.append('\'').toString();
    }

    /**
     * A triple-single-quoted Groovy string holding exactly {@code script}, for {@code sh} bodies:
     * newlines stay real newlines so the script reads as written; backslashes and quotes are escaped,
     * so neither a {@code '''} in the script nor a backslash at the end of a line changes it.
     */
    public static String script(String script) {
        StringBuilder out = new StringBuilder(script.length() + 8).append("'''");
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                    // A quote ends the string only in a run of three or next to the closing quotes;
                    // escaping just those keeps the shell's own quoting readable.
                case '\'' -> out.append(i + 1 == script.length() || script.charAt(i + 1) == '\'' ? "\\'" : "'");
                case '\n' -> out.append('\n');
                case '\r' -> out.append("\\r");
                case '\t' -> out.append('\t');
                default -> appendOther(out, c);
            }
        }
        return out.append("'''").toString();
    }

    /** {@code text} as one Groovy line comment: control characters become spaces. */
    public static String comment(String text) {
        StringBuilder out = new StringBuilder("//");
        String flat = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ").stripTrailing();
        if (!flat.isEmpty()) {
            out.append(' ').append(flat);
        }
        return out.toString();
    }

    private static void appendOther(StringBuilder out, char c) {
        // Other control characters would be invisible in review; escaped, they read as what they are.
        if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
        } else {
            out.append(c);
        }
    }
}
