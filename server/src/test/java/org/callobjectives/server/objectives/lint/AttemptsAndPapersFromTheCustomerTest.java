package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.MEASURE;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.TIME;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Papers the customer's side hands over, asked for with a hedge ("Try get the farmer to email ...",
 * "Hopefully get the cert off the owner", "Will see if customer can share ..."): the hedge is the
 * finding, the step is the customer's (eleventh-round dev batches).
 */
class AttemptsAndPapersFromTheCustomerTest {
  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Try get the farmer to email his last milk recording report with the SCC figures",
        "Try get the member to take up the gap cover quote",
        "Try to get the PO number off their finance team",
        "Hopefully get the PO from the hospital's purchasing dept",
        "Hopefully get the EICR and Gas Safe cert off the owner",
        "Aim to get the landlord's phone number off the tenant",
        "Will see if customer can share the number of seats required",
        "Try to get the signed NDA off their legal team"
      })
  void aHedgedRequestForTheCustomersPapersIsOnlyHedged(String advance) {
    assertEquals(List.of(ObjectiveLinter.HEDGED), errors(advance, MEASURE, TIME), advance);
  }

  @Test
  void aQuotationTheCustomerGetsApprovedIsTheirStep() {
    assertEquals(
        List.of(),
        errors(
            "Customer gets the quotation approved by their finance head and sends back the approved"
                + " copy",
            MEASURE,
            TIME));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Get agreement from the customer", "Get a commitment from the customer"})
  void agreementOrCommitmentGotFromTheCustomerIsNoPaper(String advance) {
    assertTrue(!errors(advance, MEASURE, TIME).isEmpty(), advance);
  }

  @Test
  void papersFromOurOwnTeamAreTheAgentsTask() {
    assertTrue(
        errors("Get the signed form off our admin team", MEASURE, TIME)
            .contains(ObjectiveLinter.NOT_AN_ADVANCE));
  }
}
