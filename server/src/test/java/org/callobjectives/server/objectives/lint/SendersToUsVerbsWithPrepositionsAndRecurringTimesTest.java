package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.tagOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the thirty-fourth round: a team with one of our team names that sends "us" something, a
 * verb the tagger read as a noun before its preposition ("engages with", "votes at"), time frames
 * that only recur ("regularly"), our field agents, and our side sending to "the buyer" or "the
 * candidate" after a long object.
 */
class SendersToUsVerbsWithPrepositionsAndRecurringTimesTest {
  private static final String TIME = "during the call";

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @Test
  void aTeamThatSendsUsSomethingIsTheCustomersWhateverItIsCalled() {
    assertEquals(
        List.of(),
        errors(
            "The PT Sawit Lestari engineering team emails us last month's sterilizer cycle log",
            MEASURE,
            "by Friday 14 March"));
  }

  @Test
  void aVerbReadAsANounBeforeItsPrepositionIsTheVerb() {
    assertEquals("VERB", tagOf("The winery engages with our brand", "engages"));
    assertEquals(
        "VERB", tagOf("The whole congregation votes at a members' meeting to adopt it", "votes"));
    assertEquals("NOUN", tagOf("Explore connectivity options with the dental practice", "options"));
    List<String> found = errors("The winery engages with our brand", MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.TOO_GENERAL), found::toString);
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), found::toString);
    List<String> vote =
        errors(
            "The whole congregation votes at a members' meeting to adopt our software and migrate"
                + " all records",
            MEASURE,
            TIME);
    assertFalse(vote.contains(ObjectiveLinter.NOT_AN_ADVANCE), vote::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"regularly", "periodically", "from time to time", "now and then"})
  void aRecurringTimeIsNoTimeFrame(String timeFrame) {
    assertTrue(
        errors("The customer sends us the meter reading", MEASURE, timeFrame)
            .contains(ObjectiveLinter.NOT_TIME_BOUND),
        timeFrame);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The field agent registers the prospective agent in the system",
        "Recruiter sends the territory map to the candidate and follows up",
        "Export desk sends 2 kg samples of white quinoa by DHL to the buyer",
      })
  void ourSideServingTheCustomerIsNoAdvance(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(strings = {"by Friday if possible", "today hopefully", "ideally by 30 June"})
  void aDeadlineHopedForIsHedged(String timeFrame) {
    assertEquals(
        List.of(ObjectiveLinter.HEDGED),
        errors("The clinic sends us its patient volumes", MEASURE, timeFrame),
        timeFrame);
  }

  @Test
  void aHedgedVaguePeriodIsBothHedgedAndNoDeadline() {
    assertEquals(
        List.of(ObjectiveLinter.HEDGED, ObjectiveLinter.NOT_TIME_BOUND),
        errors("The clinic sends us its patient volumes", MEASURE, "sometime next week maybe"));
  }

  @Test
  void aFirmDeadlineBesideAHopedForOneIsNoHedge() {
    assertEquals(
        List.of(),
        errors(
            "The clinic sends us its patient volumes",
            MEASURE,
            "Friday or possibly Saturday, at the very latest Monday"));
  }

  @Test
  void aLoggedCallBesideAConcreteStepStaysNotMeasurable() {
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors(
            "The CFO reviews the quote and confirms the budget line", "Call logged", "by 20 June"));
  }

  @Test
  void whatGoesByCourierIsSentByUs() {
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "Samples of all four grades are sent to the buyer's QA team by express courier");
    assertEquals(
        List.of(),
        errors(
            "The revised itinerary is approved in writing by the client's CEO office and the approval"
                + " email is forwarded to us",
            MEASURE,
            TIME));
  }

  @Test
  void lookingIntoSomethingIsTooGeneral() {
    assertTrue(
        errors("The student looks into the programmes they saw on the tour", MEASURE, TIME)
            .contains(ObjectiveLinter.TOO_GENERAL));
  }

  @Test
  void laterInALongPeriodIsNoDeadline() {
    String advance = "The owner orders a new oven for the second shop";
    assertEquals(
        List.of(ObjectiveLinter.NOT_TIME_BOUND), errors(advance, MEASURE, "later this year"));
    assertEquals(List.of(), errors(advance, MEASURE, "later this week"));
    assertEquals(List.of(), errors(advance, MEASURE, "not later than 15.05."));
  }

  @Test
  void aParticipleInsideADocumentsNameIsNoLightStep() {
    assertEquals(
        List.of(),
        errors(
            "Stores signs the goods received note for the membranes and finance releases the 70%"
                + " balance payment against our invoice",
            "Signed GRN copy and payment advice received", "within fourteen days of delivery"));
  }

  @Test
  void ourFieldBuyerIsOurs() {
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "Our field buyer visits the cooperative to talk about the new farmgate price");
  }

  @Test
  void whatWeCheckAfterTheirStepIsNoHedge() {
    assertEquals(
        List.of(),
        errors(
            "The product manager at Agenzia Sole sends us back the arrival and departure dates for"
                + " their July group, so we can see if the residence has beds",
            MEASURE,
            "by Friday 14 March"));
  }

  @Test
  void theDatesTheyWantFirstDeliveryAreAFactTold(@TempDir Path dir) throws Exception {
    assertRealisticOn(
        dir,
        "discovery",
        "The chairman sends us the yearly pellet consumption, the silo sizes and the dates they"
            + " want first delivery in autumn");
  }
}
