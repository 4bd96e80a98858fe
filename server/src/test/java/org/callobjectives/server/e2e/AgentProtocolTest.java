package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input from the AMI side and the agent side: clear errors, no crash, nothing lost. */
class AgentProtocolTest {
  static final Path TRACES = AmiTrace.defaultDirectory();

  @TempDir Path dir;
  TestServer ts;
  ScriptedAmiServer ami;

  @BeforeEach
  void start() throws Exception {
    ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of());
  }

  @AfterEach
  void stop() {
    if (ami != null) {
      ami.close();
    }
    ts.close();
  }

  /** Replays trace a (Alice, agent 1001, answers a sales call) with garbage between its events. */
  private void replayCallForAlice(boolean withGarbage) throws Exception {
    assumeTrue(Files.isDirectory(TRACES), "AMI traces not found at " + TRACES + ": skipped");
    AmiTrace trace = AmiTrace.load(TRACES, "a_sales_caller_hangup");
    AmiTrace.Session s = trace.sessions().get(0);
    if (withGarbage) {
      byte[][] junk = {
        "this line has no colon\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
        "Event: SomethingAsteriskInventsNextYear\r\nFoo: bar\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII),
        "Event: AgentConnect\r\nQueue: sales\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
        "Event: AgentComplete\r\nPrivilege: agent,all\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
        "Event: Hangup\r\nUniqueid: \r\nCause: notanumber\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII),
        new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, '\r', '\n', '\r', '\n'},
        ("Event: QueueCallerJoin\r\nQueue: sales\r\nCallerIDNum: " + "9".repeat(5000) + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII),
      };
      for (int i = 0; i < junk.length; i++) {
        s = s.withRawBytes(1 + i * 3, junk[i]);
      }
    }
    ami = new ScriptedAmiServer(List.of(s), 50).start();
    ts.server.connectAmi(
        new AmiServer(
            "trace",
            "127.0.0.1",
            ami.port(),
            AmiWireServer.DEFAULT_USERNAME,
            AmiWireServer.DEFAULT_SECRET));
  }

  private RawAgentSocket signIn(String agent) throws Exception {
    RawAgentSocket ws = new RawAgentSocket(ts.agentUri());
    ws.send(new Hello(agent, "demo-" + agent, "test"));
    assertEquals(agent, ws.next(Welcome.class).agentId());
    return ws;
  }

  @Test
  void malformedAndUnknownAmiInputIsSkippedAndTheCallIsStillPopped() throws Exception {
    try (RawAgentSocket alice = signIn("1001")) {
      replayCallForAlice(true);
      CallStarted pop = alice.next(CallStarted.class);
      assertEquals("15551230001", pop.callerNumber());
      assertEquals("sales", pop.queue());
      assertEquals("sales-demo-booked", pop.objective().id());
      CallEnded end = alice.next(CallEnded.class);
      assertEquals(pop.callId(), end.callId());
      assertEquals(0, ts.server.pump().dropped());
    }
  }

  @Test
  void badFramesGetClearErrorsAndTheConnectionStaysUsable() throws Exception {
    try (RawAgentSocket ws = new RawAgentSocket(ts.agentUri())) {
      ws.sendText("{not json");
      ErrorMessage e = ws.next(ErrorMessage.class);
      assertEquals(ErrorMessage.BAD_REQUEST, e.code());
      ws.sendText("{\"type\":\"teleport\"}");
      assertEquals(ErrorMessage.BAD_REQUEST, ws.next(ErrorMessage.class).code());
      ws.sendText(
          "{\"type\":\"disposition\",\"callId\":\"x\",\"code\":\"ADVANCE\",\"upsellCount\":\"many\"}");
      assertEquals(ErrorMessage.BAD_REQUEST, ws.next(ErrorMessage.class).code());
      ws.sendBinary(new byte[] {1, 2, 3});
      assertEquals(ErrorMessage.BAD_REQUEST, ws.next(ErrorMessage.class).code());
      ws.send(
          new DispositionSubmit(
              "r1", "trace:1", "ADVANCE", true, List.of(), 0, List.of(), null, null));
      ErrorMessage unauth = ws.next(ErrorMessage.class);
      assertEquals(ErrorMessage.UNAUTHORIZED, unauth.code());
      assertEquals("r1", unauth.requestId());
      ws.send(new CallStarted("c", "queue", "q", "1", "n", 0, null, List.of(), false));
      assertEquals(ErrorMessage.BAD_REQUEST, ws.next(ErrorMessage.class).code());
      // Still usable: sign in works on the same connection.
      ws.send(new Hello("1001", "demo-1001", "test"));
      assertEquals("1001", ws.next(Welcome.class).agentId());
    }
  }

  @Test
  void wrongTokenIsRefusedAndTheConnectionClosed() throws Exception {
    try (RawAgentSocket ws = new RawAgentSocket(ts.agentUri())) {
      ws.send(new Hello("1001", "demo-1002", "test"));
      assertEquals(ErrorMessage.UNAUTHORIZED, ws.next(ErrorMessage.class).code());
      assertTrue(ws.next().startsWith(RawAgentSocket.CLOSED));
    }
    try (RawAgentSocket ws = new RawAgentSocket(ts.agentUri())) {
      ws.send(new Hello("9999", "demo-9999", "test"));
      assertEquals(ErrorMessage.UNAUTHORIZED, ws.next(ErrorMessage.class).code());
    }
  }

  @Test
  void anOversizedFrameClosesOnlyThatConnection() throws Exception {
    try (RawAgentSocket good = signIn("1002");
        RawAgentSocket bad = new RawAgentSocket(ts.agentUri())) {
      try {
        bad.sendText("{\"type\":\"hello\",\"agentId\":\"" + "x".repeat(200_000) + "\"}");
      } catch (java.util.concurrent.ExecutionException e) {
        // the server may close the connection before the client has finished writing the frame
      }
      assertTrue(bad.next().startsWith(RawAgentSocket.CLOSED));
      good.sendText("{oops");
      assertEquals(ErrorMessage.BAD_REQUEST, good.next(ErrorMessage.class).code());
    }
  }

  @Test
  void dispositionsAreCheckedStoredOnceAndOnlyForTheAgentsOwnCall() throws Exception {
    try (RawAgentSocket alice = signIn("1001");
        RawAgentSocket bob = signIn("1002")) {
      replayCallForAlice(false);
      CallStarted pop = alice.next(CallStarted.class);
      alice.next(CallEnded.class);

      bob.send(
          new DispositionSubmit(
              "b1", pop.callId(), "SALE", true, List.of(), 0, List.of(), null, null));
      assertEquals(ErrorMessage.NOT_YOUR_CALL, bob.next(ErrorMessage.class).code());
      alice.send(
          new DispositionSubmit(
              "a0", "trace:nope", "SALE", true, List.of(), 0, List.of(), null, null));
      assertEquals(ErrorMessage.UNKNOWN_CALL, alice.next(ErrorMessage.class).code());
      alice.send(
          new DispositionSubmit(
              "a1", pop.callId(), "BOGUS", true, List.of(), 0, List.of(), null, null));
      assertEquals(ErrorMessage.INVALID_DISPOSITION, alice.next(ErrorMessage.class).code());
      alice.send(
          new DispositionSubmit(
              "a2", pop.callId(), "SALE", true, List.of("no-such-item"), 0, List.of(), null, null));
      assertEquals(ErrorMessage.INVALID_DISPOSITION, alice.next(ErrorMessage.class).code());
      alice.send(
          new DispositionSubmit(
              "a3", pop.callId(), "SALE", true, List.of(), 0, List.of(), 101, null));
      assertEquals(ErrorMessage.INVALID_DISPOSITION, alice.next(ErrorMessage.class).code());

      DispositionSubmit first =
          new DispositionSubmit(
              "a4",
              pop.callId(),
              "SALE",
              true,
              List.of("greeting", "recording-notice", "identity"),
              2,
              List.of("annual plan", "extra seats"),
              92,
              "booked for Tuesday");
      alice.send(first);
      DispositionAck ack = alice.next(DispositionAck.class);
      assertFalse(ack.duplicate());
      assertEquals("a4", ack.requestId());

      alice.send(
          new DispositionSubmit(
              "a5", pop.callId(), "NOT_INTERESTED", false, List.of(), 0, List.of(), null, null));
      DispositionAck dup = alice.next(DispositionAck.class);
      assertTrue(dup.duplicate());
      assertEquals("SALE", dup.stored().code());
      assertEquals(List.of("annual plan", "extra seats"), dup.stored().upsellNotes());

      try (Connection c = DriverManager.getConnection(ts.jdbcUrl())) {
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*), max(code), max(is_sale), max(upsell_count), max(csat) FROM dispositions");
        rs.next();
        assertEquals(1, rs.getInt(1));
        assertEquals("SALE", rs.getString(2));
        assertEquals(1, rs.getInt(3));
        assertEquals(2, rs.getInt(4));
        assertEquals(92, rs.getInt(5));
        rs =
            c.createStatement()
                .executeQuery(
                    "SELECT sum(done), count(*) FROM checklist_results WHERE required = 1 AND kind = 'compliance'");
        rs.next();
        assertEquals(2, rs.getInt(1));
        assertEquals(2, rs.getInt(2));
      }
    }
  }

  @Test
  void aReconnectingAgentGetsItsCallAgainAndMissedWrapUpIsStoredAsUndisposed() throws Exception {
    ts.close();
    ts = TestServer.start(dir.resolve("short"), List.of(), Duration.ofSeconds(5), List.of());
    try (RawAgentSocket alice = signIn("1001")) {
      replayCallForAlice(false);
      CallStarted pop = alice.next(CallStarted.class);
      alice.next(CallEnded.class);
      alice.close();
      try (RawAgentSocket again = signIn("1001")) {
        CallStarted replay = again.next(CallStarted.class);
        assertEquals(pop.callId(), replay.callId());
        assertTrue(replay.replay());
        again.next(CallEnded.class);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      String code = null;
      while (System.nanoTime() < deadline && code == null) {
        try (Connection c = DriverManager.getConnection(ts.jdbcUrl())) {
          ResultSet rs = c.createStatement().executeQuery("SELECT code FROM dispositions");
          code = rs.next() ? rs.getString(1) : null;
        }
        Thread.sleep(200);
      }
      assertEquals("UNDISPOSED", code);
    }
  }
}
