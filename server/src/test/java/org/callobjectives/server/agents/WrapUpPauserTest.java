package org.callobjectives.server.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.callobjectives.server.ami.AmiCapabilities;
import org.callobjectives.server.ami.AmiEvent;
import org.callobjectives.server.calls.CallOutcome;
import org.callobjectives.server.calls.CallRecord;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pauser's bookkeeping, with the AMI side recorded (the over-the-wire test covers the real link). */
class WrapUpPauserTest {
  static final String ALICE = "Local/1001@agents/n";

  @TempDir Path dir;
  final List<String> sent = new ArrayList<>();
  /** Failures the next QueuePause actions get, in order (null: accepted). */
  final Deque<String> failures = new ArrayDeque<>();
  /** Tasks waiting on virtual time: delay and task. */
  final List<Map.Entry<Long, Runnable>> later = new ArrayList<>();
  Memberships members;
  WrapUpPauser pauser;

  @BeforeEach
  void setUp() throws Exception {
    Config config = TestServer.exampleConfig(dir.resolve("x.db"), Duration.ofMinutes(2));
    QueuePauses ami = new QueuePauses() {
      @Override
      public AmiCapabilities capabilities(String server) {
        return new AmiCapabilities(true, true, true);
      }

      @Override
      public CompletableFuture<Void> pause(String server, String iface, String queue, boolean paused, String reason) {
        sent.add((paused ? "pause " : "unpause ") + iface + " " + (queue == null ? "*" : queue)
            + (reason == null ? "" : " " + reason));
        String failure = failures.poll();
        return failure == null ? CompletableFuture.completedFuture(null)
            : CompletableFuture.failedFuture(new IllegalStateException(failure));
      }
    };
    members = new Memberships(() -> config);
    pauser = new WrapUpPauser(() -> config, ami, members, Runnable::run, (ms, r) -> later.add(Map.entry(ms, r)));
  }

  private void member(AmiEvent.MemberChange change, String queue, boolean paused, String reason) {
    AmiEvent.QueueMember e = new AmiEvent.QueueMember("pbx", 0, change, queue, ALICE, "Alice Agent", 1, paused,
        reason);
    String agent = members.apply(e);
    pauser.memberChanged(agent, e);
  }

  private static CallRecord ended(String callId, String queue) {
    return new CallRecord(callId, "pbx", "inbound", queue, "1001", "15551230001", null, "l", CallOutcome.COMPLETED,
        "caller", 0, 5, 0, 1000L, 6000L, null, List.of());
  }

