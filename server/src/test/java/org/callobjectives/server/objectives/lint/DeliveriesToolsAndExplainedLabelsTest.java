package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertUnrealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
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
 * Found in the fourteenth round's dev batches (zzzv to zzzy): the first delivery, our crew booked
 * in, a regular payment or the vehicle taken home are late steps that name no contract; our tools
 * and partners act for us; a label explained after a comma or "="; time frames that wait on an
 * event; and look-alikes that are fine.
 */
class DeliveriesToolsAndExplainedLabelsTest {
  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Patient's wife is booked alongside him for Wednesday's 2 p.m. device demo by the patient",
        "Group members each deposit their 20% loan security savings into the group account",
        "Process engineer and quality lead name their acceptance criteria for the study",
        "Mr. Tariq WhatsApps photos of nameplates of their 5 oldest carding machines",
        "Go/no-go from the client's CFO on marketing the LTD to other carriers, in writing",
        "Signed contract from Aurora Travel (Milan) for the Red Sea series",
        "After the trial visit the technical department sends truss height and post spacing",
        "Lay of the land = AP manager tells us monthly invoice count and which ERP they run",
        "Get a feel for the job, meaning the groundsman gives us the metres of hedging",
        "Action item for the caller, specifically: she uploads a photo of her ID",
        "Workshop manager exports last month's engine fault codes and is happy with our analysis",
        "We recap the pricing. owner then picks Package B and pays the 20% deposit by card",
        "A yes from the district's transport director on the route-planning pilot",
        "Go-ahead from Kestrel Logistics (Leeds) for the driver-app trial",
        "Sign-off from the hospital's IT security board on the data-processing addendum",
        "Tasting notes and score of our 3 samples returned by their QA panel on their scoring form",
        "Referral packet for Mr. J. is completed and faxed over by the facility's charge nurse",
        "Try to get the homeowner to maybe pick a time for the free in-home estimate",
        "To move forward to exchange, purchaser signs the contract and posts the originals to us",
        "DON at Maple Ridge names the two most common reasons her residents get sent out to the ER",
      })
  void theCustomersStepIsFoundHoweverItIsWritten(String advance) {
    assertFalse(
        errors(advance, MEASURE, "by Friday").contains(ObjectiveLinter.NOT_AN_ADVANCE), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The CRM auto-mail sends the order confirmation to the grower",
        "Dialler calls the leads from the expired-quotes list",
        "Our EHR integration partner schedules the integration kickoff with the clinic",
        "Our installer partner plans the retrofit week in their installation calendar",
        "Client watches the walkthrough and feels confident about moving across",
        "After the trial visit our technical team sends the report",
        "Kwame (our credit analyst) pulls a side-by-side vs. the BDC offer for the owner",
      })
  void ourToolsOrPartnersOrAFeelingAfterWatchingAreNoAdvance(String advance) {
    assertTrue(
        errors(advance, MEASURE, "by Friday").contains(ObjectiveLinter.NOT_AN_ADVANCE), advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      first-contact        | Controller sets up ACH from their operating account so the first monthly solar bill gets paid
      first-contact        | Facilities manager sets up the quarterly direct debit for servicing the two passenger lifts
      discovery            | Buyer sets up the pre-authorized monthly payment from their chequing account for the RV loan
      first-contact        | Buyer confirm the date for first 40ft reefer loading at Cat Lai port
      outbound-prospecting | Buyer give us their warehouse unloading slot for our first container
      discovery            | Owner's rep books our install crew onto the warehouse roof for the week of the 15th
      first-contact        | Site manager registers fobs for our engineers on the building access system
      first-contact        | Customer hitches up and tows the new Rockwood off the lot this weekend
      discovery            | Customer puts insurance on the new toy hauler and sends us the pink slip
      outbound-prospecting | Warehouse owner agrees a date for the modules and racking to be dropped at their dock
      first-contact        | Block manager tells the old firm to stop coming from Monday
      discovery            | Purchase order from Harbor Foods (Oakland) for 20 pallets of trays
      first-contact        | Letter of intent from Sahara Agro (Nairobi) for the drip system
      discovery            | The buyers exchange contracts on the Leeds semi
      outbound-prospecting | The lead submits a full mortgage application with all supporting documents
      outbound-prospecting | Grazier signs up for finance and has funds drawn to buy the tractor
      outbound-prospecting | Prospect from the lease-expiry list opens a credit account with us and books the move
      discovery            | Buyer place PO for 1x40ft so the container can ship from Songkhla
      first-contact        | Office manager books our crews for the Sat and Sun of the relocation
      discovery            | VP of Post-Acute approves us as preferred hospice partner for all four campuses
      """)
  void aDeliveryOurCrewOrARegularPaymentIsUnrealisticEarlyOn(String stage, String advance)
      throws Exception {
    assertUnrealisticOn(dir, stage, advance);
  }

  @Test
  void stoppingTheCurrentContractorOnDiscoveryIsShownAsUnrealistic() throws Exception {
    // The models retrained on 42,780 dev objectives (and on 43,740) hold this one as a warning
    // (objectives worded
    // like it were mostly judged fine); the late step stays named either way.
    List<LintFinding> all =
        AccountEventsAndRolesTest.findingsOnStage(
            dir,
            "discovery",
            "Office manager tells the current cleaning contractor to stop from the 31st",
            MEASURE);
    assertTrue(
        all.stream()
            .anyMatch(
                f ->
                    f.rule().equals(ObjectiveLinter.UNREALISTIC)
                        && f.message().contains("a purchase made (a close step)")),
        all::toString);
  }

  @Test
  void aHedgedPaymentOnAFirstContactIsRefusedAsHedgedAndStillShownAsUnrealistic() throws Exception {
    // Authors who mark the hedge often name that one problem only: the second opinion may keep
    // the stage's objection as a warning, but it is always shown.
    List<LintFinding> found =
        AccountEventsAndRolesTest.findingsOnStage(
            dir,
            "first-contact",
            "If possible the owner wires the 10% mobilization payment so we can order modules",
            MEASURE);
    assertTrue(
        found.stream()
            .anyMatch(
                f -> f.rule().equals(ObjectiveLinter.HEDGED) && f.severity() == Severity.ERROR),
        found::toString);
    assertTrue(
        found.stream().anyMatch(f -> f.rule().equals(ObjectiveLinter.UNREALISTIC)),
        found::toString);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      first-contact | Customer sets up a direct debit of 20 pounds a month towards the arrears
      first-contact | The lapsed supporter sets up a £5 monthly gift by direct debit
      discovery     | Member lists every pre-authorized debit on their chequing account
      discovery     | Block manager books our engineer in for a free lift survey and sorts access
      first-contact | Buyer gives their DHL account number for the first sample boxes
      demo          | Buyer takes the demo unit home for the weekend
      discovery     | Ex-customer uploads a photo of their first bill from the new supplier
      first-contact | Customer sets up a direct debit of £25/month for the arrears plan
      discovery     | Buyer sends the LOI for the business he's buying and the seller's tax returns
      discovery     | Buyer tells us the date of their first shipment from their new Vietnam supplier
      first-contact | Customer completes the online credit app with their co-applicant's info
      discovery     | Buyer tells us which month they need the first container to arrive at their port
      """)
  void aPlanAGiftASurveyOrASampleFitsAnEarlyCall(String stage, String advance) throws Exception {
    assertRealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "when the rain stop",
        "next time we talk",
        "some day in the safra",
        "in a moment that is good for him",
        "at the soonest possible time",
        "when harvest money comes",
        "at the next opportunity",
        "the day after the rain stops",
        "as and when customer is free",
        "nearer the time",
        "closer to the time",
      })
  void aTimeFrameThatWaitsOnAnEventIsNoDeadline(String timeFrame) {
    assertEquals(
        List.of(ObjectiveLinter.NOT_TIME_BOUND),
        errors("The manager sends the three client contacts", MEASURE, timeFrame),
        timeFrame);
  }

  @ParameterizedTest
  @ValueSource(strings = {"when the contract ends on 30 June", "when we hang up", "once I hang up"})
  void anEventWithADateOrTheCallsEndIsADeadline(String timeFrame) {
    assertEquals(
        List.of(),
        errors("The manager sends the three client contacts", MEASURE, timeFrame),
        timeFrame);
  }

  @ParameterizedTest
  @ValueSource(strings = {"—", "N/A", "n/a", "-", "TBC", "N/A — see advance"})
  void aMeasureThatSaysThereIsNoneIsEmpty(String measure) {
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors("The manager sends the three client contacts", measure, "by Friday"),
        measure);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Lead scored Hot by the SDR", "Lead marked Hot in the CRM by the SDR"})
  void aScoreGivenByOurSideIsOurJudgement(String measure) {
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors("Prospect tells us how many staff travel per month", measure, "on the call"),
        measure);
  }
}
