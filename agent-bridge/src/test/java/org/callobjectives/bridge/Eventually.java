package org.callobjectives.bridge;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds, failing with what was awaited after {@code within}. */
final class Eventually {
  private Eventually() {}

  static void until(String what, Duration within, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }
}
