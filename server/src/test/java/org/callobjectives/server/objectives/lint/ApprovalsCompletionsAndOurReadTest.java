package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.TIME;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertUnrealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the twentieth round: a purchase completed or its final payment on a proposal queue,
 * another party's approval, our staff started or everything moved onto ours, our own read of the
 * call written as a value, something got from us, and meetings named by a content-free word, beside
 * their look-alikes.
 */
class ApprovalsCompletionsAndOurReadTest {
  @TempDir Path dir;

  private static final String BOOKED = "The customer books a demo for Thursday at 10am";

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      proposal       | Buyers complete on the purchase, with funds released by the lender to their solicitor
      proposal       | Client completes the remortgage and the new lender's funds redeem the old mortgage
      proposal       | Client draws down the new loan and pays out the tax debt
      proposal       | While reviewing the scope, the homeowner signs the certificate of completion and pays the final balance
      first-contact  | The caller gets pre-approval from their insurer for the orthodontic cover
      discovery      | The homeowner gets the grid connection pre-approval from Energex for a 10kW system
      first-contact  | Client gets the IVA proposal approved at the creditors meeting
      demo           | The GC's project manager gets the City of Columbus building permit approved for the re-roof
      discovery      | Family gets Veterans Affairs approval for 20 hrs/week of personal care through us
      demo           | Merchant gets his bank branch to approve the settlement account link
      first-contact  | The SACCO manager obtains the central bank no-objection letter for the Paybill
      first-contact  | Family lets our PSW start 4-hour morning visits on Monday
      demo           | Hotel F&B manager puts all waiters on our Till instead of cash at the tables
      outbound-prospecting | Firm's HR enrols its staff in our eldercare benefit from next pay
      proposal       | The patient's crown is fitted and the balance is settled
      demo           | Customer's IT goes live with the EDI link to our TMS for booking messages
      proposal       | The homeowner has the system up and running and exporting to the grid
      """)
  void aCompletionAnApprovalOrOurServiceStartedComesLate(String stage, String advance)
      throws Exception {
    assertUnrealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      proposal  | The customer accepts the proposal and pays the final invoice during the call
      proposal  | The homeowner completes the mortgage application form with us
      discovery | Buyer gets his boat loan pre-approved online and sends us the letter
      discovery | Buyer gets the finance approved in principle and forwards the decision email
      discovery | The IT lead gets approval from her manager to join the demo next week
      discovery | The office manager gets sign-off from their CFO to attend the workshop on Friday
      discovery | The homeowner gets approval from the lender for the green loan amount
      discovery | Buyer gets the kitchen plan approved by his wife and sends it over
      discovery | The practice manager lets our engineer start a free site survey on Monday
      discovery | The ops lead moves all the trial data into our sandbox for the pilot
      discovery | The patient tells us when their existing crown was fitted
      """)
  void aStepBeforeTheCloseOrTheirOwnPeoplesSayIsRealistic(String stage, String advance)
      throws Exception {
    assertRealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      true  | Appetite field (Low/Med/High) filled in from my read of the conversation
      true  | Call disposition set to 'Warm' based on how the chat went
      true  | Customer satisfaction is high, as per agent note
      true  | Caller rates alum's affinity 1-5 in the call notes
      true  | Caller estimates giving capacity (High/Med/Low) from job title
      true  | SDR gives the demo an engagement score of 4/5
      true  | SDR feels pain is strong enough to pass as SQL
      true  | Agent set 'Willingness to Pay' = High in account notes
      true  | AE ticks 'Confident of go-live' in CRM
      true  | Buy-in noted by caller
      true  | Health score set to green if the vibe on the call is positive
      true  | Likelihood-to-buy field set to 'high' by the adviser
      false | Engagement score in the CRM rises above 60
      false | Rep estimates the delivery date and enters it on the order
      false | Customer rates the demo 9 out of 10 in the survey
      """)
  void ourReadOfTheCallIsNotMeasurable(boolean refused, String measure) {
    List<String> found = errors(BOOKED, measure, TIME);
    assertEquals(
        refused, found.contains(ObjectiveLinter.NOT_MEASURABLE), () -> measure + " -> " + found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The design engineer gets the new catalogue PDF from us by mail",
        "Client gets a free pest audit from our tech",
        "The client gets a personalised demo of our e-learning platform",
        "Patient receives a call back from our specialist to go over the audiogram",
        "Broker gets a follow-up call from our BDM",
      })
  void somethingGotFromUsIsNoAdvance(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), () -> advance + " -> " + found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The CFO gets the signed order form back to us from their legal team",
        "The clinic manager gets the signed data-sharing form from us countersigned by their DPO",
      })
  void theirStepBesideSomethingReceivedStaysAnAdvance(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), () -> advance + " -> " + found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Student looks into the programs they saw on the tour",
        "Client's delivery head syncs with stakeholders internally on the transition plan",
        "Couple joins the Catch-up Call with our team",
        "Client team and our team have Connect Session #2 at their office",
      })
  void lookingIntoOrAContentFreeMeetingIsTooGeneral(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.TOO_GENERAL), () -> advance + " -> " + found);
  }
}
