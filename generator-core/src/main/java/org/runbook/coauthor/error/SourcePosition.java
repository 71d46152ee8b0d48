package org.runbook.coauthor.error;

/** A 1-based position in an input file; {@code line} and {@code column} are 0 when unknown. */
public record SourcePosition(String file, int line, int column) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
