package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
import org.callobjectives.server.store.DatabaseLock;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.ServerProcess;
import org.callobjectives.server.testing.TraceParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server per database and port, with real processes: a second one exits at once and touches
 * nothing.
 */
class SecondServerTest {
  static final Path TRACES = AmiTrace.defaultDirectory();

  @TempDir Path dir;

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aSecondServerOnTheSameDatabaseExitsAtOnceNamingTheLockAndTheFirstServersCallsAreUntouched()
      throws Exception {
    assumeTrue(Files.isDirectory(TRACES), "AMI traces not found at " + TRACES + ": skipped");
    // Dave's call (trace b) completes; Alice's (trace a) is cut after it connects: open while the
    // second server tries.
    List<AmiTrace.Packet> packets = new ArrayList<>(TraceParts.all("b_support_agent_hangup"));
    packets.addAll(TraceParts.upTo("a_sales_caller_hangup", "AgentConnect"));
    int port = freePort();
    Path db = dir.resolve("objectives.db");
    try (ScriptedAmiServer ami =
        new ScriptedAmiServer(List.of(new AmiTrace.Session(0, packets)), 0).paused().start()) {
      Path config = ServerProcess.writeConfig(dir, "config", port, db, ami.port());
      URI ws = URI.create("ws://127.0.0.1:" + port + "/agent");
      Process first = ServerProcess.startAndWait(config, dir.resolve("first.log"), port);
      try {
        AgentRecorder dave = new AgentRecorder("2001");
        AgentRecorder alice = new AgentRecorder("1001");
        try (BridgeClient d = new BridgeClient(ws, "2001", "demo-2001", null, dave);
            BridgeClient a = new BridgeClient(ws, "1001", "demo-1001", null, alice)) {
          d.start();
          a.start();
          dave.next(Welcome.class, 30);
          alice.next(Welcome.class, 30);
          ami.resume(); // (a call over before Dave signed in would never reach him)
          CallStarted davesCall = dave.next(CallStarted.class, 20);
          dave.next(CallEnded.class);
          CallStarted alicesCall = alice.next(CallStarted.class, 20);
          awaitOutcome(db, alicesCall.callId(), "CONNECTED");
          String rowBefore = row(db, alicesCall.callId());

          // Same config: same database and same port.
          Process second = ServerProcess.launch(config, dir.resolve("second.log"));
          assertTrue(
              second.waitFor(60, TimeUnit.SECONDS), "the second server exits instead of hanging");
          String out = Files.readString(dir.resolve("second.log"));
          assertNotEquals(0, second.exitValue(), out);
          assertTrue(
              out.contains(DatabaseLock.lockFileOf(db).toString()), "names the lock file: " + out);
          assertTrue(out.contains(db.toAbsolutePath().toString()), "names the database: " + out);
          assertTrue(out.contains("PID " + first.pid()), "names the holder: " + out);
          assertFalse(out.contains("interrupted"), out);

          assertEquals(
              rowBefore, row(db, alicesCall.callId()), "the first server's open call is untouched");
          assertTrue(first.isAlive());
          assertEquals(200, ServerProcess.health(HttpClient.newHttpClient(), port));
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
                          null,
                          "after the second server gave up"))
                  .get(20, TimeUnit.SECONDS);
          assertFalse(ack.duplicate(), "the first server keeps working");
        }
      } finally {
        first.destroy();
        first.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aServerWhosePortIsTakenExitsAtOnceWithAClearMessageAndDoesNotTouchItsDatabase()
      throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      Path db = dir.resolve("fresh").resolve("objectives.db");
      Path config =
          ServerProcess.writeConfig(dir, "config-port", taken.getLocalPort(), db, freePort());
      Process p = ServerProcess.launch(config, dir.resolve("port.log"));
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exits instead of hanging");
      String out = Files.readString(dir.resolve("port.log"));
      assertNotEquals(0, p.exitValue(), out);
      assertTrue(out.contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), out);
      assertFalse(Files.exists(db), "the database was not created or opened");
    }
  }

  static void awaitOutcome(Path db, String callId, String outcome) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!row(db, callId).startsWith(outcome + "|") && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(row(db, callId).startsWith(outcome + "|"), row(db, callId));
  }

  /** The call's row as text (outcome, end reason, ended, updated), or "" when absent. */
  static String row(Path db, String callId) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        var ps =
            c.prepareStatement(
                "SELECT outcome, end_reason, ended_at, updated_at FROM calls WHERE call_id = ?")) {
      ps.setString(1, callId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? rs.getString(1)
                + "|"
                + rs.getString(2)
                + "|"
                + rs.getString(3)
                + "|"
                + rs.getString(4)
            : "";
      }
    }
  }
}
