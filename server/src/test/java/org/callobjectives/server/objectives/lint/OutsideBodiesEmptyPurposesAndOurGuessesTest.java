package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertMeasureRefused;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertNotRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertUnrealisticOn;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the twenty-first round: an outside body's approval not phrased with "gets", ours already
 * running at the customer's, a call whose purpose names nothing, our guess written into a field,
 * and "get the netmaker to approve" as the customer's step, beside their look-alikes.
 */
class OutsideBodiesEmptyPurposesAndOurGuessesTest {
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
      demo           | Customer's council approves the planning application
      discovery      | Patient's Medicare approves the power wheelchair
      demo           | Customer has the permit approved by the city
      discovery      | Customer gets the green light from the council for the extension
      discovery      | Care home gets the local authority to fund the placement
      discovery      | Homeowner gets listed building consent from the council for our sash windows
      first-contact  | Shop owner obtains the alcohol licence from the council to stock our wines
      first-contact  | Caller gets the county environmental health office to sign off on the repair permit
      discovery      | The new center's lane layout gets approved by the Douglas County building department
      discovery      | The body corporate committee approves mounting the dish on the shared roof
      discovery      | The plant manager has his second-shift operators running our propane forklifts
      discovery      | The station manager starts running the yard cameras over our satellite link
      outbound-prospecting | The DC manager has our trucks replace his current provider's units on the dock
      outbound-prospecting | The Cork practice starts referring their over-40 patients to us
      first-contact  | The caller gets two forklifts delivered and working on his floor
      first-contact  | The next of kin meets our fixer at the grave and signs off the newly fixed headstone
      demo           | Area manager has back-to-base monitoring live on all 5 stores
      first-contact  | The agency's riad offer goes live on their website with our rates
      demo           | The studio's recital tickets go on sale through our ticketing module
      first-contact  | On this first call the caller has the whole system replaced and passes the county final inspection
      discovery      | Prospect tees off Saturday morning as a full member with their own locker
      """)
  void anOutsideApprovalOrOursAlreadyRunningComesLate(String stage, String advance)
      throws Exception {
    assertUnrealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery      | Customer tells us whether the council approves the plans
      discovery      | Customer asks their insurer to approve our survey visit and books it
      discovery      | Prospect tells us his budget range and whether his business partner co-signs the lease
      outbound-prospecting | The club president gives us the contacts of 2 other clubs that organise trips to Los Algodones
      discovery      | Customer books a call for when the council approves the plans
      discovery      | Customer starts using our savings calculator on the call and reads us the result
      """)
  void askingAboutAnApprovalOrATripOthersRunIsRealistic(String stage, String advance)
      throws Exception {
    assertRealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Office manager agrees to hop on another call Tuesday to keep things rolling",
        "Caller agrees to another call on Friday to go through things",
        "The couple agrees to a further chat on the 12th to see how they feel about things",
        "Landlord agrees to a catch-up call next Tuesday to keep the conversation about the unit going",
        "Customer agrees to a follow-up chat on Friday",
        "Customer agrees to a status call next Tuesday",
        "Caller agrees to a longer discovery chat on Thursday to explore their vending situation",
      })
  void aCallWhosePurposeNamesNothingIsTooGeneral(String advance) {
    assertRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The practice manager brings the senior partner onto a call next Thursday to go through the proposal",
        "Buyer goes over the three payment options with his spouse and calls back with their pick by Friday",
        "Owner books a 20-minute phone catch-up with our broker on Monday to go over the gear he is looking at",
        "Client books a call with the CFO on 3 June to agree the budget figure",
      })
  void aCallForSomethingNamedIsNotTooGeneral(String advance) {
    assertNotRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      true  | Agent sets the 'Cosigner commitment' field to High based on how serious she sounded
      true  | Broker's feeling of the farmer's seriousness (1-5) loaded in CRM
      true  | Trader marks the deal 'likely' in the pipeline by his feeling
      true  | Account lead's read on her tone ('warm, near yes') entered in deal notes
      true  | 'Trouble level' that sales decides (1-5) input in SFA
      true  | Rep-estimated NPS (our guess, 0-10) logged
      true  | Manager comes across as serious about switching to us
      true  | Secretary writes 'parent very enthusiast' in the note field
      true  | Operator sets sentiment 'satisfied' in the CRM
      true  | Family health score we assign goes to 'A'
      true  | Events rep logs client confidence as 'high'
      true  | Sales rep gives the prospect a 1-5 fit score in Salesforce
      true  | Account health score (set by the account manager) stays green
      false | Fit score from the lead-scoring tool logged in Salesforce
      false | Confidence rating of 8 given by the customer in the survey
      false | Health score set by the customer in the onboarding form
      """)
  void ourGuessWrittenIntoAFieldIsNotMeasurable(boolean refused, String measure) {
    assertMeasureRefused(refused, measure);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Get the netmaker at the fishing company to approve our drawing of the trawl by 15 March",
        "Get Supt to release the PO for the vessel's fresh provisions by noon tomorrow",
        "Get the acopio to fix price on 300 tn before 5pm today",
        "The organist fills in our tuning-fault sheet for last month and emails it back by Tuesday",
        "The deposit of 25% for the reserved seed is transferred by the farm by 10 August",
      })
  void theCustomerSideActingIsAnAdvance(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Our team sets up mats and a coach for the demo at their HQ on the 14th",
        "Our installer fits the sample panel at their office on Friday",
      })
  void ourPeopleAsSubjectAreNoAdvance(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }
}
