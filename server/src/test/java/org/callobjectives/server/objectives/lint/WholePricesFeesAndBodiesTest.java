package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.TIME;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertUnrealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.findingsOnStage;
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
 * Found in the sixteenth round: the whole price paid now, notice served on the current supplier,
 * our service starting on a date, a payment asked on a proposal without its acceptance; a passive
 * whose "by" names a body of the customer's; legal and idiomatic wording. The realistic cases
 * include two outside reviews' false alarms (collections, small deposits, trials, webinars, our
 * crew quoting, an acceptance in other words).
 */
class WholePricesFeesAndBodiesTest {
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
      demo                 | Customer puts the full 24 months on card today
      first-contact        | Parent pays upfront for 38 weekly lessons for the whole academic year
      outbound-prospecting | Lapsed customer rejoins on the 3-year plan and pays all 3 years by card
      discovery            | Seller pays 12 months of the Pro subscription upfront during our call
      discovery            | Managing agent serves notice on their current lift firm
      outbound-prospecting | The customer gives written termination to his current forwarder
      first-contact        | Office mgr moves daily lab pickups to us starting Monday
      discovery            | HR manager moves the staff cover to our panel insurer effective 1 August
      first-contact        | Customer transfers all 85 staff to our panel insurer effective 1 August
      first-contact        | Customer pays the full £3,400 for the new boiler by card
      """)
  void theWholePriceNoticeToTheCurrentSupplierOrOurServiceStartingIsLateForAnEarlyStage(
      String stage, String advance) throws Exception {
    assertUnrealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      first-contact | Caller books an implant consultation and pays the £50 consultation fee
      first-contact | Customer books a gutter clean for Wednesday and pays the 40 call-out fee
      first-contact | Customer pays a refundable holding deposit to keep the Saturday slot
      first-contact | Customer pays INR 100,000 towards the course fee today
      first-contact | Applicant creates a portal account and pays the £25 application fee
      first-contact | Client pays the $200 deposit to hold the photography date
      first-contact | Customer books a table for Saturday and pays in advance
      first-contact | Customer pays the late payment fee by card during the call
      first-contact | Debtor agrees a payment plan and pays the full arrears of £85 by card
      first-contact | Customer pays the full overdue invoice of $240 by card
      first-contact | Caller pays the full remaining balance of $412 by card
      first-contact | Homeowner pays upfront for the survey
      demo          | Customer pays the full cost of the trial by card
      discovery     | Owner digs out the renewal notice from her current insurer and emails a copy
      commitment    | The caller pays the remaining balance of $412 in full
      commitment    | Customer pays the 30% deposit by card so we can order the unit
      proposal      | Customer signs the order form for the 40 seats during the call
      proposal      | Customer accepts the quote and pays the full $1,200 by card
      proposal      | Customer signs the contract and pays the full $14,900 today
      demo          | The shipping manager agrees a two-week trial on the lane starting Monday
      demo          | Customer agrees a 2-week pilot of our route planner with five drivers, starting Monday
      discovery     | Farmer books the risk survey with our manager for a date before calving starts on 20 July
      discovery     | Customer confirms the discovery workshop starting on the 14th
      first-contact | Customer confirms attendance at the webinar starting Thursday
      first-contact | Parent books a visit to the nursery ahead of the term starting 5 September
      first-contact | Prospect says their busy season starts next month and books a discovery call
      outbound-prospecting | Homeowner gives our crew the OK to do a 15-minute yard check on Saturday
      first-contact | Homeowner books a slot for our crew to measure up the windows next week
      first-contact | Homeowner books a time for our crew to come round and give a price
      first-contact | Customer pays the full amount owed of £320 by card
      first-contact | Customer pays the full amount due on the account by card
      first-contact | Tenant pays the full month's rent of £700 by card to clear the arrears
      first-contact | Customer pays 6 months of the payment plan in advance by card
      first-contact | Customer transfers the full amount into the new savings account today
      first-contact | Caller pays for the full 2025 season pass by card
      first-contact | Subscriber pays for all 12 months of the magazine subscription by card
      first-contact | Parent pays the full £30 for the taster session by card
      first-contact | Customer pays the full $49 for the trial month by card
      demo          | Customer moves 20 users onto our platform starting Monday for a 30-day trial
      demo          | Customer sends a week of call recordings to our analysts starting Monday
      discovery     | Customer books our surveyor to start on Monday
      discovery     | Customer grants their IT lead access to our portal starting Monday
      discovery     | Customer sends a notice to their current insurer asking for the claims history
      proposal      | Customer confirms the order and pays the full £4,800 by card
      proposal      | Customer goes ahead with the quote and pays the full £3,000 by card
      proposal      | Customer says yes to the quote and pays the whole price by bank transfer today
      proposal      | Customer accepts and pays the full £3,000 by card
      proposal      | Customer renews for another year and pays the full £900 premium by card
      proposal      | Customer takes out the policy and pays the first month's premium by card
      """)
  void aFeeADebtATrialOrAStepAtItsStageIsRealistic(String stage, String advance) throws Exception {
    assertRealisticOn(dir, stage, advance);
  }

  @Test
  void aPaymentOfTheWholeOnAProposalComesAfterItsAcceptance() throws Exception {
    var found =
        findingsOnStage(
            dir,
            "proposal",
            "Customer reviews the proposal and pays the full $14,900 today",
            MEASURE);
    var unrealistic =
        found.stream().filter(f -> f.rule().equals(ObjectiveLinter.UNREALISTIC)).toList();
    assertEquals(1, unrealistic.size(), found.toString());
    assertTrue(
        unrealistic.get(0).message().contains("after the customer accepts the proposal"),
        unrealistic.get(0).message());
    assertTrue(
        unrealistic.get(0).suggestion().contains("accepts the proposal and signs"),
        unrealistic.get(0).suggestion());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The first instalment of the premium is paid by the parish council by bank transfer",
        "The latest inspection report for St Mary's is sent over by the churchwarden",
        "The signed heads of terms are returned by the parish council",
      })
  void aPassiveDoneByABodyOfTheCustomersIsTheirStep(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, TIME), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A callback is arranged by the support team for tomorrow morning",
        "A till number is allocated by the back office",
        "The written quote is given by the office before Friday",
        "The welcome pack is sent over by the lettings office",
      })
  void aPassiveDoneByOurSupportTeamOrBackOfficeIsOurs(String advance) {
    assertRefusedAs(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @Test
  void interestedPartiesAreALegalTermNotAFeeling() {
    String advance =
        "The owner's solicitor sends the names of the mortgagees to note on the policy";
    assertEquals(
        List.of(),
        errors(advance, "Interested parties listed on the draft schedule; email filed", TIME));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The payroll team leans into our value narrative across the 3 regional hubs",
        "The commercial farm MD keys into our solar irrigation vision for his 200 hectares",
      })
  void leaningOrKeyingIntoOurVisionNamesNoOutcome(String advance) {
    assertRefusedAs(ObjectiveLinter.TOO_GENERAL, advance);
  }

  private static void assertRefusedAs(String rule, String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(rule), () -> advance + " -> " + found);
  }
}
