package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.tagOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.callobjectives.server.config.Objective;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the thirty-seventh round: blessings as written in Malay, Arabic and Irish English, "will
 * revert" as a time frame, names behind titles of address, first words the tagger misread, a crew
 * of ours sending to the client, and a leaning the customer says aloud.
 */
class NamesTitlesAndSaidLeaningsTest {

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Buyer in Dubai opens the LC for the first consignment, Insha'Allah by Wednesday.",
        "Mill manager books the site trial of the new press worm, Insya-Allah before Hari Raya.",
        "Please God the treasurer signs the lotto service agreement before the AGM.",
        "Khun Ploy (Revenue Manager) sends the occupancy forecast for Q3, if can.",
        "Ghmerts nebit, the buyer of the Riga chain books a slot at our stand on 10 February.",
        "Client sends the signed LPO for 3 game viewers by Friday, Mungu akipenda.",
      })
  void aBlessingOrAnIfCanIsAHedge(String advance) {
    assertTrue(errors(advance, MEASURE, "by Friday").contains(ObjectiveLinter.HEDGED), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Will revert", "At his earliest", "now in a minute", "pole pole, no pressure"})
  void aPromiseToRevertIsNoTimeFrame(String timeFrame) {
    assertTrue(
        errors("The production manager fixes the date for the audit", MEASURE, timeFrame)
            .contains(ObjectiveLinter.NOT_TIME_BOUND),
        timeFrame);
  }

  @Test
  void aRevertWithADateIsATimeFrame() {
    assertFalse(
        errors(
                "The production manager fixes the date for the audit",
                MEASURE,
                "will revert by Friday")
            .contains(ObjectiveLinter.NOT_TIME_BOUND));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mill engineer blocks one shift on the 12th for the trial run of our press worm.",
        "Khun Arthit tell which other hotel in their group also have linen problem and send email"
            + " intro to that hotel Executive Housekeeper.",
        "Estate engineer to WhatsApp photos of the current dryer nameplate and the fuel meter"
            + " reading.",
      })
  void aNameOrARoleTheTaggerMisreadIsTheCustomer(String advance) {
    List<String> found = errors(advance, "Photos and names received on WhatsApp", "by Friday");
    assertFalse(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), advance + " " + found);
  }

  @Test
  void misreadFirstWordsAreNouns() {
    assertEquals("NOUN", tagOf("Mill engineer blocks one shift for the trial.", "Mill"));
    assertEquals("NOUN", tagOf("Estate engineer to WhatsApp photos of the dryer.", "Estate"));
    assertEquals("VERB", tagOf("Estate engineer to WhatsApp photos of the dryer.", "WhatsApp"));
    assertEquals(
        "NOUN", tagOf("Innkjøpssjef goes through our offer and sends comments.", "Innkjøpssjef"));
    assertEquals("ADV", tagOf("Also sends the signed form back.", "Also"));
  }

  @Test
  void aCrewThatSendsToTheClientIsOurs() {
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "Contracts team sends the contract pack, onboarding guide and signage proofs to the"
            + " client.");
  }

  @Test
  void confirmingAWhatsAppNumberIsNoAdvance() {
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE,
        "Cold store owner confirms his WhatsApp number so we can share the proposal.");
  }

  @Test
  void gettingFamiliarWithSomethingIsTooGeneral() {
    assertTrue(
        errors("Grower gets familiar with the system.", MEASURE, "this week")
            .contains(ObjectiveLinter.TOO_GENERAL));
  }

  @Test
  void aLeaningTheCustomerSaysAloudIsNoSecondRefusal() {
    List<String> found =
        errors(
            "New FM at the hospital shows interest in using us for the roof works.",
            "FM says he's interested.",
            "this call");
    assertTrue(found.contains(ObjectiveLinter.TOO_GENERAL), found::toString);
    assertFalse(found.contains(ObjectiveLinter.NOT_MEASURABLE), found::toString);
    // our rep's guess stays refused
    List<String> guessed =
        errors(
            "New FM at the hospital shows interest in using us for the roof works.",
            "Rep's gut says he's interested.",
            "this call");
    assertTrue(guessed.contains(ObjectiveLinter.NOT_MEASURABLE), guessed::toString);
  }

  @Test
  void anIfTheyWantAfterAskingIsAQuestionNotAHedge() {
    List<String> found =
        AccountEventsAndRolesTest.linter
            .lint(
                new Objective(
                    "x",
                    "Customer asks next door if they want the same-day slot",
                    "Customer asks next door (who's got a log burner too) if they want a sweep the"
                        + " same day and rings back with the answer",
                    "Call-back received with the neighbour's answer and house number",
                    "by tomorrow lunchtime",
                    List.of()),
                AccountEventsAndRolesTest.shipped,
                field -> 0,
                "objectives.yaml")
            .stream()
            .map(LintFinding::rule)
            .toList();
    assertFalse(found.contains(ObjectiveLinter.HEDGED), found::toString);
  }

  @Test
  void anEmojiCodeIsMarkupButATimeIsNot() {
    assertTrue(
        errors(
                "Group leader tells the fitness level of each member :mountain_snow:",
                MEASURE,
                "this call")
            .contains(ObjectiveLinter.MARKUP));
    assertEquals("sends the photos", TextLimits.plain("sends the photos :camera:"));
    assertFalse(
        errors("The buyer signs the order at 10:30:00 on the call", MEASURE, "this call")
            .contains(ObjectiveLinter.MARKUP));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Wee one-truck haulier from Mull books 40 trailers a week on the Oban sailings for the"
            + " whole year.",
        "Two-doctor clinic refers 200 emergency cases to us this weekend.",
        "Sole-trader electrician orders 60 EV chargers for his next job.",
        // (the thirty-eighth round's: containers, truckloads, ten thousand tickets)
        "The organic shop in Lyon (one shop, the owner works alone) orders 3 x 20ft containers of"
            + " cosmetic argan",
        "The two-person agency in Folegandros commits in writing to sell 10,000 tickets through us"
            + " in July",
        "The corner cafe owner, a one-shop business, orders 2 truckloads of takeaway cups.",
      })
  void aOnePersonBusinessBuyingForAHundredIsUnrealistic(String advance) {
    assertTrue(
        errors(advance, MEASURE, "by Friday").contains(ObjectiveLinter.UNREALISTIC), advance);
  }

  @Test
  void aSmallBusinessBookingAFortyFiveMinuteDemoIsRealistic() {
    assertFalse(
        errors(
                "Sole-trader plumber books a 45-minute demo of our job-sheet app.",
                MEASURE,
                "by" + " Wednesday 5pm")
            .contains(ObjectiveLinter.UNREALISTIC));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Customer obtains listed building consent from the council for the chimney reline|by"
            + " tomorrow",
        "Homeowner pulls the city building permit and gets it approved today|within 12 hours",
        "The board of directors flies from Sydney to Cebu to see the site|tomorrow 9am",
        "Plot holder lays a concrete base and has it cured and ready for the fit|within the hour",
        "Restaurant owner obtains the premises alcohol licence|today",
        "Hotel has the espresso machines shipped from Milan and installed|within 6 hours",
        // (the thirty-eighth round's: relatives from three states, a bank's loan, a full
        // integration, years of paper scanned)
        "Mrs. Lee gets all five of her siblings, who live in three different states, to the"
            + " cemetery for a group tour|tomorrow 9 a.m.",
        "Farmer gets his rural bank manager to approve a $95k loan for the upgrade.|Within the"
            + " hour",
        "Agency moves all bookings to our platform and completes full XML integration.|By tomorrow"
            + " morning",
        "Board scans and uploads all 15 years of paper records and minutes|by 9 a.m. tomorrow",
        "The practice manager scans 15 years of paper patient records into our portal.|in 2 hours",
      })
  void aStepThatTakesDaysAskedWithinADayIsUnrealistic(String both) {
    String[] parts = both.split("\\|");
    assertTrue(errors(parts[0], MEASURE, parts[1]).contains(ObjectiveLinter.UNREALISTIC), parts[0]);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The homeowner tells us whether the building permit is already approved|during the call",
        "The CFO books flights and flies to our plant for the site visit|booked on this call, visit"
            + " on 12 May",
        "Landholder texts the gate code and agrees the two days we can fly over the"
            + " paddocks|before the call ends",
        "Facility manager emails us the as-built roof drawings|by end of day",
      })
  void aPermitToldOrAJourneyDatedLaterIsNoRush(String both) {
    String[] parts = both.split("\\|");
    List<String> found = errors(parts[0], MEASURE, parts[1]);
    assertFalse(found.contains(ObjectiveLinter.UNREALISTIC), parts[0] + " " + found);
  }

  @Test
  void aBdManagerIsOurs() {
    assertRefusedFor(
        ObjectiveLinter.NOT_AN_ADVANCE, "BD manager to call and remind the sponsor about the RFP");
  }

  @Test
  void aFactoryThatDispatchesSamplesActs() {
    assertEquals(
        "VERB", tagOf("Factory dispatches samples of 3 grades to our tasting room.", "dispatches"));
  }
}
