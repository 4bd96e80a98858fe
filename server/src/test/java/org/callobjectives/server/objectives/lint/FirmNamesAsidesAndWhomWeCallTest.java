package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertNotRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertUnrealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.tagOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the thirty-third round: a firm's name before "Co." or "Ltd", an aside between the
 * subject and its verb, a recruit called a "prospective agent", a base-form verb with its particle
 * ("mark up"), a reply "by email", a group of people showing a leaning, whom our side tells or
 * rings back, a delivery week named as a fact, hedges by God's grace, a role's initials before its
 * verb ("TO sends"), "Appl." for an applicant and a line-break tag between two words.
 */
class FirmNamesAsidesAndWhomWeCallTest {
  private static final String TIME = "during the call";

  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Kowalski Bread Co. sends us its last three invoices",
        "Hargrove Ltd sends us the signed trial form",
        "The prospective agent uploads her ID card and business registration to the portal",
        "The customer, after listening to all of our loyalty benefits, keeps the autoship active",
        "The shop owner, following our agent's visit, registers as a reseller on our portal",
        "The head of claims and their medical director mark up our draft SLA and return it",
        "The owner reads our terms and replies by email with their questions",
        "Appl. signs the background-check consent via the DocuSign link",
        "TO sends the route list and pick-up points to our AE on WhatsApp",
      })
  void theCustomersOwnStepIsAnAdvance(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, TIME), advance);
  }

  @Test
  void aRecruitCalledAProspectiveAgentIsNoAgentAside() {
    List<LintFinding> found =
        AccountEventsAndRolesTest.findings(
            "The prospective agent uploads her ID card and business registration to the portal",
            MEASURE,
            TIME);
    assertTrue(
        found.stream().noneMatch(f -> f.rule().equals(ObjectiveLinter.NOT_AN_ADVANCE)),
        found::toString);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Dealer explains the subsidy scheme to the farmer",
        "Broker to ring the Hendersons back with some ballpark figures",
        "Adviser rings Mrs. Reyes back with the two quotes",
      })
  void tellingOrRingingBackTheCustomerIsOurSide(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void theCustomerExplainingToTheirOwnSideStaysTheirStep() {
    assertNotRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE, "The buyer explains our proposal to the board on Friday");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The technical team shows interest in our range",
        "The Okafors take an interest in piano lessons",
        "The co-operative becomes open to a change of supplier",
        "Mrs Nguyen spreads the word about us among the other parents",
      })
  void aLeaningOfAnyoneIsTooGeneralNotAnAdvance(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.TOO_GENERAL), () -> advance + " -> " + found);
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), () -> advance + " -> " + found);
  }

  @Test
  void aDeliveryWeekNamedAsAFactIsDiscovery() throws Exception {
    assertRealisticOn(
        dir,
        "discovery",
        "The buyer lists next season's needs: number of styles, target price and the first"
            + " delivery week");
    assertRealisticOn(
        dir,
        "discovery",
        "The cafe owner tells us her weekly volumes and the week she would want the first delivery");
    assertUnrealisticOn(dir, "discovery", "The buyer confirms the date for the first delivery");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "By God's grace the prospective agent submits the KYC documents",
        "The buyer, by the grace of God, signs the order form",
      })
  void gracesAreHedges(String advance) {
    assertRefusedFor(ObjectiveLinter.HEDGED, advance);
  }

  @Test
  void notesLoggedBesideAConcreteStepStayRefusedWhateverTheModelsDoubt() {
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors(
            "The customer picks an installation date for the smart meter",
            "Notes logged.",
            "before the call ends"));
  }

  @Test
  void aLineBreakTagStandsBetweenWords() {
    assertEquals(
        List.of(ObjectiveLinter.MARKUP),
        errors("The customer sends<br>payslips and bank statements", MEASURE, TIME));
    assertEquals("a b", TextLimits.plain("a<br>b"));
    assertEquals("bold text", TextLimits.plain("<b>bold</b> text"));
  }

  @Test
  void theTaggerReadsFirmsAndPhrasalVerbs() {
    assertEquals("PROPN", tagOf("Kowalski Bread Co. sends us its invoices", "Kowalski"));
    assertEquals("VERB", tagOf("Call Hargrove Ltd about the invoices", "Call"));
    assertEquals(
        "VERB", tagOf("The head of claims and their director mark up our draft SLA", "mark"));
    assertEquals("VERB", tagOf("The owner reads our terms and replies by email", "replies"));
  }
}
