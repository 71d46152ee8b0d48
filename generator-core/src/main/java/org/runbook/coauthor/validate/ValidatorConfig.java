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
        return Optional.of(new Finding(f.ruleId(), severity, f.file(), f.line(), f.column(), f.yamlPath(), f.message(),
                f.hint()));
    }
}
