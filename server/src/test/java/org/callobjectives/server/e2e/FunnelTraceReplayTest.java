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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
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
 * A real Asterisk burst (12 sales callers) replayed three times with real agent-bridge clients
 * dispositioning by a script, so callers move through the sales chain: the funnel the API answers
 * equals the same figures computed independently with SQL over the rows; with the review's clock 20
 * days ahead every customer not through the chain (and not on do-not-call) is stalled.
 */
class FunnelTraceReplayTest {
  static final String TRACE = "e_burst_20_calls";
  static final List<String> CHAIN = List.of("demo", "proposal", "close");
  static final long DAY = 86_400_000L;

  @TempDir Path dir;

  @Test
  void theFunnelOfReplayedCallsEqualsTheFiguresSqlComputesFromTheRows() throws Exception {
    Path traces = TraceReplayTest.TRACES;
    assumeTrue(Files.isDirectory(traces), "AMI traces not found at " + traces + ": skipped");
    AmiTrace trace = AmiTrace.load(traces, TRACE);
    int callsPerReplay =
        TraceReplayTest.expected(
                Json.mapper().readTree(traces.resolve(TRACE + ".truth.json").toFile()),
                org.callobjectives.server.testing.TestServer.exampleConfig(
                    dir.resolve("x.db"), Duration.ofMinutes(2)))
            .size();
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(20));
    Map<String, AgentRecorder> inboxes = new TreeMap<>();
    Map<String, BridgeClient> clients = new LinkedHashMap<>();
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofMinutes(2), 0, ahead)) {
      try {
        for (Agent a : ss.server.config().agents()) {
          AgentRecorder in = new AgentRecorder(a.id());
          BridgeClient c = new BridgeClient(ss.agentUri(), a.id(), "demo-" + a.id(), null, in);
          c.start();
          in.next(Welcome.class);
          inboxes.put(a.id(), in);
          clients.put(a.id(), c);
        }
        Set<String> handled = new HashSet<>();
        int disposed = 0;
        Set<String> stagesSeen = new TreeSet<>();
        for (int round = 1; round <= 3; round++) {
          try (ScriptedAmiServer ami =
              ScriptedAmiServer.replaying(trace, TraceReplayTest.SPEED).start()) {
            ss.server.connectAmi(
                new AmiServer(
                    "pbx" + round,
                    "127.0.0.1",
                    ami.port(),
                    AmiWireServer.DEFAULT_USERNAME,
                    AmiWireServer.DEFAULT_SECRET));
            assertTrue(ami.awaitDone(Duration.ofSeconds(60)), "replay " + round + " finished");
            awaitSql(
                ss,
                "SELECT count(*) FROM calls WHERE outcome <> 'CONNECTED'",
                (long) callsPerReplay * round);
          }
          // The script: an advance for some callers at each round (by their number), do-not-call
          // for one, no advance for the rest; support calls get no advance.
          Map<String, String> waitFor = new LinkedHashMap<>();
          for (var e : inboxes.entrySet()) {
            for (CallStarted pop : e.getValue().pops()) {
              if (!handled.add(pop.callId())) {
                continue;
              }
              String stage = pop.objective().stage();
              int d =
                  Integer.parseInt(pop.callerNumber().substring(pop.callerNumber().length() - 2));
              boolean advance = stage != null && (d + round) % 4 != 0;
              String code =
                  advance
                      ? "ADVANCE"
                      : stage != null && d % 8 == 2 && round == 2 ? "DO_NOT_CALL" : "NO_ADVANCE";
              if (stage != null) {
                stagesSeen.add(stage);
                waitFor.put(pop.callerNumber(), pop.callId());
              }
              List<String> done =
                  pop.objective().checklist().stream()
                      .filter(ChecklistItem::required)
                      .map(ChecklistItem::id)
                      .toList();
              clients
                  .get(e.getKey())
                  .submit(
                      new DispositionSubmit(
                          null,
                          pop.callId(),
                          code,
                          advance,
                          done,
                          0,
                          List.of(),
                          null,
                          "round " + round))
                  .get(10, TimeUnit.SECONDS);
              disposed++;
            }
          }
          awaitSql(ss, "SELECT count(*) FROM dispositions", disposed);
          // The next round's pops follow the chain only once the stage index has heard of these.
          for (var w : waitFor.entrySet()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ss.server
                .stages()
                .lastStaged(w.getKey())
                .map(o -> o.callId().equals(w.getValue()))
                .orElse(false)) {
              assertTrue(System.nanoTime() < deadline, "stage of " + w.getKey() + " not updated");
              Thread.sleep(20);
            }
          }
        }
        assertEquals(Set.copyOf(CHAIN), stagesSeen, "callers reached every stage: " + stagesSeen);

        JsonNode api = Json.mapper().readTree(ss.supervisorGet("/api/funnel?queue=sales").body());
        Sql sql = fromSql(ss, api.get("asOfMillis").asLong(), 14);
        assertEquals(sql.customers, api.get("customers").asLong(), "customers");
        assertEquals(sql.now[3], api.get("completed").asLong(), "completed");
        assertTrue(sql.customers >= 8, "the burst's answered sales callers: " + sql.customers);
        for (int k = 0; k < 3; k++) {
          JsonNode line = api.get("stages").get(k);
          assertEquals(CHAIN.get(k), line.get("id").asText());
          assertEquals(sql.now[k], line.get("now").asLong(), "now at " + CHAIN.get(k));
          assertEquals(sql.reached[k], line.get("reached").asLong(), "reached " + CHAIN.get(k));
          assertEquals(
              sql.reached[k + 1], line.get("advanced").asLong(), "advanced " + CHAIN.get(k));
          assertEquals(
              sql.reached[k] == 0
                  ? null
                  : Math.round(1000.0 * sql.reached[k + 1] / sql.reached[k]) / 10.0,
              line.get("conversion").isNull() ? null : line.get("conversion").asDouble(),
              "conversion from " + CHAIN.get(k));
          assertEquals(
              median(sql.times.get(k)),
              line.get("medianMillisToAdvance").isNull()
                  ? null
                  : line.get("medianMillisToAdvance").asLong(),
              "median time to advance from " + CHAIN.get(k));
          assertEquals(sql.times.get(k).size(), line.get("advancedWithTimes").asInt());
        }
        assertTrue(sql.reached[2] > 0, "some callers reached close");
        List<String> stalled = new ArrayList<>();
        for (JsonNode s : api.get("stalled")) {
          stalled.add(
              s.get("callerNumber").asText()
                  + " "
                  + s.get("stage").asText()
                  + " "
                  + s.get("daysStalled").asLong()
                  + " "
                  + s.get("lastCallId").asText()
                  + " "
                  + s.get("lastAgentId").asText()
                  + " "
                  + s.get("lastCode").asText());
        }
        assertEquals(new TreeSet<>(sql.stalled), new TreeSet<>(stalled), "stalled customers");
        assertEquals(sql.doNotCall, api.get("doNotCall").asLong());
        assertTrue(sql.doNotCall > 0 || sql.stalled.size() > 0);
        assertFalse(sql.stalled.isEmpty(), "20 days on, unfinished customers are stalled");

        var csv = ss.supervisorGet("/api/funnel/stalled.csv?queue=sales");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertEquals(sql.stalled.size() + 1, csv.body().lines().count(), csv.body());
        assertEquals(404, ss.supervisorGet("/api/funnel?queue=support").statusCode());
        assertEquals(
            401, ss.get("/api/funnel?queue=sales", null, null, "application/json").statusCode());
      } finally {
        clients.values().forEach(BridgeClient::close);
      }
    }
  }

  /** The funnel's figures, computed here with SQL of its own over the stored rows. */
  static final class Sql {
    long customers;
    long doNotCall;
    final long[] now = new long[4];
    final long[] reached = new long[4];
    final List<List<Long>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    final List<String> stalled = new ArrayList<>();
  }

  static Sql fromSql(SupervisedServer ss, long nowMillis, int stalledDays) throws Exception {
    String steps =
        "WITH s AS (SELECT c.caller_number AS num, c.call_id AS call_id, d.id AS id,"
            + " CASE c.objective_stage WHEN 'demo' THEN 0 WHEN 'proposal' THEN 1 WHEN 'close' THEN 2 END AS pos,"
            + " c.objective_stage AS stage, d.advance_obtained AS adv, d.is_do_not_call AS dnc,"
            + " d.agent_id AS agent, d.code AS code, c.started_at AS st, d.created_at AS at"
            + " FROM dispositions d JOIN calls c ON c.call_id = d.call_id"
            + " WHERE c.queue = 'sales' AND c.objective_stage IS NOT NULL"
            + " AND c.caller_number IS NOT NULL AND d.code <> 'UNDISPOSED') ";
    Sql out = new Sql();
    try (Connection c = DriverManager.getConnection(ss.jdbcUrl());
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery(steps + "SELECT count(DISTINCT num) FROM s")) {
        rs.next();
        out.customers = rs.getLong(1);
      }
      for (int k = 0; k <= 3; k++) {
        try (ResultSet rs =
            st.executeQuery(
                steps
                    + "SELECT count(*) FROM (SELECT num, MAX(pos + adv) AS m FROM s GROUP BY num) x"
                    + " WHERE m >= "
                    + k)) {
          rs.next();
          out.reached[k] = rs.getLong(1);
        }
      }
      String last =
          steps
              + ", l AS (SELECT * FROM (SELECT s.*, ROW_NUMBER() OVER (PARTITION BY num"
              + " ORDER BY at DESC, id DESC) AS rn FROM s) y WHERE rn = 1) ";
      try (ResultSet rs = st.executeQuery(last + "SELECT pos + adv, count(*) FROM l GROUP BY 1")) {
        while (rs.next()) {
          out.now[rs.getInt(1)] = rs.getLong(2);
        }
      }
      for (int k = 0; k < 3; k++) {
        try (ResultSet rs =
            st.executeQuery(
                steps
                    + "SELECT num, (SELECT MIN(a.at) FROM s a WHERE a.num = s.num AND a.pos = "
                    + k
                    + " AND a.adv = 1) - MIN(st) FROM s WHERE pos = "
                    + k
                    + " GROUP BY num")) {
          while (rs.next()) {
            long v = rs.getLong(2);
            if (!rs.wasNull()) {
              out.times.get(k).add(Math.max(0, v));
            }
          }
        }
      }
      try (ResultSet rs =
          st.executeQuery(
              last
                  + "SELECT l.num, l.pos + l.adv, l.dnc, l.call_id, l.agent, l.code,"
                  + " (SELECT COALESCE(MAX(CASE WHEN a.adv = 1 THEN a.at END), MIN(a.st)) FROM s a"
                  + " WHERE a.num = l.num) FROM l")) {
        while (rs.next()) {
          int at = rs.getInt(2);
          if (at == 3) {
            continue;
          }
          if (rs.getInt(3) == 1) {
            out.doNotCall++;
            continue;
          }
          long since = rs.getLong(7);
          if (nowMillis - since >= stalledDays * DAY) {
            out.stalled.add(
                rs.getString(1)
                    + " "
                    + CHAIN.get(at)
                    + " "
                    + (nowMillis - since) / DAY
                    + " "
                    + rs.getString(4)
                    + " "
                    + rs.getString(5)
                    + " "
                    + rs.getString(6));
          }
        }
      }
    }
    return out;
  }

  static Long median(List<Long> v) {
    if (v.isEmpty()) {
      return null;
    }
    List<Long> s = new ArrayList<>(v);
    s.sort(null);
    int m = s.size() / 2;
    return s.size() % 2 == 1 ? s.get(m) : Math.round((s.get(m - 1) + s.get(m)) / 2.0);
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
}
