package org.runbook.coauthor.validate;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule switches and severities, globally and per path, read from a YAML file
 * ({@code .coauthor.yaml}, or {@code --config}):
 *
 * <pre>{@code
 * rules:
 *   RD102: off          # unused options are fine here
 *   SEC009: error
 * paths:
 *   - glob: "legacy/**"
 *     rules:
 *       RD001: warning
 * }</pre>
 *
 * Later entries win; a path entry overrides the global {@code rules}.
 */
public record ValidatorConfig(Map<String, String> rules, List<PathRules> paths) {
    public static final ValidatorConfig EMPTY = new ValidatorConfig(Map.of(), List.of());

    /** Rule settings for files matching a glob. */
    public record PathRules(String glob, Map<String, String> rules) {
        public PathRules {
            rules = Map.copyOf(rules);
        }

        boolean matches(String file) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return m.matches(Path.of(file)) || m.matches(Path.of(file).normalize());
        }
    }

    public ValidatorConfig {
        rules = Map.copyOf(rules);
        paths = List.copyOf(paths);
    }

    /** Reads a configuration file; a malformed one is an error naming the file and what is wrong. */
    @SuppressWarnings("unchecked")
    public static ValidatorConfig load(java.nio.file.Path file) {
        Object doc;
        try {
            doc = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder()
                            .setMaxAliasesForCollections(10)
                            .build())
                    .loadFromString(java.nio.file.Files.readString(file));
        } catch (java.io.IOException | RuntimeException e) {
            throw new org.runbook.coauthor.error.InvalidInputException(
                    "cannot read the validator configuration: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    new org.runbook.coauthor.error.SourcePosition(file.toString(), 0, 0),
                    java.util.List.of());
        }
        if (doc == null) {
            return EMPTY;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw invalid(file, "expected a mapping with \"rules\" and \"paths\"");
        }
        Map<String, String> rules = settings(map.get("rules"), file);
        List<PathRules> paths = new java.util.ArrayList<>();
        if (map.get("paths") instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> entry) || !(entry.get("glob") instanceof String glob)) {
                    throw invalid(file, "every entry of \"paths\" needs a \"glob\"");
                }
                paths.add(new PathRules(glob, settings(entry.get("rules"), file)));
            }
        }
        return new ValidatorConfig(rules, paths);
    }

    private static Map<String, String> settings(Object value, java.nio.file.Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(file, "\"rules\" must map rule ids to off, error, warning or info");
        }
        for (var e : map.entrySet()) {
            String v = String.valueOf(e.getValue()).toLowerCase(java.util.Locale.ROOT);
            if (!List.of("off", "false", "disabled", "error", "warning", "info").contains(v)) {
                throw invalid(
                        file,
                        "rule " + e.getKey() + " is set to \"" + e.getValue() + "\"; use off, error, warning or info");
            }
            out.put(String.valueOf(e.getKey()), v);
        }
        return out;
    }

    private static org.runbook.coauthor.error.InvalidInputException invalid(java.nio.file.Path file, String message) {
        return new org.runbook.coauthor.error.InvalidInputException(
                message,
                new org.runbook.coauthor.error.SourcePosition(file.toString(), 0, 0),
                List.of("off", "error", "warning", "info"));
    }

    /** The setting for a rule in a file: {@code off}, a severity name, or empty for the default. */
    public Optional<String> setting(String ruleId, String file) {
        Map<String, String> effective = new LinkedHashMap<>(rules);
        for (PathRules p : paths) {
            if (p.matches(file)) {
                effective.putAll(p.rules());
            }
        }
        return Optional.ofNullable(effective.get(ruleId));
    }

    /** The finding as this configuration wants it, or empty when its rule is off for its file. */
    public Optional<Finding> apply(Finding f) {
        Optional<String> setting = setting(f.ruleId(), f.file());
        if (setting.isEmpty()) {
            return Optional.of(f);
        }
        String s = setting.get().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("off") || s.equals("false") || s.equals("disabled")) {
            return Optional.empty();
        }
        Severity severity = Severity.valueOf(s.toUpperCase(java.util.Locale.ROOT));
        return Optional.of(
                new Finding(f.ruleId(), severity, f.file(), f.line(), f.column(), f.yamlPath(), f.message(), f.hint()));
    }
}
