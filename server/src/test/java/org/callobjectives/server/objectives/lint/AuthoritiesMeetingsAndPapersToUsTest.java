package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.tagOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the thirty-ninth round: blessings in Kazakh, Maltese, Ukrainian, Malagasy and Welsh
 * English, an authority's approval or a general meeting within a day, dozens of signatures or works
 * at many sites by tomorrow, paper handed to us in the passive, and receipts confirmed.
 */
class AuthoritiesMeetingsAndPapersToUsTest {

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Alla qalasa, director approves 2-week test of GrainTrack on their weighbridge.",
        "Jekk Alla jrid, the owner pays the 30% deposit on the annual berth by bank transfer.",
        "Dai Bozhe, buyer confirms volume 3 000 MT for Q3 in written form.",
        "Raha sitrapon'Andriamanitra, the chocolatier books flights to visit our curing site.",
        "Gobeithio Mr Evans signs the quote for 1,200m of stock netting and 3 gates",
      })
  void aBlessingInTheCustomersTongueIsAHedge(String advance) {
    assertTrue(errors(advance, MEASURE, "by Friday").contains(ObjectiveLinter.HEDGED), advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Director gets approval from the Ministry of Agriculture for the new receipt format|Today",
        "Homeowner gets the county health department to approve the new leach field design"
            + "|By tomorrow",
        "Importer registers our 6 SKUs with the excise authority and gets the stamps|by tomorrow",
        "Nine-member condo board holds an emergency AGM and votes on our contract.|Tonight",
        "PM gets all 140 unit owners to sign off on our quote.|Today",
        "IT team gets network cabling and power sorted at all 12 pilot pubs so we can install"
            + "|by noon tomorrow",
        "The rugby club committee holds its AGM and votes on the new kit supplier|tonight",
        "The pub group completes the Wi-Fi cabling at all 12 of its pubs|by tonight",
      })
  void whatTakesDaysAskedWithinADayIsUnrealistic(String advance, String timeFrame) {
    assertTrue(errors(advance, MEASURE, timeFrame).contains(ObjectiveLinter.UNREALISTIC), advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "The owner submits the planning application to the council today|today",
        "Board chair books the AGM date for our presentation on 12 May|today",
        "Site manager confirms access at all 12 pubs for the survey|by tomorrow",
        "IT manager at the council gets approval from the council's CIO for a 30-day trial|today",
      })
  void startingTheSlowStepWithinADayIsRealistic(String advance, String timeFrame) {
    List<String> found = errors(advance, MEASURE, timeFrame);
    assertFalse(found.contains(ObjectiveLinter.UNREALISTIC), advance + " " + found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Board's signed contract and post-dated cheques are dropped off at our office.",
        "The signed order form is sent back to us.",
        "The countersigned service agreement is couriered back to our Lagos office",
        "Don Washington transfers the USD 1,200 setup fee to our BROU account.",
      })
  void theirPaperHandedToUsIsTheirStep(String advance) {
    List<String> found = errors(advance, "Contract and cheques at reception", "by Friday noon");
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), advance + " " + found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The Patels receive the fee proposal by email and confirm they've got it.",
        "Director receives our commercial offer and confirms it is in his inbox",
        "TD confirms her direct line and email",
        "Practice manager OKs us emailing the fee table",
      })
  void confirmingWhatWeSentOrBeingToldIsNoAdvance(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void aModifierOrATitleFirstIsNoInstruction() {
    assertEquals(
        "ADJ", tagOf("Family-run resort on Taveuni orders 40 cases of toiletries", "Family-run"));
    assertEquals("PROPN", tagOf("Don Aníbal gives us the log-in for the portal.", "Don"));
  }

  @Test
  void talkingInGeneralIsTooGeneral() {
    assertTrue(
        errors("Farmer talks us through the farm set-up in general", MEASURE, "this call")
            .contains(ObjectiveLinter.TOO_GENERAL));
  }
}
