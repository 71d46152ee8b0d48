package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.KnownProviders;
import org.runbook.coauthor.validate.support.KnownProviders.Origin;
import org.runbook.coauthor.validate.support.KnownProviders.Provider;
import org.runbook.coauthor.validate.support.StepNameMatch;

/**
 * RD301: a plugin step names a provider the server does not have, or looks a known provider up in
 * the wrong service. Rundeck resolves {@code type} among node step plugins when {@code nodeStep} is
 * true and among workflow step plugins otherwise, and rejects the job with "Plugin not found" when
 * that fails. Known are the providers Rundeck 5.4 bundles, this project's {@code coauthor-*}
 * providers, and the names given with {@code --plugins}. Without {@code --plugins} a third-party
 * type cannot be checked, so it is only a warning.
 */
public final class UnknownStepTypeRule extends AbstractRule {
    @Override
    public String id() {
        return "RD301";
    }

    @Override
    public String title() {
        return "plugin step type is not a known provider, or is used as the wrong kind of step";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        if (step.kind() != StepView.Kind.PLUGIN || !step.node().path("type").isTextual()) {
            return;
        }
        String type = step.type();
        if (type.isBlank()) {
            return; // RD001: the schema requires a non-empty type
        }
        String where = step.label() + " (" + type + ")";
        Optional<Provider> known = KnownProviders.find(type);
        if (known.isPresent()) {
            checkKind(step, where, known.get());
            return;
        }
        if (options().installedPlugins().contains(type)) {
            return;
        }
        String at = step.pointer("type");
        if (KnownProviders.RESERVED.contains(type)) {
            String key = type.equals("command") ? "exec" : type.equals("job") ? "jobref" : type;
            report(
                    Severity.ERROR,
                    at,
                    step.label() + " has plugin type \"" + type + "\", which Rundeck never resolves "
                            + "as a plugin; a " + type + " step is written with the \"" + key + "\" key",
                    "write the step as \"" + key + ": ...\" instead of \"type: " + type + "\"");
            return;
        }
        Optional<String> typo = StepNameMatch.closest(type, KnownProviders.names(), 2);
        if (KnownProviders.isCoauthorName(type)) {
            Optional<String> closest = StepNameMatch.closest(type, coauthorNames());
            report(
                    Severity.ERROR,
                    at,
                    step.label() + " has plugin type \"" + type + "\", which no co-author plugin "
                            + "provides; co-author step providers are " + quoted(coauthorNames()),
                    closest.map(c -> "change the type to \"" + c + "\"").orElse("use one of the co-author providers"));
        } else if (!options().installedPlugins().isEmpty()) {
            List<String> candidates = new ArrayList<>(new TreeSet<>(options().installedPlugins()));
            candidates.addAll(KnownProviders.names());
            Optional<String> closest = StepNameMatch.closest(type, candidates);
            report(
                    Severity.ERROR,
                    at,
                    step.label() + " has plugin type \"" + type + "\", which is not installed on " + "the server"
                            + closest.map(c -> "; the closest installed provider is \"" + c + "\"")
                                    .orElse(""),
                    closest.map(c -> "change the type to \"" + c + "\", or install the plugin that provides \"" + type
                                    + "\"")
                            .orElse("install the plugin that provides \"" + type + "\", or fix the type"));
        } else if (typo.isPresent()) {
            // At most two edits from a bundled provider: a typo is far likelier than a plugin of that name.
            report(
                    Severity.ERROR,
                    at,
                    step.label() + " has plugin type \"" + type + "\", which is not a bundled "
                            + "provider; did you mean \"" + typo.get() + "\"",
                    "change the type to \"" + typo.get() + "\"");
        } else {
            report(
                    Severity.WARNING,
                    at,
                    step.label() + " has plugin type \"" + type + "\", which is not a bundled "
                            + "provider; pass --plugins with your server's plugin list to check it",
                    "run the validator with --plugins FILE, the JSON of GET /api/48/plugin/list on your server");
        }
    }

    /** Rundeck looks the type up among node steps only when nodeStep is Groovy-true. */
    private void checkKind(StepView step, String where, Provider provider) {
        JsonNode flag = step.node().path("nodeStep");
        boolean nodeStep = groovyTruth(flag);
        if (nodeStep == provider.nodeStep()) {
            return;
        }
        String written = flag.isMissingNode()
                ? "has no \"nodeStep\", so it is a workflow step"
                : flag.isTextual()
                        ? "sets \"nodeStep\" to the string \"" + flag.asText() + "\", which Rundeck reads as "
                                + nodeStep
                        : "sets \"nodeStep: " + flag.asText() + "\"";
        String pointer = flag.isMissingNode() ? step.pointer("type") : step.pointer("nodeStep");
        report(
                Severity.ERROR,
                pointer,
                where + " " + written + ", but \"" + provider.name() + "\" is a "
                        + provider.kind() + " plugin; Rundeck looks it up among "
                        + (nodeStep ? "node steps" : "workflow steps") + " and fails with \"Plugin not found: "
                        + provider.name() + "\"",
                provider.nodeStep() ? "add \"nodeStep: true\" to the step" : "set \"nodeStep: false\" or remove it");
    }

    /** How Groovy reads a value assigned to a Boolean: absent and null are false, any non-empty string true. */
    static boolean groovyTruth(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        if (v.isTextual()) {
            return !v.asText().isEmpty();
        }
        return v.size() > 0;
    }

    private static List<String> coauthorNames() {
        return KnownProviders.all().stream()
                .filter(p -> p.origin() == Origin.COAUTHOR)
                .map(Provider::name)
                .toList();
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }
}
