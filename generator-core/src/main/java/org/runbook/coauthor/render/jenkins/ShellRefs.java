package org.runbook.coauthor.render.jenkins;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.plan.OptionRefs;

/**
 * Rewrites the plan's {@code ${option.x}} references in shell text into references to the
 * environment variable Jenkins sets for parameter {@code X}, quoted for the place they stand in:
 * {@code ${X}} inside double quotes or an unquoted here-document, {@code "${X}"} where the text is
 * unquoted, and {@code '"${X}"'} inside single quotes. The value is expanded by the shell at run time
 * and is never pasted into the script, so an operator's input cannot change the command.
 */
final class ShellRefs {
    private enum Quote {
        NONE,
        SINGLE,
        DOUBLE
    }

    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");

    private ShellRefs() {}

    static String rewrite(String shell, UnaryOperator<String> variableOf) {
        StringBuilder out = new StringBuilder(shell.length() + 16);
        // Open quoting contexts: "$(" inside double quotes starts a fresh unquoted one. Each context
        // counts the plain parentheses opened in it, so only the ")" that closes "$(" pops it.
        Deque<Quote> stack = new ArrayDeque<>();
        Deque<int[]> parens = new ArrayDeque<>();
        stack.push(Quote.NONE);
        parens.push(new int[1]);
        String heredocEnd = null;
        int lineStart = 0;
        Matcher ref = OptionRefs.REF.matcher(shell);
        for (int i = 0; i < shell.length(); ) {
            if (heredocEnd != null) {
                int eol = shell.indexOf('\n', i);
                int end = eol < 0 ? shell.length() : eol + 1;
                String line = shell.substring(i, end);
                out.append(replaceAll(line, variableOf, "${", "}"));
                if (line.strip().equals(heredocEnd)) {
                    heredocEnd = null;
                }
                i = end;
                lineStart = end;
                continue;
            }
            char c = shell.charAt(i);
            Quote q = stack.peek();
            if (c == '$' && ref.find(i) && ref.start() == i) {
                String var = "${" + variableOf.apply(ref.group(1)) + "}";
                out.append(
                        switch (q) {
                            case DOUBLE -> var;
                            case SINGLE -> "'\"" + var + "\"'";
                            case NONE -> "\"" + var + "\"";
                        });
                i = ref.end();
                continue;
            }
            out.append(c);
            i++;
            if (q == Quote.SINGLE) {
                if (c == '\'') {
                    stack.pop();
                    parens.pop();
                }
                continue;
            }
            if (c == '\\' && i < shell.length()) {
                out.append(shell.charAt(i++));
                continue;
            }
            if (c == '"') {
                if (q == Quote.DOUBLE) {
                    stack.pop();
                    parens.pop();
                } else {
                    stack.push(Quote.DOUBLE);
                    parens.push(new int[1]);
                }
            } else if (c == '\'' && q == Quote.NONE) {
                stack.push(Quote.SINGLE);
                parens.push(new int[1]);
            } else if (c == '$' && i < shell.length() && shell.charAt(i) == '(') {
                out.append('(');
                i++;
                stack.push(Quote.NONE);
                parens.push(new int[1]);
            } else if (c == '(' && q == Quote.NONE) {
                parens.peek()[0]++;
            } else if (c == ')' && q == Quote.NONE) {
                if (parens.peek()[0] > 0) {
                    parens.peek()[0]--;
                } else if (stack.size() > 1) {
                    stack.pop();
                    parens.pop();
                }
            } else if (c == '#' && q == Quote.NONE && (i == 1 || Character.isWhitespace(shell.charAt(i - 2)))) {
                int eol = shell.indexOf('\n', i);
                int end = eol < 0 ? shell.length() : eol;
                out.append(shell, i, end);
                i = end;
            } else if (c == '\n' && q == Quote.NONE) {
                heredocEnd = heredocDelimiter(shell.substring(lineStart, i));
                lineStart = i;
            }
        }
        return out.toString();
    }

    private static String replaceAll(String text, UnaryOperator<String> variableOf, String open, String close) {
        Matcher m = OptionRefs.REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(open + variableOf.apply(m.group(1)) + close));
        }
        return m.appendTail(out).toString();
    }

    /** The word that ends a here-document opened on {@code line}, or null. */
    private static String heredocDelimiter(String line) {
        Matcher m = HEREDOC.matcher(line);
        return m.find() && !line.contains("<<<") ? m.group(2) : null;
    }
}
