package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.TIME;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertMeasureRefused;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertUnrealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.onStage;
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
 * Found in the nineteenth round: Japanese and French job titles, a purpose after a dated meeting,
 * "says yes to hosting", low-effort opt-ins, our own reading of their commitment, vague times in
 * French and "at some point in the spring", hedges of luck and of their mood, acting on the
 * client's behalf, a grant approved, a codicil, a cheque handed over, a build date, a switch
 * approved and the purchase in place or in use as late steps, beside the look-alikes an outside
 * review found.
 */
class GrantsCodicilsAndOtherTonguesTest {
  @TempDir Path dir;

  private static final String BOOKED = "The customer books a demo for Thursday at 10am";

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Seisan-gijutsu kacho send us 2D drawing and STEP file of impeller for test cut study",
        "Bucho start ringi for the lathe purchase",
        "Directeur des opérations accepts a 20-min call for next Tuesday 10h",
        "Contact from the golf day agrees to meet our gifts officer for coffee on the 9th to hear"
            + " about the appeal",
        "The caller says yes to hosting a coffee morning for us in June",
        "Client agrees a slot for a video walk-through of the two cats with the captain on board",
        "Client tells us what went wrong on last year's charter with the other broker",
        "Hiring mgr walks us through the open reqs: title, headcount, pay rate and start date",
        "Alum tells the caller their current employer, job title and whether the company matches",
        "Pre-approved mailer responder answers the 5-minute prequal questionnaire with me on the"
            + " phone",
        "The purchasing agent send us a copy of the last invoice of the actual vendor",
        "CFO reviews the proposal with us line by line",
        "The owner reviews the payroll proposal with her outside accountant",
      })
  void theCustomerActsInTheirOwnTitlesAndShapes(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, TIME), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Caller lets us call back to go over renewal options",
        "Caller opts in to SMS updates about new models in the fleet",
        "Prospect opens the personalised quote email we send",
        "The customer accepts the $50 loyalty credit we apply to the renewal invoice",
        "The FM says yes to us emailing our SLA and response-times sheet",
        "Broker negotiates 10% off the desk rate with the operator on the client's behalf",
        "Client gives us the go-ahead to chase the operator for final terms",
        "Borrower says they'll think both offers over with their wife",
        "Pt gives verbal OK for appointment text reminders",
        "Intake verifies the caller's insurance benefits like she asked",
      })
  void lettingUsCallOrOptingInToUpdatesIsNoAdvance(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), () -> advance + " -> " + found);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      true  | Agent records buying intent as 'high' on the 1-5 lead score in CRM
      true  | Agent's call summary states the merchant is fully committed
      true  | Supervisor's QA sheet scores the save as 'strong' based on customer tone
      true  | They come away inspired
      true  | Disposition set to 'Positive' and agent rates call warmth 4/5 or higher
      true  | Premium tier interest logged as strong in call notes
      false | Purchase intent form signed by the customer
      false | Renewal agreement e-signed, envelope ID in the CRM
      false | Signed credit agreement at a fixed rate of interest of 6.9% received
      false | Signed renewal intent notice received by the property manager
      false | PO received for the fully committed volume of 500 units
      false | Unit rate based on their energy usage recorded in the contract
      false | Booking confirmed; shot list based on the client's mood board received
      true  | Rep puts 'Very interested' in the Interest field of the lead
      true  | 'Keen as mustard' ticked in the Lead Mood field
      true  | Parent seemed happy wi it, so pipeline field set to 'Warm'
      true  | Agent sets Probability to 90% in the pipeline
      true  | Coordinator notes 'pt likely to show' in the no-show risk field
      true  | Agent marks 'Unhappy with vendor: Yes' from his tone of voice
      false | Lead status changed to 'Engaged' in the CRM
      false | Custodial guardian name + relationship in the chart
      """)
  void ourReadingOfTheirCommitmentIsNotMeasurable(boolean refused, String measure) {
    assertMeasureRefused(refused, measure);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Client moves closer to choosing between the Sunreef and the Lagoon",
        "Buying committee accelerates the path to close on the Q3 opp",
        "Regular giver deepens her connection with the hospice's Day Therapy work",
        "The pet parent commits to the fresh-food lifestyle for Bella",
        "Client reviews the proposal with RM",
        "Client discusses offer with us",
        "Member has a chat with us about their finances",
      })
  void movingCloserOrAcceleratingIsTooGeneral(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.TOO_GENERAL), () -> advance + " -> " + found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bientôt",
        "prochainement",
        "à un moment donné",
        "quand il sera prêt",
        "at some point in the spring",
        "sometime next term",
        "em breve",
        "just now, once the bond bank has come back to them",
        "sometime during spring",
        "zeitnah",
        "baldmöglichst",
      })
  void aVagueTimeInFrenchOrSomePointInAPeriodIsNoDeadline(String timeFrame) {
    assertEquals(List.of(ObjectiveLinter.NOT_TIME_BOUND), errors(BOOKED, MEASURE, timeFrame));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sometime before Friday",
        "at some point by the end of next week",
        "by spring",
        "some time on Friday 14 March",
        "at some point on 14 March",
        "sometime between 2pm and 4pm on 14 March",
      })
  void aDeadlineWithinThePeriodStillCounts(String timeFrame) {
    assertEquals(List.of(), errors(BOOKED, MEASURE, timeFrame), timeFrame);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery            | Farmer gets his TAMS grant approval letter from the Department for the new tanker
      first-contact        | Supporter adds a gift to the hospice in her will and sends us a copy of the codicil
      outbound-prospecting | Rotary club president hands over a £10k cheque for the Hospice at Home service
      outbound-prospecting | Landlord on a cold call signs 2-year plans for all three rental units and pays upfront
      first-contact        | Homeowner picks a shingle color and locks in a build date for the tear-off
      discovery            | Homeowner endorses the ACV check and hands it to our rep along with the deductible
      discovery            | The HR director sends us the signed protocol approving the switch to our platform
      demo                 | The member buys a lifetime founding membership for the one-time 5,000 dollar fee
      outbound-prospecting | The cold lead chooses an apartment and pays the community fee
      discovery            | Mama Wanjiru enters her first unlock code on the keypad and has the lights on
      demo                 | Client has the first channel bundle activated in the sitting room
      outbound-prospecting | Aged-in lead has her new supplement active and the welcome kit in her mailbox
      first-contact        | Prospect answers the carrier's underwriting health questions and gets approved
      demo                 | Prospect's IT lead prints the first live shipping label from our API
      outbound-prospecting | Homeowner has the new lean-to conservatory fitted and handed over
      discovery            | Customer gets building control sign-off on the orangery base
      demo                 | Homeowner lets our surveyor in to measure up for manufacture
      """)
  void aGrantACodicilOrAChequeHandedOverComesLate(String stage, String advance) throws Exception {
    assertUnrealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The customer signs the letter of authority that lets us contact their current supplier",
        "The customer signs the third-party authority allowing us to contact their lender",
        "The head of operations gets our presentation on the board agenda for 12 March",
      })
  void aStepWhoseLetterLetsUsCallIsStillTheirStep(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), () -> advance + " -> " + found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The homeowner approves the kitchen design concept",
        "The client shares their investment philosophy and current holdings statement",
        "The champion agrees a written path to close listing each approver and sign-off date",
      })
  void aConceptOrAPathToCloseNamedInFullIsNotTooGeneral(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertFalse(found.contains(ObjectiveLinter.TOO_GENERAL), () -> advance + " -> " + found);
  }

  @Test
  void gettingTheirTeamOnBoardIsStillTooGeneral() {
    List<String> found =
        errors("The customer gets the leadership team on board by Friday", MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.TOO_GENERAL), () -> found.toString());
  }

  @Test
  void anAdvanceThatEndsInWhatIsCheckedNotThrown() {
    assertTrue(
        errors("The customer explains what", MEASURE, TIME).contains(ObjectiveLinter.TOO_GENERAL));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "With a bit of luck the caller books the demo for Tuesday",
        "No promises, but the borrower keys in the account number for autopay in the portal",
        "Should Mom be up to it, she comes on the line and tells us her daily routine",
        "If the stars line up, the family books the nurse assessment visit for Mom",
        "If she's feeling brave, Mom picks a night for a trial stay in the guest suite",
        "If they're up for it, the client books a second viewing of Centre B with their CFO",
        "Should the gods smile, the prospect books a tour",
        "In a perfect world, the CFO sends the per-desk budget ceiling",
        "Se der, parceiro make the deal registration in the portal",
        "Oxalá the client pay the first implementation invoice",
      })
  void luckOrTheirMoodInFrontOfTheStepIsAHedge(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.HEDGED), () -> advance + " -> " + found);
  }

  @Test
  void aDealClosedWonInTheMeasureIsAClose() throws Exception {
    List<String> found =
        onStage(
            dir,
            "first-contact",
            "Prospect drives the deal to close this quarter",
            "Opp closed-won in SFDC");
    assertTrue(found.contains(ObjectiveLinter.UNREALISTIC), () -> found.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery     | Farmer sends us the reference number of his TAMS grant application
      first-contact | Contact tells us who besides them signs off on agency spend and when their next budget review is
      first-contact | Supporter books a call with our legacy officer to talk about a gift in her will
      discovery     | Club president hands over the list of members who want a tour
      discovery     | Member gives her son's email so we can offer him a gifted first shipment
      discovery     | The operations director approves moving the review meeting to our office on 12 May
      discovery     | The client's legal team approves the change to our standard NDA so the demo can go ahead
      discovery     | The applicant hands in the completed application for the $50,000 business loan
      discovery     | The customer hands us the last 12 months of invoices totalling $40,000
      discovery     | The customer hands over the keys to the £450,000 property for the valuation visit
      discovery     | The farmer applies for grant approval in March with our quote attached
      discovery     | The homeowner confirms she has the BUS grant offer letter
      discovery     | The supporter asks our legacy officer to post her the form for adding a codicil in her will
      discovery     | The buyer orders a £20 sample pack and pays upfront by card
      discovery     | The customer books the build team for a discovery workshop on 9 May
      demo          | Homeowner tells us the EV they're buying and where they'd want the charger fitted
      demo          | Their CAD tech installs the trial licence and has it activated on two workstations
      discovery     | Homeowner tells us the year the boiler was installed and its make
      """)
  void aGrantAppliedForOrWhoSignsOffIsRealistic(String stage, String advance) throws Exception {
    assertRealisticOn(dir, stage, advance);
  }
}
