package org.runbook.coauthor.rundeck.generate;

import com.dtolabs.rundeck.core.execution.workflow.steps.StepException;
import java.util.List;
import org.runbook.coauthor.api.CategoryInfo;
import org.runbook.coauthor.api.CoAuthor;
import org.runbook.coauthor.api.Providers;
import org.runbook.coauthor.plan.GenerationRequest;

/**
 * The generate step's configuration after checking: trimmed, defaults applied, every problem
 * reported as "Configuration invalid: ..." with the fix.
 *
 * @param category a catalog category, or null to let the co-author pick
 * @param model null for the provider's default
 * @param baseUrl null for the provider's default
 * @param apiKeyStoragePath null when the provider needs no key
 */
record StepConfig(
        String request, String category, String provider, String model, String baseUrl, String apiKeyStoragePath) {

    static StepConfig check(
            String request,
            String category,
            String target,
            String provider,
            String model,
            String baseUrl,
            String apiKeyStoragePath)
            throws StepException {
        String text = trim(request);
        if (text == null) {
            throw invalid("request is required", "describe the job to generate in the \"request\" option");
        }
        if (text.length() > GenerationRequest.MAX_TEXT_LENGTH) {
            throw invalid(
                    "request is " + text.length() + " characters long; the limit is "
                            + GenerationRequest.MAX_TEXT_LENGTH,
                    "describe the task in fewer words");
        }
        String t = trim(target);
        if (t != null && !t.equals("rundeck")) {
            throw invalid("target \"" + t + "\" is not supported", "use target \"rundeck\"");
        }
        String p = trim(provider) == null ? Providers.OFFLINE : trim(provider);
        List<String> providers = Providers.names();
        if (!providers.contains(p)) {
            throw invalid("provider \"" + p + "\" is unknown", "use one of " + providers);
        }
        String path = trim(apiKeyStoragePath);
        String url = trim(baseUrl);
        if (path != null && !path.startsWith("keys/")) {
            throw invalid(
                    "apiKeyStoragePath \"" + path + "\" is not a Key Storage path",
                    "pick the key with the Key Storage selector (a path starting with \"keys/\")");
        }
        if (path == null && Providers.apiKeyVariable(p) != null && !local(url)) {
            throw invalid(
                    "apiKeyStoragePath is required for provider \"" + p + "\"",
                    "store the API key in Key Storage (password) and set"
                            + " project.plugin.WorkflowStep.coauthor-generate-step.apiKeyStoragePath");
        }
        return new StepConfig(text, category(category), p, trim(model), url, path);
    }

    /** Whether the step must read a key from Key Storage. */
    boolean needsKey() {
        return apiKeyStoragePath != null && Providers.apiKeyVariable(provider) != null;
    }

    private static String category(String value) throws StepException {
        String c = trim(value);
        // An unset ${option.category} may reach the step unexpanded: that means "let the co-author pick".
        if (c == null || c.contains("${")) {
            return null;
        }
        List<String> names =
                CoAuthor.categories().stream().map(CategoryInfo::name).toList();
        for (String name : names) {
            if (name.equalsIgnoreCase(c)) {
                return name;
            }
        }
        throw invalid("category \"" + c + "\" is not in the catalog", "use one of " + names + " or leave it empty");
    }

    private static boolean local(String url) {
        return url != null && (url.contains("localhost") || url.contains("127.0.0.1"));
    }

    private static StepException invalid(String what, String fix) {
        return new StepException("Configuration invalid: " + what + "; " + fix, GenerateFailure.ConfigurationFailure);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
