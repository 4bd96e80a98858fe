package org.callobjectives.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolExtensionsTest {
  static final ObjectiveView DEMO =
      new ObjectiveView(
          "demo",
          "Book a demo",
          "The customer agrees to a demo",
          "Date confirmed",
          "during the call",
          List.of(new ChecklistItem("greeting", "Greet", ChecklistKind.QUALITY, true)));

  @Test
  void aPopFromAnOlderServerWithoutStageFieldsStillReads() throws Exception {
    String old =
        "{\"type\":\"call_started\",\"callId\":\"c1\",\"direction\":\"queue\",\"queue\":\"sales\","
            + "\"callerNumber\":\"1555\",\"callerName\":null,\"connectedAtMillis\":5,\"objective\":{\"id\":\"demo\","
            + "\"title\":\"t\",\"advance\":\"a\",\"measure\":\"m\",\"timeFrame\":\"f\",\"checklist\":[]},"
            + "\"dispositionCodes\":[],\"replay\":false}";
    CallStarted c = (CallStarted) Json.read(old);
    assertEquals("demo", c.objective().id());
    assertNull(c.objective().stage());
    assertNull(c.objective().lastCall());
  }

  @Test
  void stageLastCallAndSecondObjectiveSurviveTheWire() throws Exception {
    ObjectiveView second =
        new ObjectiveView(
            "upsell",
            "Annual plan",
            "The customer agrees to a quote",
            "Quote sent",
            "during the call",
            List.of());
    ObjectiveView v =
        DEMO.forCall(
            "demo-booked", new LastCall("ADVANCE", true, 42, "discovery", "discovery"), second);
    CallStarted c = new CallStarted("c1", "queue", "sales", "1555", null, 5, v, List.of(), false);
    CallStarted back = (CallStarted) Json.read(Json.write(c));
    assertEquals(v, back.objective());
    assertEquals("demo-booked", back.objective().stage());
    assertTrue(back.objective().lastCall().advanceObtained());
    assertEquals("upsell", back.objective().secondary().id());
  }

  @Test
  void absentOptionalFieldsAreNotWritten() {
    String json =
        Json.write(
            new CallStarted("c1", "queue", "sales", "1555", null, 5, DEMO, List.of(), false));
    assertFalse(json.contains("lastCall"), json);
    assertFalse(json.contains("secondary"), json);
  }

  @Test
  void aProposalAndItsAckAreMessages() throws Exception {
    Proposal p = new Proposal("r1", "demo", "Allow 14 days: customers need their manager");
    assertEquals(p, Json.read(Json.write(p)));
    assertTrue(Json.write(p).contains("\"type\":\"proposal\""));
    assertEquals(new ProposalAck("r1", 7), Json.read(Json.write(new ProposalAck("r1", 7))));
  }

  @Test
  void aRateLimitAnswerCarriesItsRetryHintAndOtherErrorsReadAsBefore() throws Exception {
    ErrorMessage limited =
        new ErrorMessage(ErrorMessage.RATE_LIMITED, "too many proposals", "r1", 60_000L);
    assertEquals(limited, Json.read(Json.write(limited)));
    assertTrue(Json.write(limited).contains("\"retryAfterMillis\":60000"));
    // Other errors look exactly as they did: no retry field at all.
    String old = Json.write(new ErrorMessage(ErrorMessage.STORE_FAILED, "disk full", "r2"));
    assertFalse(old.contains("retryAfterMillis"), old);
    ErrorMessage fromOldServer =
        (ErrorMessage)
            Json.read(
                "{\"type\":\"error\",\"code\":\"store_failed\",\"message\":\"m\",\"requestId\":\"r\"}");
    assertNull(fromOldServer.retryAfterMillis());
    assertTrue(ErrorMessage.sendAgainLater(ErrorMessage.RATE_LIMITED));
    assertTrue(ErrorMessage.sendAgainLater(ErrorMessage.STORE_FAILED));
    assertFalse(ErrorMessage.sendAgainLater(ErrorMessage.UNKNOWN_CALL));
    assertFalse(ErrorMessage.sendAgainLater(ErrorMessage.QUOTA_EXCEEDED));
  }

  @Test
  void aCommitmentQuestionAndItsAnswerSurviveTheWire() throws Exception {
    Commitment asked =
        new Commitment(
            "c0", "1001", "discovery", "Sends the usage figures", "by Friday", "Sent them?", 7);
    CallStarted c =
        new CallStarted(
            "c1",
            "queue",
            "sales",
            "1555",
            null,
            5,
            DEMO.forCall(null, null, null, asked),
            List.of(),
            false);
    assertEquals(asked, ((CallStarted) Json.read(Json.write(c))).objective().commitment());
    DispositionSubmit d =
        new DispositionSubmit(
            "r1", "c1", "DEMO", true, null, 0, null, null, null, CommitmentAnswer.NOT_YET);
    String json = Json.write(d);
    assertTrue(json.contains("\"commitment\":\"not_yet\""), json);
    assertEquals(d, Json.read(json));
  }

  @Test
  void aDispositionWithoutACommitmentAnswerIsWrittenAsBefore() throws Exception {
    DispositionSubmit d =
        new DispositionSubmit("r1", "c1", "DEMO", true, null, 0, null, null, null);
    assertFalse(Json.write(d).contains("commitment"));
    assertFalse(
        Json.write(new CallStarted("c1", "queue", "sales", "1", null, 5, DEMO, List.of(), false))
            .contains("commitment"));
  }

  @Test
  void anUnknownCommitmentAnswerIsRefusedWithTheAnswersThatExist() {
    String json =
        "{\"type\":\"disposition\",\"callId\":\"c1\",\"code\":\"DEMO\",\"advanceObtained\":true,"
            + "\"upsellCount\":0,\"commitment\":\"maybe\"}";
    MalformedMessageException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            MalformedMessageException.class, () -> Json.read(json));
    assertTrue(e.getMessage().contains("kept, not_kept or not_yet"), e.getMessage());
    assertTrue(e.getMessage().startsWith("commitment: unknown commitment answer"), e.getMessage());
    assertFalse(e.getMessage().contains("org.callobjectives"), e.getMessage());
    MalformedMessageException withId =
        org.junit.jupiter.api.Assertions.assertThrows(
            MalformedMessageException.class,
            () -> Json.read(json.replace("{\"type\"", "{\"requestId\":\"r-9\",\"type\"")));
    assertEquals("r-9", withId.requestId());
    assertNull(e.requestId());
  }
}
