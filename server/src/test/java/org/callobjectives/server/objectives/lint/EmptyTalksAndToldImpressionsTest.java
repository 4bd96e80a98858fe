package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertNotRefusedFor;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRealisticOn;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertRefusedFor;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the twenty-second round: a chat, a coffee or a general meeting booked with nothing named
 * that it is for, a purpose that only talks ("to see where things are at"), an impression told with
 * nothing it is about, beside the talks that name a purpose, bring the customer's own people or
 * carry a step of the customer's.
 */
class EmptyTalksAndToldImpressionsTest {
  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Inbound enquirer books an intro chat with one of our contracts managers on Thursday",
        "Owner of the flooring shop accepts to meet us at the trade fair for a talk",
        "The care home manager agrees to meet our liaison next week for a conversation",
        "Facilities manager books a catch-up call with us on Monday to see where things are at",
        "Client's FM attends a wrap-up meeting with our account manager to round things off",
        "Account holder books our quarterly review meeting to see how we're getting on",
        "The architect makes a meeting with our agent in Lyon to talk about the projects in general",
        "Customer takes a follow-up call on Friday to clarify the open points",
        "Merchant shares his frustration",
        "Client agrees to a chat over coffee next week",
        "Client books a quick chat on Zoom for Thursday",
        "Client books a catch-up on June 12",
        "Client books a quick sync on Monday to discuss next steps",
        "Client books a catch-up with the account manager for Friday",
      })
  void aTalkThatNamesNothingItIsForIsTooGeneral(String advance) {
    assertRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Client agrees to an alignment call with their CFO to agree the rollout budget",
        "Client books a check-in call for Tuesday to confirm the go-live date",
        "Ops lead books a check-in to review the pilot's usage figures",
        "Station manager gets the owner on a call with us to talk budget and the EOFY write-off",
        "School business manager sets up a 15-min call with the deputy head about catch-up tutoring",
        "Caller books a 15-min chat with a contracts manager and on it states their weekly cleaning hours",
        "Benefits lead accepts a 30-min discovery call with our account exec in the next 10 days",
        "The showroom manager gives feedback on the infrared cabin sample we sent",
        "Customer lists the things that broke last winter",
        "Owner names the things that went wrong with the old supplier",
        "Client books a chat on Friday about the revised quote",
        "Client books a sit-down for a free survey of the roof",
        "Client agrees to sync their calendar with our booking system on the call",
        "Client confirms their coffee order for the launch event",
        "Client agrees to push the install forward to 12 May",
        "Client confirms the kiosk goes in the north-east corner of the lobby",
      })
  void aTalkForSomethingNamedOrATellingOfFactsIsNotTooGeneral(String advance) {
    assertNotRefusedFor(ObjectiveLinter.TOO_GENERAL, advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery | Client sends the watch in our prepaid insured box for a free inspection and quote
      discovery | Customer posts the old meter back in the prepaid envelope we send
      """)
  void aPrepaidBoxIsNoPayment(String stage, String advance) throws Exception {
    assertRealisticOn(dir, stage, advance);
  }
}
