package org.runbook.coauthor.validate.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A job document in the one shape every reader produces: the tree Rundeck's YAML export would give
 * (a list of job maps), plus the source position of every value and every mapping key, keyed by JSON
 * pointer ({@code /0/sequence/commands/1/exec}).
 *
 * @param format {@code yaml}, {@code json} or {@code xml}
 */
public record ParsedDocument(String format, JsonNode tree, Map<String, Position> values, Map<String, Position> keys) {
    public ParsedDocument {
        values = Map.copyOf(values);
        keys = Map.copyOf(keys);
    }

    /** Where the value at {@code pointer} starts, or its nearest ancestor's position. */
    public Position valuePosition(String pointer) {
        String p = pointer;
        while (true) {
            Position pos = values.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return Position.START;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Where the mapping key of {@code pointer} is written, falling back to the value's position. */
    public Position keyPosition(String pointer) {
        Position pos = keys.get(pointer);
        return pos != null ? pos : valuePosition(pointer);
    }
}
