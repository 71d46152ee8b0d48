package org.runbook.coauthor.validate.jenkins.rules;

/** Offsets of lines in a script, for tools that report 1-based lines. */
final class Lines {
    private Lines() {}

    /** Offset of the first non-blank character of a 1-based line; the last line when a tool names one past the end. */
    static int start(String text, int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0 || nl == text.length() - 1) {
                break;
            }
            start = nl + 1;
        }
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        return start;
    }
}
