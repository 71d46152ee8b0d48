package org.runbook.coauthor.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.error.SourcePosition;
import org.runbook.coauthor.plan.Target;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a batch/eval requests file and checks all of it before anything runs, so a bad file stops
 * with one clear error and nothing half-written.
 */
public final class RequestsFile {
    /** Largest requests file read, in bytes. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private RequestsFile() {}

    /** The entries of {@code file}; an entry without a {@code target} is for Rundeck. */
    public static List<BatchEntry> read(Path file) {
        return read(file, Target.RUNDECK);
    }

    /** The entries of {@code file}; an entry without a {@code target} gets {@code defaultTarget}. */
    public static List<BatchEntry> read(Path file, Target defaultTarget) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw invalid(file, 0, "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot read the requests file: " + e.getMessage(), new SourcePosition(file.toString(), 0, 0), e);
        }
        Object doc;
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(file.toString())
                    .setMaxAliasesForCollections(50)
                    .setAllowDuplicateKeys(false)
                    .build();
            doc = new Load(settings).loadFromString(text);
        } catch (YamlEngineException e) {
            throw invalid(
                    file,
                    0,
                    "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(doc instanceof List<?> list)) {
            throw invalid(file, 0, "expected a YAML list of requests (- id: ..., request: ...)");
        }
        List<BatchEntry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int index = 0;
        for (Object item : list) {
            index++;
            if (!(item instanceof Map<?, ?> map)) {
                throw invalid(file, index, "entry " + index + " is not a mapping");
            }
            String id = string(map.get("id"));
            if (id == null || id.isBlank()) {
                throw invalid(file, index, "entry " + index + " has no id; every entry needs a unique id");
            }
            if (!id.matches("[A-Za-z0-9._-]+")) {
                throw invalid(
                        file,
                        index,
                        "entry " + index + " has id \"" + id
                                + "\"; ids name output files, so use letters, digits, '.', '_' and '-' only");
            }
            Integer previous = seen.put(id, index);
            if (previous != null) {
                throw invalid(file, index, "entry " + index + " repeats id \"" + id + "\" of entry " + previous);
            }
            String request = string(map.get("request"));
            if (request == null || request.isBlank()) {
                throw invalid(file, index, "entry \"" + id + "\" has no request text");
            }
            Target target;
            try {
                target = map.get("target") == null ? defaultTarget : Target.fromWire(string(map.get("target")));
            } catch (IllegalArgumentException e) {
                throw invalid(file, index, "entry \"" + id + "\": " + e.getMessage());
            }
            Map<String, Object> expect = new HashMap<>();
            if (map.get("expect") instanceof Map<?, ?> e) {
                e.forEach((k, v) -> expect.put(String.valueOf(k), v));
            }
            entries.add(new BatchEntry(id, string(map.get("category")), target, request, expect));
        }
        return entries;
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static InvalidInputException invalid(Path file, int entry, String message) {
        return new InvalidInputException(message, new SourcePosition(file.toString(), 0, 0), List.of());
    }
}
