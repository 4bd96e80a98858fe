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
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.objectives.ObjectiveResolver;
import org.callobjectives.server.objectives.lint.Lint;
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
    Config config = Lint.loader(Path.of("..", "config")).load();
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    tracker =
        new CallTracker(
            () -> config,
            new ObjectiveResolver(() -> config),
            new CallListener() {
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
            },
            clock,
            (server, epoch) -> resyncs.add(server + "@" + epoch));
  }

  private static AmiEvent.AgentConnect connect(
      String callerUid, String memberUid, String queue, String iface, String member) {
    return new AmiEvent.AgentConnect(
        "pbx",
        0,
        queue,
        callerUid,
        callerUid,
        "Local/q@callers-00000001;2",
        "15550001",
        "Caller",
        memberUid,
        "Local/1001@agents-00000002;1",
        iface,
        member,
        3);
  }

  @Test
  void aHangupOfTheAgentLegBeforeAgentCompleteEndsTheCallOnceAndAsteriskReasonWins() {
    tracker.handle(connect("1.1", "1.2", "sales", "Local/1001@agents/n", "Alice Agent"));
    tracker.handle(new AmiEvent.HangupRequest("pbx", 0, "1.3", "Local/1001@agents-00000002;2"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "1.2", "Local/1001@agents-00000002;1", 16));
    tracker.handle(
        new AmiEvent.AgentComplete(
            "pbx",
            0,
            "sales",
            "1.1",
            null,
            "15550001",
            null,
            "1.2",
            "Local/1001@agents-00000002;1",
            "Local/1001@agents/n",
            "Alice Agent",
            3,
            42,
            "agent"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "1.1", "Local/q@callers-00000001;2", 16));
    String id = "pbx:1.1/Local/1001@agents/n";
    assertEquals(
        List.of("pop 1001 " + id, "end " + id + " COMPLETED agent", "update " + id + " agent"),
        log);
    assertEquals(42, ended.get(1).talkSeconds());
  }

  @Test
  void agentCompleteWithoutAnySnapshotIsMatchedByQueueAndInterface() {
    tracker.handle(connect("2.1", "2.2", "support", "Local/2001@agents/n", "Dave Agent"));
    tracker.handle(
        new AmiEvent.AgentComplete(
            "pbx",
            0,
            "support",
            null,
            null,
            null,
            null,
            null,
            null,
            "Local/2001@agents/n",
            "Dave Agent",
            1,
            7,
            "caller"));
    String id = "pbx:2.1/Local/2001@agents/n";
    assertEquals(List.of("pop 2001 " + id, "end " + id + " COMPLETED caller"), log);
    assertEquals(7, ended.get(0).talkSeconds());
  }

  @Test
  void aCallerWhoWaitedTheQueuesMaximumTimedOutRatherThanAbandoned() {
    tracker.handle(
        new AmiEvent.QueueJoin(
            "pbx", 0, "sales", "3.1", "3.0", "Local/sales@callers-1;2", "1555", null));
    tracker.handle(new AmiEvent.QueueAbandon("pbx", 0, "sales", "3.1", null, "1555", null, 120));
    tracker.handle(
        new AmiEvent.QueueJoin(
            "pbx", 0, "sales", "4.1", "4.0", "Local/sales@callers-2;2", "1556", null));
    tracker.handle(new AmiEvent.QueueAbandon("pbx", 0, "sales", "4.1", null, "1556", null, 30));
    assertEquals(
        List.of("end pbx:3.1@sales TIMED_OUT timeout", "end pbx:4.1@sales ABANDONED caller"), log);
  }

  @Test
  void anAgentDialledCallConnectsOnDialEndAnswerWithTheNumberFromTheDialString() {
    tracker.handle(
        new AmiEvent.DialBegin(
            "pbx",
            0,
            "5.1",
            "5.1",
            "PJSIP/1002-0000000a",
            "5.2",
            "PJSIP/trunk-0000000b",
            "trunk/15559870002"));
    tracker.handle(new AmiEvent.DialEnd("pbx", 0, "5.1", "5.2", "ANSWER"));
    tracker.handle(new AmiEvent.HangupRequest("pbx", 0, "5.2", "PJSIP/trunk-0000000b"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "5.2", "PJSIP/trunk-0000000b", 16));
    assertEquals(List.of("pop 1002 pbx:5.2", "end pbx:5.2 COMPLETED customer"), log);
    assertEquals("15559870002", ended.get(0).callerNumber());
    assertEquals(Direction.OUTBOUND, ended.get(0).direction());
  }

  @Test
  void aDialThatIsNotAnsweredAndDialsOfQueueCallsAreNotPopped() {
    tracker.handle(
        new AmiEvent.DialBegin(
            "pbx",
            0,
            "6.1",
            "6.1",
            "PJSIP/1002-0000000c",
            "6.2",
            "PJSIP/trunk-0000000d",
            "trunk/1555"));
    tracker.handle(new AmiEvent.DialEnd("pbx", 0, "6.1", "6.2", "NOANSWER"));
    tracker.handle(
        new AmiEvent.QueueJoin(
            "pbx", 0, "sales", "7.1", "7.0", "Local/sales@callers-3;2", "1557", null));
    tracker.handle(
        new AmiEvent.DialBegin(
            "pbx",
            0,
            "7.5",
            "7.0",
            "Local/1001@agents-00000009;2",
            "7.6",
            "PJSIP/1001-0000000e",
            "PJSIP/1001"));
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
    assertEquals(List.of("pbx@1", "pbx@2"), resyncs);
    tracker.handle(new AmiEvent.LiveChannels("pbx", 0, 2, Set.of("9.1", "9.2")));
    assertTrue(log.contains("end pbx:8.1/Local/1001@agents/n INTERRUPTED lost"), log.toString());
    assertEquals(1, tracker.openCalls().size());
    assertEquals("pbx:9.1/Local/2001@agents/n", tracker.openCalls().get(0).callId());
  }

  @Test
  void aLateAnswerToAnEarlierResyncDoesNotCloseCallsThatStartedAfterIt() {
    tracker.handle(new AmiEvent.LinkUp("pbx", 0));
    tracker.handle(connect("11.1", "11.2", "sales", "Local/1001@agents/n", "Alice Agent"));
    tracker.requestResync("pbx"); // epoch 2: asks about 11.x
    tracker.handle(connect("12.1", "12.2", "support", "Local/2001@agents/n", "Dave Agent"));
    tracker.requestResync("pbx"); // epoch 3
    tracker.handle(new AmiEvent.LiveChannels("pbx", 0, 2, Set.of())); // answer to the first request
    assertTrue(log.contains("end pbx:11.1/Local/1001@agents/n INTERRUPTED lost"), log.toString());
    assertEquals(
        List.of("pbx:12.1/Local/2001@agents/n"),
        tracker.openCalls().stream().map(CallRecord::callId).toList());
  }

  @Test
  void channelNamesReusedAfterARestartDoNotMixCallsUp() {
    tracker.handle(connect("10.1", "10.2", "support", "Local/2002@agents/n", "Erin Agent"));
    tracker.handle(connect("20.1", "20.2", "support", "Local/2001@agents/n", "Dave Agent"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "20.2", "Local/1001@agents-00000002;1", 16));
    assertEquals("end pbx:20.1/Local/2001@agents/n COMPLETED agent", log.get(2));
    assertEquals(1, tracker.openCalls().size());
  }

  private static AmiEvent.AgentComplete complete(
      String callerUid,
      String memberUid,
      String queue,
      String iface,
      String member,
      long talk,
      String reason) {
    return new AmiEvent.AgentComplete(
        "pbx",
        0,
        queue,
        callerUid,
        callerUid,
        callerUid == null ? null : "15550001",
        callerUid == null ? null : "Caller",
        memberUid,
        memberUid == null ? null : "Local/x@agents-1;1",
        iface,
        member,
        1,
        talk,
        reason);
  }

  @Test
  void aRedirectedCallerEndsTheFirstAgentsLegAsATransferWhicheverEventComesFirst() {
    String first = "pbx:30.1/Local/2001@agents/n";
    // The order of the stream captured from Asterisk: the caller leaves the bridge, joins the next
    // queue,
    // then the first agent's leg is hung up.
    tracker.handle(connect("30.1", "30.2", "support", "Local/2001@agents/n", "Dave Agent"));
    tracker.handle(new AmiEvent.BridgeLeave("pbx", 0, "30.1", "Local/support@callers-00000001;2"));
    tracker.handle(
        new AmiEvent.QueueJoin(
            "pbx", 0, "sales", "30.1", "30.0", "Local/support@callers-1;2", "1555", null));
    tracker.handle(new AmiEvent.HangupRequest("pbx", 0, "30.3", "Local/1001@agents-00000002;2"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "30.2", "Local/1001@agents-00000002;1", 16));
    tracker.handle(
        complete("30.1", null, "support", "Local/2001@agents/n", "Dave Agent", 9, "caller"));
    assertEquals(List.of("pop 2001 " + first, "end " + first + " COMPLETED transfer"), log);

    // Seen live: the agent leg's hang-up before the caller is queued again.
    log.clear();
    String second = "pbx:31.1/Local/2001@agents/n";
    tracker.handle(connect("31.1", "31.2", "support", "Local/2001@agents/n", "Dave Agent"));
    tracker.handle(new AmiEvent.BridgeLeave("pbx", 0, "31.1", "Local/support@callers-00000001;2"));
    tracker.handle(new AmiEvent.HangupRequest("pbx", 0, "31.3", "Local/1001@agents-00000002;2"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "31.2", "Local/1001@agents-00000002;1", 16));
    tracker.handle(
        new AmiEvent.QueueJoin(
            "pbx", 0, "sales", "31.1", "31.0", "Local/support@callers-1;2", "1555", null));
    tracker.handle(
        complete("31.1", null, "support", "Local/2001@agents/n", "Dave Agent", 9, "caller"));
    assertEquals(List.of("pop 2001 " + second, "end " + second + " COMPLETED transfer"), log);
  }

  @Test
  void aBlindTransferTakesItsTalkTimeFromAgentCompleteEvenWhenTheNextQueueIsSeenFirst() {
    String id = "pbx:32.1/Local/1001@agents/n";
    tracker.handle(connect("32.1", "32.2", "sales", "Local/1001@agents/n", "Alice Agent"));
    tracker.handle(
        new AmiEvent.QueueJoin(
            "pbx", 0, "support", "32.1", "32.0", "Local/sales@callers-1;2", "1555", null));
    tracker.handle(
        complete("32.1", null, "sales", "Local/1001@agents/n", "Alice Agent", 2, "transfer"));
    assertEquals(
        List.of(
            "pop 1001 " + id, "end " + id + " COMPLETED transfer", "update " + id + " transfer"),
        log);
    assertEquals(2, ended.get(1).talkSeconds());
  }

  @Test
  void aCallTakenBackAfterARestartIsNotPoppedAgainAndEndsUnderItsOwnId() {
    CallRecord stored =
        new CallRecord(
            "pbx:40.1/Local/1001@agents/n",
            "pbx",
            Direction.INBOUND,
            "sales",
            "1001",
            "1555",
            "Ann",
            "40.0",
            CallOutcome.CONNECTED,
            null,
            2,
            0,
            1000,
            2000L,
            null,
            null,
            List.of(),
            new CallRecord.Channels(
                "40.1", "40.2", "Local/1001@agents/n", "Local/1001@agents-00000002", null));
    assertEquals(1, tracker.restore(List.of(stored)));
    tracker.handle(new AmiEvent.LinkUp("pbx", 0));
    assertEquals(List.of("pbx@1"), resyncs);
    tracker.handle(new AmiEvent.LiveChannels("pbx", 0, 1, Set.of("40.1", "40.2")));
    tracker.handle(new AmiEvent.HangupRequest("pbx", 0, "40.3", "Local/1001@agents-00000002;2"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "40.2", "Local/1001@agents-00000002;1", 16));
    tracker.handle(
        complete(null, null, "sales", "Local/1001@agents/n", "Alice Agent", 33, "agent"));
    assertEquals(
        List.of(
            "end pbx:40.1/Local/1001@agents/n COMPLETED agent",
            "update pbx:40.1/Local/1001@agents/n agent"),
        log);
    assertEquals("Ann", ended.get(1).callerName());
    assertEquals(33, ended.get(1).talkSeconds());
  }

  @Test
  void aCallGoneWhileTheServerWasDownIsClosedAsInterruptedAndALateCompleteOnlyCorrectsTheRow() {
    CallRecord stored =
        new CallRecord(
            "pbx:41.1/Local/1001@agents/n",
            "pbx",
            Direction.INBOUND,
            "sales",
            "1001",
            "1555",
            "Ann",
            "41.0",
            CallOutcome.CONNECTED,
            null,
            2,
            0,
            1000,
            2000L,
            null,
            null,
            List.of(),
            new CallRecord.Channels(
                "41.1", "41.2", "Local/1001@agents/n", "Local/1001@agents-00000002", null));
    tracker.restore(List.of(stored));
    tracker.handle(new AmiEvent.LinkUp("pbx", 0));
    tracker.handle(new AmiEvent.LiveChannels("pbx", 0, 1, Set.of()));
    tracker.handle(
        complete("41.1", "41.2", "sales", "Local/1001@agents/n", "Alice Agent", 12, "caller"));
    assertEquals(
        List.of(
            "end pbx:41.1/Local/1001@agents/n INTERRUPTED lost",
            "update pbx:41.1/Local/1001@agents/n caller"),
        log);
    assertEquals(CallOutcome.COMPLETED, ended.get(1).outcome());
  }

  @Test
  void aCallFirstSeenAtItsAgentCompleteKeepsTheCallersNameAndLinkedid() {
    tracker.handle(
        complete("50.1", "50.2", "support", "Local/2002@agents/n", "Erin Agent", 2, "agent"));
    assertEquals(
        List.of(
            "pop 2002 pbx:50.1/Local/2002@agents/n",
            "end pbx:50.1/Local/2002@agents/n COMPLETED agent"),
        log);
    assertEquals("Caller", ended.get(0).callerName());
    assertEquals("50.1", ended.get(0).linkedid());
  }

  @Test
  void aCallerWhoComesBackToTheSameMemberGetsANewCallId() {
    tracker.handle(connect("60.1", "60.2", "support", "Local/2001@agents/n", "Dave Agent"));
    tracker.handle(new AmiEvent.BridgeLeave("pbx", 0, "60.1", "Local/support@callers-00000001;2"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "60.2", "Local/2001@agents-00000002;1", 16));
    tracker.handle(connect("60.1", "60.3", "support", "Local/2001@agents/n", "Dave Agent"));
    assertEquals("pop 2001 pbx:60.1/Local/2001@agents/n#2", log.get(2));
  }

  @Test
  void anAgentWhoseHangupWeDidNotSeeLeavesTheBridgeFirstAndIsNotTakenForATransfer() {
    String id = "pbx:70.1/Local/1001@agents/n";
    tracker.handle(connect("70.1", "70.2", "sales", "Local/1001@agents/n", "Alice Agent"));
    tracker.handle(new AmiEvent.BridgeLeave("pbx", 0, "70.2", "Local/1001@agents-00000002;1"));
    tracker.handle(new AmiEvent.BridgeLeave("pbx", 0, "70.1", "Local/q@callers-00000001;2"));
    tracker.handle(new AmiEvent.Hangup("pbx", 0, "70.2", "Local/1001@agents-00000002;1", 16));
    assertEquals(List.of("pop 1001 " + id, "end " + id + " COMPLETED agent"), log);
  }

  @Test
  void aResyncClosesTheAgentsLegWhenOnlyTheCallerIsStillUp() {
    tracker.handle(new AmiEvent.LinkUp("pbx", 0));
    tracker.handle(connect("71.1", "71.2", "sales", "Local/1001@agents/n", "Alice Agent"));
    tracker.requestResync("pbx");
    tracker.handle(new AmiEvent.LiveChannels("pbx", 0, 2, Set.of("71.1")));
    assertEquals("end pbx:71.1/Local/1001@agents/n INTERRUPTED lost", log.get(1));
  }

  @Test
  void aCallIdTheStoreAlreadyHasIsNeverGivenToANewCall() {
    tracker.rememberCallIds(List.of("pbx:72.1/Local/1001@agents/n"));
    tracker.handle(connect("72.1", "72.2", "sales", "Local/1001@agents/n", "Alice Agent"));
    assertEquals("pop 1001 pbx:72.1/Local/1001@agents/n#2", log.get(0));
  }
}
