package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.FreezableProxy;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disposition made while the server is unreachable waits in the bridge's file queue and lands
 * once.
 */
class AgentReconnectTest {
  static final Path TRACES = AmiTrace.defaultDirectory();

  @TempDir Path dir;

  @Test
  void aDispositionQueuedWhileOfflineIsSentOnReconnectAndStoredExactlyOnce() throws Exception {
    assumeTrue(Files.isDirectory(TRACES), "AMI traces not found at " + TRACES + ": skipped");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path outbox = dir.resolve("outbox-1001.jsonl");
    CallStarted pop;
    try (ScriptedAmiServer ami =
        ScriptedAmiServer.replaying(AmiTrace.load(TRACES, "a_sales_caller_hangup"), 50).start()) {
      TestServer first = TestServer.start(dir, port, List.of(), Duration.ofMinutes(2), List.of());
      AgentRecorder alice = new AgentRecorder("1001");
      BridgeClient client =
          BridgeClient.builder(first.agentUri(), "1001", "demo-1001")
              .outbox(outbox)
              .listener(alice)
              .backoff(Duration.ofMillis(100), Duration.ofMillis(500))
              .build();
      client.start();
      alice.next(Welcome.class);
      first.server.connectAmi(
          new AmiServer(
              "trace",
              "127.0.0.1",
              ami.port(),
              AmiWireServer.DEFAULT_USERNAME,
              AmiWireServer.DEFAULT_SECRET));
      pop = alice.next(CallStarted.class);
      alice.next(CallEnded.class);

      first.close(); // the server goes away before the agent has saved the outcome
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (client.isConnected() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertFalse(client.isConnected());
      CompletableFuture<DispositionAck> pending =
          client.submit(
              new DispositionSubmit(
                  null,
                  pop.callId(),
                  "SALE",
                  true,
                  List.of("greeting"),
                  1,
                  List.of("two extra seats"),
                  93,
                  "signed while the server was down"));
      assertEquals(1, client.queued().size());
      assertTrue(
          Files.readString(outbox).contains(pop.callId()), "kept in the bridge's file queue");
      client.close(); // even the bridge restarts: the file queue survives

      try (TestServer second =
          TestServer.start(dir, port, List.of(), Duration.ofMinutes(2), List.of())) {
        AgentRecorder again = new AgentRecorder("1001");
        try (BridgeClient restarted =
            BridgeClient.builder(second.agentUri(), "1001", "demo-1001")
                .outbox(outbox)
                .listener(again)
                .build()) {
          restarted.start();
          again.next(Welcome.class);
          // The restarted server gives the agent back the call still waiting for its outcome.
          CallStarted replay = again.next(CallStarted.class);
          assertEquals(pop.callId(), replay.callId());
          assertTrue(replay.replay(), "a replay, not a new call");
          again.next(CallEnded.class);
          DispositionAck ack = again.next(DispositionAck.class);
          assertEquals(pop.callId(), ack.callId());
          assertFalse(ack.duplicate());
          assertTrue(restarted.queued().isEmpty());
          // The same outcome sent again (e.g. the ack was lost) is answered with the stored one.
          DispositionAck dup =
              restarted
                  .submit(
                      new DispositionSubmit(
                          null,
                          pop.callId(),
                          "NO_ADVANCE",
                          false,
                          List.of(),
                          0,
                          List.of(),
                          null,
                          null))
                  .get(10, TimeUnit.SECONDS);
          assertTrue(dup.duplicate());
          assertEquals("SALE", dup.stored().code());
        }
        try (Connection c = DriverManager.getConnection(second.jdbcUrl())) {
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT count(*), max(code), max(notes) FROM dispositions WHERE call_id = '"
                          + pop.callId()
                          + "'");
          rs.next();
          assertEquals(1, rs.getInt(1));
          assertEquals("SALE", rs.getString(2));
          assertEquals("signed while the server was down", rs.getString(3));
        }
      }
      assertTrue(
          pending.isCompletedExceptionally(), "the first client's future ended with its close");
    }
  }

  @Test
  void aServerThatStopsAnsweringWithoutClosingIsLeftAfterAnUnansweredPingAndTheBridgeSignsInAgain()
      throws Exception {
    try (TestServer ts = TestServer.start(dir, 0, List.of(), Duration.ofMinutes(2), List.of());
        FreezableProxy proxy = new FreezableProxy(ts.server.address().getPort())) {
      AgentRecorder alice = new AgentRecorder("1001");
      try (BridgeClient client =
          BridgeClient.builder(
                  java.net.URI.create("ws://127.0.0.1:" + proxy.port() + "/agent"),
                  "1001",
                  "demo-1001")
              .listener(alice)
              .backoff(Duration.ofMillis(100), Duration.ofMillis(300))
              .pingInterval(Duration.ofSeconds(4))
              .build()) {
        client.start();
        alice.await(Welcome.class, 10);
        // The link stays open and says nothing (a host gone, a cut cable, a close never seen):
        // only the ping that gets no answer shows it, within two intervals (silence alone would
        // take three, 12 s).
        proxy.freezeCurrent();
        alice.await(Welcome.class, 11);
        assertTrue(client.isConnected(), "signed in again over a fresh connection");
      }
    }
  }
}
