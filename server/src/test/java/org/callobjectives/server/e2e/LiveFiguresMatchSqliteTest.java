package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.AgentStats;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.SupervisedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real traces replayed to a real server with real agent-bridge clients and varied dispositions
 * (some missed): the live running aggregates equal the same figures computed independently from
 * SQLite.
 */
class LiveFiguresMatchSqliteTest {
  static final Path TRACES = TraceReplayTest.TRACES;
  static final List<String> SCENARIOS =
      List.of(
          "a_sales_caller_hangup",
          "b_support_agent_hangup",
          "c_abandon_while_ringing",
          "d_outbound_agent_dials",
          "e_burst_20_calls",
          "g_blind_transfer_to_other_queue");

  @TempDir Path dir;

  /** Every message an agent-bridge client reports, in order. */
  @Test
  void liveAggregatesEqualTheFiguresComputedFromTheSqliteRows() throws Exception {
    assumeTrue(
        Files.isDirectory(TRACES),
        "AMI traces not found at " + TRACES.toAbsolutePath() + ": skipped");
    List<ScriptedAmiServer> amis = new ArrayList<>();
    List<BridgeClient> clients = new ArrayList<>();
    Map<String, AgentRecorder> inboxes = new TreeMap<>();
    Map<String, Map<String, Object>> beforeRestart;
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofSeconds(3))) {
      for (Agent a : ss.server.config().agents()) {
        AgentRecorder in = new AgentRecorder(a.id());
        BridgeClient c = new BridgeClient(ss.agentUri(), a.id(), "demo-" + a.id(), null, in);
        c.start();
        in.next(Welcome.class);
        inboxes.put(a.id(), in);
        clients.add(c);
      }
      int expectedCalls = 0;
      for (String name : SCENARIOS) {
        AmiTrace trace = AmiTrace.load(TRACES, name);
        expectedCalls +=
            TraceReplayTest.expected(
                    Json.mapper().readTree(TRACES.resolve(name + ".truth.json").toFile()),
                    ss.server.config())
                .size();
        ScriptedAmiServer ami = ScriptedAmiServer.replaying(trace, 20).start();
        amis.add(ami);
        ss.server.connectAmi(
            new AmiServer(
                name.substring(0, 1),
                "127.0.0.1",
                ami.port(),
                AmiWireServer.DEFAULT_USERNAME,
                AmiWireServer.DEFAULT_SECRET));
      }
      for (ScriptedAmiServer ami : amis) {
        assertTrue(ami.awaitDone(Duration.ofSeconds(60)), "replay did not finish");
      }
      awaitSql(ss, "SELECT count(*) FROM calls WHERE outcome <> 'CONNECTED'", expectedCalls);

      // Varied dispositions: codes from the call's own list, compliance items sometimes missed,
      // 0..2 upsell opportunities, CSAT sometimes absent, every 7th call left for the wrap-up to
      // expire.
      int i = 0;
      int skipped = 0;
      for (var e : inboxes.entrySet()) {
        for (CallStarted s : e.getValue().pops()) {
          i++;
          if (i % 7 == 0) {
            skipped++;
            continue;
          }
          List<String> done = new ArrayList<>();
          for (ChecklistItem item : s.objective().checklist()) {
            if (item.required()
                && !(item.kind() == ChecklistKind.COMPLIANCE && i % 3 == 0 && done.size() < 2)) {
              done.add(item.id());
            }
          }
          var picked = s.dispositionCodes().get(i % s.dispositionCodes().size());
          String code = picked.code();
          boolean advance = picked.advance() != null ? picked.advance() : i % 2 == 0;
          int upsell = i % 3;
          clients.stream()
              .filter(c -> c.agentId().equals(e.getKey()))
              .findFirst()
              .orElseThrow()
              .submit(
                  new DispositionSubmit(
                      null,
                      s.callId(),
                      code,
                      advance,
                      done,
                      upsell,
                      upsell > 0 ? List.of("needs the bigger plan") : List.of(),
                      i % 4 == 0 ? null : 50 + (i * 7) % 51,
                      "call " + i))
              .get(10, TimeUnit.SECONDS);
        }
      }
      assertTrue(skipped > 0, "some calls are left undisposed");
      // Every answered call ends up with a disposition or an UNDISPOSED row (after the 3 s
      // wrap-up).
      awaitSql(
          ss,
          """
          SELECT count(*) FROM calls c WHERE c.agent_id IS NOT NULL AND c.connected_at IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM dispositions d WHERE d.call_id = c.call_id)""",
          0);
      awaitSql(ss, "SELECT count(*) FROM dispositions WHERE code = 'UNDISPOSED'", skipped);

      JsonNode live = null;
      Map<String, Map<String, Object>> fromSql = null;
      Map<String, Map<String, Object>> fromLive = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        live = Json.mapper().readTree(ss.supervisorGet("/api/stats/live").body());
        JsonNode today = live.get("views").get("today");
        fromSql = fromSql(ss, today.get("fromMillis").asLong(), today.get("toMillis").asLong());
        fromLive = fromLive(today);
        if (fromSql.equals(fromLive)) {
          break;
        }
        Thread.sleep(100);
      }
      assertEquals(fromSql, fromLive, "live figures vs SQLite");
      beforeRestart = fromLive;
      JsonNode total = live.get("views").get("today").get("total");
      assertTrue(total.get("handled").asInt() >= 20, "the burst's calls were handled: " + total);
      assertTrue(total.get("abandoned").asInt() >= 1, "trace c has an abandoned call: " + total);
      assertEquals(skipped, total.get("undisposed").asInt());
      assertEquals(skipped, live.get("undisposed").size(), "undisposed calls are listed");
      assertTrue(
          total.get("conversions").asInt() > 0, "some sales on calls with opportunities: " + total);

      // Agents got their own figures after their last disposition; reaching the per-shift upsell
      // target brought a congratulation.
      JsonNode shiftAgents = live.get("views").get("shift").get("agents");
      for (JsonNode a : live.get("views").get("today").get("agents")) {
        String id = a.get("id").asText();
        AgentRecorder in = inboxes.get(id);
        if (a.get("dispositioned").asInt() + a.get("undisposed").asInt() == 0) {
          continue;
        }
        AgentStats last = awaitStats(in, a.get("advances").asLong(), a.get("undisposed").asLong());
        assertEquals(a.get("handled").asLong(), last.calls(), id + " calls");
        assertEquals(a.get("opportunities").asLong(), last.opportunities(), id + " opportunities");
        assertEquals(2, last.shiftOpportunitiesTarget());
      }
      for (JsonNode a : shiftAgents) {
        if (a.get("opportunities").asInt() >= 2) {
          AgentRecorder in = inboxes.get(a.get("id").asText());
          assertTrue(
              in.congratulations().stream()
                  .anyMatch(c -> c.goalId().equals("upsell-opportunities-per-shift")),
              a.get("id") + " reached 2 opportunities this shift but got " + in.congratulations());
        }
      }
      assertFalse(live.get("wins").isEmpty(), "wins are shown on the dashboard");

      // The review API counts the same calls.
      String day = live.get("views").get("today").get("from").asText();
      JsonNode review =
          Json.mapper()
              .readTree(ss.supervisorGet("/api/stats/review?from=" + day + "&to=" + day).body());
      for (JsonNode line : review.get("agents")) {
        Map<String, Object> sql = fromSql.get("agent " + line.get("id").asText());
        assertEquals(
            sql.get("handled"), line.get("calls").asLong(), "review calls of " + line.get("id"));
        assertEquals(
            sql.get("advanceRate"),
            line.get("advanceRate").isNull() ? null : line.get("advanceRate").asDouble(),
            "review advance rate of " + line.get("id"));
      }
    } finally {
      clients.forEach(BridgeClient::close);
      amis.forEach(ScriptedAmiServer::close);
    }

    // A supervisor opening the page after a restart sees the same totals: rebuilt from SQLite.
    try (SupervisedServer again = SupervisedServer.start(dir, Duration.ofSeconds(3))) {
      JsonNode today =
          Json.mapper()
              .readTree(again.supervisorGet("/api/stats/live").body())
              .get("views")
              .get("today");
      assertEquals(beforeRestart, fromLive(today), "figures rebuilt at start");
      assertEquals(
          fromSql(again, today.get("fromMillis").asLong(), today.get("toMillis").asLong()),
          fromLive(today));
    }
  }

  private static AgentStats awaitStats(AgentRecorder in, long advances, long undisposed)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!in.stats().isEmpty()) {
        AgentStats last = in.stats().get(in.stats().size() - 1);
        if (last.advances() == advances && last.undisposed() == undisposed) {
          return last;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "agent stats never showed "
            + advances
            + " advances, "
            + undisposed
            + " undisposed: "
            + in.stats());
  }

  private static void awaitSql(SupervisedServer ss, String sql, long want) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long got = -1;
    while (System.nanoTime() < deadline) {
      try (Connection c = DriverManager.getConnection(ss.jdbcUrl());
          ResultSet rs = c.createStatement().executeQuery(sql)) {
        rs.next();
        got = rs.getLong(1);
      }
      if (got == want) {
        return;
      }
      Thread.sleep(100);
    }
    assertEquals(want, got, sql);
  }

  /**
   * The figures per agent and per queue, straight from the rows, for calls started in [from, to).
   */
  static Map<String, Map<String, Object>> fromSql(SupervisedServer ss, long from, long to)
      throws Exception {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(ss.jdbcUrl())) {
      for (String group : new String[] {"calls.agent_id", "COALESCE(calls.queue, 'outbound')"}) {
        String prefix = group.equals("calls.agent_id") ? "agent " : "queue ";
        query(
            c,
            "SELECT "
                + group
                + ", count(*), sum(talk_seconds) FROM calls WHERE agent_id IS NOT NULL"
                + " AND connected_at IS NOT NULL AND outcome <> 'CONNECTED' AND started_at >= ? AND started_at < ?"
                + " GROUP BY 1",
            from,
            to,
            rs -> {
              Map<String, Object> m = row(out, prefix + rs.getString(1));
              m.put("handled", rs.getLong(2));
              m.put("ahtSeconds", Math.round((double) rs.getLong(3) / rs.getLong(2)));
            });
        query(
            c,
            "SELECT "
                + group
                + ", count(*) FROM calls WHERE outcome = 'ABANDONED' AND started_at >= ?"
                + " AND started_at < ? GROUP BY 1",
            from,
            to,
            rs -> row(out, prefix + rs.getString(1)).put("abandoned", rs.getLong(2)));
        query(
            c,
            "SELECT "
                + group
                + ", count(*), sum(d.advance_obtained), sum(d.upsell_count),"
                + " sum(d.is_sale), sum(CASE WHEN d.is_sale = 1 AND d.upsell_count > 0 THEN 1 ELSE 0 END),"
                + " sum(d.csat), count(d.csat) FROM dispositions d JOIN calls USING (call_id)"
                + " WHERE d.code <> 'UNDISPOSED' AND started_at >= ? AND started_at < ? GROUP BY 1",
            from,
            to,
            rs -> {
              Map<String, Object> m = row(out, prefix + rs.getString(1));
              m.put("dispositioned", rs.getLong(2));
              m.put("advances", rs.getLong(3));
              m.put("advanceRate", pct(rs.getLong(3), rs.getLong(2)));
              m.put("opportunities", rs.getLong(4));
              m.put("sales", rs.getLong(5));
              m.put("conversions", rs.getLong(6));
              m.put(
                  "csat",
                  rs.getLong(8) == 0
                      ? null
                      : Math.round((double) rs.getLong(7) / rs.getLong(8) * 10) / 10.0);
            });
        query(
            c,
            "SELECT "
                + group
                + ", count(*) FROM dispositions d JOIN calls USING (call_id)"
                + " WHERE d.code = 'UNDISPOSED' AND started_at >= ? AND started_at < ? GROUP BY 1",
            from,
            to,
            rs -> row(out, prefix + rs.getString(1)).put("undisposed", rs.getLong(2)));
        query(
            c,
            "SELECT "
                + group
                + ", sum(r.done), count(*) FROM checklist_results r"
                + " JOIN dispositions d ON d.id = r.disposition_id JOIN calls USING (call_id)"
                + " WHERE r.kind = 'compliance' AND r.required = 1 AND started_at >= ? AND started_at < ? GROUP BY 1",
            from,
            to,
            rs ->
                row(out, prefix + rs.getString(1))
                    .put("compliance", pct(rs.getLong(2), rs.getLong(3))));
      }
    }
    out.remove("agent null");
    return out;
  }

  interface RowReader {
    void read(ResultSet rs) throws Exception;
  }

  private static void query(Connection c, String sql, long from, long to, RowReader reader)
      throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, from);
      ps.setLong(2, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }

  private static Map<String, Object> row(Map<String, Map<String, Object>> out, String key) {
    return out.computeIfAbsent(key, k -> new TreeMap<>());
  }

  private static Double pct(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }

  /** The same figures as the live view reports them (rows with nothing to show are left out). */
  static Map<String, Map<String, Object>> fromLive(JsonNode view) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (String kind : new String[] {"agent", "queue"}) {
      for (JsonNode r : view.get(kind.equals("agent") ? "agents" : "queues")) {
        Map<String, Object> m = new TreeMap<>();
        if (r.get("handled").asLong() > 0) {
          m.put("handled", r.get("handled").asLong());
          m.put("ahtSeconds", r.get("ahtSeconds").asLong());
        }
        if (r.get("abandoned").asLong() > 0) {
          m.put("abandoned", r.get("abandoned").asLong());
        }
        if (r.get("dispositioned").asLong() > 0) {
          m.put("dispositioned", r.get("dispositioned").asLong());
          m.put("advances", r.get("advances").asLong());
          m.put("advanceRate", r.get("advanceRate").asDouble());
          m.put("opportunities", r.get("opportunities").asLong());
          m.put("sales", r.get("sales").asLong());
          m.put("conversions", r.get("conversions").asLong());
          m.put("csat", r.get("csat").isNull() ? null : r.get("csat").asDouble());
        }
        if (r.get("undisposed").asLong() > 0) {
          m.put("undisposed", r.get("undisposed").asLong());
        }
        if (!r.get("compliance").isNull()) {
          m.put("compliance", r.get("compliance").asDouble());
        }
        if (!m.isEmpty()) {
          out.put(kind + " " + r.get("id").asText(), m);
        }
      }
    }
    return out;
  }
}
