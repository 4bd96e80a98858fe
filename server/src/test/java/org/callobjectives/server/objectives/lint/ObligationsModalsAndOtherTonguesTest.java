package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertMeasureRefused;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertNotRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertUnrealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.findings;
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
 * Found in the twenty-seventh round: duties laid on the customer ("is expected to"), verbs the
 * tagger reads as auxiliaries or roles, a hedging modal before an instruction, paid invoices and
 * deposits as late steps, the period a forecast covers, our own temperature for a lead, and roles
 * and contracts named in German, Portuguese or French.
 */
class ObligationsModalsAndOtherTonguesTest {
  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Customer is expected to ship 20 sample parts to our test lab before the trial run",
        "Member is supposed to upload two recent payslips to the portal",
        "The buyer is required to return the signed order form",
        "After the viewing the tenant is due to send the reference letters",
      })
  void aDutyLaidOnTheCustomerIsTheirStepNotAPassiveOfOurs(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  /** The rewrite offered for the hedge in {@code advance}. */
  private static String hedgeRewrite(String advance) {
    List<LintFinding> found = findings(advance, MEASURE, "by Friday");
    return found.stream()
        .filter(f -> f.rule().equals(ObjectiveLinter.HEDGED))
        .findFirst()
        .orElseThrow(() -> new AssertionError(found.toString()))
        .suggestion();
  }

  @Test
  void aVerbReadAsAnAuxiliaryAfterAModalIsTheStepAndTheRewriteKeepsIt() {
    String rewrite = hedgeRewrite("Site manager could issue the PO for the scaffold hire");
    assertTrue(rewrite.contains("issues the PO"), rewrite);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Site manager would issue the PO for the scaffold hire",
        "Caller would book the yearly service with the service desk on this call",
      })
  void wouldStatesWhatTheyWillDo(String advance) {
    List<String> found = errors(advance, MEASURE, "by Friday");
    assertFalse(found.contains(ObjectiveLinter.HEDGED), () -> advance + " -> " + found);
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), () -> advance + " -> " + found);
  }

  @Test
  void aModalHedgeIsDroppedFromTheRewriteWithTheOtherHedge() {
    String rewrite = hedgeRewrite("Client could maybe send us the tender documents");
    assertTrue(rewrite.contains("Client sends us the tender"), rewrite);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Give caller the opening hours and the parking details",
        "Tell customer the price of the upgrade",
        "Send client the brochure and the price list",
        "Give the customer the pre-contract info and let them have a read",
        "Process the refund of the deposit for the student who withdrew",
      })
  void handingTheCustomerSomethingIsOurTask(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Could get the champion to share which vendors they are evaluating",
        "Might get the owner to send last year's energy bills",
        "Could get the customer to email over two months of bank statements",
        "Store manager is likely to agree a site survey date for the bin store",
        "Encik Zul might upload his IC front and back in the e-app",
      })
  void aModalBeforeAnInstructionHedgesTheCustomersStep(String advance) {
    List<String> found = errors(advance, MEASURE, "during the call");
    assertTrue(found.contains(ObjectiveLinter.HEDGED), () -> advance + " -> " + found);
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), () -> advance + " -> " + found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The champion shares what other vendors they're evaluating",
        "Owner tells us what old system they still run",
      })
  void whatBeforeAnAdjectiveAndANounAsksForAFact(String advance) {
    assertNotRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      proposal             | Customer pays the renewal invoice in full
      discovery            | Practice manager settles our first invoice for the new licences
      outbound-prospecting | Agency confirms a block of 40 rooms with a 20% deposit
      first-contact        | Kunde signs the Rahmenvertrag for three machines
      first-contact        | Cliente signs the new contrato for fibre and mobile
      discovery            | Prospect places the Bestellung for the robot cell
      """)
  void paidInvoicesDepositsAndContractsInOtherTonguesAreLateSteps(String stage, String advance)
      throws Exception {
    assertUnrealisticOn(dir, stage, advance, true);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery     | Account holder pays the overdue invoice from March
      first-contact | Support worker sends the referral form with her signed consent
      first-contact | Patient returns the signed consent form before the assessment
      """)
  void anOldDebtOrASignedConsentIsNoClose(String stage, String advance) throws Exception {
    assertUnrealisticOn(dir, stage, advance, false);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      true  | Client sends the volume forecast per month for next year
      true  | Buyer shares their budget for the coming financial year
      false | Client sends the volume forecast by the end of next week
      false | Buyer books the site visit for next week
      """)
  void thePeriodAForecastCoversIsNoDeadline(boolean refused, String advance) {
    List<String> found = errors(advance, MEASURE, "");
    assertEquals(
        refused, found.contains(ObjectiveLinter.NOT_TIME_BOUND), () -> advance + " -> " + found);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      true  | RM marks case as 'Hot - 95%' in CRM
      true  | Rep tags the lead as warm in the dialler
      false | Lead status set to 'Contacted' in CRM
      false | Case marked as closed in the ticketing system
      """)
  void aTemperatureWeGiveALeadIsOurGuess(boolean refused, String measure) {
    assertMeasureRefused(refused, measure);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      false | Account opened
      false | Savings account opened
      true  | Notes updated
      """)
  void anOpenedAccountIsAFactUpdatedNotesAreNot(boolean refused, String measure) {
    assertMeasureRefused(refused, measure);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Devis reviewed by the DAF, with a written list of questions sent back to us",
        "Kunde sends the drawing of the part and the yearly volume",
        "Cliente uploads the proof of address in the app",
        "Pak Budi gives the final go on the one-year contract terms",
        "Get the balance fee of 42,000 paid by the student",
      })
  void rolesInOtherTonguesAreTheCustomers(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Le DTI nomme les 5 usagers du pilote et envoie leurs noms par courriel",
        "La réceptionniste nous donne le nom et le courriel de la personne qui décide",
        "El importador confirma la fecha de la visita a la bodega con su equipo",
      })
  void anAdvanceInAnotherLanguageIsNotRefusedForWhoActsOnlyWarned(String advance) {
    List<LintFinding> found = findings(advance, MEASURE, "during the call");
    assertFalse(
        found.stream()
            .anyMatch(
                f ->
                    f.severity() == Severity.ERROR
                        && (f.rule().equals(ObjectiveLinter.NOT_AN_ADVANCE)
                            || f.rule().equals(ObjectiveLinter.TOO_GENERAL))),
        found::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"quando puderem", "cuando puedan", "luego vemos", "sobald es geht"})
  void vagueTimesInOtherTonguesAreNoTimeFrame(String timeFrame) {
    List<String> found = errors("The customer sends the signed form", MEASURE, timeFrame);
    assertTrue(found.contains(ObjectiveLinter.NOT_TIME_BOUND), () -> timeFrame + found);
  }

  // The outside review's sentences

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      first-contact | Caller pays the invoice for last month's boiler repair by card
      first-contact | Member pays the invoice from March that is now overdue
      discovery     | Customer pays the invoice for the sample batch
      demo          | Business owner pays the invoice for the trial month
      proposal      | Customer pays the deposit invoice for the kitchen order
      first-contact | Tenant confirms they are happy with the deposit amount
      first-contact | Caller books a viewing with deposit-free renting
      """)
  void billsSamplesTrialsAndDepositWordsAreNoClose(String stage, String advance) throws Exception {
    assertUnrealisticOn(dir, stage, advance, false);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The proposal is expected to reach the buyer by Friday",
        "The samples are due to arrive at the customer's lab",
        "Get the samples shipped by the customer's deadline",
        "Could send the customer our pricing sheet",
        "Visit Des Moines, Le Mans and La Jolla branches",
        "Build rapport with El Pollo Loco y Los Hermanos",
      })
  void thingsDueToArriveOurHedgedTasksAndEnglishWithForeignNamesAreNoAdvance(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Walk the owner through the quote and let them sign the site survey form on the call",
        "Offer the caller a callback and let them choose the time",
      })
  void lettingThemTakeARealStepIsTheirStep(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      true  | Customer would probably book the demo
      true  | Customer would sign the order if we match the price
      true  | Customer is likely to sign the renewal
      false | Customer confirms the weeks when staff are likely to attend training
      """)
  void wouldWithAConditionOrAGuessIsAHedge(boolean hedged, String advance) {
    List<String> found = errors(advance, MEASURE, "by Friday");
    assertEquals(hedged, found.contains(ObjectiveLinter.HEDGED), () -> advance + " -> " + found);
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), () -> advance + " -> " + found);
  }

  @Test
  void coldStorageIsNoTemperatureOfALead() {
    assertMeasureRefused(false, "Ops moves the account to cold storage in the archive");
  }

  @Test
  void aMeetingForNextQuarterIsATime() {
    List<String> found = errors("Client books the budget meeting for next quarter", MEASURE, "");
    assertFalse(found.contains(ObjectiveLinter.NOT_TIME_BOUND), found::toString);
  }
}
