package org.runbook.coauthor.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.runbook.coauthor.validate.read.ParsedDocument;
import org.runbook.coauthor.validate.read.Position;

/** The artifact rules inspect: its file name, its text and its parsed tree with positions. */
public final class JobSource {
    private final String file;
    private final String text;
    private final ParsedDocument document;
    private final List<String> lines;

    public JobSource(String file, String text, ParsedDocument document) {
        this.file = file;
        this.text = text;
        this.document = document;
        this.lines = text.lines().toList();
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    /** {@code yaml}, {@code json} or {@code xml}. */
    public String format() {
        return document.format();
    }

    public JsonNode tree() {
        return document.tree();
    }

    public Position valuePosition(String pointer) {
        return document.valuePosition(pointer);
    }

    public Position keyPosition(String pointer) {
        return document.keyPosition(pointer);
    }

    /** The 1-based source line, or {@code ""} beyond the end. */
    public String line(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }
}
