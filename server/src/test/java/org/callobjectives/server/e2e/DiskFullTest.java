package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.FullDisk;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full database under a burst of real calls, real WebSockets and real agent-bridges: pops go on,
 * dispositions are refused with store_failed and resent; once there is room every call has its row
 * and exactly one disposition (its own), nothing lost, no duplicates, and the WAL is truncated.
 */
class DiskFullTest {
  static final Path TRACES = AmiTrace.defaultDirectory();
  static final List<String> AGENTS = List.of("1001", "1002", "1003", "2001", "2002");

  @TempDir Path dir;

  /** An agent who dispositions every call that ends, with the call id in the notes. */
  static final class Agent implements BridgeClient.Listener {
    final Map<String, CallStarted> pops = new ConcurrentHashMap<>();
    final List<CompletableFuture<DispositionAck>> acks = new CopyOnWriteArrayList<>();
    final List<ErrorMessage> errors = new CopyOnWriteArrayList<>();
    volatile BridgeClient client;

    @Override
    public void onCallStarted(CallStarted c) {
      pops.put(c.callId(), c);
    }

    @Override
    public void onCallEnded(CallEnded e) {
      CallStarted pop = pops.get(e.callId());
      DispositionCode code =
          pop.dispositionCodes().stream()
              .filter(c -> !Boolean.FALSE.equals(c.advance()))
              .findFirst()
              .orElseThrow();
      acks.add(
          client.submit(
              new DispositionSubmit(
                  null,
                  e.callId(),
                  code.code(),
                  !Boolean.FALSE.equals(code.advance()),
                  List.of(),
                  0,
                  List.of(),
                  null,
                  "call " + e.callId())));
    }

    @Override
    public void onError(ErrorMessage e) {
      errors.add(e);
    }
  }

  @Test
  void
      whileTheDatabaseIsFullPopsGoOnDispositionsAreResentAndAfterwardsEveryCallHasItsRowAndOneDisposition()
          throws Exception {
    assumeTrue(Files.isDirectory(TRACES), "AMI traces not found at " + TRACES + ": skipped");
    Path db = dir.resolve("objectives.db");
    try (ScriptedAmiServer ami =
            ScriptedAmiServer.replaying(AmiTrace.load(TRACES, "e_burst_20_calls"), 10);
        ObjectivesServer server =
            new ObjectivesServer(
                TestServer.exampleConfig(db, Duration.ofMinutes(10)),
                Store.open(db),
                Clock.systemUTC(),
                List.of())) {
      ami.start();
      int port = server.start(List.of()).getPort();
      List<Agent> agents = new ArrayList<>();
      List<BridgeClient> clients = new ArrayList<>();
      try {
        for (String id : AGENTS) {
          Agent a = new Agent();
          a.client =
              BridgeClient.builder(
                      URI.create("ws://127.0.0.1:" + port + "/agent"), id, "demo-" + id)
                  .listener(a)
                  .backoff(Duration.ofMillis(200), Duration.ofSeconds(1))
                  .build();
          a.client.start();
          agents.add(a);
          clients.add(a.client);
        }
        FullDisk.fillFreePages(db);
        server.store().maxPageCountForTest(1).get(5, TimeUnit.SECONDS);

        server.connectAmi(
            new AmiServer(
                "trace",
                "127.0.0.1",
                ami.port(),
                AmiWireServer.DEFAULT_USERNAME,
                AmiWireServer.DEFAULT_SECRET));
        assertTrue(ami.awaitDone(Duration.ofSeconds(60)), "the burst was replayed");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (agents.stream().mapToInt(a -> a.acks.size()).sum()
                < agents.stream().mapToInt(a -> a.pops.size()).sum()
            || agents.stream().mapToInt(a -> a.errors.size()).sum() == 0) {
          assertTrue(
              System.nanoTime() < deadline,
              "every popped call ended and was submitted: " + server.health());
          Thread.sleep(100);
        }
        int popped = agents.stream().mapToInt(a -> a.pops.size()).sum();
        assertTrue(
            popped >= 10,
            "the burst popped its calls to the agents while the database was full: " + popped);
        Map<String, Object> during = server.health();
        @SuppressWarnings("unchecked")
        Map<String, Object> store = (Map<String, Object>) during.get("store");
        assertEquals("unwritable", store.get("state"), during.toString());
        assertTrue(
            ((Number) during.get("callRowsWaitingForDatabase")).intValue() > 0, during.toString());
        assertTrue(
            ((Number) during.get("dispositionsWaitingForDatabase")).intValue() > 0,
            during.toString());
        for (Agent a : agents) {
          for (ErrorMessage e : a.errors) {
            assertEquals(
                ErrorMessage.STORE_FAILED,
                e.code(),
                "refused as store_failed, never unknown_call: " + e);
          }
        }
        assertTrue(
            agents.stream().anyMatch(a -> a.acks.stream().anyMatch(f -> !f.isDone())),
            "refused dispositions are not acked while the database is full");

        server.store().maxPageCountForTest(1_000_000_000).get(5, TimeUnit.SECONDS); // space is back
        for (Agent a : agents) {
          for (CompletableFuture<DispositionAck> f : a.acks) {
            f.get(60, TimeUnit.SECONDS); // the bridges resend until it is stored
          }
        }
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(((Map<?, ?>) server.health().get("store")).get("walTruncations") instanceof Long n
            && n > 0)) {
          assertTrue(
              System.nanoTime() < deadline,
              "the WAL is truncated after the outage: " + server.health());
          Thread.sleep(100);
        }
        Map<String, Object> after = server.health();
        assertEquals(0, after.get("callRowsWaitingForDatabase"), after.toString());
        assertEquals(0L, after.get("callRowsLost"), after.toString());
        assertEquals(0, after.get("dispositionsWaitingForDatabase"), after.toString());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
          for (int i = 0; i < agents.size(); i++) {
            for (String callId : agents.get(i).pops.keySet()) {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      """
                  SELECT c.agent_id, count(d.id), min(d.notes), min(d.agent_id) FROM calls c
                  LEFT JOIN dispositions d ON d.call_id = c.call_id WHERE c.call_id = ? GROUP BY c.call_id""")) {
                ps.setString(1, callId);
                ResultSet rs = ps.executeQuery();
                assertTrue(rs.next(), "call " + callId + " has its row");
                assertEquals(AGENTS.get(i), rs.getString(1));
                assertEquals(1, rs.getInt(2), "exactly one disposition for " + callId);
                assertEquals(
                    "call " + callId, rs.getString(3), "its own disposition, not another call's");
                assertEquals(AGENTS.get(i), rs.getString(4));
              }
            }
          }
          ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM dispositions");
          rs.next();
          assertEquals(popped, rs.getInt(1), "no extra or duplicate dispositions");
        }
      } finally {
        for (BridgeClient b : clients) {
          b.close();
        }
      }
    }
  }
}
