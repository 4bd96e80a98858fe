package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Message;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.TestServer;
import org.callobjectives.server.testing.TraceLiveChannels;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every capture from a real Asterisk 22, replayed over a real socket to the real Asterisk-Java
 * connection, with real agent-bridge clients on WebSocket and a real SQLite file: the tracked calls
 * match the ground truth, pops reach exactly the right agents, dispositions are stored.
 */
public class TraceReplayTest {
  public static final Path TRACES = AmiTrace.defaultDirectory();
  static final double SPEED = 20;

  @TempDir Path dir;

  public static Stream<String> traces() throws Exception {
    if (!Files.isDirectory(TRACES)) {
      return Stream.of("(no traces)");
    }
    try (Stream<Path> s = Files.list(TRACES)) {
      return s
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".truth.json"))
          .map(n -> n.substring(0, n.length() - ".truth.json".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  /**
   * {@code talkSeconds}: Asterisk's TalkTime where ours must equal it, or -1; {@code talkBelow}: an
   * upper bound, or -1.
   */
  record Expected(
      String callId,
      String queue,
      String agentId,
      String caller,
      String outcome,
      String reason,
      String direction,
      long talkSeconds,
      long talkBelow) {
    Expected(
        String callId,
        String queue,
        String agentId,
        String caller,
        String outcome,
        String reason,
        String direction) {
      this(callId, queue, agentId, caller, outcome, reason, direction, -1, -1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traces")
  void replayedTraceGivesTheTruthsCallsPopsAndDispositions(String name) throws Exception {
    assumeTrue(
        Files.isDirectory(TRACES),
        "AMI traces not found at " + TRACES.toAbsolutePath() + " (../shared/ami-traces): skipped");
    try (TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      replayAndCheck(
          name,
          new Nodes() {
            @Override
            public org.callobjectives.server.config.Config config() {
              return ts.server.config();
            }

            @Override
            public java.net.URI agentUri(int agentIndex) {
              return ts.agentUri();
            }

            @Override
            public void connectAmi(AmiServer s) {
              ts.server.connectAmi(s);
            }

            @Override
            public Connection database() throws java.sql.SQLException {
              return DriverManager.getConnection(ts.jdbcUrl());
            }
          });
    }
  }

  /** The servers a trace is replayed to: one, or several nodes on one database. */
  public interface Nodes {
    org.callobjectives.server.config.Config config();

    /** Where the agent with this index (in the configuration's order) signs in. */
    java.net.URI agentUri(int agentIndex);

    /** Starts listening to the replaying Asterisk (on every node: one of them listens). */
    void connectAmi(AmiServer s);

    Connection database() throws java.sql.SQLException;
  }

  /**
   * Replays the trace to {@code nodes} with a real agent-bridge client per agent: the rows match
   * the ground truth, each agent gets exactly its own calls once, every disposition is stored once.
   */
  public static void replayAndCheck(String name, Nodes ts) throws Exception {
    AmiTrace trace = AmiTrace.load(TRACES, name);
    JsonNode truth = Json.mapper().readTree(TRACES.resolve(name + ".truth.json").toFile());

    try (ScriptedAmiServer ami = ScriptedAmiServer.replaying(trace, SPEED)) {
      ami.wire()
          .setChannelDirectory(new TraceLiveChannels(trace, () -> ami.wire().loginCount() - 1));
      ami.start();
      {
        Map<String, AgentRecorder> recorders = new LinkedHashMap<>();
        List<BridgeClient> clients = new ArrayList<>();
        try {
          int index = 0;
          for (Agent a : ts.config().agents()) {
            AgentRecorder r = new AgentRecorder(a.id());
            BridgeClient c =
                new BridgeClient(ts.agentUri(index++), a.id(), "demo-" + a.id(), null, r);
            c.start();
            r.next(org.callobjectives.protocol.Welcome.class);
            recorders.put(a.id(), r);
            clients.add(c);
          }
          ts.connectAmi(
              new AmiServer(
                  "trace",
                  "127.0.0.1",
                  ami.port(),
                  AmiWireServer.DEFAULT_USERNAME,
                  AmiWireServer.DEFAULT_SECRET));
          assertTrue(
              ami.awaitDone(Duration.ofSeconds(60)), "replay of " + name + " did not finish");

          List<Expected> expected = expected(truth, ts.config());
          Map<String, Map<String, Object>> rows = awaitRows(ts, expected.size());
          assertEquals(
              expected.size(), rows.size(), "calls recorded for " + name + ": " + rows.keySet());
          for (Expected e : expected) {
            Map<String, Object> row = find(rows, e);
            assertNotNull(row, name + ": no recorded call like " + e + " in " + rows.values());
            assertEquals(e.outcome(), row.get("outcome"), name + " outcome of " + e);
            assertEquals(e.agentId(), row.get("agent_id"), name + " agent of " + e);
            assertEquals(e.queue(), row.get("queue"), name + " queue of " + e);
            assertEquals(e.direction(), row.get("direction"), name + " direction of " + e);
            if (e.reason() != null) {
              assertEquals(e.reason(), row.get("end_reason"), name + " end reason of " + e);
            }
            long talk = ((Number) row.get("talk_seconds")).longValue();
            if (e.talkSeconds() >= 0) {
              assertEquals(e.talkSeconds(), talk, name + " talk time of " + e);
            }
            if (e.talkBelow() >= 0) {
              assertTrue(
                  talk < e.talkBelow(),
                  name + " talk time of " + e + " must stop at the redirect: " + talk);
            }
          }

          // Caller name and Linkedid on every row of a queue call, whatever event first showed the
          // call.
          for (JsonNode q : truth.get("observed").get("queue_calls")) {
            for (var row : rows.values()) {
              if (q.get("caller_id_num").asText().equals(row.get("caller_number"))) {
                String callerName = q.get("caller_id_name").asText();
                if (!"<unknown>".equals(callerName)) {
                  assertEquals(
                      callerName,
                      row.get("caller_name"),
                      name + ": caller name of " + row.get("call_id"));
                }
                assertEquals(
                    q.get("linkedid").asText(),
                    row.get("linkedid"),
                    name + ": linkedid of " + row.get("call_id"));
              }
            }
          }

          // Pops: exactly the agent's own answered calls, each ended, each dispositioned.
          Map<String, Set<String>> expectedPops = new HashMap<>();
          for (var row : rows.values()) {
            if (row.get("agent_id") != null) {
              expectedPops
                  .computeIfAbsent((String) row.get("agent_id"), k -> new HashSet<>())
                  .add((String) row.get("call_id"));
            }
          }
          int dispositions = 0;
          for (int i = 0; i < clients.size(); i++) {
            BridgeClient client = clients.get(i);
            AgentRecorder rec = recorders.get(client.agentId());
            Set<String> want = expectedPops.getOrDefault(client.agentId(), Set.of());
            Map<String, CallStarted> popped = new HashMap<>();
            Set<String> ended = new HashSet<>();
            while (ended.size() < want.size() || popped.size() < want.size()) {
              Message m = rec.poll(10_000);
              assertNotNull(
                  m,
                  name
                      + ": agent "
                      + client.agentId()
                      + " got pops "
                      + popped.keySet()
                      + " ends "
                      + ended
                      + ", expected "
                      + want);
              if (m instanceof CallStarted s) {
                assertFalse(popped.containsKey(s.callId()), "duplicate pop " + s.callId());
                assertTrue(
                    want.contains(s.callId()),
                    name
                        + ": agent "
                        + client.agentId()
                        + " got a pop for someone else's call "
                        + s.callId());
                assertNotNull(s.objective(), "pop without objective");
                assertFalse(s.dispositionCodes().isEmpty(), "pop without disposition codes");
                popped.put(s.callId(), s);
              } else if (m instanceof CallEnded e) {
                assertTrue(popped.containsKey(e.callId()), "end before pop for " + e.callId());
                assertTrue(
                    e.wrapUpDeadlineMillis() > e.endedAtMillis(), "wrap-up deadline after the end");
                ended.add(e.callId());
              }
            }
            for (CallStarted s : popped.values()) {
              List<String> done =
                  s.objective().checklist().stream()
                      .filter(ChecklistItem::required)
                      .map(ChecklistItem::id)
                      .toList();
              DispositionAck ack =
                  client
                      .submit(
                          new DispositionSubmit(
                              null,
                              s.callId(),
                              "ADVANCE",
                              true,
                              done,
                              1,
                              List.of("asked about the annual plan"),
                              95,
                              "replayed " + name))
                      .get(10, java.util.concurrent.TimeUnit.SECONDS);
              assertFalse(ack.duplicate());
              dispositions++;
            }
          }
          for (AgentRecorder r : recorders.values()) {
            Message extra;
            while ((extra = r.poll(100)) != null) {
              assertTrue(extra instanceof DispositionAck, name + ": unexpected message " + extra);
            }
          }
          try (Connection c = ts.database();
              Statement st = c.createStatement()) {
            ResultSet rs =
                st.executeQuery("SELECT count(*) FROM dispositions WHERE code = 'ADVANCE'");
            rs.next();
            assertEquals(dispositions, rs.getInt(1), name + ": dispositions stored");
            rs = st.executeQuery("SELECT count(*) FROM upsell_notes");
            rs.next();
            assertEquals(dispositions, rs.getInt(1), name + ": upsell notes stored");
          }
        } finally {
          clients.forEach(BridgeClient::close);
        }
      }
    }
  }

  /** The calls a trace's ground truth says happened, as our call ids and outcomes. */
  static List<Expected> expected(JsonNode truth, org.callobjectives.server.config.Config config) {
    JsonNode obs = truth.get("observed");
    List<Expected> out = new ArrayList<>();
    Map<String, Integer> legsPerCaller = new HashMap<>();
    for (JsonNode q : obs.get("queue_calls")) {
      legsPerCaller.merge(q.get("uniqueid").asText(), 1, Integer::sum);
    }
    Map<String, Integer> seenPerCaller = new HashMap<>();
    for (JsonNode q : obs.get("queue_calls")) {
      String uid = q.get("uniqueid").asText();
      int legIndex = seenPerCaller.merge(uid, 1, Integer::sum);
      String outcome = q.get("outcome").asText();
      String caller = q.get("caller_id_num").asText();
      if ("abandoned".equals(outcome)) {
        out.add(
            new Expected(
                "trace:" + uid + "@" + q.get("queue").asText(),
                q.get("queue").asText(),
                null,
                caller,
                "ABANDONED",
                "caller",
                "queue"));
        continue;
      }
      String agent =
          config
              .agentForMember(q.get("interface").asText(), q.get("agent").asText())
              .orElseThrow()
              .id();
      String callId = "trace:" + uid + "/" + q.get("interface").asText();
      if ("connected".equals(outcome)) {
        // No end event ever came (Asterisk was killed); the resync after reconnect closes it.
        out.add(
            new Expected(
                callId, q.get("queue").asText(), agent, caller, "INTERRUPTED", "lost", "queue"));
        continue;
      }
      // A caller redirected to another queue: the first agent's leg ended with the redirect.
      boolean movedOn = legIndex < legsPerCaller.get(uid);
      String reason = movedOn ? "transfer" : q.get("reason").asText();
      long talk = q.get("talk_time_s").asLong();
      boolean asteriskTransfer = "transfer".equals(q.get("reason").asText());
      // A blind transfer's TalkTime is Asterisk's; after a redirect Asterisk's counts the next
      // queue too.
      out.add(
          new Expected(
              callId,
              q.get("queue").asText(),
              agent,
              caller,
              "COMPLETED",
              reason,
              "queue",
              asteriskTransfer || !movedOn ? talk : -1,
              movedOn && !asteriskTransfer ? talk : -1));
    }
    for (JsonNode o : obs.get("outbound_calls")) {
      String agent = config.agentForDevice(o.get("agent_channel").asText()).orElseThrow().id();
      out.add(
          new Expected(
              "trace:" + o.get("customer_uniqueid").asText(),
              null,
              agent,
              o.get("number").asText(),
              "COMPLETED",
              o.get("first_hangup_request").get("side").asText(),
              "outbound"));
    }
    for (JsonNode o : obs.get("orphan_agent_completes")) {
      String agent =
          config
              .agentForMember(o.get("interface").asText(), o.get("member").asText())
              .orElseThrow()
              .id();
      out.add(
          new Expected(
              null,
              o.get("queue").asText(),
              agent,
              o.get("caller_id_num").asText(),
              "COMPLETED",
              o.get("reason").asText(),
              "queue"));
    }
    return out;
  }

  static Map<String, Object> find(Map<String, Map<String, Object>> rows, Expected e) {
    if (e.callId() != null) {
      return rows.get(e.callId());
    }
    for (var row : rows.values()) {
      if (e.caller().equals(row.get("caller_number")) && e.queue().equals(row.get("queue"))) {
        return row;
      }
    }
    return null;
  }

  /** Waits until the store holds {@code n} ended calls (or times out and returns what is there). */
  static Map<String, Map<String, Object>> awaitRows(Nodes ts, int n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    Map<String, Map<String, Object>> rows;
    do {
      rows = new LinkedHashMap<>();
      try (Connection c = ts.database();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM calls ORDER BY started_at")) {
        int cols = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Map<String, Object> row = new HashMap<>();
          for (int i = 1; i <= cols; i++) {
            row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
          }
          rows.put(rs.getString("call_id"), row);
        }
      }
      long ended =
          rows.values().stream().filter(r -> !"CONNECTED".equals(r.get("outcome"))).count();
      if (ended >= n) {
        return rows;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    return rows;
  }
}
