package org.callobjectives.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait before a webhook tries an event again. */
class RetryPolicyTest {
  @Test
  void theWaitDoublesUpToTheCapWithJitterBetweenHalfAndAll() {
    RetryPolicy low = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.0);
    RetryPolicy high = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 1.0);
    assertEquals(500, low.delayMillis(1, null));
    assertEquals(1000, high.delayMillis(1, null));
    assertEquals(2000, high.delayMillis(2, null));
    assertEquals(8000, high.delayMillis(4, null));
    assertEquals(10_000, high.delayMillis(5, null), "capped");
    assertEquals(5000, low.delayMillis(500, null), "no overflow after many attempts");
  }

  @Test
  void retryAfterIsHonouredInSecondsOrAsADateWithinBounds() {
    RetryPolicy p = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 1.0);
    assertEquals(30_000, p.delayMillis(1, RetryPolicy.retryAfter("30", 0)), "beyond the cap too");
    assertEquals(1000, p.delayMillis(1, RetryPolicy.retryAfter("0", 0)), "at least the first wait");
    assertEquals(
        3_600_000, p.delayMillis(1, RetryPolicy.retryAfter("99999999999999999999", 0)), "an hour");
    long now = java.time.Instant.parse("2026-12-02T10:00:00Z").toEpochMilli();
    assertEquals(120_000L, RetryPolicy.retryAfter("Wed, 02 Dec 2026 10:02:00 GMT", now));
    assertEquals(0L, RetryPolicy.retryAfter("Wed, 02 Dec 2026 09:00:00 GMT", now));
    assertNull(RetryPolicy.retryAfter("soon", now));
    assertNull(RetryPolicy.retryAfter(null, now));
  }
}
