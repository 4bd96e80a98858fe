package org.callobjectives.server.store;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database accepts writes: one log line when an outage starts and one when it ends (not
 * one per row), and the figures {@code /health} shows.
 */
final class StoreState {
  private static final Logger log = LoggerFactory.getLogger(Store.class);

  private final Clock clock;
  private volatile boolean writable = true;
  private volatile long sinceMillis;
  private volatile String lastError;
  private volatile long outages;
  private volatile long failedWrites;

  StoreState(Clock clock) {
    this.clock = clock;
    this.sinceMillis = clock.millis();
  }

  /**
   * A write failed for a reason that may pass (full, I/O error, busy); logs only the first of an
   * outage.
   */
  synchronized void failed(Exception e) {
    failedWrites++;
    lastError = e.getMessage();
    if (writable) {
      writable = false;
      sinceMillis = clock.millis();
      outages++;
      log.error(
          "database not writable ({}): pops go on, call rows wait in memory and are retried every second,"
              + " dispositions are answered store_failed until it is writable again",
          e.getMessage());
    }
  }

  /**
   * A write succeeded; returns true if that ends an outage (then the caller checkpoints the WAL).
   */
  synchronized boolean succeeded() {
    if (writable) {
      return false;
    }
    writable = true;
    long lasted = clock.millis() - sinceMillis;
    sinceMillis = clock.millis();
    log.warn(
        "database writable again after {} s ({} failed writes so far); every held call row is written",
        lasted / 1000,
        failedWrites);
    return true;
  }

  boolean writable() {
    return writable;
  }

  Map<String, Object> view() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", writable ? "writable" : "unwritable");
    m.put("sinceMillis", sinceMillis);
    m.put("lastError", lastError);
    m.put("outages", outages);
    m.put("failedWrites", failedWrites);
    return m;
  }
}
