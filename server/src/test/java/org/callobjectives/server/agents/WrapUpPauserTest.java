package org.callobjectives.server.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callobjectives.server.ami.AmiEvent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pauser's bookkeeping, with the AMI side recorded (the over-the-wire test covers the real
 * link).
 */
class WrapUpPauserTest {
  static final String ALICE = "Local/1001@agents/n";

  @TempDir Path dir;
  final ScriptedQueuePauses ami = new ScriptedQueuePauses();

  /** Tasks waiting on virtual time: delay and task. */
  final List<Map.Entry<Long, Runnable>> later = new ArrayList<>();

  Memberships members;
  WrapUpPauser pauser;

  @BeforeEach
  void setUp() throws Exception {
    Config config = TestServer.exampleConfig(dir.resolve("x.db"), Duration.ofMinutes(2));
    members = new Memberships(() -> config);
    pauser =
        new WrapUpPauser(
            () -> config, ami, members, Runnable::run, (ms, r) -> later.add(Map.entry(ms, r)));
  }

  private void member(AmiEvent.MemberChange change, String queue, boolean paused, String reason) {
    AmiEvent.QueueMember e =
        new AmiEvent.QueueMember("pbx", 0, change, queue, ALICE, "Alice Agent", 1, paused, reason);
    String agent = members.apply(e);
    pauser.memberChanged(agent, e);
  }

  private static CallRecord ended(String callId, String queue) {
    return new CallRecord(
        callId,
        "pbx",
        Direction.INBOUND,
        queue,
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

  @Test
  void anAgentWithSeveralPendingCallsStaysPausedUntilTheLastIsDone() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    pauser.callEnded(ended("c1", "sales"), true);
    pauser.callEnded(ended("c2", "sales"), true);
    assertEquals(List.of("pause " + ALICE + " sales wrap-up"), ami.lines());
    pauser.callDone("1001", "c1");
    assertTrue(pauser.pausing("1001"));
    assertEquals(1, ami.lines().size());
    pauser.callDone("1001", "c2");
    assertEquals("unpause " + ALICE + " sales", ami.lines().get(1));
    assertFalse(pauser.pausing("1001"));
  }

  @Test
  void aDispositionStoredLateAfterUndisposedPausesAndUnpausesNobody() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    pauser.callEnded(ended("c1", "sales"), true);
    pauser.callDone("1001", "c1"); // the deadline: UNDISPOSED, unpaused
    assertEquals(2, ami.lines().size());
    pauser.callDone("1001", "c1"); // the late disposition
    assertEquals(2, ami.lines().size());
  }

  @Test
  void withoutKnownMembershipsNothingIsPausedSoASupervisorsPauseIsNeverTakenOver() {
    // Alice's memberships were never listed (QueueStatus failed); a supervisor has her on 'lunch'
    // in support.
    pauser.callEnded(ended("c1", "sales"), true);
    assertTrue(ami.lines().isEmpty(), "no QueuePause for the whole interface: " + ami.lines());
    assertFalse(pauser.pausing("1001"));
    pauser.callDone("1001", "c1");
    assertTrue(ami.lines().isEmpty(), ami.lines().toString());
  }

