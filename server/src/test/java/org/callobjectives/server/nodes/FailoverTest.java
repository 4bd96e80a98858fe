package org.callobjectives.server.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.FreezableProxy;
import org.callobjectives.server.testing.PostgresServer;
import org.callobjectives.server.testing.ServerProcess;
import org.callobjectives.server.testing.TraceParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real server processes on one PostgreSQL, both serving agents; the node that listens to the
 * AMI link is killed with SIGKILL mid-call, the other takes the link over.
 */
@ExtendWith(PostgresServer.class)
class FailoverTest {
  static final Path TRACES = AmiTrace.defaultDirectory();

  @TempDir Path dir;

  @Test
  void
      whenTheNodeListeningToAsteriskIsKilledTheOtherTakesOverWithinFifteenSecondsAndNothingIsLostOrPoppedTwice(
          PostgresServer.Database pg) throws Exception {
    assumeTrue(Files.isDirectory(TRACES), "AMI traces not found at " + TRACES + ": skipped");
    // Dave's call (trace b) completes; Alice's (trace a) is still up when the active node dies.
    List<AmiTrace.Packet> packets = new ArrayList<>(TraceParts.all("b_support_agent_hangup"));
    packets.addAll(TraceParts.upTo("a_sales_caller_hangup", "AgentConnect"));
    int portA = freePort();
    int portB = freePort();
    HttpClient http = HttpClient.newHttpClient();
    String database = "postgresql://test@127.0.0.1:" + pg.port() + "/" + pg.name();
    Process a = null;
    Process b = null;
    try (ScriptedAmiServer ami =
            new ScriptedAmiServer(List.of(new AmiTrace.Session(0, packets)), 0).start();
        FreezableProxy balancer =
            new FreezableProxy(
                () -> {
                  // Prefers the first node while it answers, like an active/backup balancer.
                  for (int port : new int[] {portA, portB}) {
                    try {
                      if (ServerProcess.health(http, port) == 200) {
                        return port;
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  return -1;
                })) {
      Path configA = ServerProcess.writeConfig(dir, "a", portA, database, ami.port());
      Path configB = ServerProcess.writeConfig(dir, "b", portB, database, ami.port());
      a = ServerProcess.startAndWait(configA, dir.resolve("a.log"), portA);
      awaitListening(http, portA, a, "a", 30);
      b = ServerProcess.startAndWait(configB, dir.resolve("b.log"), portB);
      assertFalse(ServerProcess.listensTo(http, portB, "pbx"), "one node per link");
      assertTrue(
          ServerProcess.healthJson(http, portB)
              .path("amiListenedToBy")
              .path("pbx")
              .asText()
              .contains("PID " + a.pid()),
          "the other node names who listens: " + ServerProcess.healthJson(http, portB));

      // Dave signs in on the node that does not listen to Asterisk: his pop travels through the
      // database. Alice goes through the balancer, to the first node.
      URI ws = URI.create("ws://127.0.0.1:" + balancer.port() + "/agent");
      URI wsB = URI.create("ws://127.0.0.1:" + portB + "/agent");
      AgentRecorder dave = new AgentRecorder("2001");
      AgentRecorder alice = new AgentRecorder("1001");
      try (BridgeClient d = new BridgeClient(wsB, "2001", "demo-2001", null, dave);
          BridgeClient al =
              BridgeClient.builder(ws, "1001", "demo-1001")
                  .listener(alice)
                  .backoff(Duration.ofMillis(200), Duration.ofSeconds(1))
                  .build()) {
        d.start();
        al.start();
        dave.next(Welcome.class, 30);
        alice.next(Welcome.class, 30);
        CallStarted davesCall = dave.next(CallStarted.class, 20);
        dave.next(CallEnded.class);
        DispositionAck ack =
            d.submit(
                    new DispositionSubmit(
                        null,
                        davesCall.callId(),
                        "ADVANCE",
                        true,
                        List.of(),
                        0,
                        List.of(),
                        88,
                        "figures promised for Friday"))
                .get(10, TimeUnit.SECONDS);
        assertFalse(ack.duplicate());
        CallStarted alicesCall = alice.next(CallStarted.class, 20);

        long killedAt = System.nanoTime();
        a.destroyForcibly(); // SIGKILL: its database session ends, and with it the link's lease
        assertTrue(a.waitFor(20, TimeUnit.SECONDS));
        awaitListening(http, portB, b, "b", 30);
        long takeover = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        assertTrue(
            takeover < 15_000, "the other node took the link over after " + takeover + " ms");

        // Alice's client reconnects through the balancer to the other node, which asks Asterisk
        // about her call: gone, so it is closed as interrupted and still takes an outcome.
        CallStarted again = alice.await(CallStarted.class, 30);
        assertEquals(alicesCall.callId(), again.callId());
        assertTrue(again.replay(), "given back as a replay, not a second pop");
        assertEquals(CallEnded.INTERRUPTED, alice.await(CallEnded.class, 30).reason());
        DispositionAck late =
            al.submit(
                    new DispositionSubmit(
                        null,
                        alicesCall.callId(),
                        "CALLBACK",
                        false,
                        List.of(),
                        0,
                        List.of(),
                        null,
                        "line dropped"))
                .get(10, TimeUnit.SECONDS);
        assertFalse(late.duplicate());

        // The traces may play before the clients sign in, so a first pop can be a replay. Dave's
        // call came once and, dispositioned, never again; Alice's came once before the failover
        // and once after it, as a replay.
        assertEquals(1, dave.pops().size(), "Dave: " + dave.pops());
        assertEquals(2, alice.pops().size(), "Alice: " + alice.pops());
        assertTrue(alice.pops().get(1).replay());
        try (Connection c = pg.connect()) {
          assertEquals(
              "ADVANCE|88",
              one(
                  c,
                  "SELECT code || '|' || csat FROM dispositions WHERE call_id = '"
                      + davesCall.callId()
                      + "'"));
          assertEquals(
              "INTERRUPTED",
              one(c, "SELECT outcome FROM calls WHERE call_id = '" + alicesCall.callId() + "'"));
          assertEquals("0", one(c, "SELECT count(*) FROM calls WHERE outcome = 'CONNECTED'"));
          assertEquals("2", one(c, "SELECT count(*) FROM calls"), "no second row for a call");
          assertEquals("2", one(c, "SELECT count(*) FROM dispositions"));
        }
        System.out.println(
            "failover: the other node listened to Asterisk " + takeover + " ms after kill -9");
      }
    } finally {
      for (Process p : new Process[] {a, b}) {
        if (p != null) {
          p.destroy();
          p.waitFor(20, TimeUnit.SECONDS);
        }
      }
    }
  }

  @Test
  void aNodeThatLosesTheSessionHoldingItsLinkLeaseStopsAtOnceAndTheOtherTakesTheLinkOver(
      PostgresServer.Database pg) throws Exception {
    int portA = freePort();
    int portB = freePort();
    HttpClient http = HttpClient.newHttpClient();
    String database = "postgresql://test@127.0.0.1:" + pg.port() + "/" + pg.name();
    Process a = null;
    Process b = null;
    try (ScriptedAmiServer ami = new ScriptedAmiServer(List.of(), 0).start()) {
      a =
          ServerProcess.startAndWait(
              ServerProcess.writeConfig(dir, "a", portA, database, ami.port()),
              dir.resolve("a.log"),
              portA);
      awaitListening(http, portA, a, "a", 30);
      b =
          ServerProcess.startAndWait(
              ServerProcess.writeConfig(dir, "b", portB, database, ami.port()),
              dir.resolve("b.log"),
              portB);
      // The database drops the session that holds the lease (a network cut, a restart): another
      // node may listen to the link from now on, so this one must stop acting.
      try (Connection c = pg.connect();
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                          + " WHERE application_name LIKE 'call-objectives links pid "
                          + a.pid()
                          + "'")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
      assertTrue(a.waitFor(15, TimeUnit.SECONDS), "the node that lost its lease stopped");
      assertEquals(3, a.exitValue());
      assertTrue(Files.readString(dir.resolve("a.log")).contains("lost the database session"));
      awaitListening(http, portB, b, "b", 30);
    } finally {
      for (Process p : new Process[] {a, b}) {
        if (p != null) {
          p.destroy();
          p.waitFor(20, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static String one(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      String v = rs.getString(1);
      assertFalse(rs.next(), "one row: " + sql);
      return v;
    }
  }

  /** Waits until the node listens to the AMI link and is logged in to it. */
  private void awaitListening(HttpClient http, int port, Process p, String name, int seconds)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      assertTrue(p.isAlive(), name + " exited: " + Files.readString(dir.resolve(name + ".log")));
      if (ServerProcess.listensTo(http, port, "pbx")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "node "
            + name
            + " does not listen to the AMI link: "
            + ServerProcess.healthJson(http, port)
            + "\n"
            + Files.readString(dir.resolve(name + ".log")));
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
