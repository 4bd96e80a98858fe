package org.callobjectives.server.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.callobjectives.server.ami.AmiEvent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ConfigLoader;
import org.callobjectives.server.objectives.ObjectiveResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Call tracking on hand-made event sequences: the orders and gaps real streams can have. */
class CallTrackerTest {
  final List<String> log = new ArrayList<>();
  final List<CallRecord> ended = new ArrayList<>();
  final List<String> resyncs = new ArrayList<>();
  CallTracker tracker;

  @BeforeEach
  void setUp() throws Exception {
    Config config = new ConfigLoader(Path.of("..", "config")).load();
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    tracker = new CallTracker(() -> config, new ObjectiveResolver(() -> config), new CallListener() {
      @Override
      public void connected(CallRecord c, long nanos) {
        log.add("pop " + c.agentId() + " " + c.callId());
      }

      @Override
      public void ended(CallRecord c) {
        log.add("end " + c.callId() + " " + c.outcome() + " " + c.endReason());
        ended.add(c);
      }

      @Override
      public void updated(CallRecord c) {
        log.add("update " + c.callId() + " " + c.endReason());
        ended.add(c);
      }
    }, clock, (server, epoch) -> resyncs.add(server + "@" + epoch));
  }

  private static AmiEvent.AgentConnect connect(String callerUid, String memberUid, String queue, String iface,
      String member) {
    return new AmiEvent.AgentConnect("pbx", 0, queue, callerUid, callerUid, "Local/q@callers-00000001;2",
        "15550001", "Caller", memberUid, "Local/1001@agents-00000002;1", iface, member, 3);
  }

  @Test
  void aHangupOfTheAgentLegBeforeAgentCompleteEndsTheCallOnceAndAsteriskReasonWins() {
    tracker.handle(connect("1.1", "1.2", "sales", "Local/1001@agents/n", "Alice Agent"));
    tracker.handle(new AmiEvent.HangupRequest("pbx", 0, "1.3", "Local/1001@agents-00000002;2"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "1.2", "Local/1001@agents-00000002;1", 16));
    tracker.handle(new AmiEvent.AgentComplete("pbx", 0, "sales", "1.1", "15550001", "1.2",
        "Local/1001@agents-00000002;1", "Local/1001@agents/n", "Alice Agent", 3, 42, "agent"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "1.1", "Local/q@callers-00000001;2", 16));
    assertEquals(List.of("pop 1001 pbx:1.2", "end pbx:1.2 COMPLETED agent", "update pbx:1.2 agent"), log);
    assertEquals(42, ended.get(1).talkSeconds());
  }

  @Test
  void agentCompleteWithoutAnySnapshotIsMatchedByQueueAndInterface() {
    tracker.handle(connect("2.1", "2.2", "support", "Local/2001@agents/n", "Dave Agent"));
    tracker.handle(new AmiEvent.AgentComplete("pbx", 0, "support", null, null, null, null, "Local/2001@agents/n",
        "Dave Agent", 1, 7, "caller"));
    assertEquals(List.of("pop 2001 pbx:2.2", "end pbx:2.2 COMPLETED caller"), log);
    assertEquals(7, ended.get(0).talkSeconds());
  }

  @Test
  void aCallerWhoWaitedTheQueuesMaximumTimedOutRatherThanAbandoned() {
    tracker.handle(new AmiEvent.QueueJoin("pbx", 0, "sales", "3.1", "3.0", "Local/sales@callers-1;2", "1555", null));
    tracker.handle(new AmiEvent.QueueAbandon("pbx", 0, "sales", "3.1", "1555", null, 120));
    tracker.handle(new AmiEvent.QueueJoin("pbx", 0, "sales", "4.1", "4.0", "Local/sales@callers-2;2", "1556", null));
    tracker.handle(new AmiEvent.QueueAbandon("pbx", 0, "sales", "4.1", "1556", null, 30));
    assertEquals(List.of("end pbx:3.1@sales TIMED_OUT timeout", "end pbx:4.1@sales ABANDONED caller"), log);
  }

