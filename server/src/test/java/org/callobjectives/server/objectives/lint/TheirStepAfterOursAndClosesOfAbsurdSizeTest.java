package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertNotRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.findings;
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
 * Found in the twenty-fifth round: the customer's step after our part of the work, closes of a size
 * no call gets, "on board" that means aboard, plans and ways forward with nothing named, "soon" in
 * other languages, and rewrites that started with a misread word.
 */
class TheirStepAfterOursAndClosesOfAbsurdSizeTest {
  private static final String MEASURE = "Reference noted in the CRM";
  private static final String TIME = "Before we hang up";

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Our helpdesk resets the main login, then the buyer creates the two sub-logins in the"
            + " portal",
        "We set up the payment plan in the system and the account holder makes the first $50"
            + " payment by card",
        "Our SDR asks the three qualifying questions, the bursar gives the number of boarders and"
            + " the contract end date",
        "Our helpdesk resets the login, after that the buyer creates the two sub-logins",
        "Our receptionist takes the address, then the client books the free survey for Thursday",
      })
  void theCustomersRealStepAfterOurPartIsAnAdvance(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We pitch the multi-car discount and the customer listens to the offer",
        "Our marketing team adds the chief to the newsletter and he receives the monthly update",
        "Our trader sends the price offer and the buyer acknowledges receipt",
        "We will demo the dashboard and the customer might book a trial",
        "Our rep explains the plan and the caller stays on the line",
        "Our rep sends the link and the customer clicks it",
        "We run the demo and the customer watches the whole demo",
        "Our team books the survey, then the surveyor visits the site",
        "We send the samples and while the buyer tests them we call the plant manager",
        "We check the address and that the customer owns the property",
      })
  void ourPartFollowedByNoRealStepOfTheirsIsStillNoAdvance(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Caller ringing about a spare part buys every tractor in the yard",
        "Hospital buys our entire product catalogue and makes us sole vendor",
        "IDN converts all 40 hospitals to our full product catalogue",
        "Dealer sells and installs our desks in all 500 client offices",
        "Grower commits all 3,000 acres to our brand for the next ten seasons",
        "Grower we never dealt with signs the three-year supply contract",
      })
  void aCloseOfAbsurdSizeIsUnrealisticWithoutAStage(String advance) {
    assertRefusedFor(ObjectiveLinter.UNREALISTIC, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Office manager returns the completed member form for all 18 staff and pays the first"
            + " month's invoice",
        "FD e-signs the 2-year supply contract for all 3 sites",
        "Existing customer sends the serial numbers of all 12 cameras on Line 3",
        "Customer buys the van and pays the deposit",
        "Member pays for every class she booked this month",
        "Customer orders one sample of every colour in the range and pays by card",
        "Customer orders every item on the quote and pays the deposit",
        "Customer sets up the direct debit for the milk delivery every other day",
        "Customer buys the lifetime licence",
        "Tenant signs the office lease for 10 years.",
        "Farmer orders seed for all 40 acres",
        "Employer enrols all 25 employees in the group health plan",
        "Landlord insures the whole building with us",
        "Customer signs up for a free trial of the whole range",
        "Homeowner who has never worked with an architect signs our design contract",
      })
  void anOrdinaryCloseOrAFullListIsNotAbsurd(String advance) {
    assertNotRefusedFor(ObjectiveLinter.UNREALISTIC, advance);
  }

  @Test
  void anAbsurdCloseSaysWhatMakesItAbsurd() {
    List<LintFinding> found =
        findings(
            "Guest calling for late check-out moves his whole company to our group", MEASURE, TIME);
    LintFinding unrealistic =
        found.stream()
            .filter(f -> f.rule().equals(ObjectiveLinter.UNREALISTIC))
            .findFirst()
            .orElseThrow(() -> new AssertionError(found));
    assertTrue(unrealistic.message().contains("whole company"), unrealistic::message);
  }

  @Test
  void powerOnBoardIsAboardButGettingSomeoneOnBoardIsTooGeneral() {
    assertNotRefusedFor(
        ObjectiveLinter.TOO_GENERAL,
        "Customer lists how many reefer units need power on board per sailing");
    assertRefusedFor(
        ObjectiveLinter.TOO_GENERAL, "Customer gets the wife on board with the switch");
    assertRefusedFor(ObjectiveLinter.TOO_GENERAL, "Customer is fully on board");
    assertRefusedFor(ObjectiveLinter.TOO_GENERAL, "Customer needs her husband on board");
    assertRefusedFor(
        ObjectiveLinter.TOO_GENERAL, "Customer gets the partners who own the firm on board");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Property manager commits to a way forward on the service agreement",
        "Caller commits to a plan for the scaffold",
        "Purchasing department accepts the action plan for the order",
        "After the tour the prospect agrees action items with us",
        "Customer agrees on a plan",
        "Customer commits to an action plan",
      })
  void aPlanOrAWayForwardWithNothingNamedIsTooGeneral(String advance) {
    assertRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Client makes the first payment of 50 euros by card and agrees the plan of 50 euros every"
            + " month on the 5th",
        "Champion returns the mutual action plan with dates for security review and legal filled"
            + " in",
        "Caller accepts the Plan N copay structure",
      })
  void aPlanWithItsContentNamedIsNotTooGeneral(String advance) {
    assertNotRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dès que possible",
        "rapidement",
        "snarast",
        "inom kort",
        "zo snel mogelijk",
        "lo antes posible",
        "by and by",
        "so schnell wie möglich",
        "il prima possibile",
      })
  void soonInAnotherLanguageIsNoDeadline(String timeFrame) {
    assertEquals(
        List.of(ObjectiveLinter.NOT_TIME_BOUND),
        errors("The customer books a demo for Thursday at 10am", MEASURE, timeFrame));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Conseiller tries to send the final invoice and the payment link | Tries",
        "Customer agrees to next steps to get enrolled | Steps",
        "Parent talks about how they feel about the cost of treatment | how they",
      })
  void aRewriteNeverStartsWithAMisreadWord(String advance, String misread) {
    for (LintFinding f : findings(advance, MEASURE, TIME)) {
      String suggestion = f.suggestion() == null ? "" : f.suggestion();
      assertFalse(
          suggestion.startsWith("'" + misread) || suggestion.contains(misread + " books"),
          () -> f.rule() + ": " + suggestion);
    }
  }
}
