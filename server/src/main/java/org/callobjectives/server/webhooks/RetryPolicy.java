package org.callobjectives.server.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/**
 * How long a webhook waits before trying an event again: exponential from {@code first}, doubled
 * per attempt up to {@code max}, with jitter (between half and all of it) so that many nodes or
 * webhooks do not retry in step; a receiver's {@code Retry-After} is honoured (at least {@code
 * first}, at most an hour).
 */
final class RetryPolicy {
  static final Duration RETRY_AFTER_CAP = Duration.ofHours(1);

  private final long firstMillis;
  private final long maxMillis;
  private final DoubleSupplier random;

  RetryPolicy(Duration first, Duration max, DoubleSupplier random) {
    this.firstMillis = Math.max(1, first.toMillis());
    this.maxMillis = Math.max(firstMillis, max.toMillis());
    this.random = random;
  }

  /** The wait before attempt {@code failed + 1}, after {@code failed} failed attempts (1, 2...). */
  long delayMillis(int failed, Long retryAfterMillis) {
    if (retryAfterMillis != null) {
      return Math.min(Math.max(retryAfterMillis, firstMillis), RETRY_AFTER_CAP.toMillis());
    }
    int shift = Math.min(Math.max(failed - 1, 0), 40);
    long base = firstMillis << shift;
    if (base <= 0 || base > maxMillis) {
      base = maxMillis;
    }
    long half = base / 2;
    return half + (long) (random.getAsDouble() * (base - half));
  }

  /**
   * A {@code Retry-After} header as a wait in ms: delta-seconds or an HTTP date; null when absent
   * or not understood.
   */
  static Long retryAfter(String header, long nowMillis) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.strip();
    if (h.chars().allMatch(Character::isDigit)) {
      try {
        return Math.multiplyExact(Long.parseLong(h), 1000L);
      } catch (ArithmeticException | NumberFormatException e) {
        return RETRY_AFTER_CAP.toMillis();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Math.max(0, at.toEpochMilli() - nowMillis);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
