package org.runbook.coauthor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.error.SourcePosition;

/** Reads the provider names from the JSON of Rundeck's {@code GET /api/V/plugin/list}. */
final class PluginList {
    private PluginList() {}

    static Set<String> read(Path file) {
        if (file == null) {
            return Set.of();
        }
        JsonNode root;
        try {
            root = Results.JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InvalidInputException(
                    "not valid JSON: " + e.getOriginalMessage(),
                    new SourcePosition(
                            file.toString(), loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr()),
                    List.of());
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot read the plugin list: " + e.getMessage(), new SourcePosition(file.toString(), 0, 0), e);
        }
        if (root == null || !root.isArray()) {
            throw new InvalidInputException(
                    "expected the JSON array that Rundeck's /api/V/plugin/list returns",
                    new SourcePosition(file.toString(), 1, 1),
                    List.of());
        }
        Set<String> names = new TreeSet<>();
        root.forEach(p -> {
            if (p.hasNonNull("name")) {
                names.add(p.get("name").asText());
            }
        });
        return names;
    }
}
