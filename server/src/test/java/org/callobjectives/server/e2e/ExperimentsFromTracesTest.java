package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.experiments.Assignment;
import org.callobjectives.server.experiments.Variant;
import org.callobjectives.server.testing.AdminServer;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.TestServer;
import org.callobjectives.server.testing.TraceLiveChannels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty calls from a real Asterisk trace, with experiments running on the support queue and on the
 * sales queue's demo stage: every pop carries the caller's variant's objective, every call row
 * records experiment and variant, the review's figures equal SQL over the rows, and the same
 * callers get the same variants after a restart and after a reload.
 */
class ExperimentsFromTracesTest {
  static final String TRACE = "e_burst_20_calls";
  static final String EXPERIMENTS =
      """

      experiments:
        - id: support-wording
          queue: support
          start: 2020-01-01
          variants:
            - {id: A, objective: support-usage-figures, weight: 50}
            - {id: B, objective: outbound-follow-up, weight: 50}
        - id: demo-wording
          queue: sales
          stage: demo
          start: 2020-01-01
          variants:
            - {id: control, objective: sales-demo-booked, weight: 50}
            - {id: proposal, objective: sales-proposal-review, weight: 50}
      """;

  static final Assignment SUPPORT =
      Assignment.of("support-wording", List.of(new Variant("A", 50), new Variant("B", 50)));
  static final Assignment DEMO =
      Assignment.of(
          "demo-wording", List.of(new Variant("control", 50), new Variant("proposal", 50)));
  static final Map<String, String> OBJECTIVE =
      Map.of(
          "support-wording/A", "support-usage-figures",
          "support-wording/B", "outbound-follow-up",
          "demo-wording/control", "sales-demo-booked",
          "demo-wording/proposal", "sales-proposal-review");

  /** Callers whose disposition had the advance obtained. */
  static final java.util.Set<String> ADVANCED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @TempDir Path tmp;

