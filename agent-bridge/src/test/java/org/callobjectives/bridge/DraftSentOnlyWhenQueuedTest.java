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
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Hello;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A draft is marked sent only once the outbox holds its disposition; start-up makes both agree. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DraftSentOnlyWhenQueuedTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void
      when_the_outbox_cannot_be_written_the_terminal_draft_stays_editable_and_is_sent_once_the_disk_is_back()
          throws Exception {
    Path outbox = dir.resolve("outbox.jsonl");
    Path drafts = dir.resolve("outbox.drafts.json");
    CallStarted call = SampleCalls.salesCall();
    try (TestWsServer server = TestWsServer.start()) {
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
          BridgeClient.builder(server.uri(), "7", "t").outbox(outbox).listener(ui).build()) {
        // The agent's disk refuses the outbox append (here: a directory where the file should be).
        Files.createDirectory(outbox);
        client.start();
        Thread loop = new Thread(() -> ui.run(client::submit));
        loop.setDaemon(true);
        loop.start();
        server.next(Hello.class, WAIT);
        server.broadcast(call);
        server.broadcast(
            new CallEnded(call.callId(), 1, "caller", System.currentTimeMillis() + 60_000));
        waitFor(() -> bytes.toString(StandardCharsets.UTF_8).contains("Wrap-up: submit"));
        keyboard.write("\nSALE\ny\n1,2\n0\n\nbooked Tuesday\n\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        waitFor(() -> bytes.toString(StandardCharsets.UTF_8).contains("!! Not saved for"));
        assertTrue(
            bytes.toString(StandardCharsets.UTF_8).contains("/open 1 to submit it again"),
            bytes.toString(StandardCharsets.UTF_8));
        WrapUp kept = ui.wrapUps().get(call.callId()).orElseThrow();
        assertFalse(
            kept.sending(),
            "editable again, not 'submitted and waiting' for something nobody will send");
        assertEquals("booked Tuesday", kept.draft().notes());
        assertNull(
            WrapUps.open(drafts).get(call.callId()).orElseThrow().requestId(), "the file agrees");
        assertNull(server.received.poll(200, TimeUnit.MILLISECONDS), "nothing went to the server");

        // The disk is back: the agent opens the call again and submits the kept draft.
        Files.delete(outbox);
        keyboard.write("/open 1\n\n\n\n\n\n\n\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        DispositionSubmit sent = server.next(DispositionSubmit.class, WAIT);
        assertEquals(call.callId(), sent.callId());
        assertEquals("SALE", sent.code());
        assertEquals("booked Tuesday", sent.notes());
        waitFor(() -> ui.wrapUps().size() == 0);
        keyboard.close();
        loop.join(5000);
      }
    }
  }

  @Test
  void
      at_start_a_draft_marked_sent_but_missing_from_the_outbox_is_editable_again_and_one_in_the_outbox_is_sent()
          throws Exception {
    Path outboxFile = dir.resolve("outbox.jsonl");
    Path draftsFile = dir.resolve("outbox.drafts.json");
    CallStarted a = SampleCalls.salesCall();
    CallStarted b = PopupBackToBackTest.second();
    // The run before: A marked sent but the bridge died before the outbox append (the old order);
    // B appended to the outbox but the bridge died before the draft was marked sent.
    WrapUps before = WrapUps.open(draftsFile);
    before.callStarted(a);
    before.callStarted(b);
    before.updateDraft(
        a.callId(), d -> d.withCode("SALE").withAdvance(true).withNotes("booked Tuesday"));
    before.updateDraft(b.callId(), d -> d.withCode("NI").withAdvance(false));
    before.sent(a.callId(), "lost-request");
    Outbox.open(outboxFile)
        .add(before.get(b.callId()).orElseThrow().draft().toSubmit("queued-request", b.callId()));

    try (TestWsServer server = TestWsServer.start()) {
      WrapUps drafts = WrapUps.open(draftsFile);
      assertTrue(drafts.get(a.callId()).orElseThrow().sending(), "stuck read-only without the fix");
      try (BridgeClient client =
          BridgeClient.builder(server.uri(), "7", "t")
              .outbox(outboxFile)
              .listener(
                  new BridgeClient.Listener() {
                    @Override
                    public void onAck(org.callobjectives.protocol.DispositionAck ack) {
                      drafts.acked(ack.callId());
                    }
                  })
              .build()) {
        assertEquals(2, drafts.matchOutbox(client.queued()));
        WrapUp aNow = drafts.get(a.callId()).orElseThrow();
        assertFalse(aNow.sending(), "A is editable again");
        assertEquals("booked Tuesday", aNow.draft().notes());
        assertTrue(aNow.error().contains("submit again"), aNow.error());
        assertEquals(
            "queued-request", drafts.get(b.callId()).orElseThrow().requestId(), "B shows as sent");
        assertFalse(
            WrapUps.open(draftsFile).get(a.callId()).orElseThrow().sending(),
            "written to the file");

        client.start();
        DispositionSubmit resent = server.next(DispositionSubmit.class, WAIT);
        assertEquals("queued-request", resent.requestId());
        assertEquals(b.callId(), resent.callId());
        waitFor(() -> drafts.get(b.callId()).isEmpty());
        assertEquals(List.of(a.callId()), drafts.all().stream().map(WrapUp::callId).toList());
      }
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
    Eventually.until("the condition", WAIT, c);
  }
}
