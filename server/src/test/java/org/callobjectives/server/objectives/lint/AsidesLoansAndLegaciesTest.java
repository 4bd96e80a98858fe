package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.TIME;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertMeasureRefused;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertUnrealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the eighteenth round: an aside after the subject, a customer named from our list, "pt"
 * and "Cand." as shorthand, consent to be mailed, a hedge in front of the step, someone's view
 * given as a value, a loan funded and a legacy pledged as late steps, beside their look-alikes.
 */
class AsidesLoansAndLegaciesTest {
  @TempDir Path dir;

  private static final String BOOKED = "The customer books a demo for Thursday at 10am";

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Past-quote homeowner (2023 estimate, never started) books a fresh in-home measure date",
        "The customer (or their PA) books the 30-minute review for next Tuesday",
        "Lapsed owner from our 2018 sales list books a sea trial for Saturday",
        "After the consult, pt books the smile design review and brings the spouse along",
        "Cand. locks Thu time for 2nd call, spouse on it too",
        "Three sample source files are sent from the client to our project mailbox by Friday",
        "Bene tells which 3 extra benefits matter most and her max monthly premium",
        "Client chooses for each content type if they want full TEP or MT and sends the list back",
      })
  void theCustomerActsPastAnAsideOurListOrShorthand(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, TIME), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Candidate gives permission to be emailed the brand overview",
        "The caller gives consent to be contacted by our partner",
        "Supporter consents to be sent the legacy guide",
        "The caller gives us permission to contact them about offers",
        "A member of our team calls the client back with the revised price",
        "Owner of our Leeds franchise calls the lead back tomorrow",
        "Client is getting from us the final proposal with volume discount",
        "The brochure is forwarded from the dealer to the prospect after the call",
        "Customer care adviser on our waitlist desk calls the patient to offer a slot",
        "Setter gives the homeowner a ballpark price for a 6.6 kW system",
        "The customer agrees to be called by the surveyor next week",
      })
  void consentToBeMailedOrAStepOfOursIsNoAdvance(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), () -> advance + " -> " + found);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      true  | Culture fit: Strong (recruiter's view)
      true  | Lead record shows Budget realistic: Yes (scheduler's assessment)
      true  | Commitment confidence: 90% in the call notes
      true  | Candidate marked as Hot
      false | Budget of £20k given (customer's own estimate)
      false | Pain points listed (candidate's view) in the notes
      false | Deposit receipt saved (finance team's reference INV-204)
      false | Budget of £40k noted (practice manager's view)
      false | Candidate logged as hot-works certified
      true  | Applicant status set to Hot in the admissions CRM
      true  | Interest confirmed (per the recruiter)
      false | Enquirer tagged hot tub as a must-have in the notes
      false | Parent ticked hot dinners for Mon-Fri on the form
      """)
  void someonesViewGivenAsAValueIsNotMeasurable(boolean refused, String measure) {
    assertMeasureRefused(refused, measure);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "With a fair wind, the owner e-signs the exit agreement before we finish talking",
        "All being well, the FM gets a purchase order raised for the first quarter's visits",
        "If it is possible, client make the PO for the first project of 40,000 words",
        "Owner will endeavour to send five years of fee statements after the case review",
        "If everything go fine, client sign the MSA and send it back",
        "Should all go well, the patient books the implant consult for Tuesday",
        "In an ideal world, the buyer signs the order form today",
        "Prospect confirms if possible the number of licences they need",
        "Customer decides if possible on the door colour and pays the deposit",
        "Traveller chooses a departure date and books if they can",
        "Prospect, with any luck, books the demo for Tuesday",
        "The owner sends the floor plans by Friday, time permitting.",
      })
  void aConditionOrAnEndeavourInOtherWordsIsAHedge(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.HEDGED), () -> advance + " -> " + found);
  }

  @ParameterizedTest
  @ValueSource(strings = {"in due time", "in due course", "at their leisure", "before long"})
  void inDueTimeIsNoDeadline(String timeFrame) {
    assertEquals(List.of(ObjectiveLinter.NOT_TIME_BOUND), errors(BOOKED, MEASURE, timeFrame));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery            | Buyer gets his marine loan funded and sends us the lender's funding confirmation
      first-contact        | Caller gets the patient-finance loan for the $24k plan approved and e-signs it
      outbound-prospecting | Regular giver, called cold, pledges a named 25% residuary share and signs the pledge form
      first-contact        | Enquirer confirms in writing a 10% residuary gift to us in their new Will
      first-contact        | Buyer secures unconditional mortgage approval for the Elm Road house
      discovery            | Supporter commits to a £5,000 legacy gift and signs the pledge card
      discovery            | Supporter names us as a beneficiary in the will they are signing this week
      none                 | First-time caller pays in full for a pair of hearing aids on this call
      outbound-prospecting | Lead from Facebook form enrolls in the $0 premium HMO on the first dial
      first-contact        | New caller completes and signs the enrollment app for a 2025 MA plan
      outbound-prospecting | Cold lead from purchased data pays Rs 50,000 first instalment for the Full Stack program
      discovery            | Supporter pledges to leave us a gift in her will
      """)
  void aLoanFundedOrALegacyPledgedComesLate(String stage, String advance) throws Exception {
    assertUnrealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery | Buyer gets his boat loan pre-approved online and sends us the pre-approval letter
      discovery | Buyer gets the finance approved in principle and forwards the decision email
      discovery | Supporter confirms they have already left a residuary gift to another charity
      discovery | Supporter tells us whether a residuary gift is something they would consider
      discovery | Buyer gets his boat loan pre approved and sends us the letter
      discovery | Buyer gets the car finance approved in-principle and forwards the email
      discovery | Buyer gets her finance manager to read out the approved budget
      discovery | Supporter commits to a visit date to discuss a residuary gift
      discovery | Supporter commits to a legacy conversation with our officer next week
      discovery | Supporter commits to a legacy planning session with us on 14 May
      discovery | Buyer gets his boat loan provisionally approved and sends the email
      discovery | Buyer gets the loan paperwork and the spec sheet approved by his partner
      """)
  void aPreApprovalOrALegacyAskedAboutIsRealistic(String stage, String advance) throws Exception {
    assertRealisticOn(dir, stage, advance);
  }
}
