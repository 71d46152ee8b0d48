package org.runbook.coauthor.rundeck.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Spots option regexes whose backtracking can explode: a quantified group that itself holds a
 * quantifier ({@code (a+)+}, {@code (\w*)*}, {@code (x{1,})+}). Rundeck matches option values
 * with {@code java.util.regex} on the server, so one such regex and a crafted value can pin a
 * request thread. A heuristic, deliberately cheap: it never runs the regex.
 */
final class RegexRisk {
    /** Longer option regexes are refused outright: nobody reviews them. */
    static final int MAX_LENGTH = 500;

    private RegexRisk() {}

    /** Why {@code regex} looks catastrophic, or empty. */
    static Optional<String> catastrophic(String regex) {
        if (regex.length() > MAX_LENGTH) {
            return Optional.of("it is " + regex.length() + " characters long (the limit is " + MAX_LENGTH + ")");
        }
        Deque<boolean[]> groups = new ArrayDeque<>();
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            switch (c) {
                case '[' -> inClass = true;
                case '(' -> groups.push(new boolean[] {false});
                case ')' -> {
                    boolean quantifiedInside = !groups.isEmpty() && groups.pop()[0];
                    boolean quantifiedAfter = i + 1 < regex.length() && isQuantifier(regex, i + 1);
                    if (quantifiedInside && quantifiedAfter) {
                        return Optional.of("the group ending at column " + (i + 1)
                                + " repeats a part that already repeats (nested quantifiers)");
                    }
                    if (quantifiedAfter || quantifiedInside) {
                        markEnclosing(groups);
                    }
                }
                case '*', '+' -> markEnclosing(groups);
                case '{' -> {
                    if (isQuantifier(regex, i)) {
                        markEnclosing(groups);
                    }
                }
                default -> {}
            }
        }
        return Optional.empty();
    }

    private static void markEnclosing(Deque<boolean[]> groups) {
        if (!groups.isEmpty()) {
            groups.peek()[0] = true;
        }
    }

    /** {@code *}, {@code +} or an open-ended / large {@code {n,m}} at {@code at}. */
    private static boolean isQuantifier(String regex, int at) {
        char c = regex.charAt(at);
        if (c == '*' || c == '+') {
            return true;
        }
        if (c != '{') {
            return false;
        }
        int close = regex.indexOf('}', at);
        if (close < 0) {
            return false;
        }
        String body = regex.substring(at + 1, close);
        if (!body.matches("\\d+(,\\d*)?")) {
            return false;
        }
        if (!body.contains(",")) {
            return false;
        }
        String max = body.substring(body.indexOf(',') + 1);
        return max.isEmpty() || Integer.parseInt(max.length() > 6 ? "999999" : max) > 1;
    }
}
