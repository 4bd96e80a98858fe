package org.callobjectives.amisim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueuePauseAndWrapUpTest {
  private final ManualScheduler scheduler =
      new ManualScheduler(Instant.parse("2026-11-22T19:30:00Z"));
  private final List<AmiEvent> events = new ArrayList<>();

  private DemoCallGenerator generator() {
    DemoSettings settings =
        new DemoSettings(
            List.of("sales", "support"),
            List.of(DemoAgent.of("1001", "Alice Agent", "sales", "support")),
            1.0,
            Duration.ofSeconds(3),
            Duration.ofSeconds(3),
            Duration.ofSeconds(1),
            0,
            0,
            0,
            Duration.ofSeconds(60),
            7);
    return new DemoCallGenerator(settings, events::add, scheduler.clock(), scheduler);
  }

  private List<AmiEvent> ofType(String type) {
    return events.stream().filter(event -> type.equals(event.type())).toList();
  }

  @Test
  void aPauseWithoutQueueSendsOneQueueMemberPausePerMembershipWithTheReason() {
    DemoCallGenerator generator = generator();
    assertNull(generator.queueControl().pause("Local/1001@agents/n", null, true, "wrap-up"));

    List<AmiEvent> pauses = ofType("QueueMemberPause");
    assertEquals(2, pauses.size());
    assertEquals(
        Set.of("sales", "support"), Set.of(pauses.get(0).get("Queue"), pauses.get(1).get("Queue")));
    for (AmiEvent p : pauses) {
      assertEquals("1", p.get("Paused"));
      assertEquals("wrap-up", p.get("PausedReason"));
      assertEquals("Alice Agent", p.get("MemberName"));
    }
    assertTrue(generator.isPaused("Local/1001@agents/n", "sales"));
  }

  @Test
  void anUnknownInterfaceOrQueueIsAnError() {
    DemoCallGenerator generator = generator();
    assertEquals(
        "Interface not found", generator.queueControl().pause("PJSIP/9999", null, true, "x"));
    assertEquals(
        "Interface not found",
        generator.queueControl().pause("Local/1001@agents/n", "nope", true, "x"));
    assertTrue(ofType("QueueMemberPause").isEmpty());
  }

  @Test
  void aPausedMemberIsOfferedNoCallUntilUnpaused() {
    DemoCallGenerator generator = generator();
    generator.queueControl().pause("Local/1001@agents/n", "sales", true, "lunch");
    generator.placeInboundCall("sales");
    scheduler.advance(Duration.ofSeconds(5));
    assertTrue(ofType("AgentCalled").isEmpty(), "nobody rung while the only member is paused");

    generator.queueControl().pause("Local/1001@agents/n", "sales", false, null);
    scheduler.advance(Duration.ofSeconds(2));
    assertEquals(1, ofType("AgentConnect").size());
    AmiEvent unpause = ofType("QueueMemberPause").get(1);
    assertEquals("0", unpause.get("Paused"));
    assertEquals("", unpause.get("PausedReason"));
  }

  @Test
  void aQueueWrapUpTimeKeepsTheNextCallAwayForThatLong() {
    DemoCallGenerator generator = generator();
    generator.setWrapUpTime("sales", Duration.ofSeconds(10));
    generator.placeInboundCall("sales");
    scheduler.advance(Duration.ofSeconds(5)); // 1 s ring + 3 s talk: the call ended at 4 s
    assertEquals(1, ofType("AgentComplete").size());
    generator.placeInboundCall("sales");
    scheduler.advance(Duration.ofSeconds(8)); // 13 s: still within 10 s of the end
    assertEquals(1, ofType("AgentCalled").size());
    scheduler.advance(Duration.ofSeconds(2)); // 15 s: wrap-up over at 14 s
    assertEquals(2, ofType("AgentCalled").size());
    assertEquals("10", ofType("QueueMemberStatus").get(0).get("Wrapuptime"));
  }

  @Test
  void overTheWireQueuePauseAnswersLikeAsteriskAndListCommandsFollowsTheWriteClasses()
      throws Exception {
    DemoCallGenerator generator = generator();
    try (AmiWireServer server = new AmiWireServer(InetAddress.getLoopbackAddress(), 0).start()) {
      server.setQueueControl(generator.queueControl());
      try (RawAmiClient c = new RawAmiClient(server.port())) {
        c.loginPlain(AmiWireServer.DEFAULT_USERNAME, AmiWireServer.DEFAULT_SECRET);
        c.send("Action: ListCommands", "ActionID: l1");
        Map<String, String> list = c.read();
        assertEquals("Success", list.get("Response"));
        assertTrue(list.get("QueuePause").contains("(Priv: agent,all)"), list.toString());
        assertTrue(list.containsKey("CoreShowChannels"));

        c.send(
            "Action: QueuePause",
            "ActionID: p1",
            "Interface: Local/1001@agents/n",
            "Paused: true",
            "Reason: wrap-up");
        Map<String, String> ok = c.read();
        assertEquals("Success", ok.get("Response"));
        assertEquals("Interface paused successfully", ok.get("Message"));

        c.send("Action: QueuePause", "ActionID: p2", "Interface: SIP/nobody", "Paused: true");
        Map<String, String> err = c.read();
        assertEquals("Error", err.get("Response"));
        assertEquals("Interface not found", err.get("Message"));
      }
      server.setWriteClasses(Set.of());
      try (RawAmiClient c = new RawAmiClient(server.port())) {
        c.loginPlain(AmiWireServer.DEFAULT_USERNAME, AmiWireServer.DEFAULT_SECRET);
        c.send("Action: ListCommands", "ActionID: l2");
        Map<String, String> list = c.read();
        assertFalse(list.containsKey("QueuePause"), list.toString());
        assertFalse(list.containsKey("CoreShowChannels"), list.toString());
        assertTrue(list.containsKey("Ping"));

        c.send("Action: CoreShowChannels", "ActionID: c1");
        Map<String, String> denied = c.read();
        assertEquals("Error", denied.get("Response"));
        assertEquals("Permission denied", denied.get("Message"));
        c.send(
            "Action: QueuePause",
            "ActionID: p3",
            "Interface: Local/1001@agents/n",
            "Paused: false");
        assertEquals("Permission denied", c.read().get("Message"));
      }
    }
    assertTrue(
        generator.isPaused("Local/1001@agents/n", "support"), "the denied unpause changed nothing");
  }
}
