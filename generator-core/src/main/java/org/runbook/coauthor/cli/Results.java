package org.runbook.coauthor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbook.coauthor.api.GenerationResult;
import org.runbook.coauthor.plan.json.PlanJson;
import org.runbook.coauthor.validate.report.FindingsFormat;

/** JSON and text forms of results for the CLI's outputs. */
final class Results {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Results() {}

    static Map<String, Object> full(GenerationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().toString());
        m.put("ok", r.ok());
        m.put("message", r.message());
        m.put("artifact", r.artifact());
        m.put("plan", r.plan() == null ? null : PlanJson.toTree(r.plan()));
        m.put("findings", r.findings().stream().map(FindingsFormat::fields).toList());
        if (!r.nearest().isEmpty()) {
            m.put("nearest", r.nearest());
        }
        if (r.transcript() != null) {
            m.put("dryRun", r.transcript());
        }
        m.put("millis", r.millis());
        return m;
    }

    static String json(Object value, boolean pretty) {
        try {
            return (pretty ? PRETTY : JSON).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results always serialize", e);
        }
    }

    /** The human report: status, provenance, options, findings. */
    static List<String> report(GenerationResult r) {
        List<String> lines = new ArrayList<>();
        lines.add("status: " + r.status() + " (" + r.millis() + " ms): " + r.message());
        if (r.plan() != null) {
            var p = r.plan();
            lines.add("author: " + p.provenance().author() + ", blocks: "
                    + String.join(", ", p.provenance().blocks()));
            lines.add("risk: " + p.risk());
            lines.add("runs on: "
                    + (p.target().nodes() == null
                            ? "the server"
                            : "nodes matching " + p.target().nodes().attribute() + ": "
                                    + p.target().nodes().value()));
            p.options()
                    .forEach(o -> lines.add("option " + o.name() + (o.required() ? " (required)" : "")
                            + (o.defaultValue() != null ? " = " + o.defaultValue() : "") + ": " + o.description()));
            p.provenance().notes().forEach(n -> lines.add("note: " + n));
        }
        r.nearest().forEach(n -> lines.add("nearest: " + n));
        if (r.findings().isEmpty() && r.artifact() != null) {
            lines.add("findings: none");
        }
        r.findings().forEach(f -> lines.add(f.toString() + (f.hint().isEmpty() ? "" : " (hint: " + f.hint() + ")")));
        if (r.transcript() != null) {
            lines.add("dry-run with sample values:");
            r.transcript().lines().forEach(l -> lines.add("  " + l));
        }
        return lines;
    }
}
