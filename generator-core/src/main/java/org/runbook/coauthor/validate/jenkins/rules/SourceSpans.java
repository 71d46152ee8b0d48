package org.runbook.coauthor.validate.jenkins.rules;

import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Value;
import org.runbook.coauthor.validate.read.Position;

/**
 * Maps an offset inside a string literal's text back to the file: on the literal's first line,
 * after its opening quotes; on a later line of a multi-line string, where that line's text starts.
 * Escapes and {@code $name} written without braces may shift the column by a few characters.
 */
final class SourceSpans {
    private SourceSpans() {}

    static Position locate(Jenkinsfile file, Value value, int offset) {
        String text = value.text();
        int at = Math.max(0, Math.min(offset, text.length()));
        int lineInText = 0;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                lineInText++;
                lineStart = i + 1;
            }
        }
        Position start = value.position();
        if (lineInText == 0) {
            return new Position(start.line(), start.column() + quoteWidth(file.line(start.line()), start) + at);
        }
        int line = start.line() + lineInText;
        String src = file.line(line);
        int end = text.indexOf('\n', lineStart);
        String textLine = text.substring(lineStart, end < 0 ? text.length() : end);
        int indent = textLine.isBlank() ? -1 : src.indexOf(textLine.strip());
        int lead = textLine.length() - textLine.stripLeading().length();
        int column = indent < 0 ? at - lineStart + 1 : indent + (at - lineStart - lead) + 1;
        return new Position(line, Math.max(1, column));
    }

    /**
     * The position of the {@code n}-th (0-based) Groovy interpolation ({@code $name} or
     * {@code ${…}}) of a string literal, found in the source; the literal's start when not found.
     */
    static Position interpolation(Jenkinsfile file, Value value, int n) {
        String text = file.text();
        int line = value.position().line();
        int i = lineOffset(text, line) + value.position().column() - 1;
        int seen = 0;
        int col = value.position().column();
        int limit = Math.min(text.length(), i + value.text().length() * 2 + 16);
        for (int k = Math.max(0, i); k < limit; k++) {
            char c = text.charAt(k);
            if (c == '\\') {
                k++;
                col += 2;
                continue;
            }
            if (c == '$'
                    && k + 1 < text.length()
                    && (text.charAt(k + 1) == '{' || Character.isJavaIdentifierStart(text.charAt(k + 1)))) {
                if (seen++ == n) {
                    return new Position(line, col);
                }
            }
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return value.position();
    }

    private static int lineOffset(String text, int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return text.length();
            }
            start = nl + 1;
        }
        return start;
    }

    private static int quoteWidth(String line, Position start) {
        int i = start.column() - 1;
        if (i < 0 || i >= line.length()) {
            return 0;
        }
        char c = line.charAt(i);
        if (c != '"' && c != '\'') {
            return 0;
        }
        return line.startsWith(String.valueOf(c).repeat(3), i) ? 3 : 1;
    }
}
