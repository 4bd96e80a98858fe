package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Message;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts live in a real file beside the outbox and come back after the client restarts. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DraftsSurviveRestartTest {

  @TempDir Path dir;

  @Test
  void the_drafts_file_sits_beside_the_outbox() {
    assertEquals(
        dir.resolve("outbox-1001.drafts.json"),
        WrapUps.besideOutbox(dir.resolve("outbox-1001.jsonl")));
  }

  @Test
  void two_drafts_survive_a_restart_and_a_replayed_pop_merges_without_resetting_them()
      throws Exception {
    Path file = dir.resolve("outbox-7.drafts.json");
    CallStarted a = SampleCalls.salesCall();
    CallStarted b =
        new CallStarted(
            "B-2",
            "queue",
            "support",
            "+1 555",
            "Bob",
            1,
            a.objective(),
            a.dispositionCodes(),
            false);
    WrapUps first = WrapUps.open(file);
    first.callStarted(a);
    first.callEnded(new CallEnded(a.callId(), 5, CallEnded.INTERRUPTED, 99_000));
    first.callStarted(b); // a new pop: A's draft stays
    first.updateDraft(
        a.callId(),
        d ->
            d.withCode("SALE")
                .withAdvance(true)
                .withChecklist(List.of("identity"))
                .withNotes("booked Tuesday"));
    first.updateDraft("B-2", d -> d.withCode("NI"));
    assertFalse(
        Files.exists(dir.resolve("outbox-7.drafts.json.tmp")), "written through a temporary file");

    WrapUps second = WrapUps.open(file); // the client restarted
    assertEquals(List.of(a.callId(), "B-2"), second.all().stream().map(WrapUp::callId).toList());
    Draft kept = second.get(a.callId()).orElseThrow().draft();
    assertEquals("SALE", kept.code());
    assertEquals(List.of("identity"), kept.checklistDone());
    assertEquals("booked Tuesday", kept.notes());
    assertEquals(CallEnded.INTERRUPTED, second.get(a.callId()).orElseThrow().ended().reason());

    // The server re-sends the pop after the reconnect: merged, not reset.
    assertFalse(
        second.callStarted(
            new CallStarted(
                a.callId(),
                a.direction(),
                a.queue(),
                a.callerNumber(),
                a.callerName(),
                a.connectedAtMillis(),
                a.objective(),
                a.dispositionCodes(),
                true)));
    assertEquals(kept, second.get(a.callId()).orElseThrow().draft());

    second.acked(a.callId());
    assertEquals(List.of("B-2"), WrapUps.open(file).all().stream().map(WrapUp::callId).toList());
  }

  @Test
  void an_unreadable_drafts_file_is_moved_aside_not_overwritten() throws Exception {
    Path file = dir.resolve("d.json");
    Files.writeString(file, "{not json");
    WrapUps w = WrapUps.open(file);
    assertEquals(0, w.size());
    try (var listing = Files.list(dir)) {
      assertTrue(
          listing.anyMatch(p -> p.getFileName().toString().startsWith("d.json.unreadable-")));
    }
  }

  @Test
  void a_refused_disposition_keeps_its_draft_and_the_terminal_draft_comes_back_after_a_restart()
      throws Exception {
    Path drafts = dir.resolve("outbox.drafts.json");
    CallStarted call = SampleCalls.salesCall();
    try (TestWsServer server = TestWsServer.start()) {
      server.replies =
          (n, m) ->
              m instanceof DispositionSubmit d
                  ? TestWsServer.Reply.of(
                      new ErrorMessage(
                          ErrorMessage.UNKNOWN_CALL, "no such call \u001B[31mhere", d.requestId()))
                  : TestWsServer.WELCOME_AND_ACK.apply(n, m);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PipedOutputStream keyboard = new PipedOutputStream();
      HeadlessUi ui =
          new HeadlessUi(
              new org.jline.terminal.impl.DumbTerminal(
                  "t",
                  "dumb",
                  new PipedInputStream(keyboard),
                  new PrintStream(bytes, true, StandardCharsets.UTF_8),
                  StandardCharsets.UTF_8),
              java.time.Clock.systemUTC(),
              WrapUps.open(drafts));
      try (BridgeClient client =
          BridgeClient.builder(server.uri(), "7", "t")
              .outbox(dir.resolve("outbox.jsonl"))
              .listener(ui)
              .build()) {
        client.start();
        Thread loop = new Thread(() -> ui.run(client::submit));
        loop.setDaemon(true);
        loop.start();
        server.next(Hello.class, Duration.ofSeconds(10));
        server.broadcast(call);
        server.broadcast(
            new CallEnded(call.callId(), 1, "caller", System.currentTimeMillis() + 60_000));
        waitFor(() -> bytes.toString(StandardCharsets.UTF_8).contains("Wrap-up: submit"));
        keyboard.write("\nSALE\ny\n1,2\n0\n\nfirst try\n\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        Message sent = server.next(DispositionSubmit.class, Duration.ofSeconds(10));
        assertEquals(call.callId(), ((DispositionSubmit) sent).callId());
        waitFor(() -> bytes.toString(StandardCharsets.UTF_8).contains("(unknown_call)"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Not saved: no such call here (unknown_call)"), out);
        // (no change to the form mends it: the agent is told how to drop it)
        assertTrue(out.contains("/discard 1 yes drops it"), out);
        assertFalse(out.contains("\u001B[31m"));
        WrapUp kept = ui.wrapUps().get(call.callId()).orElseThrow();
        assertFalse(kept.sending(), "editable again");
        assertEquals("no such call here", kept.error());
        keyboard.close();
        loop.join(5000);
      }
    }
    // Restart: the draft and the refusal are still there.
    WrapUp again = WrapUps.open(drafts).get(call.callId()).orElseThrow();
    assertEquals("SALE", again.draft().code());
    assertEquals(List.of("recording", "identity"), again.draft().checklistDone());
    assertEquals("first try", again.draft().notes());
    assertNull(again.requestId());
  }

  private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
    Eventually.until("the condition", Duration.ofSeconds(10), c);
  }
}
