package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.bridge.DispositionRejectedException;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.Commitment;
import org.callobjectives.protocol.CommitmentAnswer;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.config.Objective;
import org.callobjectives.server.store.PendingCommitment;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.SupervisedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Asterisk burst replayed three times (the server restarted before the third) with real
 * agent-bridge clients answering by a script: every pop asks about exactly the commitment the
 * customer's own history says is open (never another customer's, never a settled one), with its
 * objective's question; the answers are stored with their dispositions; and the weekly review's
 * commitments per objective and agent equal both the script's own tally and SQL over the rows.
 */
class CommitmentsTraceReplayTest {
  static final String TRACE = "e_burst_20_calls";

  @TempDir Path dir;

  /** A customer's latest advance as the script saw it obtained. */
  record Open(String callId, String agentId, String objectiveId, boolean settled) {}

  /** What the script expects the review to count, per agent and per objective. */
  static final class Tally {
    final Map<String, long[]> byAgent = new TreeMap<>();
    final Map<String, long[]> byObjective = new TreeMap<>();
  }

  private final Map<String, Open> open = new HashMap<>();
  // Per commitment (call id + agent): the answers given, in order.
  private final Map<String, List<CommitmentAnswer>> answers = new LinkedHashMap<>();
  private final Map<String, Open> commitments = new LinkedHashMap<>();
  // Commitments a later advance of the same customer came before anyone settled them.
  private final Set<String> replaced = new HashSet<>();
  private final Set<String> handled = new HashSet<>();
  private int disposed;
  private int asked;
  private int answered;
  private boolean refusedOnce;

