package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertNotRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.tagOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the thirty-second round: sellers' titles are one list a site can add to, a leaning shown
 * ("shows real appetite") is one check wherever it is read, a step done "by" a real one is one
 * check too, and a few tagger slips (a noun phrase ending in "-ing" or "-s" after a possessive, a
 * compound noun before a passive, "our account lead", "laid on").
 */
class SellerTitlesListLeaningsAndNounPhrasesTest {
  private static final String TIME = "during the call";

  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @Test
  void aSiteAddsItsOwnSellersTitles() throws Exception {
    String advance = "Venue host books the couple's show-round for Saturday";
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
    Files.writeString(dir.resolve(LintRules.FILE), "sellerTitles: [venue host]\n");
    ObjectiveLinter site = new ObjectiveLinter(LintRules.load(dir));
    List<String> found = errors(site, advance, MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), found::toString);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Onboarding coordinator sets up the owner account and uploads the draft listing",
        "Our account lead sends the order confirmation and the planning for installation",
        "Photo upload link is texted to the customer",
        "A tasting of the oak-smoked range is laid on for the kitchen team",
      })
  void ourSideOrAPassiveHidingItIsNoAdvance(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The homeowner shows real appetite for a home battery",
        "The homeowner shows some readiness to switch",
        "Customer expresses interest in the premium tier",
        "Customer commits to the process",
        "Customer talks through their charging needs",
        "The body corporate chats about their security concerns",
        "The couple discusses their wishes for the service",
        "Operator engages more with our MICE offering",
      })
  void aLeaningOrTalkWithNothingNamedIsTooGeneral(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.TOO_GENERAL), () -> advance + " -> " + found);
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), () -> advance + " -> " + found);
  }

  @Test
  void aLeaningIsNoOneToActInTheRewrite() {
    List<LintFinding> found =
        AccountEventsAndRolesTest.findings(
            "The homeowner shows some readiness to switch", MEASURE, TIME);
    assertTrue(
        found.stream().noneMatch(f -> f.suggestion().contains("Some readiness")), found::toString);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Customer engages their legal team by forwarding the draft",
        "Customer moves forward by emailing us the invoices",
        "Practice manager shows real interest by forwarding our one-pager to the medical director",
      })
  void aVagueStepDoneByARealOneIsThatStep(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, TIME), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Customer engages more by listening to the webinar",
        "Customer moves forward by saying yes",
      })
  void aVagueStepDoneByALightOneStaysVague(String advance) {
    assertRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }

  @Test
  void theTaggerReadsNounPhrasesAsNouns() {
    assertEquals("NOUN", tagOf("Operator engages more with our MICE offering .", "offering"));
    assertEquals("VERB", tagOf("Operator engages more with our MICE offering .", "engages"));
    assertEquals("NOUN", tagOf("Customer talks through their charging needs .", "needs"));
    assertEquals("NOUN", tagOf("Photo upload link is texted to the customer .", "upload"));
    assertEquals("NOUN", tagOf("Our account lead sends the order confirmation .", "account"));
    assertEquals(
        "VERB",
        tagOf("The body corporate holds a general meeting and votes to appoint us .", "votes"));
    // (not after "gets": their team does the working)
    assertEquals("VERB", tagOf("The owner gets their team working on the list .", "working"));
  }
}
