package org.callobjectives.bridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: exponential ({@code initial}, doubling, capped at {@code max}) with jitter, so
 * many bridges that lost the server at the same moment do not all come back at the same moment.
 *
 * <p>The n-th delay (n counted from 0) is {@code base = min(max, initial * 2^n)} scaled by a factor
 * drawn uniformly from {@code [1 - jitter, 1]}, so a delay never exceeds {@code max}. The schedule
 * starts over after a good connection: one the server welcomed and that then stayed up for at least
 * {@code stableAfter}. A server that accepts and then drops us at once (or rejects our token) keeps
 * the delays growing.
 *
 * <p>Not thread-safe on its own; {@link BridgeClient} calls it under its lock.
 */
public final class Backoff {

  /**
   * The defaults used by {@link BridgeClient}: 0.5 s doubling to 30 s, 20 % jitter, stable after 5
   * s.
   */
  public static final Duration DEFAULT_INITIAL = Duration.ofMillis(500);

  public static final Duration DEFAULT_MAX = Duration.ofSeconds(30);
  public static final double DEFAULT_JITTER = 0.2;
  public static final Duration DEFAULT_STABLE_AFTER = Duration.ofSeconds(5);

  private final Duration initial;
  private final Duration max;
  private final double jitter;
  private final Duration stableAfter;
  private final Clock clock;
  private final DoubleSupplier random;

  private int attempt;
  private Instant welcomedAt;

  public Backoff(
      Duration initial,
      Duration max,
      double jitter,
      Duration stableAfter,
      Clock clock,
      DoubleSupplier random) {
    this.initial = Objects.requireNonNull(initial, "initial");
    this.max = Objects.requireNonNull(max, "max");
    this.stableAfter = Objects.requireNonNull(stableAfter, "stableAfter");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial backoff must be positive: " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff " + max + " is below initial " + initial);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
    }
    this.jitter = jitter;
  }

  /** The defaults with the system clock and a thread-local random source. */
  public static Backoff defaults() {
    return new Backoff(
        DEFAULT_INITIAL,
        DEFAULT_MAX,
        DEFAULT_JITTER,
        DEFAULT_STABLE_AFTER,
        Clock.systemUTC(),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The delay before the next connection attempt; each call moves one step along the schedule. */
  public Duration nextDelay() {
    long base = baseMillis(attempt);
    if (attempt < 62) {
      attempt++;
    }
    double r = random.getAsDouble();
    if (r < 0 || r >= 1 || Double.isNaN(r)) {
      r = 0;
    }
    long delay = Math.round(base * (1 - jitter * r));
    return Duration.ofMillis(Math.max(1, delay));
  }

  private long baseMillis(int n) {
    long maxMillis = max.toMillis();
    long value = initial.toMillis();
    for (int i = 0; i < n && value < maxMillis; i++) {
      value *= 2;
    }
    return Math.min(value, maxMillis);
  }

  /** The server welcomed us (the connection is authenticated and usable). */
  public void welcomed() {
    welcomedAt = clock.instant();
  }

  /**
   * The connection ended. If it had been welcomed and lasted at least {@code stableAfter}, the
   * schedule starts over from {@code initial}.
   */
  public void disconnected() {
    if (welcomedAt != null
        && Duration.between(welcomedAt, clock.instant()).compareTo(stableAfter) >= 0) {
      attempt = 0;
    }
    welcomedAt = null;
  }

  /** Starts the schedule over. */
  public void reset() {
    attempt = 0;
    welcomedAt = null;
  }

  /** How many delays were handed out since the last reset. */
  public int attempts() {
    return attempt;
  }
}
