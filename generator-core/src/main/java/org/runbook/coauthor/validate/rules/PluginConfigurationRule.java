package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.KnownProviders;
import org.runbook.coauthor.validate.support.KnownProviders.Provider;
import org.runbook.coauthor.validate.support.StepNameMatch;

/**
 * RD302: the configuration of a known step plugin lacks a required property, has a value outside a
 * select list, or has a key the plugin does not read. Rundeck validates the configuration on import
 * ("Invalid configuration for copyfile: ... required"); properties that only the plugin checks
 * (one of {@code jobName}/{@code jobUUID}) fail the step when it runs ("Configuration invalid: ...
 * is required"). An unknown key is silently ignored, which usually hides a typo, so it is a warning.
 */
public final class PluginConfigurationRule extends AbstractRule {
    @Override
    public String id() {
        return "RD302";
    }

    @Override
    public String title() {
        return "plugin step configuration misses a required property or has an unknown one";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        if (step.kind() != StepView.Kind.PLUGIN) {
            return;
        }
        Optional<Provider> known = KnownProviders.find(step.type());
        JsonNode config = step.node().path("configuration");
        if (known.isEmpty() || !(config.isMissingNode() || config.isNull() || config.isObject())) {
            return; // unknown types are RD301's; a non-map configuration is RD001's
        }
        Provider provider = known.get();
        String where = step.label() + " (" + provider.name() + ")";
        for (String key : provider.required()) {
            if (!isSet(config, key)) {
                missing(
                        step,
                        config,
                        key,
                        where + ": configuration \"" + key + "\" is required",
                        "add \"" + key + "\" with a value under \"configuration\"");
            }
        }
        for (List<String> group : provider.requiredOneOf()) {
            if (group.stream().noneMatch(k -> isSet(config, k))) {
                missing(
                        step,
                        config,
                        group.get(0),
                        where + ": configuration " + quotedOr(group) + " is required; "
                                + "without it the step fails with \"Configuration invalid\"",
                        "set " + quotedOr(group) + " under \"configuration\"");
            }
        }
        for (String key : provider.recommended()) {
            if (!config.has(key)) {
                missing(
                        Severity.WARNING,
                        step,
                        config,
                        key,
                        where + ": configuration \"" + key + "\" is not set, so " + "Rundeck uses its default \""
                                + provider.defaults().getOrDefault(key, "") + "\"",
                        "set \"" + key + "\" explicitly");
            }
        }
        for (Map.Entry<String, List<String>> select : provider.values().entrySet()) {
            JsonNode v = config.path(select.getKey());
            if (v.isValueNode()
                    && !v.isNull()
                    && !v.asText().isEmpty()
                    && !v.asText().contains("${")
                    && !select.getValue().contains(v.asText())) {
                report(
                        step.configurationPointer(select.getKey()),
                        where + ": configuration \"" + select.getKey() + "\" is \"" + v.asText()
                                + "\" but must be one of " + quoted(select.getValue()),
                        "use one of " + quoted(select.getValue()));
            }
        }
        if (provider.keysKnown() && config.isObject()) {
            unknownKeys(step, config, where, provider);
        }
    }

    private void unknownKeys(StepView step, JsonNode config, String where, Provider provider) {
        for (Iterator<String> it = config.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (provider.keys().contains(key)) {
                continue;
            }
            Optional<String> closest = StepNameMatch.closest(key, provider.keys());
            String message = where + ": configuration \"" + key + "\" is not a property of " + provider.name()
                    + closest.map(c -> "; the closest is \"" + c + "\"")
                            .orElse("; its properties are " + quoted(provider.keys()));
            String hint = closest.map(c -> "rename \"" + key + "\" to \"" + c + "\"")
                    .orElse("remove \"" + key + "\"; Rundeck ignores it");
            reportKey(Severity.WARNING, step.configurationPointer(key), message, hint);
        }
    }

    private void missing(StepView step, JsonNode config, String key, String message, String hint) {
        missing(Severity.ERROR, step, config, key, message, hint);
    }

    /** At the blank value when the key is written, else at the configuration key, else at the type. */
    private void missing(Severity severity, StepView step, JsonNode config, String key, String message, String hint) {
        if (config.has(key)) {
            report(severity, step.configurationPointer(key), message, hint);
        } else if (config.isObject()) {
            reportKey(severity, step.pointer("configuration"), message, hint);
        } else {
            reportKey(severity, step.pointer("type"), message, hint);
        }
    }

    /** Rundeck's plugin validator treats a missing, null or empty value as not set. */
    private static boolean isSet(JsonNode config, String key) {
        JsonNode v = config.path(key);
        return !v.isMissingNode()
                && !v.isNull()
                && !(v.isValueNode() && v.asText().isEmpty());
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }

    private static String quotedOr(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(" or "));
    }
}
