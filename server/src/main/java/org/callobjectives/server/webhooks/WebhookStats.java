package org.callobjectives.server.webhooks;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One webhook's figures on this node, with plain getters for /health, the admin page and a metrics
 * exporter: counters since start, the last success and error, what holds it up now, and the backlog
 * (events not yet delivered, as last counted; -1 before the first count).
 */
public final class WebhookStats {
  private final String name;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedPermanently = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong attempts = new AtomicLong();
  private volatile long lastSuccessAtMillis;
  private volatile long lastAttemptAtMillis;
  private volatile long lastDurationMillis;
  private volatile String lastError;
  private volatile long lastErrorAtMillis;
  private volatile String problem;
  private volatile long problemSinceMillis;
  private volatile long nextAttemptAtMillis;
  private volatile long backlog = -1;
  private volatile String deliveredBy = "nobody yet";

  WebhookStats(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Events the receiver accepted (2xx) from this node since start. */
  public long delivered() {
    return delivered.get();
  }

  /** Events the receiver refused for good (4xx), recorded and skipped. */
  public long failedPermanently() {
    return failedPermanently.get();
  }

  /** Attempts that failed and were retried (5xx, 408, 429, timeouts, connection errors). */
  public long retries() {
    return retries.get();
  }

  /** HTTP requests sent, whatever their answer. */
  public long attempts() {
    return attempts.get();
  }

  /** When the receiver last accepted an event (epoch ms), 0 if never since start. */
  public long lastSuccessAtMillis() {
    return lastSuccessAtMillis;
  }

  public long lastAttemptAtMillis() {
    return lastAttemptAtMillis;
  }

  /** How long the last request took to be answered (or to fail), in ms. */
  public long lastDurationMillis() {
    return lastDurationMillis;
  }

  /** The last failed attempt's reason (kept after a success), or null. */
  public String lastError() {
    return lastError;
  }

  public long lastErrorAtMillis() {
    return lastErrorAtMillis;
  }

  /** Why the current event waits (being retried), or null when nothing holds the webhook up. */
  public String problem() {
    return problem;
  }

  public long problemSinceMillis() {
    return problem == null ? 0 : problemSinceMillis;
  }

  /** When the waiting event is tried again (epoch ms), 0 when none waits. */
  public long nextAttemptAtMillis() {
    return problem == null ? 0 : nextAttemptAtMillis;
  }

  /** Events of this webhook's kinds not delivered yet, as last counted; -1 when unknown. */
  public long backlog() {
    return backlog;
  }

  /** "this node", "the node with PID n on address" (PostgreSQL), or "nobody yet". */
  public String deliveredBy() {
    return deliveredBy;
  }

  void attempt(long atMillis) {
    attempts.incrementAndGet();
    lastAttemptAtMillis = atMillis;
  }

  void answered(long durationMillis) {
    lastDurationMillis = durationMillis;
  }

  void delivered(long atMillis) {
    delivered.incrementAndGet();
    lastSuccessAtMillis = atMillis;
    problem = null;
  }

  void retrying(String why, long atMillis, long nextAtMillis) {
    retries.incrementAndGet();
    error(why, atMillis);
    if (problem == null) {
      problemSinceMillis = atMillis;
    }
    problem = why;
    nextAttemptAtMillis = nextAtMillis;
  }

  void failedPermanently(String why, long atMillis) {
    failedPermanently.incrementAndGet();
    error(why, atMillis);
    problem = null;
  }

  private void error(String why, long atMillis) {
    lastError = why;
    lastErrorAtMillis = atMillis;
  }

  void backlog(long n) {
    backlog = n;
  }

  void deliveredBy(String who) {
    deliveredBy = who;
  }
}
