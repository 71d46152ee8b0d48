package org.runbook.coauthor.plan;

import java.util.List;

/**
 * Where a plan came from, so every step can be traced to its source.
 *
 * @param author {@code offline} or the LLM provider name
 * @param blocks catalog block ids used, in step order
 * @param model the model name, for LLM authors
 * @param promptHash SHA-256 of the prompt, for LLM authors
 * @param notes what the author inferred or could not map (e.g. an option it could not wire)
 */
public record Provenance(String author, List<String> blocks, String model, String promptHash, List<String> notes) {
    public Provenance {
        Require.notBlank(author, "provenance author");
        blocks = Require.copy(blocks);
        notes = Require.copy(notes);
    }
}
