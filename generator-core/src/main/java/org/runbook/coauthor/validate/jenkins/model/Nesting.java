package org.runbook.coauthor.validate.jenkins.model;

import java.util.Optional;
import org.runbook.coauthor.validate.read.Position;

/**
 * Finds where Groovy text nests brackets deeper than a limit, skipping strings and comments, in one
 * linear pass. Approximate on purpose ({@code /regex/} literals and {@code ${…}} inside strings are
 * not tracked): it guards the parser's stack, it does not judge the syntax.
 */
final class Nesting {
    private Nesting() {}

    static Optional<Position> tooDeep(String text, int limit) {
        int depth = 0;
        int line = 1;
        int lineStart = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                for (int k = i; k < stop; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = stop;
            } else if (c == '\'' || c == '"') {
                boolean triple = i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c;
                int k = i + (triple ? 3 : 1);
                while (k < n) {
                    char d = text.charAt(k);
                    if (d == '\\') {
                        k += 2;
                        continue;
                    }
                    if (d == '\n') {
                        if (!triple) {
                            break;
                        }
                        line++;
                        lineStart = k + 1;
                    }
                    if (d == c && (!triple || k + 2 < n && text.charAt(k + 1) == c && text.charAt(k + 2) == c)) {
                        k += triple ? 3 : 1;
                        break;
                    }
                    k++;
                }
                i = Math.max(k, i + 1);
            } else {
                if (c == '{' || c == '(' || c == '[') {
                    if (++depth > limit) {
                        return Optional.of(new Position(line, i - lineStart + 1));
                    }
                } else if ((c == '}' || c == ')' || c == ']') && depth > 0) {
                    depth--;
                }
                i++;
            }
        }
        return Optional.empty();
    }
}
