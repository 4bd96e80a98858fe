package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HeadlessUiTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-10T14:00:00Z"), ZoneOffset.UTC);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private HeadlessUi ui(String... lines) {
    String script = String.join("\n", lines) + "\n";
    return new HeadlessUi(
        new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out, CLOCK);
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void the_pop_shows_caller_queue_objective_advance_measure_time_frame_checklist_and_codes() {
    String pop = HeadlessUi.formatPop(SampleCalls.salesCall());
    assertTrue(pop.contains("CALL from Jane Doe <+44 20 7946 0958>   queue: sales"), pop);
    assertTrue(pop.contains("OBJECTIVE:  Fibre upgrade for existing DSL customers"), pop);
    assertTrue(pop.contains(">> ADVANCE: Customer books a fibre installation date"), pop);
    assertTrue(pop.contains("Measured by: Installation appointment booked in the CRM"), pop);
    assertTrue(pop.contains("Time frame:  Before the end of this call"), pop);
    assertTrue(pop.contains("1. [compliance] Tell the caller the call is recorded  *"), pop);
    assertTrue(pop.contains("3. [quality]    Ask about current speed problems\n"), pop);
    assertTrue(pop.contains("4. [upsell]     Offer the TV bundle\n"), pop);
    assertTrue(
        pop.contains(
            "DISPOSITION CODES: 1=SALE (Sale), 2=CALLBK (Call back), 3=NI (Not interested), 4=DNC (Do not call)"),
        pop);
  }

  @Test
  void an_outbound_pop_says_outbound_and_names_the_campaign() {
    CallStarted s = SampleCalls.salesCall();
    CallStarted out =
        new CallStarted(
            s.callId(),
            CallStarted.OUTBOUND,
            "winback",
            "+1 555 0100",
            null,
            0,
            s.objective(),
            s.dispositionCodes(),
            false);
    String pop = HeadlessUi.formatPop(out);
    assertTrue(pop.contains("OUTBOUND CALL to +1 555 0100   campaign: winback"), pop);
  }

  @Test
  void the_call_end_shows_the_wrap_up_deadline_and_time_left() {
    long deadline = CLOCK.millis() + 90_000;
    String text =
        HeadlessUi.formatEnded(
            new CallEnded("c1", CLOCK.millis(), "hangup", deadline),
            SampleCalls.salesCall(),
            CLOCK);
    assertTrue(
        text.contains(
            "ended (hangup). Wrap-up: submit the disposition by 14:01:30 (in 1 min 30 s)"),
        text);
  }

  @Test
  void the_prompts_produce_the_disposition_the_agent_typed() {
    HeadlessUi ui =
        ui("1", "y", "1,2,4", "2", "tv bundle; mobile sim", "85", "booked for Tuesday", "");

    DispositionSubmit d = ui.prompt(SampleCalls.salesCall());

    assertEquals(
        new DispositionSubmit(
            null,
            "1700000000.42",
            "SALE",
            true,
            List.of("recording", "identity", "tv"),
            2,
            List.of("tv bundle", "mobile sim"),
            85,
            "booked for Tuesday"),
        d);
    assertTrue(
        output().contains("Summary: code SALE | advance YES | checklist 1,2,4 | upsell 2"),
        output());
  }

  @Test
  void bad_answers_are_explained_and_asked_again() {
    HeadlessUi ui =
        ui(
            "9", "maybe", "ni", // code: out of range, unknown, then by name (case-insensitive)
            "perhaps", "n", // advance
            "1,7", "x", "3 1", // checklist: out of range, not a number, then ok (space-separated)
            "-1", "lots", "100",
            "0", // upsell count: negative, text, too big, then 0 (no notes asked)
            "101", "great", "", // CSAT: too big, text, then blank = none
            "", // notes
            "yes");

    DispositionSubmit d = ui.prompt(SampleCalls.salesCall());

    assertEquals("NI", d.code());
    assertEquals(false, d.advanceObtained());
    assertEquals(List.of("recording", "needs"), d.checklistDone());
    assertEquals(0, d.upsellCount());
    assertEquals(List.of(), d.upsellNotes());
    assertNull(d.csat());
    assertNull(d.notes());
    String o = output();
    assertTrue(
        o.contains("'9' is not one of the codes: type a number shown (1, 2, 3, 4) or the code."),
        o);
    assertTrue(o.contains("'maybe' is not one of the codes"), o);
    assertTrue(o.contains("Please answer y or n."), o);
    assertTrue(o.contains("'7' is not an item number: use numbers 1-4"), o);
    assertTrue(o.contains("'x' is not an item number"), o);
    assertTrue(o.contains("Note: required item(s) 2 not done."), o);
    assertEquals(3, count(o, "Please enter a whole number from 0 to 99."), o);
    assertEquals(2, count(o, "Please enter a whole number from 0 to 100, or leave it blank."), o);
  }

  @Test
  void answering_no_at_the_summary_starts_the_disposition_over() {
    HeadlessUi ui =
        ui(
            "SALE",
            "y",
            "all",
            "0",
            "",
            "",
            "n", // first pass, rejected at the summary
            "2",
            "n",
            "",
            "1",
            "",
            "40",
            "call back tomorrow",
            "");

    DispositionSubmit d = ui.prompt(SampleCalls.salesCall());

    assertEquals("CALLBK", d.code());
    assertEquals(List.of(), d.checklistDone());
    assertEquals(1, d.upsellCount());
    assertEquals(List.of(), d.upsellNotes());
    assertEquals(40, d.csat());
    assertTrue(output().contains("Starting over."));
  }

  @Test
  void an_over_long_upsell_note_is_refused() {
    HeadlessUi ui = ui("1", "y", "", "1", "x".repeat(200), "wants a second line", "", "", "");
    DispositionSubmit d = ui.prompt(SampleCalls.salesCall());
    assertEquals(List.of("wants a second line"), d.upsellNotes());
    assertTrue(output().contains("at most 140 characters"));
  }

  @Test
  void the_end_of_input_stops_the_prompt() {
    HeadlessUi ui = ui("1");
    assertThrows(HeadlessUi.EndOfInputException.class, () -> ui.prompt(SampleCalls.salesCall()));
  }

  @Test
  void after_the_call_ends_run_asks_submits_and_prints_the_ack() throws Exception {
    HeadlessUi ui = ui("", "1", "y", "1,2", "0", "90", "", ""); // Enter opens the waiting call
    List<DispositionSubmit> submitted = new CopyOnWriteArrayList<>();
    CallStarted call = SampleCalls.salesCall();
    ui.onCallStarted(call);
    ui.onCallEnded(new CallEnded(call.callId(), CLOCK.millis(), "hangup", CLOCK.millis() + 60_000));
    ui.onCallEnded(
        new CallEnded(
            call.callId(),
            CLOCK.millis(),
            "hangup",
            CLOCK.millis() + 60_000)); // repeated: asked once

    ui.run(
        d -> {
          submitted.add(d);
          return CompletableFuture.completedFuture(new DispositionAck("r", d.callId(), false, d));
        });

    assertEquals(1, submitted.size());
    assertEquals("SALE", submitted.get(0).code());
    assertEquals(90, submitted.get(0).csat());
    String o = output();
    assertTrue(o.contains(">> ADVANCE: Customer books a fibre installation date"), o);
    assertTrue(o.contains("Wrap-up: submit the disposition by 14:01:00"), o);
    assertTrue(o.contains("Saved: disposition for call 1700000000.42 stored by the server."), o);
  }

  @Test
  void enter_opens_a_call_still_inside_its_wrap_up_before_one_whose_deadline_has_passed()
      throws Exception {
    HeadlessUi ui = ui("", "2", "n", "", "0", "", "", "");
    List<DispositionSubmit> submitted = new CopyOnWriteArrayList<>();
    CallStarted late = SampleCalls.salesCall();
    CallStarted current =
        new CallStarted(
            "1700000000.77",
            late.direction(),
            late.queue(),
            "+44 20 7946 0999",
            "Bob Late",
            late.connectedAtMillis(),
            late.objective(),
            late.dispositionCodes(),
            false);
    ui.onCallStarted(late);
    ui.onCallEnded(
        new CallEnded(late.callId(), CLOCK.millis() - 200_000, "hangup", CLOCK.millis() - 80_000));
    ui.onCallStarted(current);
    ui.onCallEnded(
        new CallEnded(current.callId(), CLOCK.millis(), "hangup", CLOCK.millis() + 110_000));

    ui.run(
        d -> {
          submitted.add(d);
          return CompletableFuture.completedFuture(new DispositionAck("r", d.callId(), false, d));
        });

    assertEquals(
        current.callId(),
        submitted.get(0).callId(),
        "the call the agent can still make in time comes first");
  }

  @Test
  void a_disposition_refused_as_invalid_is_asked_for_again() {
    HeadlessUi ui = ui("", "1", "y", "", "0", "", "", "", "", "3", "n", "", "0", "", "", "");
    List<DispositionSubmit> submitted = new CopyOnWriteArrayList<>();
    CallStarted call = SampleCalls.salesCall();
    ui.onCallStarted(call);
    ui.onCallEnded(new CallEnded(call.callId(), 0, null, CLOCK.millis()));

    ui.run(
        d -> {
          submitted.add(d);
          if (submitted.size() == 1) {
            return CompletableFuture.failedFuture(
                new DispositionRejectedException(
                    new ErrorMessage(
                        ErrorMessage.INVALID_DISPOSITION, "SALE needs the identity check", "r")));
          }
          return CompletableFuture.completedFuture(
              new DispositionAck("r", d.callId(), true, submitted.get(0)));
        });

    assertEquals(List.of("SALE", "NI"), submitted.stream().map(DispositionSubmit::code).toList());
    String o = output();
    assertTrue(o.contains("Not saved: SALE needs the identity check (invalid_disposition)"), o);
    assertTrue(o.contains("already had a disposition (SALE); the first one was kept."), o);
  }

  @Test
  void a_rate_limited_disposition_is_shown_as_kept_not_as_refused() {
    HeadlessUi ui = ui("", "1", "y", "", "0", "", "", "");
    List<DispositionSubmit> submitted = new CopyOnWriteArrayList<>();
    CallStarted call = SampleCalls.salesCall();
    ui.onCallStarted(call);
    ui.onCallEnded(new CallEnded(call.callId(), 0, null, CLOCK.millis()));
    ui.run(
        d -> {
          submitted.add(d);
          return new CompletableFuture<>(); // the bridge keeps it until the ack
        });
    assertEquals(1, submitted.size());

    ui.onError(
        new ErrorMessage(
            ErrorMessage.RATE_LIMITED, "slow down", submitted.get(0).requestId(), 1000L));

    String o = output();
    assertTrue(o.contains("it is kept and sent again"), o);
    assertTrue(!o.contains("Not saved"), o);
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void the_agents_own_figures_and_congratulations_are_printed() {
    var out = new java.io.ByteArrayOutputStream();
    HeadlessUi ui =
        new HeadlessUi(
            new java.io.ByteArrayInputStream(new byte[0]),
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            java.time.Clock.systemUTC());
    ui.onAgentStats(
        new org.callobjectives.protocol.AgentStats(
            "1001", "2026-11-22", "day", 12, 5, 41.7, 3, 1, 2, 1, 98.0, 1));
    ui.onCongratulation(
        new org.callobjectives.protocol.Congratulation("advances", "5 advances today!", 0));
    ui.onComplianceReminder(
        new org.callobjectives.protocol.ComplianceReminder(
            "pbx:1", "recording-notice", "Told the caller the call is recorded\u001b[2J", 61));
    String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assertions.assertTrue(
        text.contains("Reminder: still to do on this call: Told the caller the call is recorded"),
        text);
    org.junit.jupiter.api.Assertions.assertFalse(
        text.contains("\u001b[2J"), "no terminal control sequence from the server's text");
    org.junit.jupiter.api.Assertions.assertTrue(
        text.contains("12 calls, 5 advances (42 %), compliance 98 %"), text);
    org.junit.jupiter.api.Assertions.assertTrue(
        text.contains("upsell opportunities this shift 1/2"), text);
    org.junit.jupiter.api.Assertions.assertTrue(
        text.contains("Well done: 5 advances today!"), text);
  }
}
