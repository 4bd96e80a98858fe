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
 * Found in the thirteenth round: a company named first, its verb bare as in clipped English
 * ("Elektron send the forecast"), read by the tagger as an instruction; and the instructions that
 * look like it.
 */
class NamedCompaniesAndShutdownRoundTest {
  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Elektron send 12-month rolling forecast of thermal pad by part number",
        "Kraftlink name one energy-storage integrator and give us the purchasing contact",
        "Kraftlink names one integrator and gives us the purchasing contact",
        "Siemens bring their plant manager to the follow-up call",
      })
  void aCompanyNamedFirstIsTheOneWhoActs(String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, "on this call"), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Also send the brochure to the buyer",
        "Then email the quote to the buyer",
        "However send the price list today",
        "Help name the key stakeholders for the buyer",
        "Schedule a demo with the buyer",
      })
  void anInstructionBeforeTheVerbIsStillOurs(String advance) {
    assertTrue(
        errors(advance, MEASURE, "on this call").contains(ObjectiveLinter.NOT_AN_ADVANCE), advance);
  }
}
