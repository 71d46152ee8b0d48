package org.runbook.coauthor.author.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), () -> 0.0);
    private final Backoff high = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), () -> 1.0);

    @Test
    void should_double_the_ceiling_each_retry_with_jitter_between_half_and_all() {
        assertEquals(Duration.ofMillis(100), high.delay(1, null));
        assertEquals(Duration.ofMillis(200), high.delay(2, null));
        assertEquals(Duration.ofMillis(400), high.delay(3, null));
        assertEquals(Duration.ofMillis(200), low.delay(3, null));
    }

    @Test
    void should_cap_the_delay_at_the_maximum() {
        assertEquals(Duration.ofSeconds(5), high.delay(30, null));
    }

    @Test
    void should_wait_as_long_as_retry_after_asks_when_longer_than_the_back_off() {
        assertEquals(Duration.ofSeconds(3), low.delay(1, Duration.ofSeconds(3)));
        assertEquals(Duration.ofSeconds(5), low.delay(1, Duration.ofSeconds(120)));
    }

    @Test
    void should_parse_retry_after_as_seconds_or_an_http_date() {
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7"));
        assertEquals(null, RetryAfter.parse("soon"));
        Duration d = RetryAfter.parse(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30)));
        assertTrue(d.getSeconds() > 25 && d.getSeconds() <= 30, d.toString());
    }
}
