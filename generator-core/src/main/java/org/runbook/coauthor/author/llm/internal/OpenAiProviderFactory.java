package org.runbook.coauthor.author.llm.internal;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.runbook.coauthor.author.llm.LlmSettings;
import org.runbook.coauthor.author.llm.ProviderFactory;

/** {@code openai}: OpenAI, or any OpenAI-compatible base URL (vLLM, LM Studio, Ollama's /v1, gateways). */
public final class OpenAiProviderFactory implements ProviderFactory {
    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String apiKeyVariable() {
        return "OPENAI_API_KEY";
    }

    @Override
    public boolean nativeJsonSchema() {
        return true;
    }

    @Override
    public ChatModel create(LlmSettings settings, String apiKey, HttpClientBuilder http) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(settings.baseUrl())
                // Local OpenAI-compatible servers accept any key; the client insists on one.
                .apiKey(apiKey == null ? "none" : apiKey)
                .modelName(settings.model() == null ? "gpt-4o-mini" : settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .timeout(settings.timeout())
                .maxRetries(0) // our retry loop honours Retry-After and feeds the circuit breaker
                .build();
    }
}
