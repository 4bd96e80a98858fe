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
 * Found in the thirty-sixth round: pasted lists, blessings and wishes in other languages, a leaning
 * ("is interested in") read as a feeling, a state that leads to a step, and who sends to or copies
 * whom.
 */
class ListsBlessingsAndLeaningsTest {
  private static final String TIME = "during the call";

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Caller:\n- picks unit size\n- picks move-in date\n- completes the online rental",
        "Caller books the home test.\n* ask about access\n* check the power of attorney",
        "Buyer:\n1. signs the quote\n2. pays the deposit",
      })
  void aPastedListIsMarkup(String advance) {
    assertTrue(errors(advance, MEASURE, TIME).contains(ObjectiveLinter.MARKUP), advance);
  }

  @Test
  void aDashInsideALineIsNoList() {
    assertFalse(
        errors("Buyer signs the quote - today - and pays the deposit", MEASURE, TIME)
            .contains(ObjectiveLinter.MARKUP));
    assertEquals(
        "Caller: picks unit size; completes the rental",
        TextLimits.plain("Caller:\n- picks unit size\n- completes the rental"));
    assertEquals(
        "signs the proposal; returns it by email",
        TextLimits.plain("* signs the proposal\n* returns it by email"));
    assertEquals(
        "Prospect confirms; the budget owner; the current supplier",
        TextLimits.plain("Prospect confirms\n\n1) the budget owner\n2) the current supplier"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The owner agrees, si Dios quiere, to sign the order during the call.",
        "The buyer agrees, so Gott will, to sign the order during the call.",
        "Nadam se (I hope) the buyer returns our price sheet with their counter-offer.",
        "Valjda (presumably) the buyer returns the signed price sheet.",
      })
  void aWishOrBlessingInAnyLanguageIsAHedge(String advance) {
    assertTrue(errors(advance, MEASURE, "by Friday").contains(ObjectiveLinter.HEDGED), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The buyer at Ojala Foods signs the proposal and emails it back",
        "The owner of Inshallah Bakery sends last year's flour invoices",
      })
  void aBlessingInAFirmsNameIsNoHedge(String advance) {
    List<String> found = errors(advance, MEASURE, "by Friday");
    assertFalse(found.contains(ObjectiveLinter.HEDGED), found::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"before monsoon season", "after the rains", "dreckly"})
  void aSeasonOrDrecklyIsNoTimeFrame(String timeFrame) {
    assertTrue(
        errors("The buyer signs the order", MEASURE, timeFrame)
            .contains(ObjectiveLinter.NOT_TIME_BOUND),
        timeFrame);
  }

  @Test
  void beingInterestedInSomethingIsTooGeneralNotAFeeling() {
    List<String> found = errors("The importer is interested in our cloves.", MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.TOO_GENERAL), found::toString);
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), found::toString);
  }

  @Test
  void aStateThatLeadsToAStepIsNoRefusal() {
    List<String> found =
        errors(
            "The buyer remains available after the call and emails the bills",
            "Bills received in our inbox",
            "by Friday 5 pm");
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), found::toString);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The buyer says it will review the quote",
        "The regular rod agrees to go on our mailing list for the 2026 brochure.",
        "The DocuSign packet for the wall-anchor job is sent to the homeowners by the project"
            + " advisor.",
      })
  void sayingGettingOrBeingSentToIsNoAdvance(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The advisor emails an intro to the firm's estate-planning attorney, copying us.",
        "Le propriétaire of the Lyon épicerie fine emails us his current SKU list with prices.",
      })
  void whoEmailsUsOrCopiesUsInIsTheCustomer(String advance) {
    List<String> found = errors(advance, "Email in our inbox", "by COB Friday");
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), found::toString);
  }

  @Test
  void aVerbInSBeforeUsIsTheVerbAfterAnAdjective() {
    assertEquals("VERB", tagOf("The owner of the épicerie fine emails us the list.", "emails"));
  }

  @Test
  void feltTheMaterialAndAcknowledgementAreNouns() {
    assertEquals("ADJ", tagOf("Buyer requests a card of 60 felt colours.", "felt"));
    assertEquals(
        "NOUN",
        tagOf("The customer signs the order acknowledgement for 40 vans.", "acknowledgement"));
    for (String advance :
        List.of(
            "Returning buyer places a reorder of 300 pairs of kids' felt boots by email.",
            "The customer signs the order acknowledgement for 40 vans.")) {
      List<String> found = errors(advance, "Order received in our inbox", "by Friday");
      assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), advance + " " + found);
    }
  }

  @Test
  void aWordTheTaggerDoesNotKnowIsNoPreposition() {
    String advance =
        "Before Saturday's walkthrough the executor emails the key location, alarm code and"
            + " keep-list to our estimator.";
    assertEquals("NOUN", tagOf(advance, "walkthrough"));
    List<String> found =
        errors(advance, "Email with the three items in the lead file", "by Friday");
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), found::toString);
  }

  @Test
  void anOrganisationOpenToSomethingIsTooGeneral() {
    List<String> found =
        errors("The health-store chain is open to stocking our juice.", MEASURE, "this quarter");
    assertTrue(found.contains(ObjectiveLinter.TOO_GENERAL), found::toString);
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), found::toString);
    // the reading says too general; whether it is also no advance, the models weigh (retrained
    // on 41,820 they say both for this one)
    assertTrue(
        errors("The farm is more open to our service.", MEASURE, "this quarter")
            .contains(ObjectiveLinter.TOO_GENERAL));
  }

  @Test
  void theNextPeriodIsNoTimeFrameButDayTwoOfHerNextPeriodIs() {
    assertTrue(
        errors("The director sends the glue specification", MEASURE, "in the next period")
            .contains(ObjectiveLinter.NOT_TIME_BOUND));
    assertFalse(
        errors(
                "The patient starts the pill and sends us a WhatsApp with the date",
                "WhatsApp with start date in the file",
                "on day 1 of next period")
            .contains(ObjectiveLinter.NOT_TIME_BOUND));
  }

  @Test
  void positiveFeedbackIsTooGeneral() {
    assertTrue(
        errors("The trader gives positive feedback on our cloves.", MEASURE, TIME)
            .contains(ObjectiveLinter.TOO_GENERAL));
  }
}
