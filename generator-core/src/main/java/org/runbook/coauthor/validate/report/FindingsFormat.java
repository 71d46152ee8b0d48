package org.runbook.coauthor.validate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.RuleDescription;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.rules.JenkinsRules;
import org.runbook.coauthor.validate.rules.Rules;

/** Renders findings for people (text with a source snippet), for programs (JSON) and for code scanning (SARIF 2.1.0). */
public final class FindingsFormat {
    static final String RULES_DOC = "https://github.com/runbook-coauthor/runbook-coauthor/blob/main/docs/rules.md";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FindingsFormat() {}

    /**
     * {@code file:line:col: message [ID]}, then the source line with a caret under the column, then the hint.
     *
     * @param sources the text of each file, for snippets; a file without text gets no snippet
     */
    public static String text(List<Finding> findings, Function<String, String> sources) {
        StringBuilder out = new StringBuilder();
        Map<String, List<String>> lines = new TreeMap<>();
        for (Finding f : findings) {
            out.append(f).append('\n');
            List<String> file = lines.computeIfAbsent(f.file(), k -> {
                String text = sources.apply(k);
                return text == null ? List.of() : text.lines().toList();
            });
            if (f.line() >= 1 && f.line() <= file.size()) {
                String src = file.get(f.line() - 1).replace('\t', ' ');
                String num = String.valueOf(f.line());
                out.append("  ")
                        .append(num)
                        .append(" | ")
                        .append(abbreviate(src))
                        .append('\n');
                int caret = Math.min(Math.max(f.column() - 1, 0), Math.min(src.length(), 160));
                out.append("  ")
                        .append(" ".repeat(num.length()))
                        .append(" | ")
                        .append(" ".repeat(caret))
                        .append("^\n");
            }
            if (!f.hint().isEmpty()) {
                out.append("  hint: ").append(f.hint()).append('\n');
            }
        }
        return out.toString();
    }

    public static String json(List<Finding> findings) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : findings) {
            list.add(fields(f));
        }
        return write(list);
    }

    /** One finding as the JSON reports write it; every machine-readable output uses these keys. */
    public static Map<String, Object> fields(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.ruleId());
        m.put("severity", f.severity().toString());
        m.put("file", f.file());
        m.put("line", f.line());
        m.put("column", f.column());
        m.put("path", f.yamlPath());
        m.put("message", f.message());
        m.put("hint", f.hint());
        return m;
    }

    /** A SARIF 2.1.0 log with one run, the rule metadata of every rule, and one result per finding. */
    public static String sarif(List<Finding> findings, String toolVersion) {
        Map<String, RuleDescription> rules = new TreeMap<>();
        Rules.defaults().forEach(r -> rules.put(r.id(), r));
        JenkinsRules.defaults().forEach(r -> rules.put(r.id(), r));
        List<Map<String, Object>> ruleMeta = new ArrayList<>();
        for (RuleDescription r : rules.values()) {
            ruleMeta.add(Map.of(
                    "id", r.id(),
                    "name", r.getClass().getSimpleName(),
                    "shortDescription", Map.of("text", r.title()),
                    "helpUri", RULES_DOC + "#" + r.docsAnchor(),
                    "defaultConfiguration", Map.of("level", level(r.defaultSeverity()))));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("startLine", Math.max(1, f.line()));
            region.put("startColumn", Math.max(1, f.column()));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", f.ruleId());
            result.put("level", level(f.severity()));
            result.put(
                    "message", Map.of("text", f.hint().isEmpty() ? f.message() : f.message() + " (" + f.hint() + ")"));
            result.put(
                    "locations",
                    List.of(Map.of(
                            "physicalLocation",
                            Map.of("artifactLocation", Map.of("uri", f.file().replace('\\', '/')), "region", region))));
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "coauthor");
        driver.put("informationUri", RULES_DOC);
        driver.put("version", toolVersion);
        driver.put("rules", ruleMeta);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        log.put("runs", List.of(Map.of("tool", Map.of("driver", driver), "results", results)));
        return write(log);
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String abbreviate(String line) {
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings always serialize", e);
        }
    }
}
