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
 * word the tagger reads as a verb, is the customer; our sales executive is ours; a measure that
 * waited for the advance is refused when the advance is let through.
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
        "Remind customer contact will send the PO by Friday",
      })
  void ourSalesExecutiveOrAnInstructionBeforeTheirRoleIsNoAdvance(String advance) {
    assertTrue(
        errors(advance, MEASURE, "by Friday").contains(ObjectiveLinter.NOT_AN_ADVANCE), advance);
  }

  @org.junit.jupiter.api.Test
  void aMeasureThatWaitedForTheAdvanceIsRefusedWhenTheAdvanceIsLetThrough() {
    // the reading refuses "are given" as low effort; the second opinion lets it through as a
    // warning, and "Notes updated" is then the measure's own error
    List<LintFinding> f =
        AccountEventsAndRolesTest.findings(
            "Preferred install week, budget ceiling and whether the landlord must sign off are"
                + " given to us by the tenant",
            "Notes updated",
            "by Friday");
    assertTrue(
        f.stream()
            .anyMatch(
                x ->
                    x.severity() == Severity.ERROR
                        && x.rule().equals(ObjectiveLinter.NOT_MEASURABLE)
                        && x.message().contains("names no fact anyone can check")),
        f.toString());
    assertTrue(
        f.stream()
            .noneMatch(
                x ->
                    x.rule().equals(ObjectiveLinter.NOT_MEASURABLE)
                        && x.severity() == Severity.WARNING),
        f.toString());
  }
}
