package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertNotRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the twenty-eighth round, in what cross-validation missed: instructions whose first word
 * the tagger reads as a noun, our staff serving the customer's people under any title, leave to do
 * our own step, papers of ours received or read, calls of ours accepted, and thoughts or how
 * something went, told.
 */
class InstructionsServiceAndPapersTest {
  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Touch base with the practice owner about the renewal",
        "Align with the head of IT on the rollout plan",
        "Map out the onboarding steps for the new branch",
        "Unlock more volume across their second warehouse",
        "Introduce ourselves to the head chef and build rapport",
        "Ring buyer back about the revised quote",
        "Call homeowner to go over the survey findings",
      })
  void anInstructionIsOursWhateverTheTaggerMakesOfItsFirstWord(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Increase in standing order to 40 cases, signed off by the buyer",
        "Address proof sent in by the customer",
        "Secure login to be set up by the customer on their own tenant",
      })
  void aNounPhraseWhoseDoerIsTheCustomerIsNoInstruction(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void aFirstNounFollowedByItsOwnVerbStaysANoun() {
    assertNotEquals(
        "VERB", English.analyze("Call notes updated in the CRM by the buyer").tags()[0]);
    assertEquals("VERB", English.analyze("Touch base with Mr Ortiz about his order").tags()[0]);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Registrar emails the enrolment pack to the parent",
        "Viewings desk gives the couple a tour of the venue",
        "Billing desk emails the estimate to the families",
        "Accounts desk rings the customer to remind them the renewal is due",
        "Commitment letter issued to the borrower's directors for signature",
        "Quote for 12 vans emailed to the fleet manager",
      })
  void whoeverServesOrSendsToTheCustomersPeopleIsOurSide(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Practice manager emails the patient list to our onboarding team",
        "Wedding planner gives the client our brochure and books a venue tour",
        "Alumna tells the caller how she prefers to give and names the fund",
        "Facilities manager takes the lead on booking the install with their landlord",
        "Landlord offers the tenant the new lease at the agreed rent",
      })
  void theCustomersPeopleServingTheirOwnOrDealingWithUsStillAct(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Client lets us set up the sandbox for them",
        "Owner allows us to fit a tracker on the van",
        "Customer gets the revised quotation by email",
        "Owner reads our one-pager on the service plan",
        "Buyer reviews the price list",
        "Owner accepts our callback on Monday to talk through the options",
      })
  void leaveForOurStepAPaperReceivedOrReadOrOurCallAcceptedIsNoAdvance(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Client lets us know which plan they choose by Friday",
        "Customer lets us put the deposit through on their card",
        "Customer reads the quote and rings back with a choice of plan",
        "Customer gets the quote signed by their director",
        "Patient gets a referral letter from their GP and sends it to us",
        "Account holder agrees to a callback tomorrow to pick a speed tier",
        "CFO lets us present the business case to their board on the 14th",
        "Owner lets us meet their head chef on Thursday",
        "Client allows us to run a two-week pilot with their sales team",
        "Champion gets the proposal in front of the board by Friday",
        "Customer gets the list of 40 users to us by Friday",
        "Buyer gets the contract through procurement this month",
        "Board reviews the proposal at its March meeting",
        "Owner accepts a callback with their accountant on Monday to go through the finance options",
      })
  void whatTheyDoWithItOrPayStaysTheirStep(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Prospect shares their thoughts on the pricing",
        "Merchant shares how the trial went",
        "Practice manager gives her impressions of the new scanner",
        "Prospect gives their thoughts on the proposal by morning",
      })
  void thoughtsOrHowSomethingWentNameNoOutcome(String advance) {
    assertRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Grower shares his thoughts by picking the harvester he wants quoted",
        "Ops manager tells us how they plan the routes today and how many drivers they have",
        "Finance director explains how invoices go through approval at their end",
        "Buyer explains how they found their current supplier",
      })
  void aThoughtShownByAChoiceOrAFactToldIsConcrete(String advance) {
    assertNotRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }
}
