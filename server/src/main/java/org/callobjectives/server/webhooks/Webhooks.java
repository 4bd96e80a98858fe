package org.callobjectives.server.webhooks;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.config.Webhook;
import org.callobjectives.server.domain.Threads;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.store.OutboxDispatcher;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.store.WebhookFailures;
import org.callobjectives.server.web.HttpResponses;
import org.callobjectives.server.web.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM webhooks of server.yaml: one durable outbox reader each (its own place in the outbox, so
 * a failing CRM holds up no other), delivering from one node at a time (on PostgreSQL a lease per
 * webhook; another node takes over within a second or two of the holder stopping), with its figures
 * for /health, the admin page and metrics ({@link WebhookStats}).
 */
public final class Webhooks implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

  /** The outbox readers' (and leases') names: this prefix and the webhook's name. */
  public static final String PREFIX = "webhook:";

  static final long CLAIM_EVERY_MS = 1000;
  static final long COUNT_EVERY_MS = 2000;

  /** The admin API route listing webhooks and their recent permanent failures. */
  public static final String API = "/api/admin/webhooks";

  private final Store store;
  private final Clock clock;
  private final Map<String, Running> running = new LinkedHashMap<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Threads.daemon("webhooks"));
  private volatile boolean closed;

  /** One configured webhook: its figures, client and, while this node delivers it, dispatcher. */
  private static final class Running {
    final Webhook hook;
    final WebhookStats stats;
    final ExecutorService httpThreads;
    final HttpClient http;
    volatile OutboxDispatcher dispatcher;

    Running(Webhook hook) {
      this.hook = hook;
      this.stats = new WebhookStats(hook.name());
      this.httpThreads = Executors.newCachedThreadPool(Threads.daemon("webhook-" + hook.name()));
      this.http =
          HttpClient.newBuilder()
              .connectTimeout(hook.timeout())
              .followRedirects(HttpClient.Redirect.NEVER)
              .version(HttpClient.Version.HTTP_1_1)
              .executor(httpThreads)
              .build();
    }

    String reader() {
      return PREFIX + hook.name();
    }
  }

  public Webhooks(List<Webhook> hooks, Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
    for (Webhook h : hooks) {
      running.put(h.name(), new Running(h));
    }
  }

  /**
   * Forgets the outbox places of webhooks no longer configured, starts delivering the webhooks no
   * other node delivers, and from then on takes over those whose node stops.
   */
  public void start() {
    Set<String> keep =
        running.values().stream().map(Running::reader).collect(Collectors.toUnmodifiableSet());
    try {
      for (String gone : store.forgetOutboxReaders(PREFIX, keep).get(30, TimeUnit.SECONDS)) {
        log.warn(
            "{} is no longer in server.yaml: its place in the outbox is forgotten (its events are"
                + " no longer kept for it)",
            gone);
      }
    } catch (Exception e) {
      log.warn("could not forget the places of removed webhooks: {}", e.toString());
    }
    if (running.isEmpty()) {
      return;
    }
    claim();
    scheduler.scheduleWithFixedDelay(
        this::claim, CLAIM_EVERY_MS, CLAIM_EVERY_MS, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::count, 0, COUNT_EVERY_MS, TimeUnit.MILLISECONDS);
  }

  /** Starts each webhook whose lease is free; notes who delivers the others. */
  private synchronized void claim() {
    for (Running r : running.values()) {
      if (closed) {
        return;
      }
      if (r.dispatcher != null) {
        continue;
      }
      String lease = r.reader();
      try {
        if (!store.leases().tryTake(lease)) {
          String holder = store.leases().holder(lease);
          r.stats.deliveredBy(holder == null ? "another node" : holder);
          continue;
        }
        WebhookSender sender =
            new WebhookSender(
                r.hook,
                r.http,
                store.webhookFailures(),
                r.stats,
                new RetryPolicy(
                    r.hook.retryFirst(),
                    r.hook.retryMax(),
                    () -> ThreadLocalRandom.current().nextDouble()),
                clock);
        r.dispatcher = store.dispatch(lease, true, sender);
        r.stats.deliveredBy("this node");
        log.info(
            "webhook {}: delivering {} to {} from this node",
            r.hook.name(),
            r.hook.eventList(),
            r.hook.safeUrl());
      } catch (SQLException | RuntimeException e) {
        store.leases().release(lease);
        log.warn("webhook {}: cannot start yet ({}); trying again", r.hook.name(), e.toString());
      }
    }
  }

  /** Counts each webhook's backlog (on the store's reader thread). */
  private void count() {
    for (Running r : running.values()) {
      if (closed) {
        return;
      }
      try {
        Long n = store.outboxBacklog(r.reader(), r.hook.events()).get(10, TimeUnit.SECONDS);
        r.stats.backlog(n == null ? -1 : n);
      } catch (Exception e) {
        // the database is away: the last count stands, the store's health says why
      }
    }
  }

  /** Each webhook's figures on this node, in configuration order. */
  public List<WebhookStats> stats() {
    return running.values().stream().map(r -> r.stats).toList();
  }

  /** One webhook's figures, or null when no webhook has that name. */
  public WebhookStats stats(String name) {
    Running r = running.get(name);
    return r == null ? null : r.stats;
  }

  /** For /health: each webhook's state, by name. */
  public Map<String, Object> health() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Running r : running.values()) {
      out.put(r.hook.name(), view(r));
    }
    return out;
  }

  private Map<String, Object> view(Running r) {
    WebhookStats s = r.stats;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.hook.name());
    m.put("url", r.hook.safeUrl());
    m.put("events", r.hook.eventList());
    m.put("deliveredBy", s.deliveredBy());
    m.put("state", state(r));
    m.put("delivered", s.delivered());
    m.put("failedPermanently", s.failedPermanently());
    m.put("retries", s.retries());
    m.put("backlog", s.backlog() < 0 ? null : s.backlog());
    m.put("lastSuccessAt", time(s.lastSuccessAtMillis()));
    m.put("lastError", s.lastError());
    m.put("lastErrorAt", time(s.lastErrorAtMillis()));
    m.put("problem", s.problem());
    m.put("problemSince", time(s.problemSinceMillis()));
    m.put("nextAttemptAt", time(s.nextAttemptAtMillis()));
    return m;
  }

  private static String state(Running r) {
    if (r.dispatcher == null) {
      return "delivered by " + r.stats.deliveredBy();
    }
    return r.stats.problem() != null ? "retrying" : "ok";
  }

  private static String time(long millis) {
    return millis <= 0 ? null : Instant.ofEpochMilli(millis).toString();
  }

  /** Each webhook's state and the newest permanent failures (of every node), for the admin page. */
  public CompletableFuture<Map<String, Object>> overview(int failures) {
    WebhookFailures f = store.webhookFailures();
    return f.counts()
        .thenCombine(
            f.recent(null, failures),
            (counts, recent) -> {
              List<Map<String, Object>> hooks = new ArrayList<>();
              for (Running r : running.values()) {
                Map<String, Object> v = view(r);
                v.put("failuresOnRecord", counts.getOrDefault(r.hook.name(), 0L));
                hooks.add(v);
              }
              List<Map<String, Object>> rows = new ArrayList<>();
              for (WebhookFailures.Failure x : recent) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", x.id());
                m.put("webhook", x.webhook());
                m.put("failedAt", time(x.failedAtMillis()));
                m.put("type", x.kind());
                m.put("callId", x.callId());
                m.put("idempotencyKey", x.idempotencyKey());
                m.put("httpStatus", x.httpStatus());
                m.put("error", x.error());
                m.put("attempts", x.attempts());
                m.put("node", x.node());
                m.put("payload", x.payload());
                rows.add(m);
              }
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("webhooks", hooks);
              out.put("failures", rows);
              return out;
            });
  }

  /** {@code GET /api/admin/webhooks} (admins): read-only. */
  public List<Route> routes() {
    return List.of(
        Route.get(
            API,
            Role.ADMIN,
            c -> {
              int limit = 50;
              String l = c.query("limit");
              if (l != null) {
                try {
                  limit = Math.max(1, Math.min(500, Integer.parseInt(l.strip())));
                } catch (NumberFormatException e) {
                  HttpResponses.error(
                      c.ctx(), c.req(), HttpResponseStatus.BAD_REQUEST, "limit must be a number");
                  return;
                }
              }
              answer(c.ctx(), c.req(), overview(limit));
            }));
  }

  private static void answer(
      ChannelHandlerContext ctx, FullHttpRequest req, CompletableFuture<?> f) {
    req.retain();
    f.whenComplete(
        (v, err) -> {
          try {
            if (err != null) {
              log.warn("{} failed: {}", API, err.toString());
              HttpResponses.error(
                  ctx, req, HttpResponseStatus.SERVICE_UNAVAILABLE, "cannot read: " + err);
            } else {
              HttpResponses.json(
                  ctx, req, HttpResponseStatus.OK, Json.mapper().writeValueAsString(v));
            }
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            HttpResponses.error(ctx, req, HttpResponseStatus.INTERNAL_SERVER_ERROR, e.toString());
          } finally {
            req.release();
          }
        });
  }

  /** Stops delivering (the event in flight is offered again by whoever delivers next). */
  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    synchronized (this) {
      for (Running r : running.values()) {
        OutboxDispatcher d = r.dispatcher;
        if (d != null) {
          d.close();
          r.dispatcher = null;
          store.leases().release(r.reader());
        }
        r.httpThreads.shutdownNow();
      }
    }
  }
}
