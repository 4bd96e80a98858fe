package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.onStage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Purchases found in the eleventh round's dev batches (zzza to zzze): a plan joined with its
 * payment set up, a product purchased, a lease signed by e-signature or for years, an order
 * confirmed or raised in note style, a letter of credit, a rollout completed; and look-alikes that
 * fit an early call.
 */
class PlansLeasesAndOrdersTest {
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
      first-contact        | Caller signs up to the annual Family Plan and sets up the Direct Debit
      outbound-prospecting | Lead enrolls in the Premium plan and sets up autopay on the callback
      first-contact        | Caller from a new startup practice purchases the A-dec 500 chair package
      first-contact        | Practice owner DocuSigns the 60-month FMV lease for the new ultrasound
      outbound-prospecting | Cold-called practice owner commits to a 5-year lease on the full surgical suite package
      first-contact        | Customer to confirm order of 48 looms
      first-contact        | Client make the purchase order of 25 tons of HRC, FOB Santos
      first-contact        | Mill owner to open LC for 2 air-jet looms
      first-contact        | New lead from the website pays the first order by bank transfer during this call
      discovery            | Customer to complete pan-India rollout to all 40 branches
      first-contact        | The customer picks the Pro plan and sets up a direct debit
      first-contact        | The customer chooses the monthly plan with autopay
      first-contact        | The customer enrols in autopay for the yearly subscription
      first-contact        | The customer upgrades to the Premium package with a card payment
      first-contact        | The customer buys 30 licences of the Team plan
      first-contact        | The customer settles the invoice for the first order
      first-contact        | The customer takes the van lease for 4 years
      """)
  void aPurchaseInNotesOrPlainWordsIsUnrealisticEarlyOn(String stage, String advance)
      throws Exception {
    assertEquals(
        List.of(ObjectiveLinter.UNREALISTIC), onStage(dir, stage, advance, MEASURE), advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      first-contact        | Caller signs up for the free trial plan and sets up a login during the call
      first-contact        | Caller purchases a sample pack of three gloves for the team to test this week
      first-contact        | Owner commits to a 30-minute call with our adviser next Tuesday
      discovery            | Practice owner DocuSigns the NDA so we can see their usage figures
      first-contact        | Caller joins the webinar on the Premium plan and gives us a card-free email for the invite
      discovery            | Buyer confirms the order of the agenda for Thursday's demo
      discovery            | IT lead completes the pilot rollout plan for two branches by Friday
      discovery            | The customer sends the terms of their current 3-year lease for the forklifts
      discovery            | The customer books a meeting with the finance director to compare a 5-year lease with buying outright
      discovery            | The customer sends three sample purchase orders so we can test the import
      discovery            | The customer sends a copy of their last purchase order for yarn
      """)
  void aTrialAMeetingOrAPaperFitsAnEarlyCall(String stage, String advance) throws Exception {
    assertEquals(List.of(), onStage(dir, stage, advance, MEASURE), advance);
  }
}
