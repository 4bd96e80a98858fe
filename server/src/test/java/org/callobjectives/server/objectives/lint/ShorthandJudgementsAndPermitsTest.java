package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.TIME;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertMeasureRefused;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertUnrealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.findingsOnStage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the seventeenth round: a trade's shorthand for the customer, a thing done by someone
 * named after "by", low-effort acts in other words, our own rating written like a record, vague
 * verbs of agreement and clarity, an attempt in other words, and late steps in a trade's words
 * (permits, a share of the hire, mobilisation, enrolment) beside their look-alikes.
 */
class ShorthandJudgementsAndPermitsTest {
  @TempDir Path dir;

  private static final String BOOKED = "The customer books a demo for Thursday at 10am";

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Shpr signs rate con for load #48213 and sends the BOL",
        "Cnee DC mgr gives receiving dock hrs, how appts are booked and the lumper policy",
        "Alum tells the caller their current employer, job title and whether the company matches"
            + " gifts",
        "Offer is approved by the customer's Geschäftsführer and the signed approval page is"
            + " emailed back",
        "Signed auto-refill consent is returned by the patient via the e-sign link",
      })
  void theCustomerInTradeShorthandOrAfterByIsTheOneWhoActs(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, TIME), advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      not-an-advance | Patient confirms DOB and preferred phone number for refill reminders
      not-an-advance | Cust agrees to get the e-brochure for the Tacoma TRD
      not-an-advance | IT Director replies to confirm he got the proposal PDF
      not-an-advance | Quote is emailed by the rep before the end of the call
      too-general    | The owner gets clarity on the dental plan for Max
      too-general    | The owner aligns with us on the estimate for Luna's TPLO
      too-general    | Alum solidifies their reunion gift commitment
      not-an-advance | The supporter opts in to receiving email updates
      not-an-advance | Professional services team scopes the integration and sends the SOW
      hedged         | The prospect will have a go at filling in the ROI calculator
      hedged         | The client will have a crack at booking the site visit for next week
      not-an-advance | We will obtain energy consumption data from customer's systems through our technician
      not-an-advance | Rep gets approval from finance for a 10% discount
      not-an-advance | Agent gets the postcode from the caller
      not-an-advance | Our driver collects the 12 pallets from the shipper
      not-an-advance | We receive the delivery postcode from the customer's last order
      too-general    | Customer cooperates with the payment program
      """)
  void aLightActOursVagueOrAttemptedIsRefusedAsSuch(String rule, String advance) {
    assertRefusedAs(rule, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      true  | SDR rates the meeting likelihood as 'high' in the call notes
      true  | Rep marks the lead temp as HOT
      true  | Manager's gut says they'll buy
      true  | Demo rating in CRM set to 'very good' by the sales rep
      true  | Agent marks caller as 'warm' in the disposition field
      true  | Customer is open to change the supplier
      true  | Owner's appetite for credit rated Hot/Warm/Cold in the CRM activity note
      true  | Controller's comfort level with the portal logged as 'high' in Salesforce
      true  | Agent judges we're the front-runner; pipeline set to 80% likely
      true  | Customer's stress level ticked 'low' on the booking checklist
      true  | Supervisor listens to the call and rates the client's trust 8/10
      false | The customer's own rating of 9 out of 10 typed into the survey tool
      false | Likelihood-to-recommend score of 9 or 10 recorded in the post-call survey
      false | Experian rates the business as low risk (report saved to file)
      false | Loan offer letter sent at the rate as low as 4.19% and signed by the client
      false | Security rating form completed by the tech lead and returned
      false | The patient's gut test kit order is placed in the shop
      false | Insulin lines flagged as cold for the courier in the dispatch system
      false | Call logged as warm transfer to the claims desk
      false | Patient's GAD-7 anxiety score recorded in the care record
      false | Sleeping bag comfort rating of -5C noted on the order
      false | Buyer's stated urgency level logged on the opportunity
      false | Mock-up approved after the QA manager judges it against spec
      false | Survey form completed, roof rated suitable by the technician
      false | Likelihood-to-recommend score of 9 given by the customer in the survey
      false | Lead score refreshed in the CRM
      false | Risk rating recorded from the completed vendor form
      """)
  void ourOwnRatingOrTheirMoodIsNotMeasurableAScoreTheyGaveIs(boolean refused, String measure) {
    assertMeasureRefused(refused, measure);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery | The client obtains the HOA approval and the city building permit for the panels
      demo      | Owner pays the county building and electrical permit fees for the array
      discovery | Homeowner secures planning permission for the extension before we quote
      outbound-prospecting | The patient signs up to the eyecare plan DD during the recall call
      outbound-prospecting | Couple pays 50% of the venue hire to secure a Saturday in June
      demo      | After the app demo, householder buys the sensor outright
      first-contact | The facilities manager agrees our mobilisation date for the 1st of next month
      first-contact | The practice manager signs off our method statement so our team starts on site next Monday
      discovery | The student completes enrolment, pays the first term's fee and joins the batch group
      outbound-prospecting | The L&D head approves company sponsorship of the PG program for 15 employees
      first-contact | The tenant pays the £450 holding deposit by card on this first call
      first-contact | The caller transfers their 80k pension pot into a new pension account with us today
      """)
  void thePermitsForTheWorkComeOnceTheJobIsAgreed(String stage, String advance) throws Exception {
    assertUnrealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      commitment    | The client obtains the HOA approval and the city building permit for the panels within 30 days
      demo          | Homeowner sends the HOA's written approval for the roof panels
      discovery     | Homeowner tells us whether their HOA needs to approve roof panels
      first-contact | Parent pays the full £30 for the taster session by card
      demo          | Couple pay a £250 holding fee at the end of the show-round to hold the date for 14 days
      demo          | Owner feels reassured about handing over the keys to our housekeeping team
      discovery     | The patient confirms their plan pays 80% of the cost and reads us the member ID
      discovery     | The homeowner says the council grant pays 40% of the install cost and emails the grant letter
      discovery     | The claimant obtains a copy of the building permit for the extension and emails it
      discovery     | The owner pulls up their county permit history and sends us the list
      discovery     | The owner says they would buy the system outright rather than finance it
      discovery     | The buyer confirms the mobilisation date in their tender documents and emails the tender pack
      discovery     | The client sends the user list so the team can begin the data-mapping estimate
      first-contact | The resident's daughter completes the admission assessment with our nurse
      demo          | The customer completes onboarding in the free trial workspace during the demo
      demo          | The trial user completes onboarding today in the sandbox
      discovery     | The saver gets their roll number from the building society passbook and reads it out
      discovery     | The client transfers their investment statements to our secure portal
      first-contact | The vendor arranges handover of keys to our valuer for the valuation
      discovery     | The candidate confirms HR has approved visa sponsorship for the role
      first-contact | The debtor pays the full £850 arrears by debit card
      discovery     | The customer transfers £5,000 into their new savings account before we hang up
      commitment    | Owner completes the onboarding questionnaire and pays the $1,500 setup fee
      """)
  void aPermitAtItsStageAskedAboutOrATasterPaidIsRealistic(String stage, String advance)
      throws Exception {
    assertRealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The client names a start date that aligns with their April fiscal year",
        "The client agrees to give it a go and starts the 14-day free trial today",
        "The learner has a go at the sample assessment in the portal and submits it",
        "The member books two places on our Have a Go at Golf day",
        "The client confirms they get the documents from their employer and emails them to us",
        "The owner solidifies the guest count at 120 in the booking portal",
        "The installer calls the customer back today and books our roof survey for them",
        "The alumni relations director at the university books a demo of our CRM",
        "The customer test drives the new Kuga and will have a go at driving it on Saturday",
      })
  void aRelationAnIdiomOfTheirsOrAnEventNameIsFine(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, TIME), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Have a go at getting the grower to agree our $95k trade figure on his old header",
        "If possible get the daughter (attorney under the LPA) to email a copy of the LPA",
      })
  void anAttemptInOtherWordsIsHedgedAndTheOneAskedStillActs(String advance) {
    assertEquals(List.of(ObjectiveLinter.HEDGED), errors(advance, MEASURE, TIME), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We receive from the Head of Procurement the export of all 2024 bookings from their"
            + " current TMC",
        "Account manager receives from the client's travel coordinator the list of unused airline"
            + " tickets",
        "AH explains why the payment was missed and when the next payday is",
      })
  void whatWeReceiveFromTheirPersonIsTheirStep(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, TIME), advance);
  }

  @Test
  void aWorkingProfessionalIsTheCustomer() {
    String advance =
        "Working professional checks with reporting manager if company will sponsor upskilling and"
            + " reverts to us with yes/no";
    assertEquals(List.of(), errors(advance, "Yes/no reply received on WhatsApp", "by Fri EOD"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"in the coming time", "in the coming period", "over the coming weeks"})
  void theComingPeriodIsNoDeadline(String timeFrame) {
    List<String> found = errors(BOOKED, MEASURE, timeFrame);
    assertEquals(List.of(ObjectiveLinter.NOT_TIME_BOUND), found, timeFrame);
  }

  @Test
  void anIdiomIsNoTopicToFollowUpOn() throws Exception {
    var found =
        findingsOnStage(
            dir, "demo", "Move the needle w/ the customer on the upgrade", "Upgrade opp updated");
    assertFalse(found.isEmpty());
    found.forEach(
        f ->
            assertFalse(
                f.suggestion() != null && f.suggestion().contains("needle"), f.suggestion()));
  }

  @Test
  void aMisreadSubjectIsNotPutInTheRewrite() throws Exception {
    var found =
        findingsOnStage(
            dir, "discovery", "Align with client about way forward for co-packing.", MEASURE);
    assertFalse(found.isEmpty());
    found.forEach(
        f ->
            assertFalse(
                f.suggestion() != null && f.suggestion().contains("With client"), f.suggestion()));
  }

  private static void assertRefusedAs(String rule, String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(rule), () -> advance + " -> " + found);
  }
}