  @Test
  void everyCallOfATraceGetsAndRecordsItsCallersVariantAndTheReviewEqualsSqlOverTheRows()
      throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    Path cfg = tmp.resolve("config");
    Files.createDirectories(cfg);
    for (String f : new String[] {"server.yaml", "agents.yaml", "objectives.yaml", "lint.yaml"}) {
      Files.copy(TestServer.CONFIG_DIR.resolve(f), cfg.resolve(f));
    }
    Files.writeString(
        cfg.resolve("objectives.yaml"),
        Files.readString(cfg.resolve("objectives.yaml")) + EXPERIMENTS);
    Path db = tmp.resolve("objectives.db");
    Map<String, String> variantOf = new HashMap<>(); // caller -> experiment/variant
    try (AdminServer s = AdminServer.start(tmp, db)) {
      List<CallStarted> pops = replayAndDispose(s);
      assertEquals(18, pops.size(), "the trace connects 18 calls");
      for (CallStarted p : pops) {
        String arm = expected(p.queue(), p.callerNumber());
        variantOf.put(p.callerNumber(), arm);
        assertEquals(
            OBJECTIVE.get(arm),
            p.objective().id(),
            "the pop of " + p.callerNumber() + " on " + p.queue() + " is " + arm + "'s");
      }
      assertTrue(
          variantOf.values().stream().distinct().count() == 4,
          "both variants of both experiments are hit: " + variantOf);

      // The rows, read with plain JDBC: each agent's call carries its caller's variant.
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
          var st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT caller_number, queue, agent_id, experiment_id, experiment_variant"
                      + " FROM calls")) {
        int rows = 0;
        while (rs.next()) {
          rows++;
          if (rs.getString(3) == null) {
            assertNull(rs.getString(4), "an abandoned wait took part in no experiment");
            continue;
          }
          assertEquals(
              expected(rs.getString(2), rs.getString(1)),
              rs.getString(4) + "/" + rs.getString(5),
              "row of " + rs.getString(1));
        }
        assertEquals(20, rows);
      }

      for (String id : List.of("support-wording", "demo-wording")) {
        JsonNode review = json(s.admin("GET", "/api/experiments/" + id, null));
        Map<String, long[]> sql = countsBySql(db, id);
        long total = 0;
        for (JsonNode v : review.get("variants")) {
          long[] want = sql.getOrDefault(v.get("id").asText(), new long[2]);
          assertEquals(want[0], v.get("calls").asLong(), id + " calls of " + v.get("id"));
          assertEquals(want[1], v.get("advances").asLong(), id + " advances of " + v.get("id"));
          assertEquals(
              want[0] == 0 ? 0 : (double) want[1] / want[0], v.get("rate").asDouble(), 1e-12);
          assertTrue(v.get("low").asDouble() <= v.get("rate").asDouble());
          assertTrue(v.get("high").asDouble() >= v.get("rate").asDouble());
          total += want[0];
        }
        assertTrue(total > 0, id + " counted calls");
        assertEquals("NOT_ENOUGH_DATA", review.get("comparisons").get(0).get("verdict").asText());
        assertTrue(
            review.get("summary").asText().startsWith("Not enough calls yet"),
            review.get("summary").asText());
        JsonNode lastDay = review.get("days").get(review.get("days").size() - 1);
        long dayTotal = 0;
        for (JsonNode n : lastDay.get("calls")) {
          dayTotal += n.asLong();
        }
        assertEquals(total, dayTotal, "the last daily look holds every counted call");
      }
      // Supervisors see the review; agents do not.
      assertEquals(
          200, s.send("GET", "/api/experiments", "sam", "demo-supervisor", null).statusCode());
      assertEquals(403, s.send("GET", "/api/experiments", "1001", "demo-1001", null).statusCode());
    }

    // After a restart the same callers get the same variants.
    try (AdminServer again = AdminServer.start(tmp, db)) {
      assertSameVariants(again, variantOf);
      JsonNode anon =
          json(
              again.admin(
                  "GET", "/api/admin/preview?number=anonymous&queue=support&agent=2001", null));
      assertEquals("support-usage-figures", anon.get("objective").get("id").asText());
      assertTrue(anon.get("rule").asText().contains("not counted"), anon.get("rule").asText());

      // After a reload (the file edited: a planned end and a comment), still the same.
      Path file = again.configDir.resolve("objectives.yaml");
      Files.writeString(
          file,
          Files.readString(file)
              .replace(
                  "  - id: support-wording\n",
                  "  # reworded usage-figures ask\n  - id: support-wording\n    end: 2099-12-31\n"));
      HttpResponse<String> reload = again.admin("POST", "/api/admin/reload", "{}");
      assertEquals(200, reload.statusCode(), reload.body());
      assertEquals(
          "2099-12-31",
          json(again.admin("GET", "/api/experiments/support-wording", null))
              .get("plannedEnd")
              .asText());
      assertSameVariants(again, variantOf);
    }
  }

  private static void assertSameVariants(AdminServer s, Map<String, String> variantOf)
      throws Exception {
    for (var e : variantOf.entrySet()) {
      String queue = e.getValue().startsWith("support") ? "support" : "sales";
      String agent = queue.equals("support") ? "2001" : "1001";
      JsonNode p =
          json(
              s.admin(
                  "GET",
                  "/api/admin/preview?number=" + e.getKey() + "&queue=" + queue + "&agent=" + agent,
                  null));
      String variant = e.getValue().substring(e.getValue().indexOf('/') + 1);
      if (!(queue.equals("sales") && ADVANCED.contains(e.getKey()))) {
        assertEquals(
            OBJECTIVE.get(e.getValue()),
            p.get("objective").get("id").asText(),
            "caller " + e.getKey() + " keeps " + e.getValue());
      }
      if (queue.equals("sales") && ADVANCED.contains(e.getKey())) {
        // An advance at demo moved the caller to the proposal stage, where no experiment runs.
        assertEquals("sales-proposal-review", p.get("objective").get("id").asText());
        assertFalse(p.get("rule").asText().contains("experiment"), p.get("rule").asText());
        continue;
      }
      assertTrue(p.get("rule").asText().endsWith("variant " + variant), p.get("rule").asText());
    }
  }

  /** The experiment and variant the caller belongs to, worked out here from the core alone. */
  private static String expected(String queue, String number) {
    return queue.equals("support")
        ? "support-wording/" + SUPPORT.variantFor(number).orElseThrow()
        : "demo-wording/" + DEMO.variantFor(number).orElseThrow();
  }

  /** Per variant: assigned calls with a real disposition, and their advances (plain SQL). */
  private static Map<String, long[]> countsBySql(Path db, String id) throws Exception {
    Map<String, long[]> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        var ps =
            c.prepareStatement(
                "SELECT c.experiment_variant, COUNT(*), SUM(d.advance_obtained) FROM calls c"
                    + " JOIN dispositions d ON d.call_id = c.call_id"
                    + " WHERE c.experiment_id = ? AND d.code <> 'UNDISPOSED'"
                    + " GROUP BY c.experiment_variant")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }
      }
    }
    return out;
  }

  /**
   * Replays the trace with a real agent-bridge per agent and disposes every pop but one (an advance
   * on every other call): the one left has no disposition and must not be counted.
   */
  private static List<CallStarted> replayAndDispose(AdminServer s) throws Exception {
    AmiTrace trace = AmiTrace.load(TraceReplayTest.TRACES, TRACE);
    Map<String, AgentRecorder> recorders = new LinkedHashMap<>();
    Map<String, BridgeClient> clients = new LinkedHashMap<>();
    try {
      for (Agent a : s.server.config().agents()) {
        AgentRecorder r = new AgentRecorder(a.id());
        BridgeClient c = new BridgeClient(s.agentUri(), a.id(), "demo-" + a.id(), null, r);
        c.start();
        r.next(Welcome.class);
        recorders.put(a.id(), r);
        clients.put(a.id(), c);
      }
      try (ScriptedAmiServer ami = ScriptedAmiServer.replaying(trace, TraceReplayTest.SPEED)) {
        ami.wire()
            .setChannelDirectory(new TraceLiveChannels(trace, () -> ami.wire().loginCount() - 1));
        ami.start();
        s.server.connectAmi(
            new AmiServer(
                "trace",
                "127.0.0.1",
                ami.port(),
                AmiWireServer.DEFAULT_USERNAME,
                AmiWireServer.DEFAULT_SECRET));
        assertTrue(ami.awaitDone(Duration.ofSeconds(60)), "replay did not finish");
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      List<CallStarted> pops = new ArrayList<>();
      Map<String, String> agentOf = new HashMap<>();
      while (System.nanoTime() < deadline) {
        pops.clear();
        for (var e : recorders.entrySet()) {
          for (CallStarted p : e.getValue().pops()) {
            pops.add(p);
            agentOf.put(p.callId(), e.getKey());
          }
        }
        if (pops.size() >= 18) {
          break;
        }
        Thread.sleep(50);
      }
      int i = 0;
      for (CallStarted p : pops) {
        if (i++ == pops.size() - 1) {
          break; // left without a disposition: not counted
        }
        boolean advance = i % 2 == 0;
        if (advance) {
          ADVANCED.add(p.callerNumber());
        }
        List<String> done =
            p.objective().checklist().stream()
                .filter(ChecklistItem::required)
                .map(ChecklistItem::id)
                .toList();
        DispositionAck ack =
            clients
                .get(agentOf.get(p.callId()))
                .submit(
                    new DispositionSubmit(
                        null,
                        p.callId(),
                        advance ? "ADVANCE" : "NO_ADVANCE",
                        advance,
                        done,
                        0,
                        List.of(),
                        null,
                        "experiment test"))
                .get(10, TimeUnit.SECONDS);
        assertFalse(ack.duplicate());
      }
      return List.copyOf(pops);
    } finally {
      clients.values().forEach(BridgeClient::close);
    }
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.body());
    return Json.mapper().readTree(r.body());
  }
}
