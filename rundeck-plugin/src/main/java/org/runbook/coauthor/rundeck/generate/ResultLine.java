package org.runbook.coauthor.rundeck.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbook.coauthor.validate.Finding;

/**
 * The one machine-readable log line of a generation, read by the co-author UI from the execution
 * log: {@code COAUTHOR:RESULT:} followed by standard Base64 of UTF-8 JSON
 *
 * <pre>{@code
 * {"status":"OK","message":"ok","yaml":"- name: ...","findings":[{"id":"RD101","severity":"warning",
 *  "line":3,"column":5,"path":"$[0].options[0]","message":"...","hint":"..."}],
 *  "transcript":"...","provider":"offline","requestSha256":"9f86..."}
 * }</pre>
 *
 * Every key is always present; {@code yaml} and {@code transcript} are empty strings when there is
 * none. Base64 keeps the line single and free of characters Rundeck's log renderers touch.
 */
public final class ResultLine {
    public static final String PREFIX = "COAUTHOR:RESULT:";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultLine() {}

    /** The whole line, prefix included. */
    public static String encode(
            String status,
            String message,
            String yaml,
            List<Finding> findings,
            String transcript,
            String provider,
            String requestSha256) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        out.put("message", orEmpty(message));
        out.put("yaml", orEmpty(yaml));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", f.ruleId());
            item.put("severity", f.severity().toString());
            item.put("line", f.line());
            item.put("column", f.column());
            item.put("path", f.yamlPath());
            item.put("message", f.message());
            item.put("hint", f.hint());
            list.add(item);
        }
        out.put("findings", list);
        out.put("transcript", orEmpty(transcript));
        out.put("provider", orEmpty(provider));
        out.put("requestSha256", orEmpty(requestSha256));
        try {
            byte[] json = JSON.writeValueAsBytes(out);
            return PREFIX + Base64.getEncoder().encodeToString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }

    /** The JSON text of a line made by {@link #encode}, for tests and log readers. */
    public static String decode(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a co-author result line: it does not start with " + PREFIX);
        }
        return new String(Base64.getDecoder().decode(line.substring(PREFIX.length())), StandardCharsets.UTF_8);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
