package org.callobjectives.server.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.callobjectives.server.config.Webhook;
import org.callobjectives.server.store.OutboxDispatcher;
import org.callobjectives.server.store.OutboxEvent;
import org.callobjectives.server.store.WebhookFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook's outbox consumer: POSTs each event of its kinds, signed, on the dispatcher's thread
 * (never the store's writer, never a Netty loop). 2xx: delivered. 408, 429, 3xx, 5xx, timeouts and
 * connection errors: the same event again after a backoff ({@link OutboxDispatcher.RetryLater}),
 * nothing behind it before. Any other 4xx: recorded in webhook_failures and skipped.
 */
final class WebhookSender implements OutboxDispatcher.Consumer {
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  static final String USER_AGENT = "CallObjectives-Webhooks/1 (+java.net.http)";

  /** How much of a receiver's answer is kept for the log, the admin page and the failure row. */
  static final int EXCERPT_BYTES = 1024;

  /** How long recording a permanent failure may take before the event is offered again. */
  private static final long RECORD_TIMEOUT_MS = 30_000;

  private static final long RECORD_RETRY_MS = 5_000;

  private final Webhook hook;
  private final HttpClient http;
  private final WebhookFailures failures;
  private final WebhookStats stats;
  private final RetryPolicy retry;
  private final Clock clock;

  // The dispatcher's thread only.
  private long rowId = -1;
  private int attempts;
  private WebhookFailures.Failure unrecorded;

  WebhookSender(
      Webhook hook,
      HttpClient http,
      WebhookFailures failures,
      WebhookStats stats,
      RetryPolicy retry,
      Clock clock) {
    this.hook = hook;
    this.http = http;
    this.failures = failures;
    this.stats = stats;
    this.retry = retry;
    this.clock = clock;
  }

  /** What one attempt came to. */
  private record Answer(int status, String excerpt, String retryAfter, String error) {
    boolean delivered() {
      return status >= 200 && status < 300;
    }

    /** Worth trying again: no answer, a timeout, 408, 429, a redirect, or a server error. */
    boolean transientFailure() {
      return status == 0
          || status == 408
          || status == 429
          || status < 200
          || (status >= 300 && status < 400)
          || status >= 500;
    }

    String describe() {
      if (status == 0) {
        return error;
      }
      return "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
    }
  }

  @Override
  public void deliver(OutboxEvent e) throws Exception {
    if (!hook.events().contains(e.kind())) {
      return;
    }
    if (e.id() != rowId) {
      rowId = e.id();
      attempts = 0;
      unrecorded = null;
    }
    if (unrecorded != null) {
      // Refused for good already; only its record is missing.
      record(unrecorded);
      return;
    }
    WebhookPayload p;
    try {
      p = WebhookPayload.of(e);
    } catch (RuntimeException bad) {
      // A row this server cannot read (written by a newer one?): no receiver can take it either.
      refused(
          e,
          WebhookPayload.key(e.kind(), e.callId()),
          null,
          "cannot make the payload: " + bad.getMessage(),
          e.body());
      return;
    }
    if (p == null) {
      return;
    }
    attempts++;
    long start = clock.millis();
    stats.attempt(start);
    Answer a = send(p, attempts);
    long now = clock.millis();
    stats.answered(now - start);
    if (a.delivered()) {
      stats.delivered(now);
      if (attempts > 1) {
        log.info(
            "webhook {}: {} for call {} delivered after {} attempts",
            hook.name(),
            p.type(),
            p.callId(),
            attempts);
      }
      return;
    }
    if (a.transientFailure()) {
      long delay = retry.delayMillis(attempts, RetryPolicy.retryAfter(a.retryAfter(), now));
      String why = a.describe();
      stats.retrying(why, now, now + delay);
      // The dispatcher says when trouble starts and ends; every tenth attempt is said here too.
      if (attempts % 10 == 0) {
        log.warn(
            "webhook {}: {} for call {} not delivered ({}); attempt {} failed, next in {} ms",
            hook.name(),
            p.type(),
            p.callId(),
            why,
            attempts,
            delay);
      }
      throw new OutboxDispatcher.RetryLater("webhook " + hook.name() + ": " + why, delay);
    }
    refused(e, p.key(), a.status(), a.describe(), p.bodyText());
  }

  /** The receiver refused the event for good: recorded, counted, and the webhook goes on. */
  private void refused(OutboxEvent e, String key, Integer status, String why, String payload)
      throws Exception {
    long now = clock.millis();
    log.warn(
        "webhook {}: {} for call {} refused for good ({}): recorded in webhook_failures, going on"
            + " with the next event",
        hook.name(),
        e.kind(),
        e.callId(),
        why);
    stats.failedPermanently(why, now);
    unrecorded =
        new WebhookFailures.Failure(
            0,
            hook.name(),
            e.id(),
            e.kind(),
            e.callId(),
            key,
            status,
            why,
            payload,
            Math.max(attempts, 1),
            null,
            now);
    record(unrecorded);
  }

  private void record(WebhookFailures.Failure f) throws Exception {
    try {
      failures.record(f).get(RECORD_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      unrecorded = null;
    } catch (ExecutionException | TimeoutException x) {
      Throwable cause = x instanceof ExecutionException ? x.getCause() : x;
      throw new OutboxDispatcher.RetryLater(
          "webhook " + hook.name() + ": cannot record a refused event yet (" + cause + ")",
          RECORD_RETRY_MS);
    }
  }

  private Answer send(WebhookPayload p, int attempt) throws InterruptedException {
    String timestamp = String.valueOf(clock.millis() / 1000);
    HttpRequest req =
        HttpRequest.newBuilder(hook.url())
            .timeout(hook.timeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", USER_AGENT)
            .header(WebhookSignature.IDEMPOTENCY_HEADER, p.key())
            .header(WebhookSignature.EVENT_HEADER, p.type())
            .header(WebhookSignature.WEBHOOK_HEADER, hook.name())
            .header("X-CallObjectives-Attempt", String.valueOf(attempt))
            .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
            .header(
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(hook.secret(), timestamp, p.body()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(p.body()))
            .build();
    CompletableFuture<HttpResponse<String>> f =
        http.sendAsync(
            req,
            info ->
                info.statusCode() / 100 == 2
                    ? HttpResponse.BodySubscribers.replacing("")
                    : new Excerpt(EXCERPT_BYTES));
    // The request timeout covers the answer's headers; this bounds its body too.
    long wait = hook.timeout().toMillis() * 2 + 1000;
    try {
      HttpResponse<String> r = f.get(wait, TimeUnit.MILLISECONDS);
      return new Answer(
          r.statusCode(),
          r.body() == null ? "" : r.body(),
          r.headers().firstValue("Retry-After").orElse(null),
          null);
    } catch (TimeoutException x) {
      f.cancel(true);
      return new Answer(0, "", null, "no complete answer within " + wait + " ms");
    } catch (InterruptedException x) {
      f.cancel(true);
      throw x;
    } catch (ExecutionException x) {
      return new Answer(0, "", null, describe(x.getCause()));
    }
  }

  private String describe(Throwable t) {
    if (t instanceof HttpTimeoutException) {
      return "timed out after " + hook.timeout().toMillis() + " ms (timeoutSeconds)";
    }
    if (t instanceof ConnectException) {
      return "cannot connect to "
          + hook.safeUrl()
          + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
    }
    if (t instanceof IOException) {
      return "connection failed: " + t;
    }
    return String.valueOf(t);
  }

  /** Keeps the first bytes of an answer's body as text, on one line; drops the rest. */
  private static final class Excerpt implements HttpResponse.BodySubscriber<String> {
    private final int max;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Excerpt(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        while (b.hasRemaining() && kept.size() < max) {
          kept.write(b.get());
        }
      }
      if (kept.size() >= max) {
        subscription.cancel();
        finish();
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable t) {
      finish();
    }

    @Override
    public void onComplete() {
      finish();
    }

    private void finish() {
      String s = kept.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
      result.complete(s.length() > 300 ? s.substring(0, 300) + "..." : s);
    }
  }
}
