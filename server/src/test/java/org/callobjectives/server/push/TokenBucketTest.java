package org.callobjectives.server.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bucket on a clock that only moves when the test says so. */
class TokenBucketTest {
  @Test
  void startsFullThenRefusesWithTheTimeUntilTheNextToken() {
    TokenBucket b = new TokenBucket(3, Duration.ofMillis(500), 1_000);
    assertEquals(0, b.take(1_000));
    assertEquals(0, b.take(1_000));
    assertEquals(0, b.take(1_000));
    assertEquals(500, b.take(1_000), "empty: the next token in 500 ms");
    assertEquals(200, b.take(1_300), "300 ms later: 200 ms to go");
    assertEquals(0, b.take(1_500), "one token grew back");
    assertEquals(500, b.take(1_500));
  }

  @Test
  void refillsAtItsRateButNeverBeyondTheBurst() {
    TokenBucket b = new TokenBucket(10, Duration.ofSeconds(1), 0);
    for (int i = 0; i < 10; i++) {
      assertEquals(0, b.take(0));
    }
    assertEquals(2.5, b.available(2_500), 1e-9, "one a second");
    assertEquals(10, b.available(3_600_000), 1e-9, "an idle hour fills it, no more");
    for (int i = 0; i < 10; i++) {
      assertEquals(0, b.take(3_600_000));
    }
    assertEquals(1_000, b.take(3_600_000));
  }

  @Test
  void aClockThatStepsBackAddsNothing() {
    TokenBucket b = new TokenBucket(1, Duration.ofSeconds(10), 50_000);
    assertEquals(0, b.take(50_000));
    assertEquals(10_000, b.take(40_000), "earlier than the last take: still empty");
    assertEquals(1_000, b.take(59_000));
    assertEquals(0, b.take(60_000));
  }

  @Test
  void aSlowRefillSaysHowLongToWait() {
    TokenBucket b = new TokenBucket(1, Duration.ofMinutes(1), 0);
    assertEquals(0, b.take(0));
    assertEquals(60_000, b.take(0));
    assertEquals(1, b.take(59_999), "never 0 while refused");
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new TokenBucket(0, Duration.ofSeconds(1), 0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, Duration.ZERO, 0));
  }
}
