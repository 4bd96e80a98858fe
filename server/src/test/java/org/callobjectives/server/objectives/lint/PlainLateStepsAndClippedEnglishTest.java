package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.TIME;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertNotAnAdvance;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.onStage;
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
 * Wording found in the seventh round of labelled objectives (dev parts zj to zm): late steps in
 * plain words (money in European format, a year's stock, handing over the keys, a board "of" a
 * body), clipped or non-native English ("Shipper email details"), contact details confirmed, and
 * corporate phrases that name no concrete outcome.
 */
class PlainLateStepsAndClippedEnglishTest {
  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
    ObjectiveLinterTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Shipper email details of one recent shipment so we can do a comparison quote",
        "Head RVN to email over their current worming protocol sheet for puppies & kittens",
        "Alum and spouse RSVP for the Dean's hard-hat tour of the new lab on October 17",
        "Client confirm us the final number of pax and two options of dates for the trip",
        "Mum gets the GP to complete the boarding medical form and emails it to the school",
        "Mrs. Henderson picks a callback date and says which of them will be on the call",
        "Mr and Mrs Byrne hand the completed application form in at reception",
        "Accounts payable pays invoice INV-7731 by card over the phone",
        "The family's financial adviser sends the Bursar the proposed payment schedule",
        "Mbr conferences in her husband so he gives his SSN and DOB for the application",
        "Customer gives the number of bedrooms and lists any items over 150 kg like a piano",
        "Customer chooses one of the three slab samples and lets us know colour and finish",
        "Mom's trust officer at the bank completes and returns the financial qualification form",
        "Customer works out the gap between their closing dates and tells us the nights of storage",
        "Applicants choose a product and give consent for a decision in principle",
        "Mrs Okafor books two places at the 22 May legacy tea afternoon for herself and her husband",
        "Drilling superintendent emails us the rig move schedule for the next 3 wells",
        "Union site delegate gets us a 10 minute slot at next month's stop-work meeting",
        "Contract-holder signs and returns the repayment agreement via the portal",
        "Pt sends 2 pics via WhatsApp and picks a 10-min call back slot this week",
        "Steerco chair emails confirmation that we're preferred vendor",
        "While we're on the phone the client downloads the app and starts the ID check",
        "Champion sends last quarter's interval data: inbound volume, AHT and abandon rate",
        "Champion gets the VP of Customer Experience to accept the tailored demo on the 18th",
        "Ops manager tells us who owns the platform decision and forwards our note to them",
        "Customer decides the PoC start date and the person in charge of it on their side",
        "Marketing to send photos of last year's stand and name the 3 things that did not work",
        "Switchboard gives us the name and direct email of whoever looks after IT disposals",
        "Channel partner tells us which awareness training vendors they sell now",
        "Publican reviews our trial price sheet with his business partner and rings back with a"
            + " yes or no and any counter-offer on the EUR 165 keg price",
        "Head of Engineering signs our master services agreement and a 12-month SOW for four Java"
            + " developers",
        "Client tells us what has changed since last renewal: any new regular drivers, security"
            + " upgrades at home and business equipment kept at the house",
        "Cardholder tells us about any personal or salary loan they currently pay, with the lender,"
            + " remaining balance and monthly amortization",
        "Customer confirms the delivery address and books the installation slot",
        "Customer confirms the delivery address and will sign and return the hire agreement"
      })
  void aBareVerbAfterTheCustomerIsTheCustomersStep(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, TIME), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Owner confirms trading name, address and best contact number for the application",
        "Practice manager confirms the clinic's postal address, GST number and contact email"
      })
  void confirmingContactDetailsIsNoAdvance(String advance) {
    assertNotAnAdvance(advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "IR associate explains the risk-rating methodology and the fee structure",
        "Receptionist walks the patient through the implant treatment plan and costs",
        "Daughter agrees to us posting a brochure and price list to her mum's address",
        "Finance director gets comfortable with the per-seat pricing model",
        "Prospect gains comfort with our low-cost approach to portfolio construction",
        "The shop owner lets us know the spring catalogue has turned up",
        "Our member concierge will guide the member step by step through the provider finder",
        "Member gives consent for us to send SMS with the plan comparison link",
        "Merchant allows us to share the tariff sheet via WhatsApp",
        "Office manager okays us emailing the one-pager",
        "Borrower verifies mailing address and email on file",
        "Client gets our quotation for the nitrogen bulk by mail",
        "Purchasing coordinator accepts our TCO argument versus the competitor",
        "Merchant accepts that our tariff is better than the competitor's",
        "Prospect agrees we send them the TCO model",
        "Mother agrees that we will send her the brochure and fee sheet on WhatsApp",
        "Keep HO engaged and moving forward on the replacement",
        "Client accepts to receive our Provence villas brochure by post"
      })
  void ourStaffExplainingOrTheCustomerOnlyFeelingOrAllowingIsNoAdvance(String advance) {
    assertNotAnAdvance(advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The plant engineer tells the current line speed and monthly film consumption in kg",
        "Finance lead explains why the last two invoices were paid late",
        "Both co-owners go through the rate proposal with the rep and name their decision date"
      })
  void someoneOfUnknownSideTellingUsAboutTheirOwnThingsIsTheirStep(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, TIME), advance);
  }

  @Test
  void mightBeHappyToIsAHedgeNotALightStep() {
    assertEquals(
        List.of(ObjectiveLinter.HEDGED),
        errors("Family might be happy to look over the draft care plan", MEASURE, TIME));
  }

  @Test
  void bothRecordedNamesWhatTheAdvanceNamed() {
    assertEquals(
        List.of(),
        errors("Investor states their target yield and horizon", "Both recorded in CRM", TIME));
  }

  @Test
  void anOrdinalInWordsIsADate() {
    assertEquals(
        List.of(),
        errors(
            "Client completes and returns the financial qualification form",
            MEASURE,
            "no later than the fifteenth"));
    assertEquals(
        List.of(), errors("Client sends the signed form", MEASURE, "by the first of next month"));
  }

  @Test
  void whenFreeIsNoTimeFrameButNoLaterThanIsADeadline() {
    assertEquals(
        List.of(ObjectiveLinter.NOT_TIME_BOUND),
        errors("Customer emails back which quoted rates they accept", MEASURE, "when free"));
    assertEquals(
        List.of(ObjectiveLinter.NOT_TIME_BOUND),
        errors("Their quality lead sends the last CMM reports", MEASURE, "when they find time"));
    assertEquals(
        List.of(ObjectiveLinter.NOT_TIME_BOUND),
        errors("Parents send the signed acceptance form", MEASURE, "over the next while"));
    assertEquals(
        List.of(ObjectiveLinter.NOT_TIME_BOUND),
        errors("Buyer sends the sales report by style and colour", MEASURE, "when she can"));
    assertEquals(
        List.of(),
        errors(
            "Customer pays the remaining balance by e-Transfer",
            MEASURE,
            "no later than 48 hrs before load day"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Homeowner accepts the conservatory brochure pack and takes our leaflet",
        "Client confirms the bank account the debit order runs from",
        "Student gets excited about the college",
        "Caller confirms her mailing address so the carrier can send the welcome kit and ID card",
        "Student confirms correct email id and alternate mobile number for our records"
      })
  void aLightStepOrAFeelingIsNoAdvance(String advance) {
    assertNotAnAdvance(advance);
  }

  @Test
  void anEmployerTakingOnApprenticesIsTheCustomer() {
    List<LintFinding> f =
        ObjectiveLinterTest.lint(
            "Employer ideally registers for the 7 May apprenticeship information evening",
            MEASURE,
            TIME);
    assertTrue(
        f.stream()
            .anyMatch(
                x ->
                    "'Employer registers for the 7 May apprenticeship information evening'"
                        .equals(x.suggestion())),
        f.toString());
    assertTrue(f.stream().noneMatch(x -> x.message().contains("the customer?")), f.toString());
  }

  @Test
  void aHedgeBetweenTheCustomerAndTheVerbIsOnlyAHedge() {
    assertEquals(
        List.of(ObjectiveLinter.HEDGED),
        errors(
            "Employer ideally registers for the 7 May apprenticeship information evening",
            MEASURE,
            TIME));
  }

  @Test
  void aClientWhoAppearsToLikeSomeoneIsAnImpression() {
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors(
            "Client meets the proposed case manager on a video call",
            "Client appears to like the case manager",
            TIME));
  }

  @Test
  void anEnchantedClientIsAFeelingNotARecord() {
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors(
            "Client books a second viewing of the yacht",
            "Client is enchanted with the yacht",
            TIME));
  }

  @Test
  void aHedgedPluralCustomersRewriteAgreesToo() {
    List<LintFinding> f =
        ObjectiveLinterTest.lint(
            "Parents might book a campus tour with our counsellor", MEASURE, TIME);
    assertTrue(
        f.stream()
            .anyMatch(
                x -> "'Parents book a campus tour with our counsellor'".equals(x.suggestion())),
        f.toString());
  }

  @Test
  void theKeysHandedOverAreQuotedWithoutTheAndAfterThem() {
    var found =
        BuyingProcess.ofAdvance(
            "Landlord hands over the keys and full management of his 14 flats to us", null, null);
    assertEquals("hands over the keys", found.orElseThrow().words());
  }

  @Test
  void rupeesAreWeighedAgainstThePaymentThresholdInTheirOwnMoney() {
    assertEquals(2312.5, BuyingProcess.amount("pays full rs 1,85,000 study-abroad package fee"));
    assertEquals(150.0, BuyingProcess.amount("pays ₹12,000 today"));
    assertEquals(31250.0, BuyingProcess.amount("pays 25 lakh"));
  }

  @Test
  void aRewriteAgreesWithAPluralCustomer() {
    assertEquals(
        "Parents agree to a follow-up call",
        Rewrites.agreeing("Parents", "Parents agrees to a follow-up call"));
    assertEquals(
        "Both directors sign the form",
        Rewrites.agreeing("Both directors", "Both directors signs the form"));
    assertEquals(
        "The owner and her son copy us in",
        Rewrites.agreeing("The owner and her son", "The owner and her son copies us in"));
    assertEquals(
        "Chris Evans agrees to a call",
        Rewrites.agreeing("Chris Evans", "Chris Evans agrees to a call"));
    assertEquals(
        "The business agrees to a call",
        Rewrites.agreeing("The business", "The business agrees to a call"));
    assertEquals(
        "Partners agree to a demo on a named date and invite the decision maker",
        Rewrites.agreeing(
            "Partners",
            "Partners agrees to a demo on a named date and invites the decision maker"));
  }

  @Test
  void aVerbTakingToIsTheVerbWhateverItsTagAndNoPartOfTheSubject() {
    String rewrite =
        AccountEventsAndRolesTest.findings(
                "Owner of the new boutique agrees to open a shop-in-shop corner and keep us in the"
                    + " loop",
                MEASURE,
                TIME)
            .stream()
            .map(LintFinding::suggestion)
            .filter(x -> x != null && x.contains("Owner"))
            .findFirst()
            .orElseThrow();
    assertTrue(rewrite.contains("'Owner of the new boutique agrees to a "), rewrite);
  }

  @Test
  void theReviewsOverWideReadingsStayNarrow() {
    assertNotAnAdvance("Specialist explains how the warranty works");
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors("Client uploads two payslips to the portal", "All notes updated", TIME));
    assertEquals(
        List.of(ObjectiveLinter.TOO_GENERAL), errors("Customer improves their ROI", MEASURE, TIME));
    assertEquals(List.of(), errors("Client books a holistic therapy session", MEASURE, TIME));
    assertEquals(
        List.of(), errors("Customer accepts that quote and pays the deposit", MEASURE, TIME));
    assertEquals(
        List.of(), errors("Customer books the MBR with their team for 12 May", MEASURE, TIME));
    assertEquals(
        "The head of operations agrees to a call",
        Rewrites.agreeing("The head of operations", "The head of operations agrees to a call"));
  }

  @Test
  void aRoughIdeaIsNoMeasure() {
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors(
            "Customer walks through each room and lists the large furniture pieces",
            "Estimator has a rough idea",
            TIME));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      first-contact        | Customer moves £1,500 from their savings to us today to clear the arrears
      first-contact        | Customer pays off the full £3,260 balance by debit card while we're on the phone
      outbound-prospecting | Prospect verbally commits to a three-year enterprise license for 8,000 endpoints
      first-contact        | The planner pay a deposit of the 50% for the conference of 300 rooms
      discovery            | The board of the medical association approve our hotel as the venue
      first-contact        | The client make a transfer of 45.000 € for the total of the event of June
      outbound-prospecting | Practice orders a full 12 months of flea and wormer stock from us
      discovery            | Group FD cancels with the current broker and signs broker appointment letters
      outbound-prospecting | Factory owner signs over his fire and liability cover to us
      first-contact        | Landlord hands over the keys and full management of his 14 flats to us
      discovery            | Customer commit all their Asia-Europe volume to us for the next two years
      outbound-prospecting | Prospect transfers its entire 180-person workforce to our PEO
      first-contact        | CFO takes the switch to our PEO to their board and gets it approved
      first-contact        | Son pays four weeks' deposit up front for live-in care for his dad
      first-contact        | Caller's brother flies home from Perth so both can be at the assessment
      discovery            | SACCO's operations lead switches all loan collections for 40,000 members to our paybill
      outbound-prospecting | Donor we've never spoken to amends their Will to leave us 25% of their estate
      first-contact        | The family owners give their OK to invest in bulk nitrogen tanks for all 4 sites
      first-contact        | Family moves Mom into the two-bedroom apartment on the first of next month
      discovery            | Son writes the check for the first month's rent and the $4,500 community fee
      first-contact        | Client has the $400k business loan paid into their account
      discovery            | Both directors sign a registered mortgage over the family home as security
      first-contact        | cust signs up for 36 months and adds 4 lines for the family
      demo                 | Client transfers 3 months rent as deposit for 2000 m2
      outbound-prospecting | ABC Engineering orders a turning centre with bar feeder
      outbound-prospecting | Head of womenswear approves to list our brand in all 12 doors for FW25
      first-contact        | Parent pays full Rs 1,85,000 study-abroad package fee via UPI
      first-contact        | Buyer pays 2.5 lakh by UPI today towards the plot booking
      discovery            | Customer's new supply goes live and they pay the first monthly bill
      first-contact        | Client completes the data migration of all 300 employee records into our platform
      outbound-prospecting | Seminar attendee signs up for the Premier plan and pays a deposit
      demo                 | Group's nine clinics all go live on the partner portal
      first-contact        | Works council (OR) gives formal approval for the bike lease regulation
      outbound-prospecting | Plant manager commits 10 northbound loads a week to us starting next month
      first-contact        | Parent signs the acceptance form for a place for September 2026
      outbound-prospecting | Cold prospect commits to fly two engineers to Bologna for a factory tour in May
      outbound-prospecting | HR director commits budget for 500 company-paid memberships
      outbound-prospecting | District director signs a memorandum of understanding to route all referrals to us
      outbound-prospecting | Asset manager awards us a place on their 4-year adaptations framework
      discovery            | Parents book flights for the campus tour to Toronto with our counsellor
      outbound-prospecting | Employer's board resolves to make us the chosen scheme for all 600 staff
      outbound-prospecting | Lead from the bought-in list books and pays for a 6-session laser course
      outbound-prospecting | Cold prospect hosts a 2-week on-site POC at their plant with our team flying in
      first-contact        | Client closes their accounts at the current bank and moves payroll over to us
      discovery            | Customer takes delivery of the car at home this afternoon
      outbound-prospecting | Bursar signs the 3-year contract for 400 staff and teacher lines
      discovery            | Member's company moves its operating line and payroll to us
      discovery            | Client pays the full rental amount (85 000 EUR) for the August week
      outbound-prospecting | Former client we call out of the blue signs contracts for 3 villas
      first-contact        | Farmer moves the whole herd onto our ration and pays for the full winter supply
      discovery            | Partner migrates all 40 of their end customers to our platform
      """)
  void aLateStepInPlainWordsIsUnrealisticEarlyOn(String stage, String advance) throws Exception {
    assertEquals(
        List.of(ObjectiveLinter.UNREALISTIC), onStage(dir, stage, advance, MEASURE), advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      demo          | Champion shares the approved budget range and names who signs off
      first-contact | Customer pays £40 by card today and sets up a plan for the rest
      first-contact | Customer pays Rs 12,000 by UPI today to clear the overdue EMI
      commitment    | Customer agrees the go-live date and the site where the system goes live first
      demo          | Customer migrates one test tenant so their IT lead can check the data
      first-contact | Customer pays a refundable holding deposit to keep the Saturday slot
      discovery     | Customer tells us when their clinics go live on the new booking system
      discovery     | Customer tells us which sites go live first on their new till system
      discovery     | Tenant names the benefits of a 10-year term over a 5-year term
      discovery     | Customer tells us when the new payroll system goes live
      discovery     | IT lead tells us the date their platform goes live
      first-contact | Customer confirms their online account is live and sets a password
      first-contact | Patient pays the consultation deposit to hold the appointment
      first-contact | Customer pays a 20 pound deposit for the tasting
      first-contact | Shipper commits 1 trial load to us next week
      first-contact | Owner commits 30 minutes to us on Thursday for a discovery call
      discovery     | Customer finds out if finance can allocate budget for next year
      discovery     | IT lead completes the data migration questionnaire so we can scope the project
      demo          | Ward manager signs the loan equipment acceptance form for the 2-week trial
      first-contact | Customer pays INR 100,000 towards the course fee today
      first-contact | Trip secretary sends our three-date poll for a February Egypt trip to the members
      discovery     | Customer tells us whether they are on a prepayment meter and its supply number
      commitment    | Landlord hands over the keys for the first flat on Friday
      demo          | Plant engineer orders a trial cylinder of argon for the new weld cell
      first-contact | Family moves the tour to Saturday so Mom can come along
      commitment    | Supporter updates their will with their solicitor to include a gift to us
      discovery     | Champion picks the queue and about 40 agents for a 2-week pilot
      first-contact | Superintendent gives name and email of whoever approves rentals over $25k
      first-contact | Customer signs over the phone to confirm the appointment for Tuesday
      first-contact | Customer signs the consent for their mortgage in principle
      first-contact | Customer orders a copy of 12 months of bank statements for the application
      first-contact | Customer orders a quote for two forklifts for the new depot
      first-contact | Customer books a date to take delivery of the demo unit
      first-contact | Landlord hands over the keys for the valuation visit on Friday
      first-contact | Shipper moves one test shipment over to us this week
      first-contact | Client transfers all their usage data to our analyst for the review
      first-contact | Client confirms the date the loan is paid into their account
      first-contact | Client signs the consent so we can keep their records for 2 years
      first-contact | Client books a free appointment to update their will
      first-contact | Customer books a call for Monday after she flies back from Madrid
      first-contact | Customer pays for a 1-session trial of the laser treatment
      """)
  void aFactASmallPaymentOrAStepAtItsStageIsRealistic(String stage, String advance)
      throws Exception {
    assertEquals(List.of(), onStage(dir, stage, advance, MEASURE), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "VP Infrastructure commits to an ongoing dialogue with us around their security plans",
        "The agency starts a strategic partnership with our group of hotels",
        "The client makes a firm commitment with our hotel for the event",
        "Client starts seeing us as their go-to broker for all things short-term",
        "Stakeholders converge on a shared view of the preferred solution",
        "Family collaborates with us to co-create a holistic, person-centred care pathway",
        "Customer gets on board with the plan",
        "The caller works out which plan is right for them",
        "Client shares how the business is travelling",
        "Borrower agrees in principle to a payment plan",
        "Former customer changes their mind about leaving",
        "Buyer goes on with the discussion for the order after the showroom visit",
        "Champion commits to sponsoring us internally",
        "Works council keeps a positive feeling about the regulation"
      })
  void corporateWordsForNoConcreteOutcomeAreTooGeneral(String advance) {
    assertEquals(List.of(ObjectiveLinter.TOO_GENERAL), errors(advance, MEASURE, TIME), advance);
  }
}
