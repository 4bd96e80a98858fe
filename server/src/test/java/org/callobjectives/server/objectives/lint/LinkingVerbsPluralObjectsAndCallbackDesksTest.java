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
 * Found in the thirty-fifth round: a linking verb the tagger read as a plural noun ("The buyer
 * stays engaged"), which put the verb into the customer's name in the suggested rewrite; a plural
 * object read as a second verb ("discusses needs for"); our callback desk acting.
 */
class LinkingVerbsPluralObjectsAndCallbackDesksTest {
  private static final String TIME = "during the call";

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @Test
  void aLinkingVerbBeforeAParticipleIsTheVerb() {
    assertEquals("VERB", tagOf("The buyer stays engaged with our company.", "stays"));
    assertEquals("ADJ", tagOf("The buyer stays engaged with our company.", "engaged"));
    assertEquals("VERB", tagOf("The buyer stays interested.", "stays"));
  }

  @Test
  void stayingEngagedIsTooGeneralAndTheRewriteKeepsTheCustomersName() {
    List<LintFinding> found =
        findings("The buyer stays engaged with our company.", MEASURE, "this month");
    List<String> rules = found.stream().map(LintFinding::rule).toList();
    assertTrue(rules.contains(ObjectiveLinter.TOO_GENERAL), rules::toString);
    for (LintFinding f : found) {
      String rewrite = f.suggestion() == null ? "" : f.suggestion();
      assertFalse(rewrite.contains("stays agree"), rewrite);
    }
  }

  @Test
  void stayingEngagedAndKeepingMovingNamesNoStepEither() {
    List<String> found =
        errors("Owner stays engaged and keeps moving forward with the package", MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.TOO_GENERAL), found::toString);
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), found::toString);
  }

  @Test
  void aPluralObjectAfterAVerbInSIsANoun() {
    assertEquals("NOUN", tagOf("The production manager discusses needs for the field.", "needs"));
    assertEquals(
        "NOUN", tagOf("The floor supervisor reviews the agent's needs analysis.", "needs"));
    List<String> found =
        errors("The production manager discusses needs for the camping field.", MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.TOO_GENERAL), found::toString);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The callback supervisor escalates the claim to the carrier's glass desk and chases"
            + " approval.",
        "Our call-back team rings the homeowner on Friday with the adjuster's decision",
      })
  void ourCallbackDeskActingIsNoAdvance(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The freight desk holds two lanes on the Tuesday sailing for the salmon farm.",
        "Desk books the gang in the diary for the Jones farm.",
        "Pricing desk sends the kirk session three fixed-rate quotes.",
      })
  void aDeskThatActsIsOurs(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Front desk books the owner into a 15-minute discovery slot on Tuesday",
        "The buyer's purchasing desk sends the signed purchase order for 400 litres",
        "Purchasing desk adds our company to the bidder list and gives us the RFI date",
      })
  void theCustomersFrontOrBuyingDeskActsForThem(String advance) {
    List<String> found = errors(advance, MEASURE, "by Friday");
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), found::toString);
  }

  @Test
  void aPossessiveBeforeTheSubjectsHeadLeavesTheVerbAfterIt() {
    String advance =
        "The caller's neighbour texts three photos of the staircase to our survey line";
    assertEquals("NOUN", tagOf(advance, "neighbour"));
    assertEquals("VERB", tagOf(advance, "texts"));
    assertEquals(List.of(), errors(advance, MEASURE, "by tomorrow, 12 noon"));
  }

  @Test
  void bbCodeIsMarkup() {
    assertTrue(
        errors("Client returns the signed appointment letter [b]today[/b].", MEASURE, "today")
            .contains(ObjectiveLinter.MARKUP));
    assertFalse(
        errors("Client picks option [b] of the two quotes and signs it", MEASURE, "today")
            .contains(ObjectiveLinter.MARKUP));
    assertEquals(
        "Client returns the letter today",
        TextLimits.plain("Client returns the letter [b][i]today[/i][/b]"));
    // a long paste of opening tags is no markup
    assertTrue(TextLimits.markup("[b]".repeat(30_000)).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Inchallah, the buyer sends the signed purchase order for 400 litres.",
        "If God wills, the buyer will send the shipping instructions.",
      })
  void aBlessingOnTheStepIsAHedge(String advance) {
    assertTrue(errors(advance, MEASURE, "by Friday").contains(ObjectiveLinter.HEDGED));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "one of these fine days",
        "closer to the date",
        "after testing is done at their end",
        "once the audit is done",
      })
  void aTimeThatWaitsOnNothingDatedIsNoTimeFrame(String timeFrame) {
    assertTrue(
        errors("The customer sends us the test results", MEASURE, timeFrame)
            .contains(ObjectiveLinter.NOT_TIME_BOUND),
        timeFrame);
  }
}
