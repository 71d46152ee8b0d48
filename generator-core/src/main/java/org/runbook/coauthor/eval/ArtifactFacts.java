package org.runbook.coauthor.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the eval expectations look at in a Rundeck job: option names, secure option names, the
 * text of every step, and the node filter. Read from the artifact text, like a human's job.
 */
record ArtifactFacts(List<String> options, List<String> secureOptions, List<String> steps, String nodeFilter) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static ArtifactFacts ofRundeck(String artifact) {
        JsonNode root;
        try {
            root = YAML.readTree(artifact);
        } catch (IOException e) {
            return new ArtifactFacts(List.of(), List.of(), List.of(), "");
        }
        JsonNode job = root.isArray() ? root.path(0) : root;
        List<String> options = new ArrayList<>();
        List<String> secure = new ArrayList<>();
        for (JsonNode o : job.path("options")) {
            String name = o.path("name").asText();
            options.add(name);
            if (o.path("secure").asBoolean(false) || o.hasNonNull("storagePath")) {
                secure.add(name);
            }
        }
        List<String> steps = new ArrayList<>();
        for (JsonNode step : job.path("sequence").path("commands")) {
            steps.add(stepText(step));
        }
        return new ArtifactFacts(
                options, secure, steps, job.path("nodefilters").path("filter").asText(""));
    }

    private static String stepText(JsonNode step) {
        StringBuilder text = new StringBuilder();
        for (String key : List.of("exec", "script", "scriptfile", "scripturl", "type", "args")) {
            if (step.hasNonNull(key)) {
                text.append(step.get(key).asText()).append('\n');
            }
        }
        step.path("configuration").forEach(v -> text.append(v.asText()).append('\n'));
        step.path("jobref").forEach(v -> text.append(v.asText()).append('\n'));
        return text.toString();
    }
}
