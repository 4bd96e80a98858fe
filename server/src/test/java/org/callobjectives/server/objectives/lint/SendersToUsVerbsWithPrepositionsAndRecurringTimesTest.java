package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.tagOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
}
