package org.runbook.coauthor.validate.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.runbook.coauthor.validate.read.Pointers;

/**
 * One workflow step (or an error handler) as Rundeck's {@code Workflow.fromMap} sees it: a job
 * reference if {@code jobref} is present; else a command step if one of exec, script, scriptfile,
 * scripturl is; else a plugin step.
 *
 * @param number the 1-based step number Rundeck shows; an error handler has its step's number
 */
public record StepView(JsonNode node, String pointer, int number, boolean errorHandler) {
    /** The kinds of step. */
    public enum Kind {
        EXEC,
        SCRIPT,
        SCRIPTFILE,
        SCRIPTURL,
        JOBREF,
        PLUGIN
    }

    public Kind kind() {
        if (node.has("jobref")) {
            return Kind.JOBREF;
        }
        if (node.has("exec")) {
            return Kind.EXEC;
        }
        if (node.has("script")) {
            return Kind.SCRIPT;
        }
        if (node.has("scriptfile")) {
            return Kind.SCRIPTFILE;
        }
        if (node.has("scripturl")) {
            return Kind.SCRIPTURL;
        }
        return Kind.PLUGIN;
    }

    public String pointer(String key) {
        return Pointers.child(pointer, key);
    }

    /** Command steps always run on nodes; plugin steps when {@code nodeStep} is true; job refs when set. */
    public boolean nodeStep() {
        return switch (kind()) {
            case EXEC, SCRIPT, SCRIPTFILE, SCRIPTURL -> true;
            case JOBREF -> truthy(node.path("jobref").path("nodeStep"));
            case PLUGIN -> truthy(node.path("nodeStep"));
        };
    }

    /** The shell a command step runs: the exec line or the inline script body; {@code ""} otherwise. */
    public String shellText() {
        return switch (kind()) {
            case EXEC -> node.path("exec").asText("");
            case SCRIPT -> node.path("script").asText("");
            default -> "";
        };
    }

    /** The pointer of {@link #shellText()}. */
    public String shellPointer() {
        return kind() == Kind.SCRIPT ? pointer("script") : pointer("exec");
    }

    /** Plugin provider name, or {@code ""}. */
    public String type() {
        return node.path("type").asText("");
    }

    /** Plugin configuration as strings, in document order. */
    public Map<String, String> configuration() {
        Map<String, String> out = new LinkedHashMap<>();
        node.path("configuration")
                .fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    public String configurationPointer(String key) {
        return Pointers.child(pointer("configuration"), key);
    }

    /** "step 3" or "the error handler of step 3", for messages. */
    public String label() {
        return errorHandler ? "the error handler of step " + number : "step " + number;
    }

    private static boolean truthy(JsonNode v) {
        return v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText(""));
    }
}
