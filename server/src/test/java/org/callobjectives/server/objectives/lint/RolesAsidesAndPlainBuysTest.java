package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertMeasureRefused;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertNotRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertUnrealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the twenty-sixth round: roles the tagger reads as adverbs or imperatives, asides about
 * our helper, our crew handing "the client" something, low-effort steps in new words, a plain
 * "buys" and a purchase in daily use as late steps, and money held in trust.
 */
class RolesAsidesAndPlainBuysTest {
  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Farmer might come to the open day on the 14th with the son",
        "Chairlady could bring the committee minutes to the call",
        "Bursar may send the fee schedule by Friday",
      })
  void aModalAfterARoleReadAsAnAdverbIsAHedge(String advance) {
    assertRefusedFor(ObjectiveLinter.HEDGED, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Then the customer books the install slot for Friday",
        "Hopefully the customer books the install slot for Friday",
      })
  void anAdverbBeforeTheSubjectIsStillAnAdverb(String advance) {
    List<String> found = errors(advance, MEASURE, "Before we hang up");
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), () -> advance + " -> " + found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Caller, with advisor guiding, uploads the proof of income documents through the portal",
        "Claimant to send last 2 payslips and bank statements for the Housing Benefit review",
        "The chairlady brings the signed committee minutes to the call",
        "Headwoman signs the consent form for the school trip",
      })
  void theCustomerActsBesideAnAsideOrUnderAnUnusualRole(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Implementation team creates sandbox account and sends login to client",
        "Subscriber lets agent walk her through the bills and payments tab of the app",
        "Receptionist accepts the info pack to be posted for the practice manager",
        "Front desk okays a callback on Tuesday about online booking",
        "Garage owner agrees to stay in touch",
      })
  void ourCrewHandingTheClientSomethingOrLettingUsDoOurPartIsNoAdvance(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Agency prepares a brief for the client and sends it to us by Friday",
        "Wedding planner gives the client our brochure and books a venue tour",
        "Dealer orders 10 units and quotes the new price to the customer",
        "Buyer accepts the contract pack by e-signature",
        "Broker reads the policy wording and confirms cover in writing",
        "CFO confirms they get board approval on the 12th",
      })
  void aCustomerServingTheirOwnClientsOrAcceptingRealPapersTakesAStep(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Einkauf checks the offer with the plant engineer and sends back their price feedback",
        "Buchhaltung signs and returns our SEPA direct debit mandate",
        "Dr. sends one anterior case to our Houston lab and books the patient's slot",
        "Token amount of Rs 5,000 paid by parent via payment link to block the seat",
        "Stock-control module set up by the practice nurse with 5 of their own lines",
      })
  void departmentsInOtherTonguesTitlesWithADotAndPassivesByTheCustomerAreTheirSteps(
      String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Customer accepts our info pack", "Customer accepts the welcome pack"})
  void acceptingOurPackIsNoAdvance(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      true  | Homeowners who got the door hanger could call back to book an inspection
      false | Parents who came to the open evening book a taster day so we could hold a place
      false | Members who joined last year renew for 2025 so they might keep the old rate
      """)
  void aModalRightAfterARelativeClauseHedgesTheStep(boolean hedged, String advance) {
    List<String> found = errors(advance, MEASURE, "Before we hang up");
    assertEquals(hedged, found.contains(ObjectiveLinter.HEDGED), () -> advance + " -> " + found);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      outbound-prospecting | Orphan owner buys a new Camry over the phone and puts it in the wife's name
      discovery            | Grower buys a drone with the spraying kit
      proposal             | Lab has the -80 freezer in daily use for their biobank
      """)
  void aPlainPurchaseOrOneInDailyUseIsUnrealisticEarlyOn(String stage, String advance)
      throws Exception {
    assertUnrealisticOn(dir, stage, advance, true);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery            | Site manager names who buys adhesives for the sister plant and gives the number
      first-contact        | The owner buys the $49 local listings scan by card over the phone
      demo                 | Each shop owner buys a N500 test token for the demo meter
      discovery            | Owner confirms she buys her toner from Staples and sends last month's invoice
      discovery            | Restaurant owner buys their fish at the market and tells us the weekly spend
      discovery            | Office manager who buys the stationery for the school confirms the monthly volume
      discovery            | Clinic lead confirms they have their old autoclave in daily use and sends the log
      commitment           | Orphan owner buys a new Camry over the phone and puts it in the wife's name
      """)
  void whoBuysASmallBuyOrABuyAtTheCloseIsNoUnrealisticStep(String stage, String advance)
      throws Exception {
    assertUnrealisticOn(dir, stage, advance, false);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      true  | Advisor is sure caller accepts the decision
      true  | Client trusts us
      false | Wire confirmation PDF received + trust ledger shows $10,000
      false | Trust account shows the retainer
      false | Customer says they are sure, recorded in CRM
      """)
  void moneyHeldInTrustIsARecordButBeingSureIsNot(boolean refused, String measure) {
    assertMeasureRefused(refused, measure);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"next time he passes by the office", "next time they come in", "next time you"})
  void theNextTimeSomeoneComesByIsNoTimeFrame(String timeFrame) {
    List<String> found = errors("The customer sends the signed form", MEASURE, timeFrame);
    assertEquals(true, found.contains(ObjectiveLinter.NOT_TIME_BOUND), () -> timeFrame + found);
  }
}