  @Test
  void anAgentWithSeveralPendingCallsStaysPausedUntilTheLastIsDone() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    pauser.callEnded(ended("c1", "sales"), true);
    pauser.callEnded(ended("c2", "sales"), true);
    assertEquals(List.of("pause " + ALICE + " sales wrap-up"), sent);
    pauser.callDone("1001", "c1");
    assertTrue(pauser.pausing("1001"));
    assertEquals(1, sent.size());
    pauser.callDone("1001", "c2");
    assertEquals("unpause " + ALICE + " sales", sent.get(1));
    assertFalse(pauser.pausing("1001"));
  }

  @Test
  void aDispositionStoredLateAfterUndisposedPausesAndUnpausesNobody() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    pauser.callEnded(ended("c1", "sales"), true);
    pauser.callDone("1001", "c1"); // the deadline: UNDISPOSED, unpaused
    assertEquals(2, sent.size());
    pauser.callDone("1001", "c1"); // the late disposition
    assertEquals(2, sent.size());
  }

  @Test
  void withoutKnownMembershipsNothingIsPausedSoASupervisorsPauseIsNeverTakenOver() {
    // Alice's memberships were never listed (QueueStatus failed); a supervisor has her on 'lunch' in support.
    pauser.callEnded(ended("c1", "sales"), true);
    assertTrue(sent.isEmpty(), "no QueuePause for the whole interface: " + sent);
    assertFalse(pauser.pausing("1001"));
    pauser.callDone("1001", "c1");
    assertTrue(sent.isEmpty(), sent.toString());
  }

  @Test
  void callsOfQueuesWithoutForcedWrapUpAndOutboundCallsPauseNobody() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    pauser.callEnded(ended("c1", null), true);
    pauser.callEnded(ended("c2", "unlisted-queue"), true);
    pauser.callEnded(ended("c3", "sales"), false); // never connected: no disposition to wait for
    assertTrue(sent.isEmpty(), sent.toString());
  }

  @Test
  void aWrapUpPauseFoundAfterARestartIsKeptForThePendingCallAndLiftedWhenNoneIsPending() {
    pauser.pendingAtStart("1001", "old");
    member(AmiEvent.MemberChange.LISTED, "sales", true, "wrap-up");
    assertTrue(pauser.pausing("1001"));
    assertTrue(sent.isEmpty());
    pauser.callDone("1001", "old");
    assertEquals(List.of("unpause " + ALICE + " sales"), sent);

    member(AmiEvent.MemberChange.LISTED, "support", true, "wrap-up"); // nothing pending for it
    assertEquals("unpause " + ALICE + " support", sent.get(1));
  }

  @Test
  void afterARestartEveryWrapUpPausedMembershipOfTheAgentIsLiftedWithTheLastPendingCall() {
    pauser.pendingAtStart("1001", "c1");
    member(AmiEvent.MemberChange.LISTED, "sales", true, "wrap-up");
    member(AmiEvent.MemberChange.LISTED, "support", true, "wrap-up");
    assertTrue(sent.isEmpty());
    pauser.callDone("1001", "c1");
    assertEquals(List.of("unpause " + ALICE + " sales", "unpause " + ALICE + " support"), sent);
  }

  @Test
  void aSecondCallAfterASupervisorUnpausedTheAgentDuringHerWrapUpPausesHerAgain() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    pauser.callEnded(ended("c1", "sales"), true);
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    member(AmiEvent.MemberChange.PAUSE, "sales", false, ""); // the supervisor unpaused her
    assertFalse(pauser.pausing("1001"));
    pauser.callEnded(ended("c2", "sales"), true);
    assertEquals(List.of("pause " + ALICE + " sales wrap-up", "pause " + ALICE + " sales wrap-up"), sent);
    assertTrue(pauser.pausing("1001"));
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    pauser.callDone("1001", "c1");
    pauser.callDone("1001", "c2");
    assertEquals("unpause " + ALICE + " sales", sent.get(2));
  }

  @Test
  void aSecondCallNeverPausesAMembershipTheAgentPausedHerselfDuringTheFirstWrapUp() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    member(AmiEvent.MemberChange.LISTED, "support", false, "");
    pauser.callEnded(ended("c1", "sales"), true);
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    member(AmiEvent.MemberChange.PAUSE, "support", true, "lunch"); // she took support over
    pauser.callEnded(ended("c2", "sales"), true);
    assertEquals(2, sent.size(), sent.toString());
    pauser.callDone("1001", "c1");
    pauser.callDone("1001", "c2");
    assertEquals(List.of("pause " + ALICE + " sales wrap-up", "pause " + ALICE + " support wrap-up",
        "unpause " + ALICE + " sales"), sent);
  }

  @Test
  void aFailedUnpauseIsRetriedWithBackoffAndTheMembershipStaysOursUntilAsteriskReportsItUnpaused() {
    member(AmiEvent.MemberChange.LISTED, "sales", false, "");
    Memberships.Key sales = new Memberships.Key("pbx", ALICE, "sales");
    pauser.callEnded(ended("c1", "sales"), true);
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    failures.add("Interface not found");
    failures.add("link down");
    pauser.callDone("1001", "c1");
    assertFalse(pauser.pausing("1001"), "nothing of hers waits");
    assertTrue(pauser.owns("1001", sales), "still ours to undo");
    assertEquals(1, later.size());
    assertEquals(WrapUpPauser.RETRY_FIRST_MS, later.get(0).getKey());
    later.remove(0).getValue().run(); // the retry fails again: it waits longer
    assertEquals(2 * WrapUpPauser.RETRY_FIRST_MS, later.get(0).getKey());
    later.remove(0).getValue().run(); // accepted
    assertTrue(later.isEmpty());
    assertEquals(List.of("pause " + ALICE + " sales wrap-up", "unpause " + ALICE + " sales",
        "unpause " + ALICE + " sales", "unpause " + ALICE + " sales"), sent);
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
    failures.add("link down");
    pauser.callDone("1001", "c1");
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "lunch"); // the agent's own pause: hers now
    later.forEach(t -> t.getValue().run());
    assertEquals(2, sent.size(), "no unpause of her lunch: " + sent);
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
    assertEquals(2, sent.size(), sent.toString());
    member(AmiEvent.MemberChange.PAUSE, "sales", false, ""); // our unpause landed: pause again for c2
    assertEquals("pause " + ALICE + " sales wrap-up", sent.get(2));
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    assertTrue(pauser.pausing("1001"));
    pauser.callDone("1001", "c2");
    assertEquals("unpause " + ALICE + " sales", sent.get(3));
  }
}
