package org.runbook.coauthor.author.llm.internal;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.runbook.coauthor.error.CoauthorException;
import org.runbook.coauthor.error.NonRetriableException;
import org.runbook.coauthor.error.RetriableException;

/**
 * The one place langchain4j and transport exceptions become ours: timeouts, 429 and 5xx are
 * {@link RetriableException}; authentication, bad requests, unknown models and oversized replies are
 * {@link NonRetriableException}. The cause and its message are kept.
 */
public final class Failures {
    private Failures() {}

    /** A mapped failure and the wait the server asked for (null when it did not). */
    public record Mapped(CoauthorException exception, Duration retryAfter) {
        public boolean retriable() {
            return exception instanceof RetriableException;
        }
    }

    public static Mapped map(Throwable t, String provider) {
        if (t instanceof CoauthorException c) {
            return new Mapped(c, null);
        }
        String who = "provider \"" + provider + "\"";
        Duration retryAfter = null;
        Integer status = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof LimitedHttpClient.ResponseTooLargeException) {
                return new Mapped(new NonRetriableException(who + ": " + c.getMessage(), t), null);
            }
            if (c instanceof HttpTimeoutException
                    || c instanceof java.net.SocketTimeoutException
                    || c instanceof dev.langchain4j.exception.TimeoutException) {
                return new Mapped(new RetriableException(who + " timed out: " + message(c), t), null);
            }
            if (c instanceof LimitedHttpClient.StatusException s && retryAfter == null) {
                retryAfter = s.retryAfter();
            }
            if (c instanceof HttpException h && status == null) {
                status = h.statusCode();
            }
            if (c instanceof ConnectException) {
                return new Mapped(new RetriableException(who + " cannot be reached: " + message(c), t), null);
            }
        }
        String detail = message(t);
        if (t instanceof RateLimitException || Integer.valueOf(429).equals(status)) {
            return new Mapped(new RetriableException(who + " is rate limiting (HTTP 429): " + detail, t), retryAfter);
        }
        if (status != null && status >= 500) {
            return new Mapped(new RetriableException(who + " failed (HTTP " + status + "): " + detail, t), retryAfter);
        }
        if (t instanceof AuthenticationException
                || Integer.valueOf(401).equals(status)
                || Integer.valueOf(403).equals(status)) {
            return new Mapped(
                    new NonRetriableException(
                            who + " rejected the credentials (HTTP " + status + "): " + detail
                                    + "; check the API key variable or --api-key-file",
                            t),
                    null);
        }
        if (t instanceof ModelNotFoundException || Integer.valueOf(404).equals(status)) {
            return new Mapped(
                    new NonRetriableException(
                            who + " does not know the model or URL (HTTP 404): " + detail
                                    + "; check --model and --base-url",
                            t),
                    null);
        }
        if (t instanceof InvalidRequestException || (status != null && status >= 400)) {
            return new Mapped(
                    new NonRetriableException(who + " refused the request (HTTP " + status + "): " + detail, t), null);
        }
        if (t instanceof dev.langchain4j.exception.RetriableException) {
            return new Mapped(new RetriableException(who + " failed: " + detail, t), retryAfter);
        }
        return new Mapped(new NonRetriableException(who + " failed: " + detail, t), null);
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        return m.length() > 500 ? m.substring(0, 500) + "..." : m;
    }
}
