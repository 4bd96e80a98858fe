package org.callobjectives.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What Json writes validates against the committed schema, and what the schema refuses. */
class AgentProtocolMessagesTest {

  static final ObjectiveView UPSELL =
      new ObjectiveView(
          "sales-annual-upsell",
          "Annual plan",
          "The customer agrees to receive an annual-plan quote",
          "Quote request logged in the CRM",
          "during the call",
          List.of(
              new ChecklistItem(
                  "offer-annual", "Offer the annual plan", ChecklistKind.UPSELL, false)));

  static final ObjectiveView DEMO =
      new ObjectiveView(
              "sales-demo-booked",
              "Book a product demo",
              "The customer commits to a demo with a date and time",
              "Demo booked in the calendar",
              "before the end of the call",
              List.of(
                  new ChecklistItem(
                      "recording-notice",
                      "Say the call is recorded",
                      ChecklistKind.COMPLIANCE,
                      true),
                  new ChecklistItem("greeting", "Greet by name", ChecklistKind.QUALITY, false)))
          .forCall(
              "demo-booked",
              new LastCall("CALLBACK", false, 1_700_000_000_000L, "sales-discovery", "discovery"),
              UPSELL,
              new Commitment(
                  "pbx1:1699990000.7",
                  "1001",
                  "sales-discovery",
                  "The customer sends last quarter's usage figures",
                  "by Friday",
                  "Did they send the usage figures?",
                  1_699_990_000_000L));

  static final DispositionSubmit DISPOSITION =
      new DispositionSubmit(
          "r-17",
          "pbx1:1700000000.42",
          "DEMO_BOOKED",
          true,
          List.of("recording-notice", "greeting"),
          1,
          List.of("asked about the annual plan"),
          5,
          "Demo on Tuesday at 10",
          CommitmentAnswer.KEPT);

  static final CallStarted POP =
      new CallStarted(
          "pbx1:1700000000.42",
          CallStarted.INBOUND,
          "sales",
          "15551230001",
          "Bob Example",
          1_700_000_000_123L,
          DEMO,
          List.of(
              new DispositionCode(
                  "DEMO_BOOKED", "Demo booked", true, true, false, false, false, true, 1, true),
              new DispositionCode(
                  "NOT_INTERESTED", "Not interested", false, true, true, false, false, true)),
          false);

  /** One realistic message of each type, some with every optional field, some with none. */
  static final List<Message> SAMPLES =
      List.of(
          new Hello("1001", "demo-1001", "agent-bridge/0.1"),
          new Hello("1001", "demo-1001", "agent-bridge/0.1", "t-abc.def"),
          new Welcome("1001", "Alice", 1_700_000_000_000L, "t-abc.def"),
          new Welcome("1001", "Alice", 1_700_000_000_000L),
          POP,
          new CallStarted(
              "pbx1:1700000000.43",
              CallStarted.OUTBOUND,
              null,
              "15551230002",
              null,
              1_700_000_000_456L,
              null,
              null,
              true),
          new CallEnded("pbx1:1700000000.42", 1_700_000_180_000L, "caller", 1_700_000_300_000L),
          new CallEnded(
              "pbx1:1700000000.42",
              1_700_000_180_000L,
              CallEnded.INTERRUPTED,
              1_700_000_300_000L,
              true),
          DISPOSITION,
          new DispositionSubmit(
              "r-18", "pbx1:1700000000.43", "NO_ANSWER", false, null, 0, null, null, null),
          new DispositionAck("r-17", "pbx1:1700000000.42", false, DISPOSITION),
          new DispositionAck("r-19", "pbx1:1700000000.44", false, null),
          new ErrorMessage(ErrorMessage.NOT_YOUR_CALL, "call belongs to 1002", "r-17"),
          new ErrorMessage(ErrorMessage.RATE_LIMITED, "too many dispositions", "r-20", 60_000L),
          new Proposal("p-1", "sales-demo-booked", "Allow 14 days: customers need their manager"),
          new Proposal("p-2", null, "Lower the upsell target on Mondays"),
          new ProposalAck("p-1", 7),
          new AgentStats("1001", "2024-05-02", "morning", 12, 5, 41.7, 3, 2, 4, 1, 91.0, 1),
          new AgentStats("1001", "2024-05-02", "morning", 0, 0, null, 0, 0, 4, 0, null, 0),
          new Congratulation("daily-advances", "10 advances today: well done!", 1_700_000_200_000L),
          new AgentState("1001", AgentState.PAUSED, "lunch", 1_700_000_100_000L, 0, false),
          new AgentState("1001", AgentState.WRAP_UP, null, 1_700_000_180_000L, 1, true),
          new ChecklistProgress("pbx1:1700000000.42", List.of("recording-notice")),
          new ComplianceReminder(
              "pbx1:1700000000.42", "recording-notice", "Say the call is recorded", 45));

