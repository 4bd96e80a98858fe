package org.callobjectives.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Webhook;
import org.callobjectives.server.e2e.TraceReplayTest;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.TestServer;
import org.callobjectives.server.testing.WebhookReceiver;
import org.callobjectives.server.testing.WebhookReceiver.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CRM webhooks end to end on SQLite: a real server, Alice's real agent socket and a recorded
 * Asterisk call, and a real HTTP receiver in the test that accepts, fails or answers slowly.
 */
class WebhookDeliveryTest {
  static final String SECRET = "whsec-0123456789abcdef";
  static final String TRACE = "a_sales_caller_hangup";
  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  WebhookReceiver crm;
  ObjectivesServer server;
  RawAgentSocket alice;
  final List<AutoCloseable> open = new ArrayList<>();
  final Map<String, CallStarted> pops = new java.util.HashMap<>();
  int links;

  @BeforeEach
  void receiver() throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    crm = WebhookReceiver.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (alice != null) {
      alice.close();
    }
    if (server != null) {
      server.close();
    }
    for (AutoCloseable c : open) {
      c.close();
    }
    if (crm != null) {
      crm.close();
    }
  }

  /** A webhook to the test's receiver, with short retries. */
  Webhook hook(Set<String> events) {
    return new Webhook("crm", crm.uri(), SECRET, events)
        .withTimeout(Duration.ofSeconds(2))
        .withRetry(Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  /** The shipped example config on a SQLite file in the test's folder, with these webhooks. */
  ObjectivesServer start(Webhook... hooks) throws Exception {
    Path db = dir.resolve("objectives.db");
    Config c = TestServer.exampleConfig(db, Duration.ofMinutes(2));
    Config cfg = c.withServer(c.server().withWebhooks(List.of(hooks)));
    // With /metrics, as Main wires it: refusals show in the scrape too.
    var metrics = new org.callobjectives.server.metrics.ServerMetrics(Clock.systemUTC());
    Store store = Store.open(db);
    ObjectivesServer s =
        new ObjectivesServer(cfg, store, Clock.systemUTC(), List.of(metrics.callListener()));
    org.callobjectives.server.Modules.metrics(s, null, store, metrics);
    s.start(List.of());
    server = s;
    alice = new RawAgentSocket(URI.create("ws://127.0.0.1:" + s.address().getPort() + "/agent"));
    alice.send(new Hello("1001", "demo-1001", "test"));
    assertEquals("1001", alice.next(Welcome.class).agentId());
    return s;
  }

  /** Alice answers a recorded sales call on a new AMI link; returns its id once it ended. */
  String call() throws Exception {
    ScriptedAmiServer ami =
        ScriptedAmiServer.replaying(AmiTrace.load(TraceReplayTest.TRACES, TRACE), 20).start();
    open.add(ami);
    server.connectAmi(TestServer.link("pbx" + ++links, ami.port()));
    CallStarted pop = alice.next(CallStarted.class);
    pops.put(pop.callId(), pop);
    assertEquals(pop.callId(), alice.next(CallEnded.class).callId());
    return pop.callId();
  }

  DispositionSubmit sale(String callId) {
    return new DispositionSubmit(
        "req-" + callId,
        callId,
        "SALE",
        true,
        pops.get(callId).objective().checklist().stream().map(i -> i.id()).toList(),
        2,
        List.of("annual plan"),
        92,
        "booked for Tuesday");
  }

  /** Submits and returns how long the ack took, in ms. */
  long dispose(String callId) throws Exception {
    long t = System.nanoTime();
    alice.send(sale(callId));
    DispositionAck ack = alice.next(DispositionAck.class);
    assertFalse(ack.duplicate());
    return (System.nanoTime() - t) / 1_000_000;
  }

  static JsonNode json(WebhookReceiver.Request r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  /** The signature as a receiver computes it, without the server's code. */
  static String expectedSignature(String timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] h = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    return "sha256=" + HexFormat.of().formatHex(h);
  }

  List<WebhookReceiver.Request> requestsFor(String key) {
    return crm.requests().stream().filter(r -> key.equals(r.key())).toList();
  }

  @Test
  void aStoredDispositionReachesTheCrmSignedWithAStableIdempotencyKey() throws Exception {
    start(hook(Set.of(Webhook.DISPOSITION, Webhook.CALL_ENDED)));
    String callId = call();
    WebhookReceiver.Request ended = crm.awaitAccepted(Webhook.CALL_ENDED, callId, WAIT);
    dispose(callId);
    WebhookReceiver.Request r = crm.awaitAccepted(Webhook.DISPOSITION, callId, WAIT);

    assertEquals("POST", r.method());
    assertEquals("/crm/hooks", r.path());
    assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
    assertTrue(r.header("User-Agent").startsWith("CallObjectives-Webhooks/"));
    assertEquals("crm", r.header("X-CallObjectives-Webhook"));
    String ts = r.header("X-CallObjectives-Timestamp");
    assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(ts)) < 60, ts);
    assertEquals(expectedSignature(ts, r.body()), r.header("X-CallObjectives-Signature"));
    assertTrue(
        WebhookSignature.verify(
            SECRET,
            ts,
            r.header("X-CallObjectives-Signature"),
            r.body().getBytes(StandardCharsets.UTF_8),
            System.currentTimeMillis() / 1000,
            300));
    assertFalse(
        WebhookSignature.verify(
            "another-secret-0123456789",
            ts,
            r.header("X-CallObjectives-Signature"),
            r.body().getBytes(StandardCharsets.UTF_8),
            System.currentTimeMillis() / 1000,
            300),
        "another secret does not verify");
    assertEquals(WebhookPayload.key("disposition", callId), r.key(), "kind and call: node-free");
    assertFalse(r.key().equals(ended.key()), "one key per event");

    JsonNode d = json(r);
    assertEquals(r.key(), d.get("id").asText());
    assertEquals("disposition", d.get("type").asText());
    assertEquals(1, d.get("schemaVersion").asInt());
    assertEquals(callId, d.get("callId").asText());
    assertEquals("1001", d.get("agentId").asText());
    assertEquals("sales", d.get("queue").asText());
    assertEquals("queue", d.get("direction").asText());
    assertEquals("pbx1", d.get("server").asText());
    assertEquals("sales-demo-booked", d.get("objective").get("id").asText());
    assertFalse(d.get("objective").get("title").asText().isBlank());
    assertEquals("15551230001", d.get("caller").get("number").asText());
    assertNotNull(d.get("call").get("endedAt").textValue());
    assertNotNull(d.get("occurredAt").textValue());
    JsonNode disp = d.get("disposition");
    assertEquals("SALE", disp.get("code").asText());
    assertFalse(disp.get("label").asText().isBlank());
    assertTrue(disp.get("flags").toString().contains("\"sale\""), disp.toString());
    assertTrue(disp.get("advanceObtained").asBoolean());
    assertFalse(disp.get("late").asBoolean());
    assertEquals(pops.get(callId).objective().checklist().size(), disp.get("checklistDone").size());
    assertEquals("annual plan", disp.get("upsellNotes").get(0).asText());
    assertEquals(92, disp.get("csat").asInt());
    assertEquals("booked for Tuesday", disp.get("notes").asText());

    JsonNode e = json(ended);
    assertEquals("call_ended", e.get("type").asText());
    assertEquals("1001", e.get("agentId").asText());
    assertNotNull(e.get("call").get("outcome").textValue());
    assertTrue(e.get("call").get("talkSeconds").asLong() >= 0);
    assertNotNull(e.get("wrapUpDeadline").textValue());

    WebhookStats stats = server.webhooks().stats("crm");
    awaitTrue(() -> stats.delivered() == 2, "delivered: " + stats.delivered());
    assertEquals(0, stats.retries());
    assertEquals("this node", stats.deliveredBy());
    assertTrue(stats.lastSuccessAtMillis() > 0);
    @SuppressWarnings("unchecked")
    Map<String, Object> health =
        (Map<String, Object>) ((Map<String, Object>) server.health().get("webhooks")).get("crm");
    assertEquals(2L, health.get("delivered"));
    assertEquals("ok", health.get("state"));
    assertEquals(List.of("disposition", "call_ended"), health.get("events"));
    assertFalse(server.health().toString().contains(SECRET));
  }

  @Test
  void aFailingCrmGetsTheSameEventAgainWithBackoffAndAcceptsItOnce() throws Exception {
    crm.answering(
        (headers, body, n) ->
            switch (n) {
              case 1 -> Answer.status(500);
              case 2 -> new Answer(429, 0, Map.of("Retry-After", "1"));
              case 3 -> Answer.status(503);
              default -> Answer.ok();
            });
    start(hook(Set.of(Webhook.DISPOSITION)));
    String callId = call();
    dispose(callId);
    WebhookReceiver.Request ok = crm.awaitAccepted(Webhook.DISPOSITION, callId, WAIT);
    Thread.sleep(500); // nothing more comes
    List<WebhookReceiver.Request> all = requestsFor(ok.key());
    assertEquals(
        List.of(500, 429, 503, 200), all.stream().map(WebhookReceiver.Request::status).toList());
    assertEquals(1, crm.accepted().size(), crm.summary());
    for (int i = 0; i < all.size(); i++) {
      assertEquals(ok.body(), all.get(i).body(), "the same bytes every time");
      assertEquals(String.valueOf(i + 1), all.get(i).header("X-CallObjectives-Attempt"));
      assertEquals(
          expectedSignature(all.get(i).header("X-CallObjectives-Timestamp"), all.get(i).body()),
          all.get(i).header("X-CallObjectives-Signature"));
    }
    long[] gaps = new long[3];
    for (int i = 0; i < 3; i++) {
      gaps[i] = (all.get(i + 1).receivedAtNanos() - all.get(i).receivedAtNanos()) / 1_000_000;
    }
    assertTrue(gaps[0] >= 45, "first retry after half to all of 100 ms: " + gaps[0]);
    assertTrue(gaps[1] >= 990, "Retry-After: 1 honoured: " + gaps[1]);
    assertTrue(gaps[2] >= 190, "third retry after half to all of 400 ms: " + gaps[2]);
    WebhookStats stats = server.webhooks().stats("crm");
    awaitTrue(() -> stats.delivered() == 1, "delivered: " + stats.delivered());
    assertEquals(3, stats.retries());
    assertEquals(4, stats.attempts());
    assertNull(stats.problem(), "nothing holds it up any more");
    assertTrue(stats.lastError().contains("HTTP 503"), stats.lastError());
  }

  @Test
  void aSlowCrmIsRetriedAfterTheTimeoutAndNeverDelaysTheAgentsAck() throws Exception {
    // Every event's first attempt is answered after 3 s, past the webhook's 0.5 s timeout.
    crm.answering((headers, body, n) -> n == 1 ? Answer.slow(200, 3000) : Answer.ok());
    start(
        hook(Set.of(Webhook.DISPOSITION, Webhook.CALL_ENDED)).withTimeout(Duration.ofMillis(500)));
    String callId = call();
    // the slow answer is under way
    crm.awaitArrival(r -> Webhook.CALL_ENDED.equals(r.type()), WAIT);
    long ackMillis = dispose(callId);
    assertTrue(ackMillis < 400, "the ack took " + ackMillis + " ms while the CRM was stuck");
    crm.awaitAccepted(Webhook.DISPOSITION, callId, WAIT);
    WebhookReceiver.Request ended = crm.awaitAccepted(Webhook.CALL_ENDED, callId, WAIT);
    assertTrue(ended.attemptForKey() >= 2, "retried after the timeout");
    WebhookStats stats = server.webhooks().stats("crm");
    awaitTrue(() -> stats.delivered() == 2, "both delivered");
    assertTrue(stats.retries() >= 2, "retries " + stats.retries());
    assertTrue(stats.lastError().contains("timed out"), stats.lastError());
  }

  @Test
  void aRefusedEventIsRecordedShownToAdminsAndTheNextEventStillGoesOut() throws Exception {
    crm.answering(
        (headers, body, n) ->
            Webhook.CALL_ENDED.equals(headers.get("x-callobjectives-event"))
                ? Answer.status(422)
                : Answer.ok());
    start(hook(Set.of(Webhook.DISPOSITION, Webhook.CALL_ENDED)));
    String callId = call();
    dispose(callId);
    crm.awaitAccepted(Webhook.DISPOSITION, callId, WAIT);
    String endedKey = WebhookPayload.key(Webhook.CALL_ENDED, callId);
    assertEquals(1, requestsFor(endedKey).size(), "a 4xx is not retried");
    WebhookStats stats = server.webhooks().stats("crm");
    awaitTrue(() -> stats.delivered() == 1, "delivered: " + stats.delivered());
    assertEquals(1, stats.failedPermanently());

    HttpResponse<String> anonymous = get("/api/admin/webhooks", null);
    assertEquals(401, anonymous.statusCode());
    assertEquals(403, get("/api/admin/webhooks", "sam:demo-supervisor").statusCode());
    HttpResponse<String> res = get("/api/admin/webhooks", "ada:demo-admin");
    assertEquals(200, res.statusCode(), res.body());
    assertFalse(res.body().contains(SECRET));
    JsonNode view = Json.mapper().readTree(res.body());
    JsonNode hook = view.get("webhooks").get(0);
    assertEquals("crm", hook.get("name").asText());
    assertEquals(1, hook.get("failedPermanently").asInt());
    assertEquals(1, hook.get("failuresOnRecord").asInt());
    assertEquals(1, hook.get("delivered").asInt());
    JsonNode f = view.get("failures").get(0);
    assertEquals("crm", f.get("webhook").asText());
    assertEquals(422, f.get("httpStatus").asInt());
    assertEquals("call_ended", f.get("type").asText());
    assertEquals(callId, f.get("callId").asText());
    assertEquals(endedKey, f.get("idempotencyKey").asText());
    assertTrue(f.get("error").asText().startsWith("HTTP 422"), f.get("error").asText());
    assertTrue(f.get("payload").asText().contains(callId));

    // And in the scrape, as a Prometheus parser reads it.
    HttpResponse<String> scrape = get("/metrics", "prometheus:demo-metrics");
    assertEquals(200, scrape.statusCode());
    var m = org.callobjectives.server.testing.PrometheusParser.parse(scrape.body());
    Map<String, String> crmLabel = Map.of("webhook", "crm");
    assertEquals(
        1.0,
        org.callobjectives.server.testing.PrometheusParser.value(
            m, "callobjectives_webhook_refused_total", crmLabel));
    assertEquals(
        1.0,
        org.callobjectives.server.testing.PrometheusParser.value(
            m, "callobjectives_webhook_deliveries_total", crmLabel));
    assertEquals(
        1.0,
        org.callobjectives.server.testing.PrometheusParser.value(
            m, "callobjectives_outbox_reader_up", Map.of("reader", "webhook:crm")));
  }

  @Test
  void afterARestartDeliveryGoesOnFromWhereItStopped() throws Exception {
    // The CRM takes call ends but cannot take dispositions while this server runs.
    crm.answering(
        (headers, body, n) ->
            Webhook.DISPOSITION.equals(headers.get("x-callobjectives-event"))
                ? Answer.status(503)
                : Answer.ok());
    Webhook hook = hook(Set.of(Webhook.DISPOSITION, Webhook.CALL_ENDED));
    start(hook);
    String first = call();
    crm.awaitAccepted(Webhook.CALL_ENDED, first, WAIT);
    dispose(first);
    crm.await(r -> Webhook.DISPOSITION.equals(r.type()), WAIT);
    alice.close();
    alice = null;
    server.close();
    server = null;

    crm.answering((headers, body, n) -> Answer.ok());
    start(hook);
    crm.awaitAccepted(Webhook.DISPOSITION, first, WAIT);
    String second = call();
    crm.awaitAccepted(Webhook.CALL_ENDED, second, WAIT);
    dispose(second);
    crm.awaitAccepted(Webhook.DISPOSITION, second, WAIT);
    Thread.sleep(500);
    assertEquals(4, crm.accepted().size(), "each event accepted once: " + crm.summary());
    assertEquals(4, crm.accepted().stream().map(WebhookReceiver.Request::key).distinct().count());
  }

  static void awaitTrue(java.util.function.BooleanSupplier p, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!p.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      Thread.sleep(20);
    }
  }

  HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path));
    if (user != null) {
      b.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
