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
 * Found in the twentieth round: a purchase completed or its final payment on a proposal queue,
 * another party's approval, our staff started or everything moved onto ours, our own read of the
 * call written as a value, something got from us, and meetings named by a content-free word, beside
 * their look-alikes.
 */
class ApprovalsCompletionsAndOurReadTest {
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
      proposal       | Buyers complete on the purchase, with funds released by the lender to their solicitor
      proposal       | Client completes the remortgage and the new lender's funds redeem the old mortgage
      proposal       | Client draws down the new loan and pays out the tax debt
      proposal       | While reviewing the scope, the homeowner signs the certificate of completion and pays the final balance
      first-contact  | The caller gets pre-approval from their insurer for the orthodontic cover
      discovery      | The homeowner gets the grid connection pre-approval from Energex for a 10kW system
      first-contact  | Client gets the IVA proposal approved at the creditors meeting
      demo           | The GC's project manager gets the City of Columbus building permit approved for the re-roof
      discovery      | Family gets Veterans Affairs approval for 20 hrs/week of personal care through us
      demo           | Merchant gets his bank branch to approve the settlement account link
      first-contact  | The SACCO manager obtains the central bank no-objection letter for the Paybill
      first-contact  | Family lets our PSW start 4-hour morning visits on Monday
      demo           | Hotel F&B manager puts all waiters on our Till instead of cash at the tables
      outbound-prospecting | Firm's HR enrols its staff in our eldercare benefit from next pay
      proposal       | The patient's crown is fitted and the balance is settled
      demo           | Customer's IT goes live with the EDI link to our TMS for booking messages
      proposal       | The homeowner has the system up and running and exporting to the grid
      discovery      | Customer gets the health board's approval of the care package
      discovery      | Customer gets building regs sign-off from the inspector
      demo           | Customer closes on the condo
      proposal       | Customer pays off the remaining balance once the roof is done
      proposal       | Customer settles the last invoice for the fit-out
      demo           | Customer starts routing all inbound calls through our contact centre
      demo           | Customer launches their store on our platform
      first-contact  | The householder has a full tank of our kerosene and the heating back on by Friday
      discovery      | All 14 distribution centres do their weekly shift planning in our platform
      first-contact  | On the very first call, the caller is covered with us and drives home tonight
      discovery      | Buyer completes on the townhouse purchase by 30 June
      proposal       | Customer settles their final bill once the extension is signed off
      discovery      | Customer gets the local authority's sign-off on the care package
      first-contact  | The Global Mobility Manager confirms we are now their exclusive mover for every transfer
      first-contact  | The store keeper receives our first 5 IBCs of acid and issues the GRN
      discovery      | Practice processes all card payments through our terminal from Monday
      """)
  void aCompletionAnApprovalOrOurServiceStartedComesLate(String stage, String advance)
      throws Exception {
    assertUnrealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery | Tenant gets our survey visit approved by the housing authority for Tuesday 10am
      discovery | Ward manager gets approval from the NHS trust's IG team to share referral data with us
      demo      | IT manager at the council gets approval from the council's CIO for a 30-day trial of our software
      demo      | Claims manager gets the insurer's approval to send us last year's claims data
      discovery | Customer photographs the cupboard their meter is installed in and sends it
      discovery | Customer gets their VPN up and running so our engineer can dial in
      demo      | Customer's loaned scanner is up and running on line 2 and they scan 50 parcels
      discovery | Customer is now using the calculator on our website to size the system
      discovery | Customer starts using our ROI calculator for all five sites on the call
      demo      | Customer goes live on our UAT environment with five dummy orders
      discovery | Customer lets our team start a walk-through of their warehouse for the quote on Monday
      demo      | Customer puts all five store managers through our online product tour on Thursday
      discovery | Customer completes their loan pre-qualification on our portal during the call
      discovery | Farmer completes the purchase-ledger summary for last year and emails it
      demo      | Customer settles on their preferred property from our three shortlisted homes
      proposal  | Customer pays the remaining balance of the deposit today to lock in the price
      proposal  | Customer pays the final invoice for the discovery phase so the build proposal can be signed
      discovery | Customer submits 3 months POS transaction history and a reference letter
      """)
  void anApprovalOfOurVisitTheirOwnKitOrPaperworkIsRealistic(String stage, String advance)
      throws Exception {
    assertRealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      proposal  | The customer accepts the proposal and pays the final invoice during the call
      proposal  | The homeowner completes the mortgage application form with us
      discovery | Buyer gets his boat loan pre-approved online and sends us the letter
      discovery | Buyer gets the finance approved in principle and forwards the decision email
      discovery | The IT lead gets approval from her manager to join the demo next week
      discovery | The office manager gets sign-off from their CFO to attend the workshop on Friday
      discovery | The homeowner gets approval from the lender for the green loan amount
      discovery | Buyer gets the kitchen plan approved by his wife and sends it over
      discovery | The practice manager lets our engineer start a free site survey on Monday
      discovery | The ops lead moves all the trial data into our sandbox for the pilot
      discovery | The patient tells us when their existing crown was fitted
      demo      | Prospect gets approval from the CFO for the pilot
      discovery | Customer gets internal approval for the site survey next week
      discovery | Buyer gets their bank to issue a proof of funds letter
      discovery | Customer obtains their software licence count from IT and shares it
      discovery | Customer obtains a copy of the building permit and emails it
      proposal  | Customer completes the sale agreement by e-signing it
      demo      | Client completes the loan eligibility quiz on screen
      discovery | Client completes the mortgage broker's fact-find with our adviser
      proposal  | Customer pays the final bill to their old supplier so the switch to our tariff can go ahead
      discovery | Fleet manager puts all 30 drivers through our online driving risk assessment
      discovery | Customer has our technicians start a diagnostic on the chiller
      discovery | Customer lets our installer start measuring the windows at 10am Thursday
      demo      | Customer lets our engineer start the proof of concept install on Monday
      demo      | IT lead gets the sandbox connector up and running
      demo      | Customer goes live with the new booking widget for the two-week pilot
      discovery | Customer checks their hearing aids are fitted with the telecoil
      discovery | Customer confirms the property's windows are fitted with trickle vents
      proposal  | Homeowner chooses option B in the proposal and the customer's panels are installed in July
      """)
  void aStepBeforeTheCloseOrTheirOwnPeoplesSayIsRealistic(String stage, String advance)
      throws Exception {
    assertRealisticOn(dir, stage, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      true  | Appetite field (Low/Med/High) filled in from my read of the conversation
      true  | Call disposition set to 'Warm' based on how the chat went
      true  | Customer satisfaction is high, as per agent note
      true  | Caller rates alum's affinity 1-5 in the call notes
      true  | Caller estimates giving capacity (High/Med/Low) from job title
      true  | SDR gives the demo an engagement score of 4/5
      true  | SDR feels pain is strong enough to pass as SQL
      true  | Agent set 'Willingness to Pay' = High in account notes
      true  | AE ticks 'Confident of go-live' in CRM
      true  | Buy-in noted by caller
      true  | Health score set to green if the vibe on the call is positive
      true  | Likelihood-to-buy field set to 'high' by the adviser
      false | Engagement score in the CRM rises above 60
      false | Rep estimates the delivery date and enters it on the order
      false | Customer rates the demo 9 out of 10 in the survey
      false | Readiness score from our assessment tool saved in HubSpot
      false | kWh based on our reading of the meter photo
      false | Affinity score computed by DonorSearch
      false | Willingness to pay amount in £ recorded in CRM
      false | Survey answer 'Confident' stored in Typeform
      false | Order for 3 Vibe boards in the CRM
      false | Buy-in recorded in the signed board minutes
      false | Agent estimates the floor area from the plan
      false | Caller estimates annual mileage, figure saved on the quote
      false | Recruiter scores the test against the answer key, score saved in Greenhouse
      true  | Our take on the call logged in CRM
      true  | Rapport level recorded by the agent
      true  | Rep's verdict on the demo logged
      true  | Fit rated as strong
      false | Order for the Vibe board logged in Salesforce
      false | Customer's willingness to pay per seat, in the quote sheet
      false | Agent rates the vehicle in the pricing engine
      false | Fit scored as 78 by the matching engine
      true  | Notes updated after call
      true  | File updated
      """)
  void ourReadOfTheCallIsNotMeasurable(boolean refused, String measure) {
    assertMeasureRefused(refused, measure);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The design engineer gets the new catalogue PDF from us by mail",
        "Client gets a free pest audit from our tech",
        "The client gets a personalised demo of our e-learning platform",
        "Patient receives a call back from our specialist to go over the audiogram",
        "Broker gets a follow-up call from our BDM",
        "The client lets us walk them through the talent pool dashboard",
        "The buyer gives us 20 minutes so that we can explain our recycling concept",
      })
  void somethingGotFromUsIsNoAdvance(String advance) {
    assertRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The CFO gets the signed order form back to us from their legal team",
        "Analyst gets the data from our API and loads it into their BI tool",
        "Updated job spec with must-haves gets sent over by the HM",
        "IT lead gets a demo account set up for five users",
        "Customer gets a visit from our surveyor booked for Tuesday 10am with the landlord present",
        "Customer gets their CFO a demo of our forecasting module on 3 June",
        "Customer receives the access code from our team and logs in ten users during the call",
        "Customer lets us present to their board on 14 May",
        "Customer gets the final version of the contract from us and signs it on the call",
        "Customer gets a sample of our new blend from our rep and brews it for the team today",
        "The clinic manager gets the signed data-sharing form from us countersigned by their DPO",
      })
  void theirStepBesideSomethingReceivedStaysAnAdvance(String advance) {
    assertNotRefusedFor(ObjectiveLinter.NOT_AN_ADVANCE, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Former customer looks into coming back to us",
        "Client's delivery head syncs with stakeholders internally on the transition plan",
        "Couple joins the Catch-up Call with our team",
        "Client team and our team have Connect Session #2 at their office",
        "Office manager moves ahead with our network program",
        "Shop owner looks at other ways we can work together on gases",
        "Customer agrees to regroup next week",
      })
  void lookingIntoOrAContentFreeMeetingIsTooGeneral(String advance) {
    assertRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Customer looks into the camera to complete the selfie ID check",
        "Customer books a spinal alignment session for Monday at 9am",
        "Customer agrees the router will stay connected for the 48-hour line test",
        "Customer agrees to keep both cars across one multi-car policy today",
        "Customer enables catchup TV on their set-top box during the call",
        "Customer regroups their five warehouses into two zones in our demo workspace",
      })
  void aCameraAnAlignmentOrAConnectionNamedIsNotTooGeneral(String advance) {
    assertNotRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }
}
