package org.runbook.coauthor.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** The artifact a rule inspects: its file name, text and parsed tree with positions. */
public final class JobSource {
    private final String file;
    private final String text;
    private final YamlDocument document;

    JobSource(String file, String text, YamlDocument document) {
        this.file = file;
        this.text = text;
        this.document = document;
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    public JsonNode tree() {
        return document.tree();
    }

    /** 1-based {line, column} of the node at a JSON pointer ({@code /0/sequence/commands/1}). */
    public int[] position(String pointer) {
        return document.position(pointer);
    }
}