  @Test
  void callsOfQueuesWithoutForcedWrapUpAndOutboundCallsPauseNobody() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    pauser.callEnded(ended("c1", null), true);
    pauser.callEnded(ended("c2", "unlisted-queue"), true);
    pauser.callEnded(ended("c3", "sales"), false); // never connected: no disposition to wait for
    assertTrue(ami.lines().isEmpty(), ami.lines().toString());
  }

  @Test
  void aWrapUpPauseFoundAfterARestartIsKeptForThePendingCallAndLiftedWhenNoneIsPending() {
    pauser.pendingAtStart("1001", "old");
    member(AmiEvent.MemberChange.LISTED, "sales", true, "wrap-up");
    assertTrue(pauser.pausing("1001"));
    assertTrue(ami.lines().isEmpty());
    pauser.callDone("1001", "old");
    assertEquals(List.of("unpause " + ALICE + " sales"), ami.lines());

    member(AmiEvent.MemberChange.LISTED, "support", true, "wrap-up"); // nothing pending for it
    assertEquals("unpause " + ALICE + " support", ami.lines().get(1));
  }

  @Test
  void afterARestartEveryWrapUpPausedMembershipOfTheAgentIsLiftedWithTheLastPendingCall() {
    pauser.pendingAtStart("1001", "c1");
    member(AmiEvent.MemberChange.LISTED, "sales", true, "wrap-up");
    member(AmiEvent.MemberChange.LISTED, "support", true, "wrap-up");
    assertTrue(ami.lines().isEmpty());
    pauser.callDone("1001", "c1");
    assertEquals(
        List.of("unpause " + ALICE + " sales", "unpause " + ALICE + " support"), ami.lines());
  }

  @Test
  void aSecondCallAfterASupervisorUnpausedTheAgentDuringHerWrapUpPausesHerAgain() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    pauser.callEnded(ended("c1", "sales"), true);
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    member(AmiEvent.MemberChange.PAUSE, "sales", false, ""); // the supervisor unpaused her
    assertFalse(pauser.pausing("1001"));
    pauser.callEnded(ended("c2", "sales"), true);
    assertEquals(
        List.of("pause " + ALICE + " sales wrap-up", "pause " + ALICE + " sales wrap-up"),
        ami.lines());
    assertTrue(pauser.pausing("1001"));
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    pauser.callDone("1001", "c1");
    pauser.callDone("1001", "c2");
    assertEquals("unpause " + ALICE + " sales", ami.lines().get(2));
  }

  @Test
  void aSecondCallNeverPausesAMembershipTheAgentPausedHerselfDuringTheFirstWrapUp() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    member(AmiEvent.MemberChange.LISTED, "support", false, "");
    pauser.callEnded(ended("c1", "sales"), true);
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    member(AmiEvent.MemberChange.PAUSE, "support", true, "lunch"); // she took support over
    pauser.callEnded(ended("c2", "sales"), true);
    assertEquals(2, ami.lines().size(), ami.lines().toString());
    pauser.callDone("1001", "c1");
    pauser.callDone("1001", "c2");
    assertEquals(
        List.of(
            "pause " + ALICE + " sales wrap-up",
            "pause " + ALICE + " support wrap-up",
            "unpause " + ALICE + " sales"),
        ami.lines());
  }

  @Test
  void aFailedUnpauseIsRetriedWithBackoffAndTheMembershipStaysOursUntilAsteriskReportsItUnpaused() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    Memberships.Key sales = new Memberships.Key("pbx", ALICE, "sales");
    pauser.callEnded(ended("c1", "sales"), true);
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    ami.failures.add("Interface not found");
    ami.failures.add("link down");
    pauser.callDone("1001", "c1");
    assertFalse(pauser.pausing("1001"), "nothing of hers waits");
    assertTrue(pauser.owns("1001", sales), "still ours to undo");
    assertEquals(1, later.size());
    assertEquals(WrapUpPauser.RETRY_FIRST_MS, later.get(0).getKey());
    later.remove(0).getValue().run(); // the retry fails again: it waits longer
    assertEquals(2 * WrapUpPauser.RETRY_FIRST_MS, later.get(0).getKey());
    later.remove(0).getValue().run(); // accepted
    assertTrue(later.isEmpty());
    assertEquals(
        List.of(
            "pause " + ALICE + " sales wrap-up",
            "unpause " + ALICE + " sales",
            "unpause " + ALICE + " sales",
            "unpause " + ALICE + " sales"),
        ami.lines());
    assertTrue(pauser.owns("1001", sales), "ours until Asterisk says it is unpaused");
    member(AmiEvent.MemberChange.PAUSE, "sales", false, "");
    assertFalse(pauser.owns("1001", sales));
    assertEquals(0, pauser.unpausesWaiting());
  }

  @Test
  void aRetriedUnpauseStopsWhenSomeoneElsePausesTheMembershipMeanwhile() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    pauser.callEnded(ended("c1", "sales"), true);
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    ami.failures.add("link down");
    pauser.callDone("1001", "c1");
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "lunch"); // the agent's own pause: hers now
    later.forEach(t -> t.getValue().run());
    assertEquals(2, ami.lines().size(), "no unpause of her lunch: " + ami.lines());
    assertEquals(0, pauser.unpausesWaiting());
  }

  @Test
  void aCallEndingWhileTheUnpauseIsOnItsWayIsWrappedUpOnceAsteriskReportsTheUnpause() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    pauser.callEnded(ended("c1", "sales"), true);
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    pauser.callDone("1001", "c1"); // unpause sent, not reported yet
    pauser.callEnded(ended("c2", "sales"), true);
    assertTrue(pauser.pausing("1001"));
    assertEquals(2, ami.lines().size(), ami.lines().toString());
    member(
        AmiEvent.MemberChange.PAUSE, "sales", false, ""); // our unpause landed: pause again for c2
    assertEquals("pause " + ALICE + " sales wrap-up", ami.lines().get(2));
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    assertTrue(pauser.pausing("1001"));
    pauser.callDone("1001", "c2");
    assertEquals("unpause " + ALICE + " sales", ami.lines().get(3));
  }
}
