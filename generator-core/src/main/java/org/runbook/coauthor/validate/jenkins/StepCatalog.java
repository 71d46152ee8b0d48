package org.runbook.coauthor.validate.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.error.SourcePosition;

/**
 * The pipeline steps a Jenkinsfile may call: the bundled list of core and widely used plugin steps
 * ({@code coauthor/jenkins/steps.yaml}), optionally extended with a controller's own list.
 *
 * <pre>{@code
 * StepCatalog steps = StepCatalog.bundled().withInstalled(Path.of("installed-steps.txt"));
 * steps.known("sshagent"); // true
 * }</pre>
 */
public final class StepCatalog {
    private static final String RESOURCE = "coauthor/jenkins/steps.yaml";
    private static final StepCatalog BUNDLED = load();

    /** A known step: its name, the plugin that provides it and whether it takes a closure body. */
    public record Step(String name, String plugin, boolean block) {}

    private final Map<String, Step> steps;

    private StepCatalog(Map<String, Step> steps) {
        this.steps = Collections.unmodifiableMap(steps);
    }

    /** The bundled catalog; loaded once per process. */
    public static StepCatalog bundled() {
        return BUNDLED;
    }

    public boolean known(String name) {
        return steps.containsKey(name);
    }

    public Optional<Step> step(String name) {
        return Optional.ofNullable(steps.get(name));
    }

    public Set<String> names() {
        return steps.keySet();
    }

    /**
     * This catalog plus the steps listed in {@code file}: one step name per line, {@code #} comments
     * and blank lines ignored, as copied from a controller's Pipeline Syntax page.
     */
    public StepCatalog withInstalled(Path file) {
        Map<String, Step> merged = new LinkedHashMap<>(steps);
        try {
            int lineNo = 0;
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (!line.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                    throw new InvalidInputException(
                            "\"" + line + "\" is not a step name; list one step name per line",
                            new SourcePosition(file.toString(), lineNo, 1),
                            List.of());
                }
                merged.putIfAbsent(line, new Step(line, "installed", false));
            }
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot read the installed-steps file: " + e.getMessage(),
                    new SourcePosition(file.toString(), 0, 0),
                    e);
        }
        return new StepCatalog(merged);
    }

    private static StepCatalog load() {
        try (InputStream in = StepCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, Step> steps = new LinkedHashMap<>();
            root.path("plugins").fields().forEachRemaining(plugin -> plugin.getValue()
                    .forEach(step -> {
                        String name = step.path("name").asText();
                        steps.put(
                                name,
                                new Step(
                                        name,
                                        plugin.getKey(),
                                        step.path("block").asBoolean(false)));
                    }));
            return new StepCatalog(steps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
