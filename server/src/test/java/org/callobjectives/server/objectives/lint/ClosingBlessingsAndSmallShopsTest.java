package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.findings;
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
 * Found in the thirty-eighth round: blessings closing a sentence or written in Greek and Amharic
 * English, a small shop's container order, steps that take days (a bank's loan, a full integration,
 * relatives from three states), sellers by title, and mailing lists.
 */
class ClosingBlessingsAndSmallShopsTest {

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Farmer books the power harrow and drill for reseeding the bottom field the week after"
            + " first cut, please God.",
        "If God wants, the buyer approves our proposal for the 2,400 m2 and signs the price sheet.",
        "Mr. Manolakis accepts our net rates for the two island routes, o Theos voithos",
        "The cooperative chairman approve our quotation for 2 pulpers, Egziabher kale",
        "Mr Cohen signs the catering contract after his wife reviews the menu tonight, im yirtzeh"
            + " Hashem.",
      })
  void aBlessingClosingTheSentenceIsAHedge(String advance) {
    assertTrue(errors(advance, MEASURE, "by Friday").contains(ObjectiveLinter.HEDGED), advance);
  }

  @Test
  void theHedgeIsQuotedAsWritten() {
    String message =
        findings("Dr Farah sends the signed finance application, insha'allah", MEASURE, "by Sunday")
            .stream()
            .filter(f -> f.rule().equals(ObjectiveLinter.HEDGED))
            .findFirst()
            .orElseThrow()
            .message();
    assertTrue(message.contains("'insha'allah'"), message);
  }

  @Test
  void aMaybeInTheTopicIsNoHedge() {
    assertFalse(
        errors("Farmer talks about maybe reseeding some ground.", MEASURE, "on this call")
            .contains(ObjectiveLinter.HEDGED));
  }

  @Test
  void aSmallTestOrderIsNoSmallBuyer() {
    assertFalse(
        errors(
                "Buyer places a small test order (fresh provisions, below USD 500) for the vessel's"
                    + " call on the 14th.",
                MEASURE,
                "before 1200 tomorrow")
            .contains(ObjectiveLinter.UNREALISTIC));
  }

  @Test
  void aConsumerLoanApprovedOnTheCallIsNoBanksDecision() {
    assertFalse(
        errors(
                "Customer completes the finance application and the loan is approved on the call.",
                MEASURE,
                "on this call")
            .contains(ObjectiveLinter.UNREALISTIC));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SDR lead demos dynamic packaging and the markup tool to the agency's team.",
        "Sales office sends Mr Ncube the formal quotation for converting four barns.",
        "Sales manager sends the offer for the deck oven with delivery and installation.",
      })
  void aSellerByTitleIsOurs(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sales manager of the chain comments the dealer price list and sends back their volume"
            + " estimate per model.",
        "The sales manager at the dealership sends back their volume estimate per model.",
      })
  void aSellerOfAFirmNamedAfterTheTitleIsTheCustomer(String advance) {
    List<String> found = errors(advance, "Estimate received", "by Friday");
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), advance + " " + found);
  }

  @Test
  void goingOnOurMailingListIsNoAdvance() {
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "Caller says yes to going on our email list for open weekend offers");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Factory management moves ahead on the compliance upgrade plan",
        "Wilsons commit to us.",
        "Client keeps good cooperation with us",
        "Patient gets over the finish line.",
      })
  void movingAheadOrCommittingToUsIsTooGeneral(String advance) {
    assertTrue(
        errors(advance, MEASURE, "this week").contains(ObjectiveLinter.TOO_GENERAL), advance);
  }

  @Test
  void aStokedCustomerIsNoMeasure() {
    assertTrue(
        errors(
                "Farm owner goes through the quote with his accountant and picks option A or B.",
                "Farmer's stoked with the numbers.",
                "by next Wednesday")
            .contains(ObjectiveLinter.NOT_MEASURABLE));
  }

  @Test
  void misreadFirstWordsAreNames() {
    assertEquals("NOUN", tagOf("Work order for the audit is issued by their department.", "Work"));
    assertEquals("PROPN", tagOf("Sarah talks about her situation and plans.", "Sarah"));
    assertEquals("PROPN", tagOf("Útgerð Sæbjörg moves forward on the proposal.", "Útgerð"));
    List<String> found =
        errors(
            "Work order for the SMETA pre-audit is issued by the factory commercial department"
                + " with agreed audit dates",
            "Work order copy with audit dates received",
            "by Friday");
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), found::toString);
  }
}
