package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertUnrealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the thirteenth round's dev batches (zzzn to zzzq): a company named first with its verb
 * bare ("Elektron send the forecast"); the purchase's own fee paid, an order made, a go-live
 * approved, a switch of supplier; time frames that wait on the customer ("once calving's done");
 * our staff under their own titles; and look-alikes that are fine.
 */
class FeesSwitchesAndOurTitlesTest {
  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Elektron send 12-month rolling forecast of thermal pad by part number",
        "Kraftlink name one energy-storage integrator and give us the purchasing contact",
        "Kraftlink names one integrator and gives us the purchasing contact",
        "Siemens bring their plant manager to the follow-up call",
        "The father, who's a consultant at the Mater, brings his daughter in for the taster day",
        "Partner's two implementation consultants complete the Level 1 certification on our LMS",
      })
  void aCompanyOrPersonNamedFirstIsTheOneWhoActs(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, "on this call"), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Also send the brochure to the buyer",
        "Then email the quote to the buyer",
        "However send the price list today",
        "Help name the key stakeholders for the buyer",
        "Credit officer runs the CRB check and approves the limit",
        "Relationship officer visits the client's shop for the appraisal",
        "Verification analyst confirms DTI under 45% and clears the income stip",
        "Funding coordinator re-sends the loan docs to the homeowner",
        "Consultant explains how the affordability assessment works",
      })
  void anInstructionOrOurOwnStaffIsNoAdvance(String advance) {
    assertTrue(
        errors(advance, MEASURE, "on this call").contains(ObjectiveLinter.NOT_AN_ADVANCE), advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      demo          | Lab director wires the setup fee after the demo
      first-contact | Client pays the loan processing fee and 10% cash collateral
      first-contact | The importer makes the order of the first 40ft container of cork flooring
      first-contact | Distributor issues a blanket order for the full year requirement
      first-contact | Prospect approves the go-live of the outsourced QA team from the 1st
      first-contact | Office manager gives notice to their current courier
      first-contact | Office mgr moves daily lab pickups to us starting Monday
      first-contact | Landlord signs the fully managed terms on the enquiry call
      discovery     | Homeowner funds the $3,000 down payment via ACH
      first-contact | If possible the group signs the group guarantee
      """)
  void aFeeAnOrderAGoLiveOrASwitchIsUnrealisticEarlyOn(String stage, String advance)
      throws Exception {
    assertUnrealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      demo          | HR director returns the signed data-sharing agreement so we can run the repricing
      first-contact | Director tells us when the committee next meets and what they need to see to approve the spend
      discovery     | Prospective member tells us which two accounts they'd move to us first
      discovery     | The chairman sends us the names of households willing to pay the connection fee
      first-contact | Applicant pays the £25 application fee
      discovery     | Client approves the pilot rollout at one site for two weeks
      """)
  void whatItWouldTakeOrASmallFeeFitsAnEarlyCall(String stage, String advance) throws Exception {
    assertRealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "once calving's done",
        "once he digs them out of the loft",
        "in the next days",
        "down the track",
        "in a timely manner",
        "after the harvest",
      })
  void aTimeFrameThatWaitsOnTheCustomerIsRefused(String timeFrame) {
    assertTrue(
        errors("The customer sends the signed form", "Signed form received", timeFrame)
            .contains(ObjectiveLinter.NOT_TIME_BOUND),
        timeFrame);
  }

  @ParameterizedTest
  @ValueSource(strings = {"once the call ends", "once we hang up", "once the demo on Friday ends"})
  void aTimeFrameAfterTheCallOrADateBounds(String timeFrame) {
    assertEquals(
        List.of(),
        errors("The customer sends the signed form", "Signed form received", timeFrame),
        timeFrame);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Champion 'buying signal' score set to 4/5 or higher in SFDC by the AE",
        "Relationship status changed to 'strong' in the CRM by me after the call",
        "Renewal risk flag set to 'low' by the adviser after gauging how the client reacted",
      })
  void ourOwnJudgementRecordedIsNoMeasure(String measure) {
    assertTrue(
        errors("The customer sends the signed form", measure, "by Friday")
            .contains(ObjectiveLinter.NOT_MEASURABLE),
        measure);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CFO moves forward by emailing us the last two PBM invoices so we can price against them",
        "Pupil sorts out their next lessons: books 2 x 2-hr slots with the same instructor",
        "HR director agrees the next step is sending 12 months of claims, and sends the file",
        "Client confirms they'll stay with us and signs the renewal acceptance",
      })
  void vagueWordsSpelledOutAtOnceAreNotTooGeneral(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, "by Friday"), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Benefits manager maps out a path forward on the Q4 renewal with the SDR",
        "The distributor develops the partnership with us for the Nordic market",
        "The condo board keeps moving on the maintenance proposal",
        "Owner agrees to next steps and says someone can call them back",
      })
  void aPathForwardOrAPartnershipDevelopedIsTooGeneral(String advance) {
    assertTrue(
        errors(advance, MEASURE, "by Friday").contains(ObjectiveLinter.TOO_GENERAL), advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      first-contact        | Homeowner pays the 500 pound deposit for a tiled replacement roof
      first-contact        | Lapsed enquirer pays a holding deposit on one of the new lodges
      first-contact        | Buyer to remit USD 30k advance by TT to hold the November parcel
      first-contact        | Homeowner puts $250 on their card so we can hold panels for their house
      first-contact        | Homeowner calls the utility and drops their community-solar subscription
      first-contact        | Homeowner takes next Friday off so our crew can start trenching for the conduit
      outbound-prospecting | Site manager lets our driver drop off two bins on Monday
      first-contact        | Buyer to put down 800 MT a month for Q3 with us
      first-contact        | Buyer to nominate the vessel and give laycan for the first parcel
      first-contact        | The new agency's producer issues a bind order on their largest renewal
      first-contact        | Cooperative chairman pays for 300 litres of glyphosate upfront
      first-contact        | Facilities manager puts all 14 of their sites over to us from the 1st
      discovery            | Homeowner gets the HOA board to vote the panels through this week
      first-contact        | Landlord signs the fully managed terms on the enquiry call
      discovery            | MD pays the once-off fitment fee of R18 500 by EFT
      """)
  void aDepositACancelledSupplierOrWorkStartedIsUnrealisticEarlyOn(String stage, String advance)
      throws Exception {
    assertUnrealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery     | IT lead confirms their target go-live date and the rollout plan across four sites
      discovery     | Buyer names the two depots they plan to move to us first
      discovery     | Buyer sends the list of accounts they'd be happy to move to us
      discovery     | Buyer tells us how much they pay in placement fees per hire today
      discovery     | Buyer makes the order for a free sample pack
      discovery     | HR posts our benefits collateral on their intranet
      discovery     | Buyer signs the mutual NDA so we can share our standard terms
      first-contact | Homeowner books a free survey so our surveyor can measure the roof
      discovery     | Homeowner tells us when their current contract ends
      """)
  void aPlanAFigureOrASampleFitsAnEarlyCall(String stage, String advance) throws Exception {
    assertRealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "once I hang up",
        "once we ring off",
        "once we're done here",
        "once the Zoom ends",
        "once she's off the phone with us",
      })
  void theEndOfTheCallInAnyWordsBounds(String timeFrame) {
    assertEquals(
        List.of(),
        errors("The customer sends the signed form", "Signed form received", timeFrame),
        timeFrame);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Their consultant joins the demo and lists the three reports they need",
        "Consultant cardiologist books a second demo for the cath lab team",
        "Lettings negotiator at Foxtons books a demo of our CRM",
        "The ASC's outside supply-chain consultant sends 12 months of spend by category",
        "The Hendersons come back to us with a yes or no on the part-ex figure",
        "Visit rebooked for Thu 7pm by Mrs Ali so that Mr Ali can be there too",
        "Buyer takes it further: sends the spec sheet for the new line",
        "Client progresses the deal by emailing us their current contract",
        "To move the quote forward, the broker returns the signed supplemental application",
      })
  void theirPeopleAndStepsSpelledOutLoad(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, "by Friday"), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Thereafter send the buyer our case study pack",
        "Monday send the revised quote to the buyer",
        "Tmrw send the buyer the rate card",
        "Meantime share the brochure with the homeowner",
        "Bulk email the webinar invite to the lead list",
      })
  void aWordOfTimeBeforeAnInstructionLeavesItOurs(String advance) {
    assertTrue(
        errors(advance, MEASURE, "by Friday").contains(ObjectiveLinter.NOT_AN_ADVANCE), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Opportunity status changed to 'Demo booked' by the AE",
        "Temperature readings of 2-5C logged by the rep from the photo",
        "Micron grade per bale logged by the rep from the lab report",
      })
  void aFactRecordedByTheRepIsAMeasure(String measure) {
    assertEquals(
        List.of(), errors("The customer sends the signed form", measure, "by Friday"), measure);
  }
}
