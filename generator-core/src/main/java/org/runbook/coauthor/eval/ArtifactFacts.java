package org.runbook.coauthor.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.validate.jenkins.model.Call;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.JenkinsfileReader;

/**
 * What the eval expectations look at in a Rundeck job or a Jenkinsfile: option (parameter) names,
 * secure option names (Jenkins: credential ids and the variables they are bound to), the text of
 * every step, and the node filter (Rundeck only). Read from the artifact text, like a human's job.
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

    /** Facts of a Jenkinsfile, from the same syntax tree the Jenkinsfile validator reads. */
    static ArtifactFacts ofJenkins(String artifact) {
        Jenkinsfile file = JenkinsfileReader.read(artifact, "Jenkinsfile");
        List<String> options = new ArrayList<>();
        List<String> secure = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        for (Call call : file.calls()) {
            List<String> enclosing = call.context().enclosing();
            if (enclosing.contains("parameters") && call.named().containsKey("name")) {
                options.add(call.named().get("name").text());
                if (call.name().equals("password")) {
                    secure.add(call.named().get("name").text());
                }
            }
            boolean binding = call.context().zone() == Call.Zone.ARGUMENT && enclosing.contains("withCredentials");
            if (call.name().equals("credentials") || binding) {
                call.args().forEach(v -> secure.add(v.text()));
                call.named().values().forEach(v -> secure.add(v.text()));
            }
            // Triggers are not steps, but "runs every night" is what an expectation on cron checks.
            if (call.context().zone() == Call.Zone.STEPS || enclosing.contains("triggers")) {
                steps.add(callText(call));
            }
        }
        return new ArtifactFacts(options, secure, steps, "");
    }

    private static String callText(Call call) {
        StringBuilder text = new StringBuilder(call.name()).append('\n');
        call.args().forEach(v -> text.append(v.text()).append('\n'));
        call.named().values().forEach(v -> text.append(v.text()).append('\n'));
        return text.toString();
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
