package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BackoffTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2025-01-01T09:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();

  private Backoff backoff(double random) {
    return new Backoff(
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        0.2,
        Duration.ofSeconds(5),
        clock,
        () -> random);
  }

  private static List<Long> take(Backoff b, int n) {
    List<Long> out = new ArrayList<>();
    IntStream.range(0, n).forEach(i -> out.add(b.nextDelay().toMillis()));
    return out;
  }

  @Test
  void delays_double_from_half_a_second_and_stop_at_thirty_seconds() {
    assertEquals(
        List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L),
        take(backoff(0.0), 9));
  }

  @Test
  void jitter_shortens_each_delay_by_at_most_the_jitter_fraction() {
    // random 0.5 with 20 % jitter: each delay is 90 % of its base.
    assertEquals(List.of(450L, 900L, 1800L, 3600L), take(backoff(0.5), 4));
    // the largest random value stays above 80 % of the base
    List<Long> low = take(backoff(0.999999), 7);
    assertTrue(low.get(0) >= 400 && low.get(6) >= 24_000, low.toString());
  }

  @Test
  void many_attempts_never_overflow_past_the_maximum() {
    Backoff b = backoff(0.0);
    List<Long> delays = take(b, 200);
    assertEquals(30_000L, delays.get(199));
  }

  @Test
  void a_welcomed_connection_that_stayed_up_starts_the_schedule_over() {
    Backoff b = backoff(0.0);
    take(b, 4); // 500, 1000, 2000, 4000
    b.welcomed();
    clock.advance(Duration.ofSeconds(6));
    b.disconnected();
    assertEquals(500, b.nextDelay().toMillis());
  }

  @Test
  void a_connection_that_drops_right_after_welcome_keeps_the_delays_growing() {
    Backoff b = backoff(0.0);
    take(b, 3); // 500, 1000, 2000
    b.welcomed();
    clock.advance(Duration.ofSeconds(1));
    b.disconnected();
    assertEquals(4000, b.nextDelay().toMillis());
  }

  @Test
  void a_connection_never_welcomed_such_as_a_rejected_token_keeps_the_delays_growing() {
    Backoff b = backoff(0.0);
    take(b, 2);
    clock.advance(Duration.ofMinutes(1));
    b.disconnected();
    assertEquals(2000, b.nextDelay().toMillis());
  }

  @Test
  void bad_settings_are_refused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.2, Duration.ZERO, clock, () -> 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Backoff(
                Duration.ofSeconds(2), Duration.ofSeconds(1), 0.2, Duration.ZERO, clock, () -> 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Backoff(
                Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5, Duration.ZERO, clock, () -> 0));
  }
}
