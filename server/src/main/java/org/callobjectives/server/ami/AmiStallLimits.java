package org.callobjectives.server.ami;

import java.util.concurrent.TimeUnit;

/**
 * When a logged-in AMI link counts as stalled though its socket is open: nothing heard (no event,
 * no answer to our pings) for {@code silentNanos}, or one line growing for {@code lineNanos}. A
 * healthy Asterisk answers each ping (sent every ping interval) at once and sends a line in one
 * write, so both are far past anything a working link does.
 */
record AmiStallLimits(long silentNanos, long lineNanos) {
  /** Longest a single line may take to arrive, whatever the ping interval. */
  static final long MAX_LINE_SECONDS = 5;

  /** Two ping intervals of silence; a line growing for one interval (at most 5 s). */
  static AmiStallLimits forPingSeconds(int pingSeconds) {
    return new AmiStallLimits(
        TimeUnit.SECONDS.toNanos(2L * pingSeconds),
        TimeUnit.SECONDS.toNanos(Math.min(pingSeconds, MAX_LINE_SECONDS)));
  }

  /**
   * Why the link is stalled at {@code now}, or null if it is not.
   *
   * @param lastHeardNanos the last event or ping answer, or the connection's opening if later
   * @param lineStartedNanos when the unfinished line began; {@link AmiLineReader#NO_LINE} if none
   */
  String stalled(long now, long lastHeardNanos, long lineStartedNanos) {
    if (lineStartedNanos != AmiLineReader.NO_LINE && now - lineStartedNanos > lineNanos) {
      return "one line has been arriving for "
          + seconds(now - lineStartedNanos)
          + " s without an end (limit "
          + seconds(lineNanos)
          + " s)";
    }
    if (now - lastHeardNanos > silentNanos) {
      return "no event and no answer to pings for "
          + seconds(now - lastHeardNanos)
          + " s (limit "
          + seconds(silentNanos)
          + " s)";
    }
    return null;
  }

  private static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
  }
}
