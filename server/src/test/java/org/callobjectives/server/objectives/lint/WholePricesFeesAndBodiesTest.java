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
 * Found in the sixteenth round: the whole price paid now whatever the amount, a fee or deposit for
 * the sale itself, notice served on the current supplier, the service starting on a date, the
 * customer making way for our crew, a payment asked on a proposal before its acceptance; a passive
 * whose "by" names a body of the customer's; legal and idiomatic wording.
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
      first-contact        | New caller pays the full 4,800 for two implants before any consultation
      first-contact        | Borrower settles the full outstanding balance on the first call
      demo                 | Customer puts the full 24 months on card today
      first-contact        | Parent pays upfront for 38 weekly lessons for the whole academic year
      outbound-prospecting | Lapsed customer rejoins on the 3-year plan and pays all 3 years by card
      discovery            | Seller pays 12 months of the Pro subscription upfront during our call
      discovery            | The student pays the SEVIS I-901 fee online
      outbound-prospecting | Couple to pay the £500 damage deposit for the venue
      discovery            | The shipper pays the advance freight for 20 containers
      discovery            | Managing agent serves notice on their current lift firm
      outbound-prospecting | The customer gives written termination to his current forwarder
      first-contact        | Office mgr moves daily lab pickups to us starting Monday
      discovery            | HR manager moves the staff cover to our panel insurer effective 1 August
      first-contact        | CTO okays our Java contractor to start Monday at $95/hr
      first-contact        | Plant manager schedules a 3-day roof access shutdown for our install crew
      first-contact        | The building manager issues twelve access fobs for our cleaning staff
      discovery            | The practice manager books reception and security for our team's first shift
      """)
  void theWholePriceAFeeOrNoticeToTheCurrentSupplierIsLateForAnEarlyStage(
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
      discovery     | Owner digs out the renewal notice from her current insurer and emails a copy
      commitment    | The caller pays the remaining balance of $412 in full
      commitment    | Customer pays the 30% deposit by card so we can order the unit
      proposal      | Customer signs the order form for the 40 seats during the call
      demo          | The shipping manager agrees a two-week trial on the lane starting Monday
      discovery     | Farmer books the risk survey with our manager for a date before calving starts on 20 July
      outbound-prospecting | Homeowner gives our crew the OK to do a 15-minute yard check on Saturday
      first-contact | Homeowner books a slot for our crew to measure up the windows next week
      """)
  void aSmallFeeARefundableDepositOrAStepAtItsStageIsRealistic(String stage, String advance)
      throws Exception {
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
        "The first instalment of the premium is paid by the estate office by bank transfer",
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
      })
  void aPassiveDoneByOurSupportTeamOrBackOfficeIsOurs(String advance) {
    assertTrue(
        errors(advance, MEASURE, TIME).contains(ObjectiveLinter.NOT_AN_ADVANCE),
        () -> advance + " -> " + errors(advance, MEASURE, TIME));
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
        "The cooperative chairman carries the solar pump matter forward with his members",
      })
  void leaningOrKeyingIntoOurVisionNamesNoOutcome(String advance) {
    assertTrue(
        errors(advance, MEASURE, TIME).contains(ObjectiveLinter.TOO_GENERAL),
        () -> advance + " -> " + errors(advance, MEASURE, TIME));
  }
}
