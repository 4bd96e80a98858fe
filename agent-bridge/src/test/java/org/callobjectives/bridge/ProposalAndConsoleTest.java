package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.LastCall;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.protocol.Proposal;
import org.callobjectives.protocol.ProposalAck;
import org.junit.jupiter.api.Test;

/**
 * Agents propose objective changes from the bridge; the headless UI shows stage and last outcome.
 */
class ProposalAndConsoleTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aProposalIsSentWithItsObjectiveAndTheFutureCompletesWithTheAck() throws Exception {
    try (TestWsServer server = TestWsServer.start()) {
      server.replies =
          (n, m) ->
              m instanceof Proposal p
                  ? TestWsServer.Reply.of(new ProposalAck(p.requestId(), 12))
                  : TestWsServer.WELCOME_AND_ACK.apply(n, m);
      try (BridgeClient c = BridgeClient.builder(server.uri(), "1001", "t").build()) {
        c.start();
        await(c);
        ProposalAck ack =
            c.propose("sales-demo-booked", "  Give customers 14 days: managers are away  ")
                .get(10, TimeUnit.SECONDS);
        assertEquals(12, ack.proposalId());
        server.next(Hello.class, WAIT);
        Proposal sent = server.next(Proposal.class, WAIT);
        assertEquals("sales-demo-booked", sent.objectiveId());
        assertEquals("Give customers 14 days: managers are away", sent.text());
        assertEquals(ack.requestId(), sent.requestId());
      }
    }
  }

  @Test
  void aRefusedProposalFailsItsFutureWithTheServersReason() throws Exception {
    try (TestWsServer server = TestWsServer.start()) {
      server.replies =
          (n, m) ->
              m instanceof Proposal p
                  ? TestWsServer.Reply.of(
                      new ErrorMessage(
                          ErrorMessage.BAD_REQUEST, "unknown objective 'x'", p.requestId()))
                  : TestWsServer.WELCOME_AND_ACK.apply(n, m);
      try (BridgeClient c = BridgeClient.builder(server.uri(), "1001", "t").build()) {
        c.start();
        await(c);
        ExecutionException e =
            assertThrows(
                ExecutionException.class, () -> c.propose("x", "text").get(10, TimeUnit.SECONDS));
        assertTrue(
            e.getCause().getMessage().contains("unknown objective"), e.getCause().getMessage());
      }
    }
  }

  @Test
  void proposingWhileOfflineOrWithoutTextFailsAtOnce() {
    try (BridgeClient c =
        BridgeClient.builder(java.net.URI.create("ws://127.0.0.1:1/agent"), "1001", "t").build()) {
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> c.propose("o", "text").get());
      assertInstanceOf(IllegalStateException.class, e.getCause());
      assertThrows(ExecutionException.class, () -> c.propose("o", " ").get());
    }
  }

  @Test
  void thePopTextShowsTheStageTheLastOutcomeAndTheSecondObjective() {
    ObjectiveView second =
        new ObjectiveView("annual", "Annual plan quote", "a", "m", "t", List.of());
    ObjectiveView o =
        new ObjectiveView(
                "sales-demo-booked",
                "Book a product demo",
                "The customer agrees",
                "Date confirmed",
                "during the call",
                List.of())
            .forCall(
                "demo", new LastCall("ADVANCE", true, 0, "sales-discovery", "discovery"), second);
    String text =
        HeadlessUi.formatPop(
            new CallStarted("c1", "queue", "sales", "15551230001", null, 0, o, List.of(), false));
    assertTrue(text.contains("STAGE:      demo"), text);
    assertTrue(text.contains("LAST CALL:  ADVANCE (advance obtained)"), text);
    assertTrue(text.contains("at stage discovery"), text);
    assertTrue(text.contains("ALSO:       Annual plan quote"), text);
    ObjectiveView first = new ObjectiveView("x", "X", "a", "m", "t", List.of());
    String plain =
        HeadlessUi.formatPop(
            new CallStarted("c2", "queue", "sales", "1", null, 0, first, List.of(), false));
    assertTrue(!plain.contains("STAGE") && !plain.contains("LAST CALL"), plain);
  }

  @Test
  void theProposeCommandOfTheHeadlessUiReachesTheServer() throws Exception {
    try (TestWsServer server = TestWsServer.start()) {
      server.replies =
          (n, m) ->
              m instanceof Proposal p
                  ? TestWsServer.Reply.of(new ProposalAck(p.requestId(), 3))
                  : TestWsServer.WELCOME_AND_ACK.apply(n, m);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      HeadlessUi ui =
          new HeadlessUi(
              new java.io.ByteArrayInputStream(
                  "propose sales-demo-booked measure the demo by the calendar invite\n"
                      .getBytes(StandardCharsets.UTF_8)),
              out);
      try (BridgeClient c = BridgeClient.builder(server.uri(), "1001", "t").listener(ui).build()) {
        ui.proposals(c::propose);
        c.start();
        await(c);
        ui.run(c::submit);
        Proposal sent = server.next(Proposal.class, WAIT);
        assertEquals("sales-demo-booked", sent.objectiveId());
        assertEquals("measure the demo by the calendar invite", sent.text());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!bytes.toString(StandardCharsets.UTF_8).contains("Proposal #3")
            && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertTrue(
            bytes.toString(StandardCharsets.UTF_8).contains("Proposal #3 sent to the admins"),
            bytes.toString());
      }
    }
  }

  private static void await(BridgeClient c) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!c.isConnected()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not connected");
      }
      Thread.sleep(10);
    }
  }
}
