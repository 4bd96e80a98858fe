package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Hello;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HeadlessEndToEndTest {

  @TempDir Path dir;

  @Test
  void a_pushed_call_is_shown_the_typed_disposition_reaches_the_server_and_the_ack_is_printed()
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(keyboard);
    HeadlessUi ui = new HeadlessUi(stdin, out);

    try (TestWsServer server = TestWsServer.start();
        BridgeClient client =
            BridgeClient.builder(server.uri(), "agent-7", "secret")
                .outbox(dir.resolve("outbox.jsonl"))
                .listener(ui)
                .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .build()) {
      client.start();
      Thread loop = new Thread(() -> ui.run(client::submit), "ui-loop");
      loop.start();
      server.next(Hello.class, Duration.ofSeconds(10));
      waitFor(client::isConnected);

      CallStarted call = SampleCalls.salesCall();
      server.broadcast(call);
      server.broadcast(
          new CallEnded(
              call.callId(),
              System.currentTimeMillis(),
              "hangup",
              System.currentTimeMillis() + 60_000));
      waitFor(
          () ->
              bytes
                  .toString(StandardCharsets.UTF_8)
                  .contains("Wrap-up: submit the disposition by"));
      keyboard.write("\nSALE\ny\n1,2\n1\ntv\n\n\n\n".getBytes(StandardCharsets.UTF_8));
      keyboard.flush();

      DispositionSubmit d = server.next(DispositionSubmit.class, Duration.ofSeconds(10));
      assertEquals(call.callId(), d.callId());
      assertEquals(List.of("recording", "identity"), d.checklistDone());
      assertEquals(List.of("tv"), d.upsellNotes());
      waitFor(() -> bytes.toString(StandardCharsets.UTF_8).contains("Saved: disposition for call"));
      assertTrue(client.queued().isEmpty());

      keyboard.close(); // end of input ends the loop
      loop.join(10_000);
      String o = bytes.toString(StandardCharsets.UTF_8);
      assertTrue(o.contains(">> ADVANCE: Customer books a fibre installation date"), o);
      assertTrue(o.contains("Wrap-up: submit the disposition by"), o);
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
    Eventually.until("the condition", Duration.ofSeconds(10), c);
  }
}
