package org.runbook.coauthor.author.llm.internal;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP client every provider uses: the JDK client with our timeout, a cap on the reply size
 * (read no further than the limit), and the {@code Retry-After} header kept on errors.
 */
public final class LimitedHttpClient implements HttpClient {
    private final java.net.http.HttpClient client;
    private final Duration timeout;
    private final int maxBytes;

    private LimitedHttpClient(Duration connectTimeout, Duration timeout, int maxBytes) {
        this.client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    public static Builder builder(Duration timeout, int maxBytes) {
        return new Builder(timeout, maxBytes);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        var b = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout);
        request.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("host")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        String body = request.body();
        b.method(
                request.method().name(),
                body == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<InputStream> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the provider", e);
        }
        String text = read(response);
        if (response.statusCode() >= 400) {
            throw new StatusException(
                    response.statusCode(),
                    text,
                    response.headers()
                            .firstValue("retry-after")
                            .map(RetryAfter::parse)
                            .orElse(null));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(text)
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("streaming is not used by the co-author");
    }

    private String read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ResponseTooLargeException(maxBytes);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP error status, with the server's {@code Retry-After} when it sent one. */
    public static final class StatusException extends HttpException {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        StatusException(int status, String body, Duration retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The reply was larger than the limit; it was not read further. */
    public static final class ResponseTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ResponseTooLargeException(int maxBytes) {
            super("the provider's reply is larger than the limit of " + maxBytes + " bytes");
        }
    }

    /** Builds the client; langchain4j sets its own timeouts, ours win. */
    public static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;
        private final int maxBytes;

        private Builder(Duration timeout, int maxBytes) {
            this.connectTimeout = timeout;
            this.readTimeout = timeout;
            this.maxBytes = maxBytes;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration value) {
            if (value != null) {
                this.connectTimeout = value;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration value) {
            if (value != null) {
                this.readTimeout = value;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new LimitedHttpClient(connectTimeout, readTimeout, maxBytes);
        }
    }
}
