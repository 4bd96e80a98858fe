package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
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
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the database locked, calls still pop; the disposition is refused, retried and stored once it
 * can be.
 */
class DatabaseLockedTest {
  static final Path TRACES = AmiTrace.defaultDirectory();

  @TempDir Path dir;

  @Test
  void popsGoOnWhileTheDatabaseIsLockedAndTheDispositionLandsAfterwards() throws Exception {
    assumeTrue(Files.isDirectory(TRACES), "AMI traces not found at " + TRACES + ": skipped");
    Path db = dir.resolve("objectives.db");
    try (ScriptedAmiServer ami =
            ScriptedAmiServer.replaying(AmiTrace.load(TRACES, "a_sales_caller_hangup"), 50)
                .start();
        ObjectivesServer server =
            new ObjectivesServer(
                TestServer.exampleConfig(db, Duration.ofMinutes(2)),
                Store.open(db, 200),
                Clock.systemUTC(),
                List.of())) {
      int port = server.start(List.of()).getPort();
      AgentRecorder alice = new AgentRecorder("1001");
      try (BridgeClient client =
              BridgeClient.builder(
                      URI.create("ws://127.0.0.1:" + port + "/agent"), "1001", "demo-1001")
                  .listener(alice)
                  .build();
          Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
          Statement lock = other.createStatement()) {
        client.start();
        alice.next(Welcome.class);
        lock.execute("PRAGMA busy_timeout=200");
        lock.execute("BEGIN EXCLUSIVE"); // e.g. a backup tool holding the file

        server.connectAmi(
            new AmiServer(
                "trace",
                "127.0.0.1",
                ami.port(),
                AmiWireServer.DEFAULT_USERNAME,
                AmiWireServer.DEFAULT_SECRET));
        CallStarted pop = alice.next(CallStarted.class); // the pop does not wait for the disk
        alice.next(CallEnded.class);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(server.health().get("callRowsWaitingForDatabase") instanceof Integer n && n > 0)
            && System.nanoTime() < until) {
          Thread.sleep(50); // each write first waits out the 200 ms busy timeout
        }
        assertTrue(
            server.health().get("callRowsWaitingForDatabase") instanceof Integer n && n > 0,
            "call rows are held: " + server.health());

        CompletableFuture<DispositionAck> ack =
            client.submit(
                new DispositionSubmit(
                    null,
                    pop.callId(),
                    "ADVANCE",
                    true,
                    List.of("greeting"),
                    0,
                    List.of(),
                    null,
                    "while locked"));
        ErrorMessage refused = alice.await(ErrorMessage.class, 10);
        assertEquals(ErrorMessage.STORE_FAILED, refused.code());
        assertFalse(ack.isDone(), "not acked while it is not stored");
        assertEquals(1, client.queued().size(), "kept in the bridge's queue for another try");

        lock.execute("ROLLBACK");
        DispositionAck stored = ack.get(30, TimeUnit.SECONDS); // the bridge retries store_failed
        assertFalse(stored.duplicate());
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT count(*) FROM dispositions WHERE notes = 'while locked'");
        rs.next();
        assertEquals(1, rs.getInt(1));
        rs =
            c.createStatement()
                .executeQuery("SELECT count(*) FROM calls WHERE outcome = 'COMPLETED'");
        rs.next();
        assertEquals(1, rs.getInt(1), "the held call row was written once the lock went");
      }
    }
  }
}
