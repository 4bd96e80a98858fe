package org.callobjectives.bridge;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The order of the window's waiting list: ended calls still inside their wrap-up deadline (most
 * urgent first), then the live call(s) (latest first), then calls past their deadline (which the
 * server has stored as undisposed) last.
 */
final class WaitingOrder {

  private WaitingOrder() {}

  /** True when the call ended and its wrap-up deadline has passed. */
  static boolean overdue(WrapUp u, Instant now) {
    return u.ended() != null && u.ended().wrapUpDeadlineMillis() <= now.toEpochMilli();
  }

  static List<WrapUp> order(List<WrapUp> all, Instant now) {
    return all.stream()
        .sorted(
            Comparator.<WrapUp>comparingInt(u -> group(u, now))
                .thenComparingLong(
                    u ->
                        u.ended() == null
                            ? -u.call().connectedAtMillis()
                            : u.ended().wrapUpDeadlineMillis()))
        .toList();
  }

  private static int group(WrapUp u, Instant now) {
    return u.ended() == null ? 1 : overdue(u, now) ? 2 : 0;
  }
}
