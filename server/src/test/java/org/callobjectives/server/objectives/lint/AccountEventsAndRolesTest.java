package org.callobjectives.server.objectives.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Objective;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wording found in the fourth round of labelled objectives (dev part-w): learners and signatories
 * as the customer, time frames tied to the account or the course, agreeing to be put on a list, a
 * feeling reported in the measure, a board's sign-off and a booked operation as late steps.
 */
class AccountEventsAndRolesTest {
  static final Path EXAMPLE = Path.of("..", "config");
  static final String MEASURE = "Booking reference and date entered in the CRM";
  static final String TIME = "during the call";

  static Config shipped;
  static ObjectiveLinter linter;

  @BeforeAll
  static void load() throws Exception {
    shipped = Lint.loader(EXAMPLE).load();
    linter = new ObjectiveLinter(LintRules.load(EXAMPLE));
  }

  /** The advance is refused as not an advance (other findings may come with it). */
  static void assertNotAnAdvance(String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(ObjectiveLinter.NOT_AN_ADVANCE), advance + " -> " + found);
  }

  /** The advance, with the shared measure and time frame, is refused for {@code rule}. */
  static void assertRefusedFor(String rule, String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertTrue(found.contains(rule), () -> advance + " -> " + found);
  }

  /** The advance, with the shared measure and time frame, is not refused for {@code rule}. */
  static void assertNotRefusedFor(String rule, String advance) {
    List<String> found = errors(advance, MEASURE, TIME);
    assertFalse(found.contains(rule), () -> advance + " -> " + found);
  }

  /** Among {@code found}, the measure's refusal waits as a warning (the advance names no step). */
  static void assertMeasureWaits(List<LintFinding> found) {
    assertTrue(
        found.stream()
            .anyMatch(
                f ->
                    f.rule().equals(ObjectiveLinter.NOT_MEASURABLE)
                        && f.severity() == Severity.WARNING),
        found::toString);
  }

  /** A measure beside a booked demo is refused as not measurable exactly when {@code refused}. */
  static void assertMeasureRefused(boolean refused, String measure) {
    List<String> found = errors("The customer books a demo for Thursday at 10am", measure, TIME);
    assertEquals(
        refused, found.contains(ObjectiveLinter.NOT_MEASURABLE), () -> measure + " -> " + found);
  }

  /** The part of speech the analysis gives {@code word} in {@code text}. */
  static String tagOf(String text, String word) {
    Sentence s = English.analyze(text);
    return s.tags()[List.of(s.tokens()).indexOf(word)];
  }

  static List<String> errors(String advance, String measure, String timeFrame) {
    return errors(linter, advance, measure, timeFrame);
  }

  /** The rules {@code with} refuses one objective for, checked against the shipped config. */
  static List<String> errors(
      ObjectiveLinter with, String advance, String measure, String timeFrame) {
    return findings(with, advance, measure, timeFrame).stream()
        .filter(f -> f.severity() == Severity.ERROR)
        .map(LintFinding::rule)
        .toList();
  }

  /** Every finding, errors and warnings, of one objective checked against the shipped config. */
  static List<LintFinding> findings(String advance, String measure, String timeFrame) {
    return findings(linter, advance, measure, timeFrame);
  }

  private static List<LintFinding> findings(
      ObjectiveLinter with, String advance, String measure, String timeFrame) {
    return with.lint(
        new Objective("x", "Customer's step", advance, measure, timeFrame, List.of()),
        shipped,
        field -> 0,
        "objectives.yaml");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Learner books a trial lesson for Thursday and pays the £20 fee",
        "Authorised signatory e-signs the renewal form",
        "The enrolee sends a copy of her passport and the signed enrolment form",
        "Trainee completes the placement test online",
        "Two buyers from the client's sales team join the trial lesson on 3 March",
        "The supporter sponsors a guide dog at £5 a month by direct debit",
        "The office manager leads the pilot on two sites and books the kick-off",
        "The applicant firms our offer as their first choice on the portal"
      })
  void aLearnerASignatoryOrATeamOfTheClientsIsTheCustomerAndARoleWordInSIsTheirVerb(
      String advance) {
    assertEquals(List.of(), errors(advance, MEASURE, TIME), advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The customer agrees to be added to our mailing list",
        "The prospect agrees to be contacted about the spring offer",
        "The member signs up for our newsletter"
      })
  void agreeingToBePutOnAListOrContactedIsNotAnAdvance(String advance) {
    assertNotAnAdvance(advance);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "at renewal",
        "next delivery",
        "by the end of the current billing period",
        "before the free trial ends",
        "after week one",
        "by week two",
        "this winter",
        "before the demo call ends",
        "during the test drive",
        "after the demo",
        "by the next board"
      })
  void aTimeTiedToTheAccountTheCourseOrTheMeetingIsATimeFrame(String timeFrame) {
    assertEquals(
        List.of(), errors("The customer books a service visit", MEASURE, timeFrame), timeFrame);
  }

  @Test
  void aVagueTimeFrameIsNotRescuedByATimeInsideTheAdvance() {
    assertEquals(
        List.of(ObjectiveLinter.NOT_TIME_BOUND),
        errors(
            "The customer books a service visit to keep the loyalty discount at renewal",
            MEASURE,
            "when convenient"));
  }

  @Test
  void aFeelingReportedInTheMeasureIsNotMeasurableButARequestIsNoFeeling() {
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors("The customer books a service visit", "The owner says they love the layout", TIME));
    assertFalse(
        errors(
                "The customer books a service visit",
                "The owner says they would like a quote, noted on the account",
                TIME)
            .contains(ObjectiveLinter.NOT_MEASURABLE));
  }

  @Test
  void openingAThingIsAConcreteStepAndOpeningUpIsVague() {
    assertEquals(
        List.of(),
        errors(
            "The customer opens the renewal email and reads us the reference number",
            MEASURE,
            TIME));
    assertTrue(
        errors("The buyer opens up about their plans", MEASURE, TIME)
            .contains(ObjectiveLinter.TOO_GENERAL));
  }

  @Test
  void tellingUsWhatShareOrVolumeAsksForOneFact() {
    assertEquals(
        List.of(),
        errors(
            "The owner tells us what share of their volume goes by air and which months peak",
            "Air share in percent and peak months recorded on the account",
            TIME));
  }

  /** On a queue whose first stage is {@code stage}, with the close after it. */
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      first-contact | The trustees sign off on moving all twelve branches to our platform
      discovery     | The patient books their knee surgery for the first week of March
      first-contact | The operations board votes through the switch to our fleet cards
      """)
  void aBoardsSignOffOrABookedOperationIsUnrealisticEarlyOn(String stage, String advance)
      throws Exception {
    assertEquals(List.of(ObjectiveLinter.UNREALISTIC), onStage(stage, advance, MEASURE), advance);
  }

  @Test
  void aRateTheBoardHasApprovedIsAFactNotAStep() throws Exception {
    assertEquals(
        List.of(),
        onStage(
            "discovery",
            "The finance director tells us the unit rate the board has approved for next year",
            "Approved unit rate recorded on the account"));
  }

  @TempDir Path dir;

  private List<String> onStage(String stage, String advance, String measure) throws Exception {
    return onStage(dir, stage, advance, measure);
  }

  /** The advance is refused as unrealistic on a queue at {@code stage}. */
  static void assertUnrealisticOn(Path dir, String stage, String advance) throws Exception {
    List<LintFinding> all = findingsOnStage(dir, stage, advance, MEASURE);
    List<String> found =
        all.stream().filter(f -> f.severity() == Severity.ERROR).map(LintFinding::rule).toList();
    // (the warnings too: a refusal the second opinion demoted shows there)
    assertTrue(found.contains(ObjectiveLinter.UNREALISTIC), () -> advance + " -> " + all);
  }

  /** The advance fits a queue at {@code stage} (other findings may come). */
  static void assertRealisticOn(Path dir, String stage, String advance) throws Exception {
    List<String> found = onStage(dir, stage, advance, MEASURE);
    assertFalse(found.contains(ObjectiveLinter.UNREALISTIC), advance + " -> " + found);
  }

  /**
   * The errors for an objective on a queue at {@code stage}, linted as a whole config in {@code
   * dir}.
   */
  static List<String> onStage(Path dir, String stage, String advance, String measure)
      throws Exception {
    return findingsOnStage(dir, stage, advance, measure).stream()
        .filter(f -> f.severity() == Severity.ERROR)
        .map(LintFinding::rule)
        .toList();
  }

  /** Asserts whether {@code advance}, used at {@code stage}, is refused as unrealistic. */
  static void assertUnrealisticOn(Path dir, String stage, String advance, boolean unrealistic)
      throws Exception {
    List<String> found = onStage(dir, stage, advance, MEASURE);
    assertEquals(
        unrealistic,
        found.contains(ObjectiveLinter.UNREALISTIC),
        () -> stage + ": " + advance + " -> " + found);
  }

  /** Every finding of an objective used at {@code stage}, before a close, in the shipped config. */
  static List<LintFinding> findingsOnStage(Path dir, String stage, String advance, String measure)
      throws Exception {
    for (String f : new String[] {"server.yaml", "agents.yaml", "objectives.yaml", "lint.yaml"}) {
      Files.copy(EXAMPLE.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    String objectives = Files.readString(dir.resolve("objectives.yaml"));
    String entry =
        "  - id: tried\n    title: \"Customer's step\"\n    advance: \""
            + advance
            + "\"\n    measure: \""
            + measure
            + "\"\n    timeFrame: \""
            + TIME
            + "\"\n\n";
    objectives =
        objectives.replaceFirst(
            "(?m)^objectives:\\n",
            java.util.regex.Matcher.quoteReplacement("objectives:\n" + entry));
    objectives =
        objectives.replaceFirst(
            "(?m)^queues:\\n",
            "queues:\n  tried-queue:\n    stages:\n      - {id: "
                + stage
                + ", objective: tried}\n      - {id: close, objective: sales-close}\n");
    Files.writeString(dir.resolve("objectives.yaml"), objectives);
    Lint.Report r = Lint.report(dir);
    assertEquals(null, r.loadError(), r.loadError());
    return r.findings().stream().filter(f -> f.objectiveId().equals("tried")).toList();
  }
}