  @Test
  void everyMessageTypeHasASample() {
    Set<Class<?>> sampled = new HashSet<>();
    SAMPLES.forEach(m -> sampled.add(m.getClass()));
    assertEquals(Set.of(Message.class.getPermittedSubclasses()), sampled);
  }

  @Test
  void everySampleIsValidAsJsonWritesIt() {
    for (Message m : SAMPLES) {
      SchemaProblems.assertValid(Json.write(m));
    }
  }

  @Test
  void aMessageWithoutTypeIsRefused() {
    String json = "{\"requestId\":\"p-1\",\"proposalId\":7}";
    assertEquals(List.of("message: required property 'type' not found"), problems(json));
    assertRefusedByJsonToo(json);
  }

  @Test
  void anUnknownTypeIsRefused() {
    String json = "{\"type\":\"teleport\",\"requestId\":\"p-1\"}";
    assertEquals(1, problems(json).size(), problems(json).toString());
    assertTrue(problems(json).get(0).startsWith("/type: does not have a value in the enumeration"));
    assertRefusedByJsonToo(json);
  }

  @Test
  void aStringWhereANumberBelongsIsRefused() {
    String json = "{\"type\":\"proposal_ack\",\"requestId\":\"p-1\",\"proposalId\":\"7\"}";
    assertEquals(List.of("/proposalId: string found, integer expected"), problems(json));
    assertRefusedByJsonToo(json);
  }

  @Test
  void aMissingRequiredBooleanIsRefused() {
    String json = Json.write(DISPOSITION).replace("\"advanceObtained\":true,", "");
    assertEquals(List.of("message: required property 'advanceObtained' not found"), problems(json));
    assertRefusedByJsonToo(json);
  }

  @Test
  void aNullWhereAPrimitiveBelongsIsRefused() {
    String json = Json.write(new ProposalAck("p-1", 7)).replace("7", "null");
    assertEquals(List.of("/proposalId: null found, integer expected"), problems(json));
    assertRefusedByJsonToo(json);
  }

  @Test
  void aWrongFieldDeepInsideAMessageIsNamedByItsPath() {
    String json =
        Json.write(new DispositionAck("r-17", "pbx1:1700000000.42", true, DISPOSITION))
            .replace("\"advanceObtained\":true", "\"advanceObtained\":\"yes\"");
    assertEquals(
        List.of("/stored/advanceObtained: string found, boolean expected"), problems(json));
    assertRefusedByJsonToo(json);
  }

  @Test
  void anUnknownChecklistKindAndANullListItemAreRefused() {
    String pop = Json.write(POP);
    String kind = pop.replace("\"kind\":\"quality\"", "\"kind\":\"fun\"");
    assertEquals(1, problems(kind).size(), problems(kind).toString());
    assertTrue(problems(kind).get(0).startsWith("/objective/checklist/1/kind: does not have"));
    assertRefusedByJsonToo(kind);
    String nullItem = pop.replace("\"dispositionCodes\":[", "\"dispositionCodes\":[null,");
    assertEquals(List.of("/dispositionCodes/0: null found, object expected"), problems(nullItem));
    assertRefusedByJsonToo(nullItem);
  }

  @Test
  void aFieldTheRecordsDoNotHaveIsRefusedThoughJsonWouldIgnoreIt() throws Exception {
    // Stricter than Json.read on purpose: a client sending a misspelt or stale field is drift.
    String json = "{\"type\":\"proposal_ack\",\"requestId\":\"p-1\",\"proposalId\":7,\"id\":7}";
    assertEquals(
        List.of(
            "message: property 'id' is not defined in the schema and the schema does not allow"
                + " additional properties"),
        problems(json));
    assertEquals(new ProposalAck("p-1", 7), Json.read(json));
  }

  private static List<String> problems(String json) {
    return SchemaProblems.problems(json);
  }

  /** The schema never accepts what the server's reader would refuse. */
  private static void assertRefusedByJsonToo(String json) {
    assertThrows(MalformedMessageException.class, () -> Json.read(json), json);
  }
}
