package org.runbook.coauthor.author.llm;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;

/**
 * Makes the langchain4j chat model of one provider. Implementations are discovered with
 * {@link java.util.ServiceLoader} and chosen by {@link #name()} ({@code --provider openai}).
 */
public interface ProviderFactory {
    /** The name given to {@code --provider}, e.g. {@code openai}. */
    String name();

    /** The environment variable holding the API key; null when the provider needs none. */
    String apiKeyVariable();

    /** Whether the provider accepts a JSON Schema as its response format (else: prompt + strict parsing). */
    boolean nativeJsonSchema();

    /**
     * @param apiKey the key, or null when the provider needs none
     * @param http the HTTP client every provider must use (timeouts, size limit, Retry-After)
     */
    ChatModel create(LlmSettings settings, String apiKey, HttpClientBuilder http);
}
