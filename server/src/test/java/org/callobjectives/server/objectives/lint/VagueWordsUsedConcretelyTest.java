package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.onStage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Words that usually make an objective vague ("journey", "engages", "next steps", "explore the
 * options", "value", "successful call") used for something anyone can check, found by an
 * independent review of the eleventh round; and the vague uses beside them.
 */
class VagueWordsUsedConcretelyTest {
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
      proposal      | The buyer enters the opportunity in their procurement portal and sends us the reference number | Procurement reference number noted on the opportunity in Salesforce
      discovery     | The HR lead fills in our onboarding journey template for their new hires and sends it back | Completed journey template received and attached to the account
      proposal      | The customer engages their legal team by forwarding our contract draft and copying us | Forwarded e-mail with the legal team in copy received in our inbox
      discovery     | The bursar sends the value and end date of the current catering contract | Contract value and end date entered on the school's record
      demo          | The developer logs into the sandbox and runs the sample API call during the call | API log shows a successful call from the customer's sandbox key
      proposal      | The purchaser is giving us the budget number and the date of the committee | Budget number and committee date are written in CRM
      demo          | The customer's CX lead books a 2-hour customer journey workshop with their store managers | Workshop date and store manager names confirmed in the calendar
      commitment    | The buyer agrees next steps with dates: legal review by 3 May, signature by 10 May, and puts them in the shared plan | Shared plan shows both dated steps entered by the buyer
      demo          | The e-commerce manager shares a screen recording of their checkout journey | Recording link received and saved on the opportunity
      commitment    | The customer engages our certified installer by paying the survey fee | Survey fee payment in billing
      outbound-prospecting | The CFO agrees to a 20-minute call on Tuesday to explore the three cost-saving options, and accepts the invite | Accepted invite for Tuesday in the CRM
      commitment    | The customer signs off the next steps document with dates for legal and finance review | Signed next steps document with two dates stored on the deal
      discovery     | The customer sends the funnel numbers from their analytics tool for each step of the customer journey | Funnel numbers for each step received from the customer
      discovery     | The customer forwards the journey analytics export from their web shop | Export file received and attached to the lead
      discovery     | The customer books a meeting next Tuesday with the operations director to explore the options | Meeting with the operations director in the calendar
      discovery     | The customer gets the floor plans from their facilities manager and sends them | Floor plans received by email
      """)
  void aVagueWordNamingSomethingCheckableLoads(String stage, String advance, String measure)
      throws Exception {
    assertEquals(List.of(), onStage(dir, stage, advance, measure), advance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      discovery | The customer moves further along their buying journey | Stage updated in the CRM | too-general
      discovery | The customer engages with our brand | Engagement logged | too-general
      discovery | The buyer explores the options | Options discussed | too-general
      proposal  | The buyer agrees to next steps | Next steps noted | not-an-advance
      demo      | The developer runs the sample API call | Successful call | not-measurable
      discovery | The prospect sees the value of switching | Value understood | not-measurable
      proposal  | Maintain good relation with the mill purchase department | Relation is good | too-general
      discovery | Have a positive call with the Kerry co-op about a group deal | Positive call | too-general
      discovery | Get under the skin of the agency | Solid understanding of their business | too-general
      proposal  | The customer agrees on the next steps with dates | Next steps noted | too-general
      discovery | The customer is giving us a chance | Chance given | too-general
      """)
  void theVagueUseBesideItIsStillRefused(String stage, String advance, String measure, String rule)
      throws Exception {
    List<String> found = onStage(dir, stage, advance, measure);
    assertTrue(found.contains(rule), advance + " / " + measure + " -> " + found);
  }
}
