package org.runbook.coauthor.validate.rules;

import org.runbook.coauthor.validate.JobSource;
import org.runbook.coauthor.validate.read.Position;

/** Maps an offset inside a multi-line text value back to a line and column of the source file. */
final class TextPositions {
    private TextPositions() {}

    static Position locate(JobSource source, Position valueStart, String text, int offset) {
        int lineInText = 0;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineInText++;
                lineStart = i + 1;
            }
        }
        String firstSourceLine = source.line(valueStart.line());
        boolean block = firstSourceLine.stripTrailing().matches(".*[|>][-+0-9]*$")
                && valueStart.column() > firstSourceLine.length() - 3;
        if (!block) {
            // A quoted or plain scalar: point at the value on its line when the text is one line.
            return lineInText == 0
                    ? new Position(
                            valueStart.line(), valueStart.column() + offset + quoteWidth(firstSourceLine, valueStart))
                    : valueStart;
        }
        int line = valueStart.line() + 1 + lineInText;
        String src = source.line(line);
        String textLine = text.substring(
                lineStart, text.indexOf('\n', lineStart) < 0 ? text.length() : text.indexOf('\n', lineStart));
        int indent = src.indexOf(textLine.isEmpty() ? src.strip() : textLine);
        int column = (indent < 0 ? 0 : indent) + (offset - lineStart) + 1;
        return new Position(line, Math.max(1, column));
    }

    private static int quoteWidth(String line, Position start) {
        int i = start.column() - 1;
        return i >= 0 && i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\'') ? 1 : 0;
    }
}
