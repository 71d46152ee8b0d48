package org.runbook.coauthor.render.jenkins;

/** Builds Jenkinsfile text four spaces per level, so every part of the renderer indents alike. */
final class PipelineText {
    private final StringBuilder out = new StringBuilder();
    private int depth;

    /** One line at the current depth. */
    PipelineText line(String text) {
        if (text.isEmpty()) {
            out.append('\n');
            return this;
        }
        out.append("    ".repeat(depth)).append(text).append('\n');
        return this;
    }

    /** {@code head {}} opens a block one level deeper. */
    PipelineText open(String head) {
        line(head + " {");
        depth++;
        return this;
    }

    PipelineText close() {
        depth--;
        return line("}");
    }

    /**
     * A statement whose last argument is a multi-line literal: the first line is indented, the rest
     * of the literal is kept exactly as written, since it is part of the string.
     */
    PipelineText statement(String text) {
        out.append("    ".repeat(depth)).append(text).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