  @Test
  void popsAskAboutEachCustomersOwnOpenCommitmentAndTheReviewCountsWhatSqlCounts()
      throws Exception {
    Path traces = TraceReplayTest.TRACES;
    assumeTrue(Files.isDirectory(traces), "AMI traces not found at " + traces + ": skipped");
    AmiTrace trace = AmiTrace.load(traces, TRACE);
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofMinutes(2))) {
      for (int round = 1; round <= 2; round++) {
        round(ss, trace, round);
      }
    }
    // Restarted: the open commitments come back from the database.
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofMinutes(2))) {
      round(ss, trace, 3);
      assertTrue(asked >= 8, "pops asked about a commitment: " + asked);
      assertTrue(answered >= 5, "answers given: " + answered);

      JsonNode review = Json.mapper().readTree(ss.supervisorGet("/api/stats/review").body());
      Tally sql = fromSql(ss);
      Tally script = fromScript();
      assertEquals(keys(script.byAgent), keys(sql.byAgent), "the script and SQL agree");
      assertEquals(keys(script.byObjective), keys(sql.byObjective));
      assertLines(sql.byObjective, review.get("objectives"), "objective");
      assertLines(sql.byAgent, review.get("agents"), "agent");
      long checked = sql.byAgent.values().stream().mapToLong(n -> n[1]).sum();
      long kept = sql.byAgent.values().stream().mapToLong(n -> n[2]).sum();
      long notYet = sql.byAgent.values().stream().mapToLong(n -> n[3]).sum();
      assertTrue(
          kept > 0
              && checked > kept
              && notYet > 0
              && sql.byAgent.values().stream().mapToLong(n -> n[4]).sum() > 0,
          "kept, not kept, not yet and replaced all seen: " + keys(sql.byAgent));

      String csv = ss.supervisorGet("/api/stats/review.csv").body();
      assertTrue(
          csv.lines()
              .findFirst()
              .orElse("")
              .endsWith(
                  "commitments,commitments_checked,commitments_kept,commitments_not_yet,"
                      + "commitments_replaced,kept_rate,"
                      + "kept_rate_previous"),
          csv);
    }
  }

  private void round(SupervisedServer ss, AmiTrace trace, int round) throws Exception {
    Map<String, AgentRecorder> inboxes = new TreeMap<>();
    Map<String, BridgeClient> clients = new LinkedHashMap<>();
    try {
      for (Agent a : ss.server.config().agents()) {
        AgentRecorder in = new AgentRecorder(a.id());
        BridgeClient c = new BridgeClient(ss.agentUri(), a.id(), "demo-" + a.id(), null, in);
        c.start();
        in.next(Welcome.class);
        inboxes.put(a.id(), in);
        clients.put(a.id(), c);
      }
      // Every pop of this round is decided before any of its dispositions.
      Map<String, Open> atStart = new HashMap<>(open);
      long calls;
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
        calls = awaitStable(ss, "SELECT count(*) FROM calls WHERE outcome <> 'CONNECTED'");
      }
      assertTrue(calls > 0);
      for (var e : inboxes.entrySet()) {
        for (CallStarted pop : e.getValue().pops()) {
          if (!handled.add(pop.callId())) {
            continue;
          }
          dispose(
              ss, clients.get(e.getKey()), e.getKey(), pop, atStart.get(pop.callerNumber()), round);
        }
      }
      awaitSql(ss, "SELECT count(*) FROM dispositions", disposed);
      awaitSql(ss, "SELECT count(*) FROM commitment_checks", answered);
      // The next round's pops ask about these only once the index has heard of them.
      for (var o : open.entrySet()) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!matches(ss.server.stages().openCommitment(o.getKey()).orElse(null), o.getValue())) {
          assertTrue(System.nanoTime() < deadline, "commitment of " + o.getKey() + " not updated");
          Thread.sleep(20);
        }
      }
    } finally {
      clients.values().forEach(BridgeClient::close);
    }
  }

  private void dispose(
      SupervisedServer ss,
      BridgeClient client,
      String agent,
      CallStarted pop,
      Open expected,
      int round)
      throws Exception {
    Commitment c = pop.objective().commitment();
    String number = pop.callerNumber();
    if (expected == null || expected.settled()) {
      assertNull(c, "call " + pop.callId() + " of " + number + " asks about nothing: " + c);
    } else {
      assertNotNull(c, "call " + pop.callId() + " of " + number + " asks about " + expected);
      assertEquals(expected.callId(), c.callId(), "the customer's own latest advance");
      assertEquals(expected.agentId(), c.agentId());
      assertEquals(expected.objectiveId(), c.objectiveId());
      Objective o = ss.server.config().objective(c.objectiveId()).orElseThrow();
      assertEquals(o.followUp() == null ? Commitment.DEFAULT_QUESTION : o.followUp(), c.question());
      assertEquals(o.advance(), c.advance());
      asked++;
    }
    int d = Integer.parseInt(number.substring(number.length() - 2));
    CommitmentAnswer answer =
        c == null
            ? null
            : switch ((d + round) % 4) {
              case 0 -> CommitmentAnswer.KEPT;
              case 1 -> CommitmentAnswer.NOT_KEPT;
              case 2 -> CommitmentAnswer.NOT_YET;
              default -> null; // the agent did not ask
            };
    boolean advance = (d + round) % 3 != 0;
    DispositionCode code = code(pop.dispositionCodes(), advance);
    advance = code.advance() == null ? advance : code.advance();
    List<String> done =
        pop.objective().checklist().stream()
            .filter(ChecklistItem::required)
            .map(ChecklistItem::id)
            .toList();
    boolean advanced = advance;
    java.util.function.BiFunction<String, CommitmentAnswer, DispositionSubmit> submit =
        (notes, a) ->
            new DispositionSubmit(
                null, pop.callId(), code.code(), advanced, done, 0, List.of(), null, notes, a);
    if (c == null && !refusedOnce) {
      // An answer where the pop asked nothing is refused, with the reason, and nothing stored.
      refusedOnce = true;
      var refused = client.submit(submit.apply(null, CommitmentAnswer.KEPT));
      var e =
          org.junit.jupiter.api.Assertions.assertThrows(
              java.util.concurrent.ExecutionException.class,
              () -> refused.get(10, TimeUnit.SECONDS));
      DispositionRejectedException r = (DispositionRejectedException) e.getCause();
      assertEquals("invalid_disposition", r.error().code());
      assertTrue(r.getMessage().contains("asked no commitment question"), r.getMessage());
    }
    client.submit(submit.apply("round " + round, answer)).get(10, TimeUnit.SECONDS);
    disposed++;
    if (answer != null) {
      answered++;
      String key = c.callId() + "|" + c.agentId();
      answers.computeIfAbsent(key, k -> new ArrayList<>()).add(answer);
      Open now = open.get(number);
      if (answer.settles() && now != null && now.callId().equals(c.callId())) {
        open.put(number, new Open(now.callId(), now.agentId(), now.objectiveId(), true));
      }
    }
    if (advance) {
      Open before = open.get(number);
      if (before != null && !before.settled()) {
        replaced.add(before.callId() + "|" + before.agentId());
      }
      Open o = new Open(pop.callId(), agent, pop.objective().id(), false);
      open.put(number, o);
      commitments.put(pop.callId() + "|" + agent, o);
    }
  }

  /** A code of the pop's own list that allows the wanted "advance obtained". */
  private static DispositionCode code(List<DispositionCode> codes, boolean advance) {
    return codes.stream()
        .filter(k -> Boolean.valueOf(advance).equals(k.advance()))
        .findFirst()
        .or(() -> codes.stream().filter(k -> k.advance() == null).findFirst())
        .orElseThrow();
  }

  private static boolean matches(PendingCommitment p, Open o) {
    return o.settled() ? p == null : p != null && p.callId().equals(o.callId());
  }

  /** The script's own count: agreed, checked (kept or not), kept, not yet, replaced. */
  private Tally fromScript() {
    Tally t = new Tally();
    for (var e : commitments.entrySet()) {
      List<CommitmentAnswer> given = answers.getOrDefault(e.getKey(), List.of());
      CommitmentAnswer last = null;
      for (CommitmentAnswer a : given) {
        if (a.settles()) {
          last = a;
        }
      }
      boolean gone = last == null && replaced.contains(e.getKey());
      long[] n = {
        1,
        last == null ? 0 : 1,
        last == CommitmentAnswer.KEPT ? 1 : 0,
        last == null && !gone && given.contains(CommitmentAnswer.NOT_YET) ? 1 : 0,
        gone ? 1 : 0
      };
      add(t.byAgent, e.getValue().agentId(), n);
      add(t.byObjective, e.getValue().objectiveId(), n);
    }
    return t;
  }

  /** The same figures with SQL of its own: each advance and its latest settling answer. */
  private static Tally fromSql(SupervisedServer ss) throws Exception {
    Tally t = new Tally();
    try (Connection c = DriverManager.getConnection(ss.jdbcUrl());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    """
          SELECT d.agent_id, c.objective_id,
            (SELECT k.answer FROM commitment_checks k JOIN dispositions a ON a.id = k.disposition_id
              WHERE k.commitment_call_id = d.call_id AND k.commitment_agent_id = d.agent_id
                AND k.answer IN ('kept', 'not_kept')
              ORDER BY a.created_at DESC, a.id DESC LIMIT 1),
            (SELECT count(*) FROM commitment_checks k
              WHERE k.commitment_call_id = d.call_id AND k.commitment_agent_id = d.agent_id
                AND k.answer = 'not_yet'),
            (SELECT count(*) FROM dispositions l JOIN calls lc ON lc.call_id = l.call_id
              WHERE lc.caller_number = c.caller_number AND l.advance_obtained = 1
                AND l.id > d.id)
          FROM dispositions d JOIN calls c ON c.call_id = d.call_id
          WHERE d.advance_obtained = 1 AND d.agent_id = c.agent_id
            AND c.caller_number IS NOT NULL""")) {
      while (rs.next()) {
        String settled = rs.getString(3);
        boolean gone = settled == null && rs.getLong(5) > 0;
        long[] n = {
          1,
          settled == null ? 0 : 1,
          "kept".equals(settled) ? 1 : 0,
          settled == null && !gone && rs.getLong(4) > 0 ? 1 : 0,
          gone ? 1 : 0
        };
        add(t.byAgent, rs.getString(1), n);
        add(t.byObjective, rs.getString(2), n);
      }
    }
    return t;
  }

  private static void add(Map<String, long[]> m, String key, long[] n) {
    long[] sum = m.computeIfAbsent(key, k -> new long[5]);
    for (int i = 0; i < 5; i++) {
      sum[i] += n[i];
    }
  }

  private static Map<String, List<Long>> keys(Map<String, long[]> m) {
    Map<String, List<Long>> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, List.of(v[0], v[1], v[2], v[3], v[4])));
    return out;
  }

  private static void assertLines(Map<String, long[]> want, JsonNode lines, String kind) {
    Map<String, List<Long>> got = new TreeMap<>();
    for (JsonNode l : lines) {
      long agreed = l.get("commitments").asLong();
      if (agreed > 0) {
        got.put(
            l.get("id").asText(),
            List.of(
                agreed,
                l.get("commitmentsChecked").asLong(),
                l.get("commitmentsKept").asLong(),
                l.get("commitmentsNotYet").asLong(),
                l.get("commitmentsReplaced").asLong()));
        long checked = l.get("commitmentsChecked").asLong();
        if (checked > 0) {
          assertEquals(
              Math.round(1000.0 * l.get("commitmentsKept").asLong() / checked) / 10.0,
              l.get("keptRate").asDouble(),
              1e-9,
              kind + " " + l.get("id").asText());
        } else {
          assertTrue(l.get("keptRate").isNull());
        }
      }
    }
    assertEquals(keys(want), got, "commitments per " + kind);
  }

  /** Waits until the count stops changing (the replay's calls are all written). */
  private static long awaitStable(SupervisedServer ss, String sql) throws Exception {
    long last = -1;
    int same = 0;
    while (same < 5) {
      long now = count(ss, sql);
      same = now == last ? same + 1 : 0;
      last = now;
      Thread.sleep(200);
    }
    return last;
  }

  private static long count(SupervisedServer ss, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(ss.jdbcUrl());
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void awaitSql(SupervisedServer ss, String sql, long want) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long got = -1;
    while (System.nanoTime() < deadline) {
      got = count(ss, sql);
      if (got == want) {
        return;
      }
      Thread.sleep(100);
    }
    assertEquals(want, got, sql);
  }
}
