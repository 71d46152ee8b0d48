package org.runbook.coauthor.author.llm.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.error.RetriableException;

class CircuitBreakerTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void should_fail_fast_after_n_consecutive_failures_and_let_a_trial_through_after_the_cooldown() {
        CircuitBreaker breaker = new CircuitBreaker("openai", 3, Duration.ofSeconds(30), clock);
        breaker.failure("HTTP 500");
        breaker.failure("HTTP 500");
        assertDoesNotThrow(breaker::before);
        breaker.failure("HTTP 503");
        var e = assertThrows(RetriableException.class, breaker::before);
        assertTrue(e.getMessage().contains("circuit open") && e.getMessage().contains("HTTP 503"), e.getMessage());
        now = now.plusSeconds(31);
        assertDoesNotThrow(breaker::before);
    }

    @Test
    void should_reset_the_count_when_a_call_succeeds() {
        CircuitBreaker breaker = new CircuitBreaker("openai", 2, Duration.ofSeconds(30), clock);
        breaker.failure("x");
        breaker.success();
        breaker.failure("x");
        assertDoesNotThrow(breaker::before);
    }
}
