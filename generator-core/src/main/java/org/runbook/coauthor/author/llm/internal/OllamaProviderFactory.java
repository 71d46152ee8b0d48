package org.runbook.coauthor.author.llm.internal;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import org.runbook.coauthor.author.llm.LlmSettings;
import org.runbook.coauthor.author.llm.ProviderFactory;

/** {@code ollama}: Ollama's native /api/chat, with the plan schema as its {@code format}. */
public final class OllamaProviderFactory implements ProviderFactory {
    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public String apiKeyVariable() {
        return null;
    }

    @Override
    public boolean nativeJsonSchema() {
        return true;
    }

    @Override
    public ChatModel create(LlmSettings settings, String apiKey, HttpClientBuilder http) {
        return OllamaChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(settings.baseUrl() == null ? "http://localhost:11434" : settings.baseUrl())
                .modelName(settings.model() == null ? "llama3.1" : settings.model())
                .temperature(settings.temperature())
                .numPredict(settings.maxTokens())
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
    }
}
