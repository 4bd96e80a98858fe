package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.findings;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.onStage;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Found in the twelfth round's dev batches (zzzf to zzzm): a go-ahead for the work, all of the
 * customer's business, supply bound for years, a down payment, a whole kitchen ordered, a large
 * transfer in Swiss francs, a term commitment, an install booked; time frames that bound nothing
 * ("when they're ready", "n/a"); our own guess as a measure; and look-alikes that are fine.
 */
class GoAheadsSuppliesAndOpenTimesTest {
  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      first-contact        | Caller tells us to go ahead and drop off 6 bariatric beds at their buildings this week
      outbound-prospecting | Customer gives us the go-ahead to rip out the old kitchen and start fitting in the new year
      outbound-prospecting | Customer tells us to go ahead and order the quartz worktops now while the sale is on
      outbound-prospecting | Hiring manager hands us all her open reqs and pulls them from the other agencies
      discovery            | VP tells procurement to set us up as a vendor for every department
      outbound-prospecting | Buyer agree to take all their olein from us for next 2 years
      first-contact        | New buyer from Vietnam do TT 30% down payment so we can hold the cargo for them
      discovery            | Importer pays 30% advance for a full container of Malbec
      discovery            | Mr Okafor orders the whole kitchen off the brochure prices
      outbound-prospecting | Prospect opens a relationship with us and transfers CHF 5 Mio. from his current bank
      """)
  void aGoAheadAllTheirBusinessOrMoneyUpFrontIsUnrealisticEarlyOn(String stage, String advance)
      throws Exception {
    unrealistic(stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      first-contact | Caller gives us the go-ahead to book the free survey for Tuesday
      first-contact | Caller tells us to go ahead with the home visit on Friday
      first-contact | Client gives the go-ahead on the date of the site survey and emails the access details
      discovery     | Customer tells us which supplier they have used for the last 3 years
      discovery     | Customer names their sole supplier and the contract end date
      discovery     | Customer tells us whether the down payment of 10% is affordable and sends two payslips
      discovery     | Customer orders the whole sample kit for the team
      discovery     | Customer sends the complete list of sites
      discovery     | Customer tells us how much he transfers, about $20,000 a month, and sends a statement
      discovery     | Prospect confirms we can quote as their only other supplier and sends the spec by Friday
      discovery     | Customer has been using the old CRM for the past 5 years and sends its export
      """)
  void aSurveyASupplierNamedOrAFigureToldFitsAnEarlyCall(String stage, String advance)
      throws Exception {
    loads(stage, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "when they're ready",
        "when he's ready",
        "once the figures are ready",
        "n/a",
        "N/A",
        "long term",
        "at the earliest",
        "once available",
        "when he gets the chance",
        "any day convenient"
      })
  void aTimeFrameThatBoundsNothingIsRefused(String timeFrame) {
    assertEquals(
        List.of(ObjectiveLinter.NOT_TIME_BOUND),
        errors("The customer sends the signed form", "Signed form received", timeFrame),
        timeFrame);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "any time before Friday",
        "at the earliest, and no later than Friday",
        "once the quote is ready, within 2 days",
        "any day this week"
      })
  void aDeadlineBesideAnOpenWordStillBounds(String timeFrame) {
    assertEquals(
        List.of(),
        errors("The customer sends the signed form", "Signed form received", timeFrame),
        timeFrame);
  }

  @Test
  void theFindingQuotesTheAdminsWordsNotTheListsPattern() {
    String message =
        findings("The customer sends the signed form", "Signed form received", "when they're ready")
            .get(0)
            .message();
    assertTrue(message.contains("'when they're ready'"), message);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Rate card sent to procurement and received",
        "Quote emailed to the customer",
        "Survey slot offered to customer",
        "Caller confirms best callback number and email"
      })
  void aThingHandedToThemOrACallbackNumberIsNoAdvance(String advance) {
    assertTrue(
        errors(advance, MEASURE, "on this call").contains(ObjectiveLinter.NOT_AN_ADVANCE), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Usage figures sent to us by the customer's admin",
        "Signed form sent back to us",
        "The Sandovals' advisor sets up a family conference call with both adult children and us",
        "Acme's account manager books the demo for Tuesday",
        "Grow share of wallet: the purchasing head sends us their April forecast in kg per week",
        "Move the needle on the Carter case: the son tells us the minimum offer the family would"
            + " accept"
      })
  void theCustomersPeopleAndTheirPapersOrAHeadingBeforeTheStepLoad(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, "on this call"), advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      outbound-prospecting | Aged lead agrees to a 36-month stairlift rental and gives a card for the first payment
      outbound-prospecting | Owner accept exclusive with us 24 month and put e-signature on partnership terms
      demo                 | Homeowner enrolls in the 5-year Platinum Care maintenance plan and pays year one
      discovery            | Grower commits to a 3-season supply deal for all his fungicides at locked pricing
      first-contact        | Caller commits his whole year's glyphosate volume to us at a locked price
      first-contact        | Homeowner okays the quote and locks in an install date with the crew for next week
      demo                 | Couple book the fitters in for the week of 3rd March
      outbound-prospecting | Resort loads its allotment on our extranet and the property goes live
      """)
  void aTermAYearsVolumeOrAnInstallBookedIsUnrealisticEarlyOn(String stage, String advance)
      throws Exception {
    unrealistic(stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      first-contact | Caller agrees to a 24-month repayment plan and pays the first $50 today
      first-contact | Caller agrees to a 12-month free trial of the app and downloads it on the call
      discovery     | Customer sends 24 months of bills by email
      discovery     | Customer signs the NDA so we can see 3 years of data
      first-contact | Caller books the installation survey for Tuesday
      discovery     | Customer tells us the budget for the whole programme and who approves it
      first-contact | Owner confirms the install date of their current system from the invoice
      demo          | Transport manager signs the no-cost 30-day pilot agreement and books a fitting slot
      """)
  void aRepaymentPlanATrialOrAPastFactFitsAnEarlyCall(String stage, String advance)
      throws Exception {
    loads(stage, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Interest level marked 'High' by the agent",
        "Agent's impression of how close they are noted on the lead",
        "KAM estimates approval probability at 90%",
        "Consultant estimates 70% chance of acceptance, captured on the lead",
        "Commitment level rated 8/10 by consultant",
        "Objection handled successfully - ticked by agent",
        "Customer conviction noted"
      })
  void ourOwnGuessIsNoMeasureEvenInAField(String measure) {
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors("The buyer emails their monthly volumes", measure, "on this call"),
        measure);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Interest rate and term entered on the quote",
        "Credit score of the applicant returned by the bureau",
        "Confidence rating of 8 given by the customer in the survey",
        "Agent's notes list the two volumes the buyer gave"
      })
  void aFigureOrTheCustomersOwnScoreIsAMeasure(String measure) {
    assertEquals(
        List.of(),
        errors("The buyer emails their monthly volumes", measure, "on this call"),
        measure);
  }

  /** An independent review's look-alikes (its own 250 probes): facts and plans, not steps. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery | The landlord tells us to go ahead and price up the boiler replacement
      demo      | The operations director tells us to go ahead and draft a formal proposal for the depots
      discovery | The dentist lists the three things they must see before they give the go-ahead for the order
      discovery | The procurement lead tells us who their only approved supplier of gloves is today
      discovery | The buyer tells us why they would drop the current supplier
      discovery | The buyer lists the conditions for us to become their sole source of resin
      discovery | The fleet manager tells us which vans they have been leasing for 3 years
      discovery | The owner agrees to share the last 3 years' accounts
      discovery | The prospect agrees to a catch-up in 12 months when their contract ends
      discovery | The buyer agrees to tell us which 5-year plan their current provider has them on
      discovery | The CFO gives us their full budget figure for the project
      discovery | The buyer places their full programme requirements on the shared tender portal
      demo      | The IT manager schedules the installation date for the trial unit
      discovery | The homeowner orders the complete set of tile samples
      """)
  void aFactAPlanOrATrialNearALateStepFitsAnEarlyCall(String stage, String advance)
      throws Exception {
    loads(stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery            | The fleet manager makes us their exclusive tyre partner for all 60 vans
      demo                 | The school agrees to lease 200 laptops from us for four years
      demo                 | The farm manager books the whole spring spray programme with us
      demo                 | The couple orders the whole kitchen at brochure prices
      discovery            | The couple tells us to go ahead and book the kitchen fitters
      discovery            | The homeowner picks an installation date for the heat pump
      first-contact        | The restaurant goes live on our ordering platform
      """)
  void theReviewsLateStepsAreUnrealisticEarlyOn(String stage, String advance) throws Exception {
    unrealistic(stage, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Buyer's estimate of the potential savings recorded in the CRM",
        "Estimated interest payments schedule received from the accountant",
        "Customer-reported confidence level recorded from the form",
        "Minimum commitment level of 500 units stated in the signed PO",
        "Sample plan with a 95% confidence level received from the client"
      })
  void theCustomersOwnFigureOrPaperIsAMeasure(String measure) {
    assertEquals(
        List.of(),
        errors("The buyer emails their monthly volumes", measure, "on this call"),
        measure);
  }

  @Test
  void aBarePassiveIsQuotedWithWhomItGoesToAndTheThingIsNotMadeTheActor() {
    String message =
        findings("Rate card sent to procurement and received", MEASURE, "today").get(0).message();
    assertTrue(message.contains("('sent to procurement')"), message);
    LintFinding given =
        findings("A live demo of the workflow builder is given to the prospect", MEASURE, "today")
            .get(0);
    assertTrue(given.suggestion().contains("'The customer "), given.suggestion());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Friday at the earliest", "next week at the earliest", "not before the 20th"})
  void whenItMayStartIsNoDeadline(String timeFrame) {
    List<LintFinding> found =
        findings("The customer sends the signed form", "Signed form received", timeFrame);
    assertEquals(ObjectiveLinter.NOT_TIME_BOUND, found.get(0).rule(), timeFrame);
    assertTrue(found.get(0).message().contains("may start, not by when"), found.get(0).message());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Win probability field updated to 60% by the rep",
        "AE's forecast category set to Commit",
        "SDR marks the lead as Hot"
      })
  void aRepsForecastIsNoMeasure(String measure) {
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors("The buyer books a follow-up call for Tuesday", measure, "on this call"),
        measure);
  }

  private void unrealistic(String stage, String advance) throws Exception {
    assertTrue(
        onStage(dir, stage, advance, MEASURE).contains(ObjectiveLinter.UNREALISTIC), advance);
  }

  private void loads(String stage, String advance) throws Exception {
    assertEquals(List.of(), onStage(dir, stage, advance, MEASURE), advance);
  }
}
