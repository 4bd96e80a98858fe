package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.TIME;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
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
 * Wording found in the ninth round of labelled objectives (dev parts zzi to zzl): a whole account
 * switched or rolled out at once, credit applications with a credit check, letters of credit; our
 * staff named by whom they call ("rings the enquirer back"); words the tagger misreads (acronyms,
 * "Bar team", "buyer at the wholesaler sends").
 */
class RolloutsAndAddressedCustomersTest {
  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
    ObjectiveLinterTest.load();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      first-contact        | Gerente de operaciones agrees to install our dispatch system on all 60 haul trucks of the pit
      discovery            | IT manager moves all seven branches off their current provider and onto our fibre this month
      outbound-prospecting | Administrator moves every resident currently with another hospice over to our agency
      outbound-prospecting | Office manager signs up every one of their 40 staff to our corporate plan
      discovery            | Group F&B director lists our whole range in all 14 hotels from next month
      outbound-prospecting | Fleet manager agrees to fit our tracking units across all 140 prime movers next month
      first-contact        | Case manager enrolls her whole caseload of 60 clients for monitoring
      discovery            | Ski club president gets all 240 members to buy their season passes through us
      discovery            | Regional lead tells his 40 stores to cancel the current supplier and start with us
      first-contact        | Head of property picks install weeks for all five retail parks next spring
      discovery            | Facilities manager gives us the go-ahead to start fitting panels on the roof next month
      first-contact        | New enquirer completes the bank's funding application, including consent to a credit check
      outbound-prospecting | Senior completes the financing application for the Deluxe bundle and consents to a credit check
      outbound-prospecting | Office manager completes our full credit application for a 36-month line
      first-contact        | Buyer opens a letter of credit at their bank for the first 12,000 metres of poplin
      first-contact        | Homeowner draws the full $80,000 on the line to pay off credit cards this week
      outbound-prospecting | HR manager books the lodge for their retreat and sends the 30% deposit
      first-contact        | Son pays the 30-day private-pay deposit for a residential suite
      discovery            | Caller closes on a 30-year mortgage refinance with us and signs the closing documents
      outbound-prospecting | Plant manager commits all three sites to buying power from our panels for the next fifteen years
      """)
  void aWholeAccountAtOnceIsUnrealisticEarlyOn(String stage, String advance) throws Exception {
    assertEquals(
        List.of(ObjectiveLinter.UNREALISTIC), onStage(dir, stage, advance, MEASURE), advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery            | IT manager picks one pilot branch and books the site survey there for next week
      outbound-prospecting | Business park manager emails the tenant list with unit numbers and who handles IT at each
      first-contact        | Bar group owner names which of his six bars runs the cocktail menu and books a tasting
      discovery            | IT manager sends the site list for all seven branches with contract end dates
      demo                 | Ops manager moves all 12 vans onto our free 30-day trial next week
      first-contact        | Head of facilities agrees an on-site walk-through of all three buildings with our surveyor
      discovery            | Applicants consent to a soft credit search and disclose any missed payments
      outbound-prospecting | Homeowner completes the five-question soft pre-qual form (no credit pull) from our link
      commitment           | Operations director agrees to switch all three mine sites to us when the quarter ends
      demo                 | Farmer collects the demo loader with his own trailer and signs our demo agreement
      discovery            | Operations manager books a 15-minute slot with each of the four regional directors next week
      discovery            | Area manager books our rep into the Monday huddle with all 12 branch managers
      discovery            | Facilities manager books a meter read across all 12 sites for next week
      discovery            | CFO moves Friday's session to Monday so all three directors can attend
      discovery            | Receptionist routes our email to all three directors today
      discovery            | Champion puts our case study in front of all three directors at Monday's board meeting
      discovery            | Regional lead tells all 40 stores to register for our free webinar next Tuesday
      first-contact        | Practice group owner has all six clinics start the free 14-day trial next week
      first-contact        | HR manager books a lunch-and-learn for all 200 staff at the head office next month
      discovery            | Facilities manager gives us the go-ahead to proceed with a free energy audit next week
      discovery            | Buyer gives us the go-ahead to order the fabric samples from the mill
      first-contact        | Homeowner completes the 2-minute eligibility application with no credit check on the call
      first-contact        | Homeowner completes the pre-qualification application without a credit check on the call
      first-contact        | Buyer books our home inspection for next week, before their mortgage closing on the 30th
      discovery            | Parent sends the deposit paperwork request to the bursar
      """)
  void aPilotAListOrALaterStageIsNoRollout(String stage, String advance) throws Exception {
    assertEquals(List.of(), onStage(dir, stage, advance, MEASURE), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Treatment coordinator rings the enquirer back to keep the momentum going",
        "Branch manager calls the lead personally to introduce the local crew",
        "Our sales lead handles the MD's objections on monthly price",
        "Consultant walks Mrs Jones through the finance options",
        "Design Engineering Consultant demonstrates the new functions to the design team"
      })
  void whoeverCallsOrWorksOnTheCustomerIsUs(String advance) {
    List<String> rules = errors(advance, MEASURE, TIME);
    assertTrue(rules.contains(ObjectiveLinter.NOT_AN_ADVANCE), advance + ": " + rules);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Category buyer at the wholesaler sends last quarter's depletion figures for their top ten"
            + " single malts",
        "Bar team names which two expressions they'd use in cocktails and the price per serve",
        "Site IT creates VPN accounts for our two pilot engineers and sends the credentials",
        "Patient's POA signs the hospice election statement and the admission consents",
        "Factory owner WhatsApps a photo of the current fire policy schedule showing sum insured",
        "Customer calls the lead buyer at head office and books a meeting for us",
        "Our new client signs the order form for the second site",
        "Customer calls their broker and asks for the renewal terms in writing",
        "HR director presents our proposal to the board and sends us their decision",
        "Customer emails the client list with contract end dates to our inbox",
        "Voided check for ACH autopay sent in by the homeowner through the portal upload link",
        "Estate HOA board votes the budget for a gate survey through at the AGM",
        "Hargrove Manufacturing's benefits coordinator picks a date for a lunch-and-learn",
        "A 20-minute online banking demo is booked by the HR manager for the break room",
        "Farmer drives the trade-in tractor to the yard on demo day for the workshop to inspect",
        // found by the round's review: a customer's people informing their own people
        "Finance director presents our proposal to the owners on Thursday and emails us their"
            + " decision",
        "Trust chair presents our proposal to the trustees at the March meeting and sends us the"
            + " minute",
        "Farmer talks the proposal through with the son and calls back Friday with a decision",
        "Executor walks the family through our pre-need plan and calls back Monday with a decision",
        "Store manager sends our line sheet to the buyer at head office by Friday",
        "Head teacher sends the trip consent letter to the parents and returns 30 signed forms",
        "Wedding planner sends our venue brochure to the couple and books a viewing for Saturday",
        "Client emails each candidate the assessment link from the trial account",
        "Customer texts each member the booking link from our trial app",
        "Our procurement contact at Acme raises the PO for the first 50 seats by Friday",
        "Our finance contact signs the credit application form and emails it back",
        "Procurement lead takes our quote through their approval process and issues the PO by the"
            + " 30th",
        "Finance manager takes our proposal forward to the board on Tuesday and sends us the"
            + " minutes",
        "Customer thinks over the two options tonight and calls back by Friday with the one they"
            + " choose"
      })
  void theCustomerActsWhateverTheTaggerMakesOfTheWords(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, TIME), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Aged leads keep progressing through the funnel",
        "School board buys in on the outdoor ed program",
        "Sunrise SNF partnership moves forward this month"
      })
  void progressWithoutAStepIsTooGeneral(String advance) {
    List<String> rules = errors(advance, MEASURE, TIME);
    assertTrue(rules.contains(ObjectiveLinter.TOO_GENERAL), advance + ": " + rules);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Farmer agrees to take the brochure and price list for the round baler in the post",
        "Farmer confirms his Eircode and herd type for our records"
      })
  void takingABrochureOrConfirmingAPostcodeIsNoStep(String advance) {
    assertEquals(List.of(ObjectiveLinter.NOT_AN_ADVANCE), errors(advance, MEASURE, TIME), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "240 passes sold under the club code",
        "Deposit receipt issued and stock unit marked sold"
      })
  void soldInARecordIsAFact(String measure) {
    assertEquals(
        List.of(), errors("Customer signs the order form on the call", measure, TIME), measure);
  }

  @Test
  void soldAsAMoodIsStillNotMeasurable() {
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors("Customer signs the order form on the call", "Buyer is sold and ready to go", TIME));
  }

  @Test
  void theRewriteOfARingBackNamesAStepNotTheMomentum() {
    for (LintFinding f :
        AccountEventsAndRolesTest.findings(
            "Treatment coordinator rings the enquirer back to keep the momentum going",
            MEASURE,
            TIME)) {
      assertTrue(
          f.suggestion() == null
              || !f.suggestion().contains("momentum") && !f.suggestion().contains("back keeps"),
          f.toString());
    }
  }

  @Test
  void contactDetailsWithATimeToCallAreStillNoStep() {
    assertEquals(
        List.of(ObjectiveLinter.NOT_AN_ADVANCE),
        errors("Family confirms their address, phone number and best time to call", MEASURE, TIME));
  }

  @Test
  void anAcronymIsANameButOkStaysAVerb() {
    Sentence s = English.analyze("Patient's POA signs the statement");
    assertEquals("PROPN", s.tags()[2]);
    assertEquals("VERB", s.tags()[3]);
    Sentence ok = English.analyze("Manager will OK the spend");
    assertTrue(!ok.tags()[3].equals("PROPN"), String.join(" ", ok.tags()));
  }
}
