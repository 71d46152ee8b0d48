package org.runbook.coauthor.author.llm.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: before retry {@code n} (1-based) wait a random time between
 * half and all of {@code base * 2^(n-1)}, capped at {@code max}; a server's {@code Retry-After}
 * wins when it asks for longer (and is itself capped at {@code max}).
 */
public record Backoff(Duration base, Duration max, DoubleSupplier random) {
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60), Math::random);
    }

    public Duration delay(int retry, Duration retryAfter) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(20, Math.max(0, retry - 1)));
        long jittered = ceiling / 2 + Math.round(random.getAsDouble() * (ceiling - ceiling / 2));
        if (retryAfter != null) {
            return Duration.ofMillis(Math.min(max.toMillis(), Math.max(jittered, retryAfter.toMillis())));
        }
        return Duration.ofMillis(jittered);
    }
}
