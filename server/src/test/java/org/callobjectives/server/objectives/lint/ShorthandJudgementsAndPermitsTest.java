package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.TIME;
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
  @ValueSource(
      strings = {
        "Patient confirms DOB and preferred phone number for refill reminders",
        "Cust agrees to get the e-brochure for the Tacoma TRD",
        "IT Director replies to confirm he got the proposal PDF",
        "Quote is emailed by the rep before the end of the call",
      })
  void aLightActOrOneOfOursIsNoAdvance(String advance) {
    assertRefusedAs(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      true  | SDR rates the meeting likelihood as 'high' in the call notes
      true  | Adherence-risk score set to 'low' by the technician
      true  | Rep marks the lead temp as HOT
      true  | Manager's gut says they'll buy
      true  | Demo rating in CRM set to 'very good' by the sales rep
      true  | Agent marks caller as 'warm' in the disposition field
      true  | Customer is open to change the supplier
      false | Likelihood-to-recommend score of 9 given by the customer in the survey
      false | Lead score refreshed in the CRM
      false | Risk rating recorded from the completed vendor form
      """)
  void ourOwnRatingOrTheirMoodIsNotMeasurableAScoreTheyGaveIs(boolean refused, String measure) {
    List<String> found = errors(BOOKED, measure, TIME);
    assertEquals(
        refused, found.contains(ObjectiveLinter.NOT_MEASURABLE), () -> measure + " -> " + found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The owner gets clarity on the dental plan for Max",
        "The owner aligns with us on the estimate for Luna's TPLO",
        "Shipper solidifies the Laredo cross-border opportunity with our desk",
      })
  void clarityAlignmentOrSolidityNamesNoOutcome(String advance) {
    assertRefusedAs(ObjectiveLinter.TOO_GENERAL, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery | The client obtains the HOA approval and the city building permit for the panels
      demo      | Owner pays the county building and electrical permit fees for the array
      discovery | Homeowner secures planning permission for the extension before we quote
      outbound-prospecting | Couple pays 50% of the venue hire to secure a Saturday in June
      demo      | After the app demo, householder buys the sensor outright
      first-contact | The facilities manager agrees our mobilisation date for the 1st of next month
      first-contact | The practice manager signs off our method statement so our team starts on site next Monday
      discovery | Student completes onboarding, gets roll number and joins the batch group
      outbound-prospecting | The L&D head approves company sponsorship of the PG program for 15 employees
      """)
  void thePermitsForTheWorkComeOnceTheJobIsAgreed(String stage, String advance) throws Exception {
    assertUnrealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      commitment    | The client obtains the HOA approval and the city building permit for the panels
      demo          | Homeowner sends the HOA's written approval for the roof panels
      discovery     | Homeowner tells us whether their HOA needs to approve roof panels
      first-contact | Parent pays the full £30 for the taster session by card
      demo          | Couple pay a £250 holding fee at the end of the show-round to hold the date for 14 days
      demo          | Owner feels reassured about handing over the keys to our housekeeping team
      commitment    | Owner completes the onboarding questionnaire and pays the $1,500 setup fee
      """)
  void aPermitAtItsStageAskedAboutOrATasterPaidIsRealistic(String stage, String advance)
      throws Exception {
    assertRealisticOn(dir, stage, advance);
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
    var general = found.stream().filter(f -> f.rule().equals(ObjectiveLinter.TOO_GENERAL)).toList();
    assertEquals(1, general.size(), found.toString());
    assertTrue(general.get(0).suggestion().contains("'The customer "), general.get(0).suggestion());
  }

  private static void assertRefusedAs(String rule, String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(rule), () -> advance + " -> " + found);
  }
}
