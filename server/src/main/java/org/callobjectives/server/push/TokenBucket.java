package org.callobjectives.server.push;

import java.time.Duration;

/**
 * A token bucket: holds up to {@code burst} tokens, starts full and gains one every {@code every};
 * each message takes one. Times are the caller's clock in milliseconds (a clock that steps back
 * adds nothing). Not thread-safe: the owner synchronizes.
 */
final class TokenBucket {
  private final double capacity;
  private final double perMilli;
  private double tokens;
  private long last;

  TokenBucket(int burst, Duration every, long nowMillis) {
    if (burst < 1 || every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("burst >= 1 and a positive refill time: " + burst);
    }
    this.capacity = burst;
    this.perMilli = 1.0 / every.toMillis();
    this.tokens = burst;
    this.last = nowMillis;
  }

  /** Takes a token: 0 when one was there, else how many ms until the next one (at least 1). */
  long take(long nowMillis) {
    refill(nowMillis);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli));
  }

  /** Tokens there now (fractions count as they grow). */
  double available(long nowMillis) {
    refill(nowMillis);
    return tokens;
  }

  private void refill(long nowMillis) {
    if (nowMillis > last) {
      tokens = Math.min(capacity, tokens + (nowMillis - last) * perMilli);
      last = nowMillis;
    }
  }
}
