package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found in the fifteenth round's probes: a name with a bare title after it, or a title whose first
 * word the tagger reads as a verb, is the customer; our sales executive is ours; "as and when" and
 * "nearer the time" are no deadline.
 */
class TitlesReadAsVerbsTest {
  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sarah Jenkins, CTO, books a 45-minute discovery session and adds her head of platform",
        "Raj Mehta, Head of IT, sends the list of the 12 sites with their current line speeds",
        "Supply chain head will sign the rate agreement and issue the first booking for the lane",
        "Procurement lead sends the signed NDA and the volume forecast for the next quarter",
      })
  void aNameWithItsTitleOrATitleReadAsAVerbIsTheCustomer(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, "by Friday"), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sales executive to explain the complete on-road price breakup to the customer",
        "Sales exec walks the dealer principal through PCP versus lease on the fleet quote",
      })
  void ourSalesExecutiveIsNoAdvance(String advance) {
    assertTrue(
        errors(advance, MEASURE, "by Friday").contains(ObjectiveLinter.NOT_AN_ADVANCE), advance);
  }

  @ParameterizedTest
  @ValueSource(strings = {"as and when customer is free", "nearer the time", "closer to the time"})
  void aTimeFrameLeftToLaterIsNoDeadline(String timeFrame) {
    assertEquals(
        List.of(ObjectiveLinter.NOT_TIME_BOUND),
        errors("The manager sends the three client contacts", MEASURE, timeFrame),
        timeFrame);
  }
}
