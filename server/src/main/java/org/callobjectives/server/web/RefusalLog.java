package org.callobjectives.server.web;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line for refused connections: the first at once, then at most one a minute, with how many
 * were refused since the line before (a flood must not flood the log too).
 */
public final class RefusalLog {
  private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);
  static final long EVERY_MS = 60_000;

  private final Clock clock;
  private long lastLine = Long.MIN_VALUE;
  private long unsaid;

  public RefusalLog(Clock clock) {
    this.clock = clock;
  }

  /** A connection from {@code address} was refused for {@code why}. */
  public void refused(String address, String why) {
    long now = clock.millis();
    long before;
    synchronized (this) {
      if (lastLine != Long.MIN_VALUE && now - lastLine < EVERY_MS) {
        unsaid++;
        return;
      }
      before = unsaid;
      unsaid = 0;
      lastLine = now;
    }
    log.warn(
        "refused a connection from {}: {}; {} more refused since the last such line (at most one a"
            + " minute)",
        address,
        why,
        before);
  }
}
