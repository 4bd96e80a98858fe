package org.callobjectives.server.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.server.ami.AmiEvent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.push.AgentSessions;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent day's order of inputs around forced wrap-up: dispositions before the end, expiries
 * before the start.
 */
class AgentDayWrapUpTest {
  static final String ALICE = "Local/1001@agents/n";

  @TempDir Path dir;
  final ScriptedQueuePauses ami = new ScriptedQueuePauses();
  AgentDay day;

  @BeforeEach
  void setUp() throws Exception {
    Config config = TestServer.exampleConfig(dir.resolve("x.db"), Duration.ofMinutes(2));
    day =
        new AgentDay(
            () -> config,
            new AgentSessions(),
            ami,
            Runnable::run,
            (ms, r) -> {},
            Clock.systemUTC());
  }

  private void listed(String queue, boolean paused, String reason) {
    day.handle(
        new AmiEvent.QueueMember(
            "pbx",
            0,
            AmiEvent.MemberChange.LISTED,
            queue,
            ALICE,
            "Alice Agent",
            1,
            paused,
            reason));
  }

  private static CallRecord ended(String callId) {
    return new CallRecord(
        callId,
        "pbx",
        Direction.INBOUND,
        "sales",
        "1001",
        "15551230001",
        null,
        "l",
        CallOutcome.COMPLETED,
        "caller",
        0,
        5,
        0,
        1000L,
        6000L,
        null,
        List.of());
  }

  private AgentState alice() {
    return day.states().stream().filter(s -> s.agentId().equals("1001")).findFirst().orElseThrow();
  }

  @Test
  void aMembershipRemovedWhileTheLinkWasDownIsForgottenWhenTheNextListingLacksIt() {
    listed("sales", false, "");
    listed("support", true, "lunch");
    assertEquals(AgentState.PAUSED, alice().state(), alice().toString());
    // The link comes back; QueueStatus lists sales only: support was removed meanwhile.
    listed("sales", false, "");
    day.handle(new AmiEvent.MembersListed("pbx", 0, java.util.Set.of("sales|" + ALICE)));
    assertFalse(
        alice().state().equals(AgentState.PAUSED),
        "no pause left from a queue she is no longer in: " + alice());
    day.ended(ended("c1"));
    assertEquals(
        List.of("pause sales"),
        ami.queueLines(),
        "only her remaining membership is paused for wrap-up");
  }

  @Test
  void
      withoutKnownMembershipsTheAgentIsNotPausedAcrossHerInterfaceSoASupervisorsPauseIsNeverTakenOver() {
    // QueueStatus failed at login: her memberships (support paused 'lunch' by a supervisor) are
    // unknown.
    day.handle(
        new AmiEvent.AgentConnect(
            "pbx", 0, "sales", "u1", "l1", "ch", null, null, "m1", "mch", ALICE, "Alice Agent", 0));
    day.ended(ended("c1"));
    assertTrue(
        ami.queueLines().isEmpty(),
        "no QueuePause for every queue of her interface: " + ami.queueLines());
    day.wrapUpOver("1001", "c1");
    assertTrue(ami.queueLines().isEmpty(), ami.queueLines().toString());
  }

  @Test
  void aDispositionStoredWhileTheCallIsStillUpLeavesNoWrapUpPauseWhenItEnds() {
    listed("sales", false, "");
    day.stored(
        "1001",
        new DispositionSubmit("r1", "c1", "NO_ADVANCE", false, List.of(), 0, List.of(), null, null),
        false);
    day.ended(ended("c1"));
    assertTrue(ami.queueLines().isEmpty(), "nothing waits for her: " + ami.queueLines());
    assertFalse(alice().state().equals(AgentState.WRAP_UP), alice().toString());
    assertEquals(0, alice().pendingWrapUps());
  }

  @Test
  void theWrapUpDeadlineReleasesAPauseEvenWhenNoUndisposedWasStored() {
    listed("sales", false, "");
    day.ended(ended("c1"));
    assertEquals(List.of("pause sales"), ami.queueLines());
    assertTrue(alice().forcedWrapUp());
    day.wrapUpOver("1001", "c1"); // the deadline, whatever the store inserted
    assertEquals(List.of("pause sales", "unpause sales"), ami.queueLines());
    assertEquals(0, alice().pendingWrapUps());
  }

  @Test
  void anExpiryHandledBeforeTheCallIsRegisteredAsPendingAtStartLeavesNothingWaiting() {
    day.wrapUpOver("1001", "old"); // its deadline passed while the server was down: expired at once
    day.pendingAtStart("1001", "old");
    listed("support", true, "wrap-up"); // our pause from before the restart
    assertEquals(List.of("unpause support"), ami.queueLines());
    assertFalse(alice().state().equals(AgentState.WRAP_UP), alice().toString());
    assertEquals(0, alice().pendingWrapUps());
  }
}
