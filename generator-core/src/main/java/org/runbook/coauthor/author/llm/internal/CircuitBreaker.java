package org.runbook.coauthor.author.llm.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.runbook.coauthor.error.RetriableException;

/**
 * Stops calling a provider after {@code threshold} consecutive failed calls: for {@code cooldown}
 * every call fails at once, naming the last error; then one trial call is let through.
 */
public final class CircuitBreaker {
    private final String provider;
    private final int threshold;
    private final Duration cooldown;
    private final Clock clock;
    private int failures;
    private Instant openUntil;
    private String lastError;

    public CircuitBreaker(String provider, int threshold, Duration cooldown, Clock clock) {
        this.provider = provider;
        this.threshold = threshold;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /** Throws when the circuit is open. */
    public synchronized void before() {
        if (openUntil != null && clock.instant().isBefore(openUntil)) {
            throw new RetriableException(
                    "provider \"" + provider + "\" failed " + failures
                            + " times in a row; not calling it again until " + openUntil
                            + " (circuit open); last error: "
                            + lastError,
                    null);
        }
    }

    public synchronized void success() {
        failures = 0;
        openUntil = null;
    }

    public synchronized void failure(String message) {
        failures++;
        lastError = message;
        if (failures >= threshold) {
            openUntil = clock.instant().plus(cooldown);
        }
    }

    public synchronized boolean open() {
        return openUntil != null && clock.instant().isBefore(openUntil);
    }
}
