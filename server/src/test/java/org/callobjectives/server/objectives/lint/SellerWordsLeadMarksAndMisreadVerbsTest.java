package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertMeasureRefused;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertMeasureWaits;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertNotRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.findings;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.tagOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the thirtieth round, in eight batches measured on arrival: whoever serves "the prospect"
 * is the seller, so is a desk named after whom it serves and an outbound caller; a lead's mark
 * mirrors a vague step, feelings written down are no record, a shown commitment is a leaning, and
 * words the tagger misread ("and texts the homeowner", "engages more with", "discusses needs", "the
 * member-services rep checks", "the revised itinerary").
 */
class SellerWordsLeadMarksAndMisreadVerbsTest {
  private static final String TIME = "during the call";

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The community manager gives the prospect a walkthrough of the meeting rooms",
        "The manager gives the prospect a tour of the site",
        "Site lead shows the caller the three floor plans",
        "The partnerships lead sends the prospect a proposal",
        "The team lead calls the caller back",
        "The engagement lead calls the prospect back",
        "The sales lead gives the caller a quote",
      })
  void whoeverServesTheProspectIsTheSeller(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The CFO sends the prospect list for the spring mailing",
        "The office manager gives the customer list to our onboarding team",
      })
  void theCustomersPeopleHandlingTheirOwnListsStayTheCustomer(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void aSecondVerbAfterAndIsReadAsAVerb() {
    assertEquals(
        "VERB",
        tagOf(
            "The install scheduler locks a technician for the route and texts the homeowner",
            "texts"));
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "The install scheduler locks a technician for the route and texts the homeowner");
    // "and" between nouns stays a list of nouns
    assertEquals("NOUN", tagOf("The buyer orders the shoes and socks for the team", "socks"));
    assertEquals(
        "NOUN", tagOf("The owner books the survey and bookings the same week", "bookings"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The customer books the kick-off meeting for 3 March",
        "The project lead books the kick-off call for the week of 7 July",
      })
  void bookingTheKickOffIsAConcreteStep(String advance) {
    assertNotRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void aBankThatHasUsOnFileDealsWithUs() {
    assertNotRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "The bank on the car loan has us on file as the new insurer and mails the client the"
            + " letter");
  }

  @Test
  void mainVerbsReadAsNounsAreVerbs() {
    assertEquals(
        "VERB",
        tagOf("Prospect's team of three activates free day passes for Friday", "activates"));
    assertEquals(
        "VERB", tagOf("The HR team engages more with our corporate training offer", "engages"));
    assertEquals(
        "VERB", tagOf("The group leader discusses needs for the adventure week", "discusses"));
    assertEquals("NOUN", tagOf("The group leader discusses needs for the adventure week", "needs"));
    // "board moves things forward": the noun in -s before an adverb stays a noun
    assertEquals(
        "NOUN", tagOf("Association board moves things forward on the 2025 congress", "things"));
    assertNotRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "Prospect's team of three activates free day passes for Friday 26/7 in the member app");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The group leader discusses needs for the adventure week",
        "Student shows commitment to finalising enrolment",
        "Customer shows willingness to clear his arrears",
        "The HR team engages more with our corporate training offer",
      })
  void vagueStepsMisreadBeforeAreTooGeneral(String advance) {
    assertRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void beingAddedToOurMailingCostsNoEffort() {
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "The nurse manager agrees to be added to our weekly available-clinicians email");
  }

  @Test
  void aLeadMarkBesideAVagueStepWaitsForTheStep() {
    List<String> vague =
        errors("The customer shows interest in our carbide end mills", "Lead marked 'warm'", TIME);
    assertTrue(vague.contains(ObjectiveLinter.TOO_GENERAL), vague::toString);
    assertFalse(vague.contains(ObjectiveLinter.NOT_MEASURABLE), vague::toString);
    // beside a real step, the same mark is our own judgement
    assertMeasureRefused(true, "Lead marked 'warm'");
    assertMeasureRefused(true, "Lead status changed to Warm");
  }

  @Test
  void aLeadMarkBesideAVagueStepIsStillSaidAsAWarning() {
    List<LintFinding> found =
        findings(
            "The customer shows interest in our carbide end mills", "Lead marked 'warm'", TIME);
    assertMeasureWaits(found);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Strategy understood.", "Openness noted.", "Confidence noted in CRM"})
  void feelingsUnderstoodOrWrittenDownAreNotMeasurable(String measure) {
    assertMeasureRefused(true, measure);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Objections noted in the CRM with the reason codes",
        "Needs assessment form saved",
        "Relationship stage updated in the CRM"
      })
  void recordsNamedByTheirFieldsStayMeasurable(String measure) {
    assertMeasureRefused(false, measure);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The supporter care team lead calls the supporter back to confirm the new amount",
        "The member-services rep checks in with the materials manager about the catheter trial",
        "The consultation-line rep handles the price objection with the cost-per-year comparison",
        "The caller thanks the supporter for five years of giving and updates them on the new wing",
        "The caller updates the supporter on the spring appeal",
      })
  void aDeskNamedAfterWhomItServesAndAnOutboundCallerAreOurSide(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The pharma rep books a lunch-and-learn with us for 4 May",
        "The caller books a home visit for Thursday at 10am",
        "The caller's daughter sends us the power of attorney",
      })
  void someoneElsesRepAndACallerTakingTheirOwnStepStayTheCustomer(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void aParticipleAfterTheIsNoVerb() {
    String advance =
        "The revised itinerary is approved in writing by the client's CEO office and the approval"
            + " email is forwarded to us";
    assertEquals("ADJ", tagOf(advance, "revised"));
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void trustInUsIsAFeelingButATrustAccountIsARecord() {
    assertMeasureRefused(true, "Customer trust in our uptime guarantee increased");
    assertMeasureRefused(false, "Trust account shows the 10,000 deposit");
  }

  @Test
  void aRewriteMakesNoStaffMemberOfOursTheActor() {
    for (LintFinding f :
        findings("The partnerships lead emails the prospect the terms", "Terms sent", TIME)) {
      assertFalse(String.valueOf(f.suggestion()).contains("partnerships lead"), f::toString);
    }
  }

  @Test
  void aRewriteNamesNoStaffMemberAsTheTopic() {
    for (LintFinding f :
        findings(
            "The install scheduler locks a technician for the route and texts the homeowner",
            "Route locked",
            TIME)) {
      assertFalse(String.valueOf(f.suggestion()).contains("on a technician"), f::toString);
    }
  }
}