  @Test
  void anAgentDialledCallConnectsOnDialEndAnswerWithTheNumberFromTheDialString() {
    tracker.handle(new AmiEvent.DialBegin("pbx", 0, "5.1", "5.1", "PJSIP/1002-0000000a", "5.2",
        "PJSIP/trunk-0000000b", "trunk/15559870002"));
    tracker.handle(new AmiEvent.DialEnd("pbx", 0, "5.1", "5.2", "ANSWER"));
    tracker.handle(new AmiEvent.HangupRequest("pbx", 0, "5.2", "PJSIP/trunk-0000000b"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "5.2", "PJSIP/trunk-0000000b", 16));
    assertEquals(List.of("pop 1002 pbx:5.2", "end pbx:5.2 COMPLETED customer"), log);
    assertEquals("15559870002", ended.get(0).callerNumber());
    assertEquals("outbound", ended.get(0).direction());
  }

  @Test
  void aDialThatIsNotAnsweredAndDialsOfQueueCallsAreNotPopped() {
    tracker.handle(new AmiEvent.DialBegin("pbx", 0, "6.1", "6.1", "PJSIP/1002-0000000c", "6.2",
        "PJSIP/trunk-0000000d", "trunk/1555"));
    tracker.handle(new AmiEvent.DialEnd("pbx", 0, "6.1", "6.2", "NOANSWER"));
    tracker.handle(new AmiEvent.QueueJoin("pbx", 0, "sales", "7.1", "7.0", "Local/sales@callers-3;2", "1557", null));
    tracker.handle(new AmiEvent.DialBegin("pbx", 0, "7.5", "7.0", "Local/1001@agents-00000009;2", "7.6",
        "PJSIP/1001-0000000e", "PJSIP/1001"));
    tracker.handle(new AmiEvent.DialEnd("pbx", 0, "7.5", "7.6", "ANSWER"));
    assertEquals(List.of(), log);
  }

  @Test
  void afterAReconnectCallsThatAreGoneAreClosedAndLiveOnesKept() {
    tracker.handle(new AmiEvent.LinkUp("pbx", 0));
    tracker.handle(connect("8.1", "8.2", "sales", "Local/1001@agents/n", "Alice Agent"));
    tracker.handle(connect("9.1", "9.2", "support", "Local/2001@agents/n", "Dave Agent"));
    tracker.handle(new AmiEvent.LinkDown("pbx", 0));
    tracker.handle(new AmiEvent.LinkUp("pbx", 0));
    assertEquals(List.of("pbx@2"), resyncs);
    tracker.handle(new AmiEvent.LiveChannels("pbx", 0, 2, Set.of("9.1", "9.2")));
    assertTrue(log.contains("end pbx:8.2 INTERRUPTED lost"), log.toString());
    assertEquals(1, tracker.openCalls().size());
    assertEquals("pbx:9.2", tracker.openCalls().get(0).callId());
  }

  @Test
  void aLateAnswerToAnEarlierResyncDoesNotCloseCallsThatStartedAfterIt() {
    tracker.handle(new AmiEvent.LinkUp("pbx", 0));
    tracker.handle(connect("11.1", "11.2", "sales", "Local/1001@agents/n", "Alice Agent"));
    tracker.requestResync("pbx"); // epoch 2: asks about 11.x
    tracker.handle(connect("12.1", "12.2", "support", "Local/2001@agents/n", "Dave Agent"));
    tracker.requestResync("pbx"); // epoch 3
    tracker.handle(new AmiEvent.LiveChannels("pbx", 0, 2, Set.of())); // answer to the first request
    assertTrue(log.contains("end pbx:11.2 INTERRUPTED lost"), log.toString());
    assertEquals(List.of("pbx:12.2"), tracker.openCalls().stream().map(CallRecord::callId).toList());
  }

  @Test
  void channelNamesReusedAfterARestartDoNotMixCallsUp() {
    tracker.handle(connect("10.1", "10.2", "support", "Local/2002@agents/n", "Erin Agent"));
    tracker.handle(connect("20.1", "20.2", "support", "Local/2001@agents/n", "Dave Agent"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "20.2", "Local/1001@agents-00000002;1", 16));
    assertEquals("end pbx:20.2 COMPLETED agent", log.get(2));
    assertEquals(1, tracker.openCalls().size());
  }
}
