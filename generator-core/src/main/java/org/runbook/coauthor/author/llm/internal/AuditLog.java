package org.runbook.coauthor.author.llm.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.runbook.coauthor.error.NonRetriableException;

/**
 * Appends one JSON line per model call: time, provider, model, prompt hash, tokens, latency,
 * round, outcome. No API key ever; the request text only when asked for, and redacted even then.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    /** One audit record; {@code requestText} is null unless the full audit was asked for. */
    public record Entry(
            String provider,
            String model,
            String promptHash,
            Integer tokensIn,
            Integer tokensOut,
            long latencyMillis,
            int round,
            String outcome,
            String error,
            String requestText) {}

    public synchronized void append(Entry e) {
        if (file == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", java.time.Instant.now().toString());
        line.put("provider", e.provider());
        line.put("model", e.model());
        line.put("promptHash", e.promptHash());
        line.put("tokensIn", e.tokensIn());
        line.put("tokensOut", e.tokensOut());
        line.put("latencyMillis", e.latencyMillis());
        line.put("round", e.round());
        line.put("outcome", e.outcome());
        if (e.error() != null) {
            line.put("error", e.error());
        }
        if (e.requestText() != null) {
            line.put("request", e.requestText());
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(
                    file,
                    JSON.writeValueAsString(line) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new NonRetriableException("cannot append to the audit log " + file + ": " + ex.getMessage(), ex);
        }
    }
}
