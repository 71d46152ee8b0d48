package org.runbook.coauthor.author.llm.internal;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import org.runbook.coauthor.author.llm.LlmSettings;
import org.runbook.coauthor.author.llm.ProviderFactory;

/** {@code anthropic}: the Messages API; the plan schema goes in the prompt and the reply is parsed strictly. */
public final class AnthropicProviderFactory implements ProviderFactory {
    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public String apiKeyVariable() {
        return "ANTHROPIC_API_KEY";
    }

    @Override
    public boolean nativeJsonSchema() {
        return false;
    }

    @Override
    public ChatModel create(LlmSettings settings, String apiKey, HttpClientBuilder http) {
        var b = AnthropicChatModel.builder()
                .httpClientBuilder(http)
                .apiKey(apiKey == null ? "" : apiKey)
                .modelName(settings.model() == null ? "claude-3-5-haiku-latest" : settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens() == null ? 4096 : settings.maxTokens())
                .timeout(settings.timeout())
                .maxRetries(0);
        if (settings.baseUrl() != null) {
            b.baseUrl(settings.baseUrl());
        }
        return b.build();
    }
}
