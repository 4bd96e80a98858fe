package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.CommitmentAnswer;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Terminal mode: the pop prints the commitment question and the form (or a command) answers it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HeadlessCommitmentTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T14:00:00Z"), ZoneOffset.UTC);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final List<DispositionSubmit> submitted = new CopyOnWriteArrayList<>();

  private HeadlessUi ui(String... lines) {
    String script = String.join("\n", lines) + "\n";
    return new HeadlessUi(
        new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out, CLOCK);
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private void run(HeadlessUi ui, CallStarted... calls) {
    for (CallStarted c : calls) {
      ui.onCallStarted(c);
      ui.onCallEnded(new CallEnded(c.callId(), CLOCK.millis(), "hangup", CLOCK.millis() + 90_000));
    }
    ui.run(
        d -> {
          submitted.add(d);
          return CompletableFuture.completedFuture(new DispositionAck("r", d.callId(), false, d));
        });
  }

  private static CallStarted other() {
    CallStarted a = SampleCalls.salesCall();
    return new CallStarted(
        "1700000000.77",
        a.direction(),
        a.queue(),
        "+44 20 7946 0999",
        "Bob Brown",
        a.connectedAtMillis(),
        a.objective(),
        a.dispositionCodes(),
        false);
  }

  @Test
  void the_pop_prints_the_question_what_was_agreed_by_when_and_when_and_by_whom() {
    TimeZone zone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    try {
      String pop = HeadlessUi.formatPop(SampleCalls.salesCallWithCommitment());
      assertTrue(pop.contains(" COMMITMENT: from Tue 1 Dec 2026 (agent 1002)\n"), pop);
      assertTrue(pop.contains("    ?? Did they send the usage figures?\n"), pop);
      assertTrue(
          pop.contains("    Agreed:      Customer sends the last 3 months' usage figures\n"), pop);
      assertTrue(pop.contains("    Time frame:  Within a week\n"), pop);
      assertTrue(
          pop.indexOf("COMMITMENT:") < pop.indexOf("CHECKLIST"), "above the checklist: " + pop);
      assertTrue(!HeadlessUi.formatPop(SampleCalls.salesCall()).contains("COMMITMENT"));
    } finally {
      TimeZone.setDefault(zone);
    }
  }

  @Test
  void the_form_asks_the_question_after_the_advance_and_the_answer_goes_out_with_the_call() {
    // Enter opens the call; code 1, advance y; the commitment: 'y' is refused (not one of the
    // answers), then 2 = not kept; checklist, upsell, CSAT, notes, confirm.
    HeadlessUi ui = ui("", "1", "y", "y", "2", "1,2", "0", "", "", "");

    run(ui, SampleCalls.salesCallWithCommitment());

    assertEquals(1, submitted.size());
    assertEquals(CommitmentAnswer.NOT_KEPT, submitted.get(0).commitment());
    assertEquals(List.of("recording", "identity"), submitted.get(0).checklistDone());
    String o = output();
    assertTrue(o.contains("The customer's commitment, from Tue 1 Dec 2026 (agent 1002)\n"), o);
    assertTrue(
        o.contains(
            "Did they send the usage figures? 1=kept, 2=not kept, 3=not yet due ('-' = no answer): "),
        o);
    assertTrue(o.contains("Please answer 1 (kept), 2 (not kept), 3 (not yet due)"), o);
    assertTrue(o.contains("| advance YES | commitment not kept | checklist 1,2 |"), o);
  }

  @Test
  void the_commitment_command_answers_at_any_prompt_of_the_open_form_and_enter_keeps_it() {
    HeadlessUi ui =
        ui(
            "/commitment kept", // no form open yet
            "",
            "/c not yet", // at the code prompt
            "/commitment", // shows the question and the answer
            "1",
            "y",
            "", // Enter keeps [not yet due]
            "",
            "0",
            "",
            "",
            "");

    run(ui, SampleCalls.salesCallWithCommitment());

    assertEquals(CommitmentAnswer.NOT_YET, submitted.get(0).commitment());
    String o = output();
    assertTrue(o.contains("Open a call's form first"), o);
    assertTrue(o.contains(": not yet due."), o);
    assertTrue(o.contains("Did they send the usage figures? Answer: not yet due."), o);
    assertTrue(o.contains("('-' = no answer) [not yet due]: "), o);
  }

  @Test
  void no_answer_and_a_pop_without_a_question_send_none_and_help_lists_the_command() {
    HeadlessUi ui =
        ui(
            "/help",
            "", // the call with the question (most urgent: it ends first)
            "1",
            "y",
            "/commitment 1",
            "-", // answered, then cleared at the question
            "",
            "0",
            "",
            "",
            "",
            "", // the call without a question
            "/commitment 1",
            "3",
            "n",
            "",
            "0",
            "",
            "",
            "");
    CallStarted asked = SampleCalls.salesCallWithCommitment();
    ui.onCallStarted(asked);
    ui.onCallEnded(
        new CallEnded(asked.callId(), CLOCK.millis(), "hangup", CLOCK.millis() + 30_000));

    run(ui, other());

    assertEquals(2, submitted.size());
    assertEquals(asked.callId(), submitted.get(0).callId());
    assertNull(submitted.get(0).commitment(), "cleared with '-'");
    assertEquals("1700000000.77", submitted.get(1).callId());
    assertNull(submitted.get(1).commitment());
    String o = output();
    assertTrue(o.contains("/commitment A      answer the open call's commitment question"), o);
    assertTrue(o.contains("asks no commitment question"), o);
    assertTrue(o.contains("| commitment not answered |"), o);
  }
}
