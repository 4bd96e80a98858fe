package org.callobjectives.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One CRM endpoint that receives events as signed JSON POSTs (server.yaml {@code webhooks:}). The
 * secret never appears in {@link #toString()}, nor does the URL's query (it may hold a token).
 *
 * @param events the outbox kinds sent: {@code disposition}, {@code call_ended}, {@code undisposed}
 * @param secretSource where the secret came from, for the log: "secret", "secretEnv NAME",
 *     "secretFile PATH"
 * @param timeout for connecting and for the answer's headers, per attempt
 * @param retryFirst the wait before the first retry; doubled each time up to {@code retryMax}
 */
public record Webhook(
    String name,
    URI url,
    String secret,
    String secretSource,
    Set<String> events,
    Duration timeout,
    Duration retryFirst,
    Duration retryMax) {
  public static final String DISPOSITION = "disposition";
  public static final String CALL_ENDED = "call_ended";
  public static final String UNDISPOSED = "undisposed";

  /** Every event a webhook can subscribe to, in the order the docs list them. */
  public static final List<String> EVENTS = List.of(DISPOSITION, CALL_ENDED, UNDISPOSED);

  public static final List<String> DEFAULT_EVENTS = List.of(DISPOSITION, CALL_ENDED);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RETRY_FIRST = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RETRY_MAX = Duration.ofMinutes(5);

  public Webhook {
    events = Set.copyOf(events);
  }

  /** With the default timeout and retry delays (tests, code). */
  public Webhook(String name, URI url, String secret, Set<String> events) {
    this(
        name,
        url,
        secret,
        "secret",
        events,
        DEFAULT_TIMEOUT,
        DEFAULT_RETRY_FIRST,
        DEFAULT_RETRY_MAX);
  }

  public Webhook withTimeout(Duration t) {
    return new Webhook(name, url, secret, secretSource, events, t, retryFirst, retryMax);
  }

  public Webhook withRetry(Duration first, Duration max) {
    return new Webhook(name, url, secret, secretSource, events, timeout, first, max);
  }

  /** The URL without its query and user info: safe to log and to show. */
  public String safeUrl() {
    return safe(url);
  }

  static String safe(URI u) {
    String s = u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    return s + path + (u.getRawQuery() == null ? "" : "?****");
  }

  /** The events in the documented order. */
  public List<String> eventList() {
    return EVENTS.stream().filter(events::contains).toList();
  }

  @Override
  public String toString() {
    return name
        + " -> "
        + safeUrl()
        + " "
        + eventList()
        + " (secret **** from "
        + secretSource
        + ", timeout "
        + millis(timeout)
        + ", retry "
        + millis(retryFirst)
        + ".."
        + millis(retryMax)
        + ")";
  }

  private static String millis(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
