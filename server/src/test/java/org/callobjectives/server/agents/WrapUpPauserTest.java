package org.callobjectives.server.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        return CompletableFuture.completedFuture(null);
      }
    };
    members = new Memberships(() -> config);
    pauser = new WrapUpPauser(() -> config, ami, members, Runnable::run);
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
  void withoutKnownMembershipsTheInterfaceIsPausedEverywhereAndUnpausedOnlyWhereOurPauseLanded() {
    pauser.agentConnected(new AmiEvent.AgentConnect("pbx", 0, "sales", "u1", "l1", "ch", null, null, "m1", "mch",
        ALICE, "Alice Agent", 0));
    pauser.callEnded(ended("c1", "sales"), true);
    assertEquals(List.of("pause " + ALICE + " * wrap-up"), sent);
    member(AmiEvent.MemberChange.PAUSE, "sales", true, "wrap-up");
    member(AmiEvent.MemberChange.PAUSE, "support", true, "wrap-up");
    member(AmiEvent.MemberChange.PAUSE, "support", true, "coaching"); // a supervisor takes support over
    pauser.callDone("1001", "c1");
    assertEquals(List.of("pause " + ALICE + " * wrap-up", "unpause " + ALICE + " sales"), sent);
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
}
