package org.runbook.coauthor.author.llm.internal;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Map;
import org.runbook.coauthor.author.llm.LlmSettings;
import org.runbook.coauthor.author.llm.ProviderFactory;
import org.runbook.coauthor.error.NonRetriableException;

/**
 * {@code azure-openai}: Azure OpenAI through the OpenAI client (an {@code api-key} header and an
 * {@code api-version} query parameter) rather than langchain4j-azure-open-ai, which brings the whole
 * Azure SDK. The base URL is the deployment's: {@code https://RESOURCE.openai.azure.com/openai/deployments/DEPLOYMENT}.
 */
public final class AzureOpenAiProviderFactory implements ProviderFactory {
    static final String DEFAULT_API_VERSION = "2024-10-21";

    @Override
    public String name() {
        return "azure-openai";
    }

    @Override
    public String apiKeyVariable() {
        return "AZURE_OPENAI_API_KEY";
    }

    @Override
    public boolean nativeJsonSchema() {
        return true;
    }

    @Override
    public ChatModel create(LlmSettings settings, String apiKey, HttpClientBuilder http) {
        if (settings.baseUrl() == null) {
            throw new NonRetriableException("provider \"azure-openai\" needs a base URL; set --base-url or"
                    + " COAUTHOR_BASE_URL to https://RESOURCE.openai.azure.com/openai/deployments/DEPLOYMENT");
        }
        return OpenAiChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(settings.baseUrl())
                .apiKey("unused")
                .customHeaders(Map.of("api-key", apiKey == null ? "" : apiKey))
                .customQueryParams(Map.of(
                        "api-version", settings.apiVersion() == null ? DEFAULT_API_VERSION : settings.apiVersion()))
                .modelName(settings.model() == null ? "gpt-4o-mini" : settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
    }
}
