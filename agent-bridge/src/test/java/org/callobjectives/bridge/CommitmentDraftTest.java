package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.CommitmentAnswer;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Hello;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer to a pop's commitment question is part of the call's draft, on disk and on the wire.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommitmentDraftTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void the_answer_survives_a_restart_of_the_client_with_the_question() throws Exception {
    Path file = dir.resolve("outbox-7.drafts.json");
    CallStarted a = SampleCalls.salesCallWithCommitment();
    WrapUps first = WrapUps.open(file);
    first.callStarted(a);
    first.updateDraft(a.callId(), d -> d.withCode("SALE").withCommitment(CommitmentAnswer.NOT_YET));
    assertTrue(
        Files.readString(file, StandardCharsets.UTF_8).contains("\"commitment\":\"not_yet\""),
        "written in its wire form");

    WrapUp kept = WrapUps.open(file).get(a.callId()).orElseThrow();
    assertEquals(CommitmentAnswer.NOT_YET, kept.draft().commitment());
    assertEquals("SALE", kept.draft().code());
    assertEquals(SampleCalls.usageFigures(), kept.commitment(), "the question comes back too");
  }

  @Test
  void a_drafts_file_from_before_commitments_loads_with_no_answer() throws Exception {
    Path file = dir.resolve("old.drafts.json");
    WrapUps w = WrapUps.open(file);
    w.callStarted(SampleCalls.salesCall());
    w.updateDraft(SampleCalls.salesCall().callId(), d -> d.withCode("NI"));
    String old = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(old.contains("\"commitment\":null") || !old.contains("\"commitment\""), old);
    Files.writeString(
        file, old.replace(",\"commitment\":null", "").replace("\"commitment\":null,", ""));

    Draft d = WrapUps.open(file).get(SampleCalls.salesCall().callId()).orElseThrow().draft();
    assertEquals("NI", d.code());
    assertNull(d.commitment());
  }

  @Test
  void the_answer_is_sent_only_when_the_pop_asked() {
    Draft d = Draft.EMPTY.withCode("SALE").withAdvance(true).withCommitment(CommitmentAnswer.KEPT);
    assertEquals(CommitmentAnswer.KEPT, d.toSubmit("r", "c", true).commitment());
    assertNull(d.toSubmit("r", "c", false).commitment());
    assertNull(
        Draft.EMPTY.withCode("SALE").withAdvance(true).toSubmit("r", "c", true).commitment());
    assertEquals(
        Draft.EMPTY.withCode("SALE").withAdvance(true).withCommitment(null),
        new Draft("SALE", true, List.of(), 0, "", null, ""),
        "the draft without an answer is the draft of before");
  }

  @Test
  void the_client_keeps_the_answer_when_it_gives_the_disposition_its_request_id() throws Exception {
    try (TestWsServer server = TestWsServer.start();
        BridgeClient client =
            BridgeClient.builder(server.uri(), "1001", "t")
                .outbox(dir.resolve("outbox.jsonl"))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .build()) {
      client.start();
      server.next(Hello.class, WAIT);
      DispositionAck ack =
          client
              .submit(
                  new DispositionSubmit(
                      null,
                      "1700000000.42",
                      "SALE",
                      true,
                      List.of(),
                      0,
                      List.of(),
                      null,
                      null,
                      CommitmentAnswer.NOT_KEPT))
              .get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      DispositionSubmit sent = server.next(DispositionSubmit.class, WAIT);
      assertEquals(CommitmentAnswer.NOT_KEPT, sent.commitment());
      assertEquals(sent.requestId(), ack.requestId());
    }
  }
}
