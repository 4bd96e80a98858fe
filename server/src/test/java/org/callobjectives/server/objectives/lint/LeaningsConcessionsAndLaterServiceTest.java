package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertNotRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.findings;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.tagOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the twenty-ninth round, in two batches measured on arrival: a leaning ("is open to") is
 * too general rather than a feeling, a price concession is granted by our side, our side serving
 * the customer in a later part of the sentence, our callbacks agreed to, and words the tagger
 * misread ("ringing", "keen", "3", an aside before the verb).
 */
class LeaningsConcessionsAndLaterServiceTest {
  private static final String MEASURE = "Recorded in the CRM with the date";
  private static final String TIME = "during the call";

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The wholesaler is open to a bigger order next season",
        "FM is open to hearing more about what we can do",
        "Homeowner becomes more open to the idea of a home battery",
        "The prospect is keen on outsourcing their payroll",
        "The producer shows interest in drone spraying for the coming campaign",
        "Dealer shows interest to our electric heaters",
      })
  void aLeaningTowardSomethingUnnamedIsTooGeneralNotAFeeling(String advance) {
    assertRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void aFeelingStaysNoStep() {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, "The customer is happy with their cover");
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE, "Clinic staff become excited about the imaging quality");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Buyer is open to a pilot and books the kickoff call for 9 May",
        "Retailer is keen on the spring range and places an order for 40 units",
        "Buyer is happy with the quote and pays the deposit today",
      })
  void aStateFollowedByTheirOwnStepIsThatStep(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
    assertNotRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Chief Okonkwo is happy with our company and believes in the project",
        "Supporter is committed in principle to remembering us",
      })
  void aStateFollowedByAnotherStateIsNoStep(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void aLeaningNamesWhatItIsTowardAsWritten() {
    String found = message("Prospect is keen on switching to an automated payroll system", null);
    assertTrue(found.contains("'is keen on'"), found);
  }

  @Test
  void talkingAboutThemselvesIsTooGeneralNotNothing() {
    String advance = "The senior talks about her dental health and concerns";
    assertRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The retention team leader offers a 30-pound loyalty discount to stop the cancellation",
        "The pharmacy supervisor approves a one-time shipping credit for the late order",
        "The save desk waives the late fee on the March invoice",
        "Accounts supervisor issues a goodwill refund for the missed delivery",
        "Duty manager issues a refund for their cancelled order",
        "Collections officer waives the late charges on the overdue balance",
        "Underwriter approves the no-claims discount on the renewal quote",
        "Duty manager authorises a goodwill gesture for the late install",
      })
  void whoeverGrantsAConcessionOnOurPriceIsOurSide(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
    assertTrue(
        message(advance, ObjectiveLinter.NOT_AN_ADVANCE).contains("agent's task"),
        () -> message(advance, ObjectiveLinter.NOT_AN_ADVANCE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The customer applies the discount code at checkout and places the order for 40 units",
        "The CFO approves the credit application and emails the signed form",
        "The store manager offers a discount to their members and books our stand for the fair",
        "The buyer accepts the loyalty discount and signs the renewal form",
        "Account holder raises a refund request through the portal",
        "Site manager adds the rebate form to the month-end pack",
        "Landlord gives tenants a rent discount for signing two-year leases",
        "Head of sales at the distributor offers a volume rebate to resellers",
      })
  void theCustomersOwnStepsWithDiscountsAndCreditStayTheirs(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void ourSideServingTheCustomerLaterInTheSentenceIsStillOurSide() {
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "The install scheduler locks a technician route for Monday and sends the homeowner a"
            + " confirmation text");
    assertNotRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "The office manager books the survey for Monday and sends our surveyor the floor plan");
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "Our academic lead phones the applicant back with a decision on their portfolio");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Solar installer orders 12 panels and sends the homeowner the install date",
        "Optician orders the frames from us and calls the patient to collect",
        "Private tutor buys the whiteboard licence and sends the parents a login each",
      })
  void aCustomerWhoBuysFromUsThenServesTheirOwnPeopleStaysTheCustomer(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void aStaffMemberOfOursWithALeaningIsStillOurs() {
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "Our account manager is keen on a quarterly review with the client");
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE, "The rep is open to a joint visit with the clinic");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The patient agrees to us ringing her back in a fortnight",
        "The customer agrees to us phoning him on Friday",
      })
  void agreeingToOurCallbackCostsNoEffort(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void misreadWordsAreReadRight() {
    assertEquals("ring", lemmaOf("We are ringing the customer", "ringing"));
    assertEquals("run", lemmaOf("They are running the pilot", "running"));
    assertEquals("phone", lemmaOf("The customer agrees to us phoning him on Friday", "phoning"));
    assertNotEquals("chang", lemmaOf("They are changing supplier", "changing"));
    assertNotEquals("cancell", lemmaOf("They are cancelling the order", "cancelling"));
    assertEquals("ADJ", tagOf("The employer is keen on a staff dental benefit", "keen"));
    assertEquals("NUM", tagOf("Facility manager tells 3 must-have requirements", "3"));
    assertEquals(
        "VERB", tagOf("Prospect (FM at the DC) accepts 15-min call with the AE", "accepts"));
  }

  @Test
  void aShownInterestOrAKeenLeaningIsNotCalledOurWorkOrAPassive() {
    String shows = message("Homeowner shows interest in adding the video doorbell", null);
    assertFalse(shows.contains("agent's work"), shows);
    String keen = message("The employer is keen on a staff dental benefit", null);
    assertFalse(keen.contains("passive"), keen);
  }

  @Test
  void countedRequirementsToldAreConcrete() {
    assertNotRefusedFor(
        ObjectiveLinter.TOO_GENERAL,
        "Facility manager tells 3 must-have requirements for the desks after seeing the sample");
  }

  @Test
  void anAsideBeforeTheVerbKeepsTheCustomerTheActor() {
    assertNotRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "Prospect (FM @ Brampton DC) accepts 15-min disco call w/ AE; cal invite accepted");
  }

  private static String message(String advance, String rule) {
    List<LintFinding> found = findings(advance, MEASURE, TIME);
    StringBuilder b = new StringBuilder();
    for (LintFinding f : found) {
      if (rule == null || rule.equals(f.rule())) {
        b.append(f.message()).append('\n');
      }
    }
    return b.toString();
  }

  private static String lemmaOf(String text, String word) {
    Sentence s = English.analyze(text);
    return s.lemmas()[List.of(s.tokens()).indexOf(word)];
  }
}
