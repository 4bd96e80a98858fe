package org.callobjectives.amisim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DemoCallGeneratorTest {
  /**
   * Event types the generator emits; the traces also hold device-state and originate bookkeeping it
   * skips.
   */
  private static final Set<String> GENERATED =
      Set.of(
          "Newchannel",
          "NewCallerid",
          "Newstate",
          "QueueCallerJoin",
          "MusicOnHoldStart",
          "MusicOnHoldStop",
          "AgentCalled",
          "DialBegin",
          "DialEnd",
          "QueueCallerLeave",
          "AgentConnect",
          "BridgeCreate",
          "BridgeEnter",
          "BridgeLeave",
          "BridgeDestroy",
          "HangupRequest",
          "SoftHangupRequest",
          "AgentComplete",
          "Hangup",
          "QueueMemberStatus",
          "QueueCallerAbandon");

  private final ManualScheduler scheduler =
      new ManualScheduler(Instant.parse("2026-11-22T19:30:00Z"));
  private final List<AmiEvent> events = new ArrayList<>();

  private DemoCallGenerator generator(DemoSettings settings) {
    return new DemoCallGenerator(settings, events::add, scheduler.clock(), scheduler);
  }

  private static DemoSettings oneAgent(String queue, DemoAgent agent, double agentHangupRate) {
    return new DemoSettings(
        List.of(queue),
        List.of(agent),
        1.0,
        Duration.ofSeconds(3),
        Duration.ofSeconds(3),
        Duration.ofSeconds(1),
        0,
        0,
        agentHangupRate,
        Duration.ofSeconds(60),
        7);
  }

  private List<AmiEvent> ofType(String type) {
    return events.stream().filter(event -> type.equals(event.type())).toList();
  }

  @Test
  void anAnsweredCallerHangupMatchesTheCapturedEventSequence() throws Exception {
    DemoCallGenerator generator =
        generator(oneAgent("sales", DemoAgent.of("1001", "Alice Agent", "sales"), 0));
    generator.placeInboundCall("sales");
    scheduler.advance(Duration.ofSeconds(10));

    assertEquals(capturedSequence("a_sales_caller_hangup", true), generatedSequence());
  }

  @Test
  void anAnsweredAgentHangupMatchesTheCapturedEventSequence() throws Exception {
    DemoCallGenerator generator =
        generator(oneAgent("support", DemoAgent.of("2001", "Dave Agent", "support"), 1));
    generator.placeInboundCall("support");
    scheduler.advance(Duration.ofSeconds(10));

    assertEquals(capturedSequence("b_support_agent_hangup", true), generatedSequence());
  }

  @Test
  void anOutboundAgentHangupMatchesTheCapturedEventSequence() throws Exception {
    DemoCallGenerator generator =
        generator(oneAgent("sales", DemoAgent.of("1001", "Alice Agent", "sales"), 1));
    assertTrue(generator.placeOutboundCall("1001", "15559870001").isPresent());
    scheduler.advance(Duration.ofSeconds(10));

    assertEquals(capturedSequence("d_outbound_agent_dials", false), generatedSequence());
    AmiEvent dial = ofType("DialBegin").get(1);
    assertEquals("15559870001@customers", dial.get("DialString"));
    assertTrue(dial.get("Channel").matches("Local/1001@agents-[0-9a-f]{8};1"));
    assertTrue(dial.get("DestChannel").matches("Local/15559870001@customers-[0-9a-f]{8};1"));
  }

  @Test
  void anOutboundCustomerHangupMatchesTheCapturedEventSequence() throws Exception {
    DemoCallGenerator generator =
        generator(oneAgent("sales", DemoAgent.of("1002", "Bob Agent", "sales"), 0));
    assertTrue(generator.placeOutboundCall("1002", "15559870002").isPresent());
    assertTrue(generator.placeOutboundCall("1002", "15559870003").isEmpty(), "the agent is busy");
    scheduler.advance(Duration.ofSeconds(10));

    // Asterisk reports the agent's device state asynchronously: the first QueueMemberStatus
    // lands anywhere around the customer dial (compare d and d2), so only its count is checked.
    List<String> captured = capturedSequence("d2_outbound_second_agent", false);
    List<String> generated = generatedSequence();
    assertEquals(withoutMemberStatus(captured), withoutMemberStatus(generated));
    assertEquals(captured.size(), generated.size());
  }

  @Test
  void agentConnectCarriesTheQueueMemberAndTheLegsIdentities() {
    DemoCallGenerator generator =
        generator(oneAgent("sales", DemoAgent.of("1001", "Alice Agent", "sales"), 0));
    String linkedid = generator.placeInboundCall("sales");
    scheduler.advance(Duration.ofSeconds(10));

    AmiEvent connect = ofType("AgentConnect").get(0);
    assertEquals("Local/sales@callers-00000000;2", connect.get("Channel"));
    assertEquals("Local/1001@agents-00000001;1", connect.get("DestChannel"));
    assertEquals(ofType("Newchannel").get(2).get("Uniqueid"), connect.get("DestUniqueid"));
    assertEquals("Alice Agent", connect.get("MemberName"));
    assertEquals("Local/1001@agents/n", connect.get("Interface"));
    assertEquals("1", connect.get("HoldTime"));
    assertEquals("1", connect.get("RingTime"));
    assertTrue(connect.get("CallerIDNum").matches("1555123\\d{4}"));
    assertTrue(connect.get("Uniqueid").matches("\\d{10}\\.\\d+"));
    assertTrue(
        events.stream()
            .filter(event -> event.get("Linkedid") != null)
            .allMatch(event -> linkedid.equals(event.get("Linkedid"))),
        "one Linkedid for every leg of the call");
    AmiEvent complete = ofType("AgentComplete").get(0);
    assertEquals("3", complete.get("TalkTime"));
    assertEquals("caller", complete.get("Reason"));
    assertTrue(ofType("Hangup").stream().allMatch(hangup -> "16".equals(hangup.get("Cause"))));
  }

  @Test
  void aCallerWaitsForABusyAgentAndIsConnectedWhenTheAgentIsFree() {
    DemoCallGenerator generator =
        generator(oneAgent("sales", DemoAgent.of("1001", "Alice Agent", "sales"), 0));
    generator.placeInboundCall("sales");
    generator.placeInboundCall("sales");
    scheduler.advance(Duration.ofSeconds(20));

    List<AmiEvent> connects = ofType("AgentConnect");
    assertEquals(2, connects.size());
    assertEquals(
        "5", connects.get(1).get("HoldTime"), "1 s ring + 3 s talk of the first call + 1 s ring");
    assertTrue(
        events.indexOf(ofType("AgentComplete").get(0)) < events.indexOf(connects.get(1)),
        "the agent takes one call at a time");
    assertEquals("2", ofType("QueueCallerJoin").get(1).get("Position"));
  }

  @Test
  void aCallerAbandonsWhenPatienceRunsOut() {
    DemoSettings settings =
        oneAgent("sales", DemoAgent.of("1001", "Alice Agent", "sales"), 0)
            .withTimes(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(1))
            .withPatience(Duration.ofSeconds(5));
    DemoCallGenerator generator = generator(settings);
    generator.placeInboundCall("sales");
    generator.placeInboundCall("sales");
    scheduler.advance(Duration.ofSeconds(70));

    AmiEvent abandon = ofType("QueueCallerAbandon").get(0);
    assertEquals("5", abandon.get("HoldTime"));
    assertEquals("1", abandon.get("Position"));
    assertEquals("2", abandon.get("OriginalPosition"));
    assertEquals(1, generator.callsAbandoned());
    assertEquals(2, generator.callsEnded());
  }

  @Test
  void theDirectoryShowsLiveChannelsMembersAndWaitingCallers() {
    DemoCallGenerator generator =
        generator(oneAgent("sales", DemoAgent.of("1001", "Alice Agent", "sales"), 0));
    ChannelDirectory directory = generator.directory();
    generator.placeInboundCall("sales");
    generator.placeInboundCall("sales");
    scheduler.advance(Duration.ofMillis(1500));

    assertEquals(6, directory.coreShowChannels().size(), "two caller pairs and one member pair");
    assertEquals(6, directory.status().size());
    List<String> types = directory.queueStatus().stream().map(AmiEvent::type).toList();
    assertEquals(List.of("QueueParams", "QueueMember", "QueueEntry"), types);
    assertEquals("1", directory.queueSummary().get(0).get("Callers"));
    assertEquals("0", directory.queueSummary().get(0).get("Available"));

    scheduler.advance(Duration.ofSeconds(20));
    assertTrue(directory.coreShowChannels().isEmpty());
    assertEquals(0, generator.activeChannelCount());
  }

  @Test
  void aBurstEndsWithEveryCallAccountedForAndNoAgentOnTwoCalls() {
    DemoSettings settings =
        DemoSettings.lab(42)
            .withCallsPerSecond(5)
            .withTimes(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(100))
            .withRates(0.1, 0.2, 0.3)
            .withPatience(Duration.ofSeconds(3));
    DemoCallGenerator generator = generator(settings);
    CompletableFuture<Void> done = generator.burst(200);
    for (int i = 0; i < 600 && !done.isDone(); i++) {
      scheduler.advance(Duration.ofMillis(100));
    }

    assertTrue(done.isDone());
    assertEquals(200, generator.callsStarted());
    assertEquals(200, generator.callsEnded());
    assertEquals(0, generator.activeChannelCount());
    assertEquals(generator.eventsSent(), events.size());
    assertEquals(ofType("Newchannel").size(), ofType("Hangup").size());
    assertTrue(generator.callsAbandoned() > 0);
    assertFalse(
        ofType("DialBegin").stream().noneMatch(d -> d.get("DialString").endsWith("@customers")));
    Set<String> talking = new HashSet<>();
    for (AmiEvent event : events) {
      if ("AgentConnect".equals(event.type())) {
        assertTrue(talking.add(event.get("Interface")), "agent already on a call: " + event);
      } else if ("AgentComplete".equals(event.type())) {
        talking.remove(event.get("Interface"));
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameEvents() {
    DemoSettings settings = DemoSettings.lab(99).withCallsPerSecond(3).withRates(0.2, 0.2, 0.5);
    generator(settings).burst(30);
    scheduler.advance(Duration.ofMinutes(5));
    List<AmiEvent> first = List.copyOf(events);

    ManualScheduler other = new ManualScheduler(Instant.parse("2026-11-22T19:30:00Z"));
    List<AmiEvent> second = new ArrayList<>();
    new DemoCallGenerator(settings, second::add, other.clock(), other).burst(30);
    other.advance(Duration.ofMinutes(5));

    assertEquals(first, second);
  }

  @Test
  void theListenerSeesEachEventBeforeTheSinkDoes() {
    Map<String, Long> connectTimes = new HashMap<>();
    List<String> order = new ArrayList<>();
    DemoCallGenerator generator =
        new DemoCallGenerator(
            oneAgent("sales", DemoAgent.of("1001", "Alice Agent", "sales"), 0),
            event -> order.add("sink " + event.type()),
            scheduler.clock(),
            scheduler);
    generator.setListener(
        (event, nanoTime) -> {
          order.add("listener " + event.type());
          if ("AgentConnect".equals(event.type())) {
            connectTimes.put(event.get("DestUniqueid"), nanoTime);
          }
        });
    generator.placeInboundCall("sales");
    scheduler.advance(Duration.ofSeconds(10));

    assertEquals(1, connectTimes.size());
    int listened = order.indexOf("listener AgentConnect");
    assertEquals("sink AgentConnect", order.get(listened + 1));
  }

  private static List<String> withoutMemberStatus(List<String> keys) {
    return keys.stream().filter(key -> !key.startsWith("QueueMemberStatus")).toList();
  }

  /**
   * The generated events as (type, channel with the Local counter blanked), for trace comparison.
   */
  private List<String> generatedSequence() {
    return events.stream()
        .filter(event -> GENERATED.contains(event.type()))
        .map(DemoCallGeneratorTest::key)
        .toList();
  }

  /**
   * The captured trace reduced the same way. For inbound captures the Originate's own dial of the
   * caller phone (DialBegin/DialEnd without a Channel) is dropped: the generator starts at the
   * caller.
   */
  private static List<String> capturedSequence(String name, boolean inbound) throws Exception {
    List<String> keys = new ArrayList<>();
    for (AmiTrace.Packet packet : Traces.load(name).sessions().get(0).packets()) {
      Map<String, String> fields = parse(packet.bytes());
      String type = fields.get("Event");
      boolean originateDial = type.startsWith("Dial") && !fields.containsKey("Channel");
      if (GENERATED.contains(type) && !(inbound && originateDial)) {
        keys.add(key(AmiEvent.of(fields)));
      }
    }
    return keys;
  }

  private static String key(AmiEvent event) {
    String channel =
        event.get("Channel") == null
            ? "-"
            : event.get("Channel").replaceAll("-[0-9a-f]{8};", "-*;");
    return event.type() + " " + channel;
  }

  private static Map<String, String> parse(byte[] packet) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (String line : new String(packet, StandardCharsets.UTF_8).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        fields.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).trim());
      }
    }
    return fields;
  }
}
