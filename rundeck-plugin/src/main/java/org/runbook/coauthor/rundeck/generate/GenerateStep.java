package org.runbook.coauthor.rundeck.generate;

import com.dtolabs.rundeck.core.execution.workflow.steps.StepException;
import com.dtolabs.rundeck.core.plugins.Plugin;
import com.dtolabs.rundeck.core.plugins.configuration.DynamicProperties;
import com.dtolabs.rundeck.core.plugins.configuration.PropertyScope;
import com.dtolabs.rundeck.core.plugins.configuration.StringRenderingConstants;
import com.dtolabs.rundeck.plugins.ServiceNameConstants;
import com.dtolabs.rundeck.plugins.descriptions.PluginDescription;
import com.dtolabs.rundeck.plugins.descriptions.PluginProperty;
import com.dtolabs.rundeck.plugins.descriptions.RenderingOption;
import com.dtolabs.rundeck.plugins.descriptions.SelectValues;
import com.dtolabs.rundeck.plugins.descriptions.TextArea;
import com.dtolabs.rundeck.plugins.step.PluginStepContext;
import com.dtolabs.rundeck.plugins.step.StepPlugin;
import java.util.Map;
import org.runbook.coauthor.api.CategoryInfo;
import org.runbook.coauthor.api.CoAuthor;

/**
 * Workflow step {@code coauthor-generate-step}: the co-author's generation backend inside Rundeck.
 * Running it as a job step, rather than behind a webhook, gives the generation Rundeck's own run
 * ACL, execution history (who asked for what, when) and the executing user's Key Storage access.
 *
 * <pre>{@code
 * - type: coauthor-generate-step
 *   nodeStep: false
 *   configuration:
 *     category: ${option.category}
 *     request: ${option.request}
 * }</pre>
 *
 * The provider settings are project-scoped ({@code project.plugin.WorkflowStep.coauthor-generate-step.*}),
 * so an administrator chooses the model and the key once and job authors cannot redirect them.
 */
@Plugin(name = GenerateStep.PROVIDER_NAME, service = ServiceNameConstants.WorkflowStep)
@PluginDescription(
        title = "Co-author / Generate job",
        description = "Turns a plain-language request into a validated Rundeck job (YAML), with findings and a"
                + " dry-run transcript in the log. Fails unless the job is fit to import.")
public class GenerateStep implements StepPlugin, DynamicProperties {
    public static final String PROVIDER_NAME = "coauthor-generate-step";

    private static final String PROVIDER_GROUP = "LLM provider (project settings)";

    @PluginProperty(
            title = "Category",
            description = "A catalog category that biases the search, e.g. `${option.category}`. Empty: any.")
    @SelectValues(
            values = {},
            freeSelect = true,
            dynamicValues = true)
    private String category;

    @PluginProperty(
            title = "Request",
            description = "What the job should do, in plain language, e.g. `${option.request}`.",
            required = true)
    @TextArea
    private String request;

    @PluginProperty(title = "Target", description = "What to generate.", defaultValue = "rundeck")
    @SelectValues(values = {"rundeck"})
    private String target;

    @PluginProperty(
            title = "Provider",
            description = "Who drafts the job: the offline catalog author, or an LLM.",
            defaultValue = "offline",
            scope = PropertyScope.Project)
    @SelectValues(values = {"offline", "openai", "azure-openai", "anthropic", "ollama"})
    @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = PROVIDER_GROUP)
    private String provider;

    @PluginProperty(
            title = "Model",
            description = "Model name; empty for the provider's default.",
            scope = PropertyScope.Project)
    @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = PROVIDER_GROUP)
    private String model;

    @PluginProperty(
            title = "Base URL",
            description = "Provider endpoint; any OpenAI-compatible server for `openai`. Empty for the default.",
            scope = PropertyScope.Project)
    @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = PROVIDER_GROUP)
    private String baseUrl;

    @PluginProperty(
            title = "API key",
            description = "Key Storage path of the provider's API key (a password entry). Read as the executing"
                    + " user, never logged.",
            scope = PropertyScope.Project)
    @RenderingOption(key = StringRenderingConstants.SELECTION_ACCESSOR_KEY, value = "STORAGE_PATH")
    @RenderingOption(key = StringRenderingConstants.STORAGE_PATH_ROOT_KEY, value = "keys")
    @RenderingOption(key = StringRenderingConstants.STORAGE_FILE_META_FILTER_KEY, value = "Rundeck-data-type=password")
    @RenderingOption(key = StringRenderingConstants.GROUP_NAME, value = PROVIDER_GROUP)
    private String apiKeyStoragePath;

    @Override
    public void executeStep(PluginStepContext context, Map<String, Object> configuration) throws StepException {
        StepConfig config = StepConfig.check(request, category, target, provider, model, baseUrl, apiKeyStoragePath);
        String apiKey = config.needsKey()
                ? ApiKeys.read(context.getExecutionContext().getStorageTree(), config.apiKeyStoragePath())
                : null;
        new GenerationRun(context).run(config, apiKey);
    }

    /** The category choices: the bundled catalog's categories. */
    @Override
    public Map<String, Object> dynamicProperties(Map<String, Object> projectAndFrameworkValues) {
        return Map.of(
                "category",
                CoAuthor.categories().stream().map(CategoryInfo::name).toList());
    }
}
