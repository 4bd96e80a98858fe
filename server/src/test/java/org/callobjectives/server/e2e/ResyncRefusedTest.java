package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.TestServer;
import org.callobjectives.server.testing.TraceParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the AMI user the old README recommended (no write classes), Asterisk answers
 * CoreShowChannels with "Permission denied": that is not "no channels". A link drop then closes
 * nothing; the call ends when Asterisk says so, with Asterisk's talk time.
 */
class ResyncRefusedTest {
  static final Path TRACES = AmiTrace.defaultDirectory();

  @TempDir Path dir;

  @Test
  void aResyncRefusedByAsteriskClosesNothing() throws Exception {
    assumeTrue(Files.isDirectory(TRACES), "AMI traces not found at " + TRACES + ": skipped");
    List<AmiTrace.Packet> start = TraceParts.upTo("a_sales_caller_hangup", "AgentConnect");
    List<AmiTrace.Packet> end = TraceParts.after("a_sales_caller_hangup", "AgentConnect");
    try (AmiWireServer ami = new AmiWireServer(InetAddress.getLoopbackAddress(), 0).start();
        TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      ami.setWriteClasses(Set.of()); // read = call,agent,user; write = (nothing)
      AgentRecorder alice = new AgentRecorder("1001");
      try (BridgeClient client =
          new BridgeClient(ts.agentUri(), "1001", "demo-1001", null, alice)) {
        client.start();
        alice.await(Welcome.class, 10);
        ts.server.connectAmi(
            new AmiServer(
                "pbx",
                "127.0.0.1",
                ami.port(),
                AmiWireServer.DEFAULT_USERNAME,
                AmiWireServer.DEFAULT_SECRET));
        assertTrue(ami.awaitLogins(1, Duration.ofSeconds(10)));
        start.forEach(p -> ami.sendRaw(p.bytes()));
        CallStarted pop = alice.await(CallStarted.class, 10);

        ami.dropAllConnections(); // the link drops; Asterisk-Java reconnects and we ask for a
        // resync
        assertTrue(ami.awaitLogins(2, Duration.ofSeconds(20)));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (((Number) ts.server.health().get("amiResyncFailures")).longValue() < 2
            && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertTrue(
            ((Number) ts.server.health().get("amiResyncFailures")).longValue() >= 2,
            "both resyncs (first login, reconnect) were refused and reported: "
                + ts.server.health());
        assertEquals(1, ts.server.openCalls().size(), "the call is still up: kept");

        end.forEach(p -> ami.sendRaw(p.bytes()));
        CallEnded ended = alice.await(CallEnded.class, 10);
        assertEquals(pop.callId(), ended.callId());
        assertEquals("completed:caller", ended.reason());
      }
      // The push to the agent may come before the store has written the call's end
      String[] row = awaitEndedCall(ts);
      assertEquals("COMPLETED", row[0]);
      assertEquals("caller", row[1]);
      assertEquals(3, Integer.parseInt(row[2]), "Asterisk's TalkTime");
    }
  }

  /**
   * The one call's outcome, end reason and talk time once the store has ended it (15 s at most).
   */
  private static String[] awaitEndedCall(TestServer ts) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    String[] row;
    do {
      try (Connection c = DriverManager.getConnection(ts.jdbcUrl());
          ResultSet rs =
              c.createStatement()
                  .executeQuery("SELECT outcome, end_reason, talk_seconds FROM calls")) {
        assertTrue(rs.next());
        row = new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
      }
      if (!"CONNECTED".equals(row[0])) {
        return row;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    return row;
  }
}
