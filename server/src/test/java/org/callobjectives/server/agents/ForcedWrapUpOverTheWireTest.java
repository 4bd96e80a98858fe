package org.callobjectives.server.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.callobjectives.amisim.AmiAction;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.DemoAgent;
import org.callobjectives.amisim.DemoCallGenerator;
import org.callobjectives.amisim.DemoSettings;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Message;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Forced wrap-up against the simulator's AMI wire server through the real Asterisk-Java connection:
 * QueuePause on call end, unpause on disposition or deadline, others' pauses left alone.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ForcedWrapUpOverTheWireTest {
  static final String ALICE = "Local/1001@agents/n";

  @TempDir Path dir;
  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  AmiWireServer wire;
  DemoCallGenerator gen;
  TestServer ts;

  @AfterEach
  void stop() {
    if (ts != null) {
      ts.close();
    }
    if (gen != null) {
      gen.close();
    }
    scheduler.shutdownNow();
    if (wire != null) {
      wire.close();
    }
  }

  /** Alice in sales and support; short rings and talks; the caller hangs up. */
  private void start(Duration wrapUp, Set<String> writeClasses) throws Exception {
    wire = new AmiWireServer(InetAddress.getLoopbackAddress(), 0).start();
    wire.setWriteClasses(writeClasses);
    DemoSettings s =
        new DemoSettings(
            List.of("sales", "support"),
            List.of(DemoAgent.of("1001", "Alice Agent", "sales", "support")),
            1,
            Duration.ofMillis(300),
            Duration.ofMillis(300),
            Duration.ofMillis(100),
            0,
            0,
            0,
            Duration.ofSeconds(30),
            7);
    gen = new DemoCallGenerator(s, wire::broadcast, Clock.systemUTC(), scheduler);
    wire.setChannelDirectory(gen.directory());
    wire.setQueueControl(gen.queueControl());
    ts = TestServer.start(dir, List.of(), wrapUp, List.of());
    ts.server.connectAmi(
        new AmiServer(
            "pbx",
            "127.0.0.1",
            wire.port(),
            AmiWireServer.DEFAULT_USERNAME,
            AmiWireServer.DEFAULT_SECRET));
    assertTrue(wire.awaitLogins(1, Duration.ofSeconds(10)));
    waitFor(
        "ListCommands answered",
        () ->
            status().startsWith("on") == writeClasses.contains("agent")
                && !status().contains("not checked"));
  }

  private String status() {
    return ts.server.agentDay().forcedWrapUp(List.of("pbx")).get("pbx");
  }

  private static final Set<String> ALL =
      Set.of("system", "call", "agent", "user", "reporting", "command");

  private RawAgentSocket signIn() throws Exception {
    RawAgentSocket ws = new RawAgentSocket(ts.agentUri());
    ws.send(new Hello("1001", "demo-1001", "test"));
    assertEquals("1001", ws.next(Welcome.class).agentId());
    return ws;
  }

  private List<AmiAction> pauses() {
    return wire.actionsReceived().stream().filter(a -> a.is("QueuePause")).toList();
  }

  private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for: " + what);
      }
      Thread.sleep(20);
    }
  }

  /** One queue call answered by Alice, to its end; returns its call id. */
  private String oneCall(RawAgentSocket ws, String queue) throws Exception {
    gen.placeInboundCall(queue);
    String callId = ws.next(CallStarted.class).callId();
    assertEquals(callId, ws.next(CallEnded.class).callId());
    return callId;
  }

  private void dispose(RawAgentSocket ws, String callId) throws Exception {
    ws.send(
        new DispositionSubmit(
            "r-" + callId, callId, "NO_ADVANCE", false, List.of(), 0, List.of(), null, null));
    assertEquals(callId, ws.next(DispositionAck.class).callId());
  }

  @Test
  void aQueueCallEndingPausesTheAgentWithReasonWrapUpAndTheDispositionUnpausesThem()
      throws Exception {
    start(Duration.ofMinutes(2), ALL);
    try (RawAgentSocket ws = signIn()) {
      String callId = oneCall(ws, "sales");
      waitFor(
          "Alice paused in both queues",
          () -> gen.isPaused(ALICE, "sales") && gen.isPaused(ALICE, "support"));
      List<AmiAction> on = pauses();
      assertEquals(2, on.size(), on.toString());
      for (AmiAction a : on) {
        assertEquals(ALICE, a.get("Interface"));
        assertEquals("true", a.get("Paused"));
        assertEquals("wrap-up", a.get("Reason"));
      }
      assertEquals(
          Set.of("sales", "support"), Set.of(on.get(0).get("Queue"), on.get(1).get("Queue")));

      gen.placeInboundCall("sales");
      Thread.sleep(500);
      assertEquals(0, ts.server.openCalls().size(), "no call offered to Alice while she wraps up");

      dispose(ws, callId);
      waitFor(
          "Alice unpaused", () -> !gen.isPaused(ALICE, "sales") && !gen.isPaused(ALICE, "support"));
      List<AmiAction> off = pauses().subList(2, pauses().size());
      assertEquals(2, off.size(), off.toString());
      off.forEach(a -> assertEquals("false", a.get("Paused")));
      // The waiting caller now reaches her.
      assertEquals("sales", ws.next(CallStarted.class).queue());
    }
  }

  @Test
  void aWrapUpDeadlinePassingStoresUndisposedAndUnpausesTheAgent() throws Exception {
    start(Duration.ofSeconds(2), ALL);
    try (RawAgentSocket ws = signIn()) {
      oneCall(ws, "support");
      waitFor("Alice paused", () -> gen.isPaused(ALICE, "support"));
      waitFor(
          "UNDISPOSED and unpaused",
          () ->
              ts.server.dispositions().undisposed() == 1
                  && !gen.isPaused(ALICE, "support")
                  && !gen.isPaused(ALICE, "sales"));
    }
  }

  @Test
  void anUnpauseAsteriskRefusesIsRetriedUntilItLandsSoTheAgentIsNotLeftPaused() throws Exception {
    start(Duration.ofMinutes(2), ALL);
    try (RawAgentSocket ws = signIn()) {
      String callId = oneCall(ws, "sales");
      waitFor("Alice paused", () -> gen.isPaused(ALICE, "sales") && gen.isPaused(ALICE, "support"));
      wire.setWriteClasses(
          Set.of("system", "call", "user", "reporting", "command")); // 'agent' taken away
      dispose(ws, callId);
      waitFor(
          "the unpauses refused",
          () -> pauses().stream().filter(a -> "false".equals(a.get("Paused"))).count() >= 2);
      Thread.sleep(300);
      assertTrue(
          gen.isPaused(ALICE, "sales") && gen.isPaused(ALICE, "support"), "refused: still paused");
      wire.setWriteClasses(ALL);
      waitFor(
          "unpaused by a retry",
          () -> !gen.isPaused(ALICE, "sales") && !gen.isPaused(ALICE, "support"));
      gen.placeInboundCall("sales");
      assertEquals("sales", ws.next(CallStarted.class).queue(), "calls reach her again");
    }
  }

  @Test
  void aPauseTheAgentSetIsNeverUndoneByTheServer() throws Exception {
    start(Duration.ofMinutes(2), ALL);
    // Alice paused herself in support before the call: only sales is hers to take calls from.
    gen.queueControl().pause(ALICE, "support", true, "lunch");
    try (RawAgentSocket ws = signIn()) {
      String first = oneCall(ws, "sales");
      waitFor("paused for wrap-up in sales", () -> gen.isPaused(ALICE, "sales"));
      assertEquals(
          1, pauses().size(), "only the membership that was not paused is paused: " + pauses());
      dispose(ws, first);
      waitFor("sales unpaused", () -> !gen.isPaused(ALICE, "sales"));
      assertTrue(gen.isPaused(ALICE, "support"), "her own lunch pause stays");

      // During a wrap-up she pauses herself (all queues, reason lunch): the server leaves that
      // alone.
      String second = oneCall(ws, "sales");
      waitFor(
          "paused for wrap-up again", () -> pauses().size() == 3 && gen.isPaused(ALICE, "sales"));
      gen.queueControl().pause(ALICE, null, true, "lunch");
      Thread.sleep(300); // her QueueMemberPause events reach the server
      dispose(ws, second);
      Thread.sleep(500);
      assertEquals(3, pauses().size(), "no unpause sent: " + pauses());
      assertTrue(gen.isPaused(ALICE, "sales") && gen.isPaused(ALICE, "support"));
      waitFor(
          "Alice shown paused for lunch",
          () ->
              ts.server.agentDay().states().stream()
                  .anyMatch(
                      st ->
                          st.agentId().equals("1001")
                              && st.state().equals(AgentState.PAUSED)
                              && "lunch".equals(st.reason())));
    }
  }

  @Test
  void theFirstLoginAsksListCommandsAndQueueStatusOnceEach() throws Exception {
    start(Duration.ofMinutes(2), ALL);
    waitFor(
        "QueueStatus asked",
        () -> wire.actionsReceived().stream().anyMatch(a -> a.is("QueueStatus")));
    Thread.sleep(1000); // a second check, if any, would come right after the first
    assertEquals(1, wire.actionsReceived().stream().filter(a -> a.is("ListCommands")).count());
    assertEquals(1, wire.actionsReceived().stream().filter(a -> a.is("QueueStatus")).count());
  }

  @Test
  void aReadOnlyAmiUserTurnsForcedWrapUpOffAndTheServerSaysSoOnce() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(WrapUpPauser.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try {
      start(Duration.ofMinutes(2), Set.of());
      assertTrue(status().contains("write class agent"));
      @SuppressWarnings("unchecked")
      Map<String, String> health = (Map<String, String>) ts.server.health().get("forcedWrapUp");
      assertTrue(health.get("pbx").startsWith("off"), health.toString());
      try (RawAgentSocket ws = signIn()) {
        dispose(ws, oneCall(ws, "sales"));
        wire.dropAllConnections(); // a reconnect checks again: still said only once
        assertTrue(wire.awaitLogins(2, Duration.ofSeconds(20)));
        Thread.sleep(500);
        oneCall(ws, "support");
      }
      assertTrue(pauses().isEmpty(), "no QueuePause sent: " + pauses());
      long said =
          logs.list.stream()
              .filter(
                  e ->
                      e.getFormattedMessage().contains("forced wrap-up is off")
                          && e.getFormattedMessage().contains("'agent'"))
              .count();
      assertEquals(1, said);
    } finally {
      logger.detachAppender(logs);
    }
  }

  @Test
  void theAgentsClientHearsItsStateThroughRingingOnCallWrapUpAndReady() throws Exception {
    start(Duration.ofMinutes(2), ALL);
    try (RawAgentSocket ws = signIn()) {
      List<AgentState> seen = new ArrayList<>();
      seen.add(ws.next(AgentState.class));
      gen.placeInboundCall("sales");
      String callId = null;
      while (callId == null) {
        Message m = ws.nextMessage();
        if (m instanceof AgentState s) {
          seen.add(s);
        } else if (m instanceof CallEnded e) {
          callId = e.callId();
        }
      }
      waitFor("paused", () -> gen.isPaused(ALICE, "sales"));
      ws.send(
          new DispositionSubmit(
              "r1", callId, "NO_ADVANCE", false, List.of(), 0, List.of(), null, null));
      seen.addAll(statesFor(ws, 1500));
      assertEquals(
          List.of(
              AgentState.READY,
              AgentState.RINGING,
              AgentState.ON_CALL,
              AgentState.WRAP_UP,
              AgentState.READY),
          collapse(seen),
          seen.toString());
      AgentState wrap =
          seen.stream()
              .filter(s -> s.state().equals(AgentState.WRAP_UP) && s.forcedWrapUp())
              .findFirst()
              .orElseThrow(() -> new AssertionError("no forced wrap-up state: " + seen));
      assertEquals(1, wrap.pendingWrapUps());
      assertEquals("wrap-up", wrap.reason());
      AgentState last = seen.get(seen.size() - 1);
      assertFalse(last.forcedWrapUp());
      assertEquals(0, last.pendingWrapUps());
      assertTrue(
          ts.server.agentDay().states().stream()
              .anyMatch(s -> s.agentId().equals("1001") && s.state().equals(AgentState.READY)));
    }
  }

  private static List<String> collapse(List<AgentState> states) {
    List<String> out = new ArrayList<>();
    for (AgentState s : states) {
      if (out.isEmpty() || !out.get(out.size() - 1).equals(s.state())) {
        out.add(s.state());
      }
    }
    return out;
  }

  private static List<AgentState> statesFor(RawAgentSocket ws, long millis) throws Exception {
    List<AgentState> out = new ArrayList<>();
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      AgentState s = ws.poll(AgentState.class, deadline - System.currentTimeMillis());
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }
}
