package org.callobjectives.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.e2e.TraceReplayTest;
import org.callobjectives.server.push.AgentLimits;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.PrometheusParser;
import org.callobjectives.server.testing.PrometheusParser.Family;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.SupervisedServer;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real call from a real Asterisk stream, a real agent client and its disposition, then /metrics
 * read by the Prometheus client's own text parser: the call, the pop, its latency and the
 * disposition are counted, names follow Prometheus conventions, and only a metrics user (or a
 * supervisor or admin) may read it.
 */
class MetricsScrapeTest {
  @TempDir Path dir;

  @Test
  void aCallItsPopAndItsDispositionAreCountedInAScrapeThatAPrometheusParserReads()
      throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    AgentRecorder alice = new AgentRecorder("1001");
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofMinutes(2));
        BridgeClient client = new BridgeClient(ss.agentUri(), "1001", "demo-1001", null, alice);
        ScriptedAmiServer ami =
            ScriptedAmiServer.replaying(
                    AmiTrace.load(TraceReplayTest.TRACES, "a_sales_caller_hangup"), 0.5)
                .start()) {
      client.start();
      alice.await(Welcome.class, 10);
      ss.server.connectAmi(TestServer.link("pbx1", ami.port()));
      CallStarted pop = alice.await(CallStarted.class, 20);
      alice.await(CallEnded.class, 20);
      client
          .submit(
              new DispositionSubmit(
                  null, pop.callId(), "SALE", true, List.of(), 1, List.of("annual plan"), 90, null))
          .get(10, TimeUnit.SECONDS);

      List<Family> m = scrape(ss);
      assertEquals(1, value(m, "callobjectives_pops_total", Map.of()));
      assertEquals(
          1,
          value(
              m,
              "callobjectives_calls_total",
              Map.of("queue", "sales", "direction", "queue", "outcome", "completed")));
      assertEquals(
          1,
          value(m, "callobjectives_dispositions_total", Map.of("code", "SALE", "late", "false")));
      assertEquals(1, value(m, "callobjectives_pop_latency_seconds_count", Map.of()));
      assertTrue(value(m, "callobjectives_pop_latency_seconds_sum", Map.of()) > 0);
      assertEquals(1, value(m, "callobjectives_ami_link_up", Map.of("link", "pbx1")));
      assertTrue(value(m, "callobjectives_ami_events_total", Map.of("link", "pbx1")) > 10);
      assertEquals(1, value(m, "callobjectives_clients_connected", Map.of("client", "agent")));
      assertEquals(1, value(m, "callobjectives_call_tracking_up", Map.of()));
      assertEquals(1, value(m, "callobjectives_store_writable", Map.of()));
      assertEquals(0, value(m, "callobjectives_store_backlog", Map.of("kind", "call_rows")));
      assertEquals(0, value(m, "callobjectives_undisposed_total", Map.of()));
      // Alice is in wrap-up or ready again; the other demo agents are offline.
      double agents = 0;
      for (String st : List.of("ready", "ringing", "on_call", "wrap_up", "paused", "offline")) {
        agents += value(m, "callobjectives_agents", Map.of("state", st));
      }
      assertEquals(ss.server.agentDay().states().size(), agents);

      // Every figure the Grafana dashboard in ops/ queries is in the scrape.
      Set<String> names = new java.util.HashSet<>();
      m.forEach(f -> f.samples().forEach(x -> names.add(x.name())));
      String dashboard = Files.readString(Path.of("..", "ops", "grafana-dashboard.json"));
      var used = java.util.regex.Pattern.compile("callobjectives_[a-z_]+").matcher(dashboard);
      int checked = 0;
      while (used.find()) {
        String name = used.group();
        if (name.equals("callobjectives_outbox_reader_up")
            || name.startsWith("callobjectives_webhook_")) {
          continue; // only with outbox readers and webhooks (see WebhookDeliveryTest)
        }
        assertTrue(names.contains(name), "the dashboard's " + name + " is scraped");
        checked++;
      }
      assertTrue(checked > 20, "the dashboard was read: " + checked);

      // /health counts pops as pops, beside every message sent.
      var health =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(ss.get("/health", null, null, null).body());
      assertEquals(1, health.get("pops").asInt());
      assertTrue(health.get("messagesToAgents").asInt() > 1, health.toString());
    }
  }

  @Test
  void namesFollowPrometheusConventionsAndNoSeriesNamesACallerOrAnAgent() throws Exception {
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofMinutes(2))) {
      List<Family> m = scrape(ss);
      Set<String> forbidden = Set.of("agent", "agent_id", "caller", "caller_number", "number");
      int ours = 0;
      for (Family f : m) {
        if (!f.name().startsWith("callobjectives_")) {
          assertTrue(
              f.name().startsWith("jvm_") || f.name().startsWith("process_"),
              "only our prefix and the JVM's: " + f.name());
          continue;
        }
        ours++;
        assertFalse(f.help().isBlank(), f.name() + " has a help text");
        assertTrue(f.name().matches("[a-z_]+"), f.name());
        assertFalse(
            f.name().matches(".*_(ms|millis|milliseconds|minutes)$"), "base units: " + f.name());
        for (var s : f.samples()) {
          if (f.type().equals("counter")) {
            assertTrue(s.name().endsWith("_total"), "a counter's sample ends in _total: " + s);
          }
          for (String label : s.labels().keySet()) {
            assertFalse(forbidden.contains(label), "no caller or agent label: " + s);
          }
        }
      }
      assertTrue(ours >= 12, "our figures are there (no AMI link yet): " + ours);
    }
  }

  @Test
  void agentMessagesRefusedAsRateLimitedAreCountedByKind() throws Exception {
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofMinutes(2));
        RawAgentSocket bob = new RawAgentSocket(ss.agentUri())) {
      bob.send(new Hello("1002", "demo-1002", "test"));
      bob.next(Welcome.class);
      // A client that sends nothing but garbage: 20 at once are answered, the 21st is limited.
      int other = AgentLimits.DEFAULTS.limits().get(AgentLimits.Kind.OTHER).burst();
      for (int i = 0; i <= other; i++) {
        bob.sendText("{oops");
      }
      // (The agent's figures come on sign-in too, in between: skipped.)
      for (int i = 0; i < other; i++) {
        assertEquals(ErrorMessage.BAD_REQUEST, bob.poll(ErrorMessage.class, 10_000).code());
      }
      assertEquals(ErrorMessage.RATE_LIMITED, bob.poll(ErrorMessage.class, 10_000).code());

      List<Family> m = scrape(ss);
      assertEquals(
          1, value(m, "callobjectives_agent_messages_refused_total", Map.of("kind", "other")));
      for (String kind : List.of("disposition", "checklist_progress", "proposal")) {
        assertEquals(
            0, value(m, "callobjectives_agent_messages_refused_total", Map.of("kind", kind)));
      }
      var health =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(ss.get("/health", null, null, null).body());
      assertEquals(1, health.get("agentMessagesRefused").get("other").asInt(), health.toString());
    }
  }

  @Test
  void onlyAMetricsUserASupervisorOrAnAdminMayReadIt() throws Exception {
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofMinutes(2))) {
      assertEquals(401, ss.get("/metrics", null, null, null).statusCode());
      assertEquals(401, ss.get("/metrics", "prometheus", "wrong", null).statusCode());
      assertEquals(403, ss.get("/metrics", "lobby-tv", "demo-wallboard", null).statusCode());
      assertEquals(403, ss.get("/metrics", "1001", "demo-1001", null).statusCode());
      assertEquals(200, ss.get("/metrics", "sam", "demo-supervisor", null).statusCode());
      HttpResponse<String> ok = ss.get("/metrics", "prometheus", "demo-metrics", null);
      assertEquals(200, ok.statusCode());
      assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      // The metrics user may read nothing else.
      assertEquals(403, ss.get("/api/stats/live", "prometheus", "demo-metrics", null).statusCode());
      assertEquals(403, ss.get("/supervisor", "prometheus", "demo-metrics", null).statusCode());
    }
  }

  private static List<Family> scrape(SupervisedServer ss) throws Exception {
    HttpResponse<String> r = ss.get("/metrics", "prometheus", "demo-metrics", null);
    assertEquals(200, r.statusCode(), r.body());
    return PrometheusParser.parse(r.body());
  }

  private static double value(List<Family> m, String name, Map<String, String> labels) {
    return PrometheusParser.value(m, name, labels);
  }
}
