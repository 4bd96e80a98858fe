package org.callobjectives.server.objectives.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.config.Objective;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each SMART/advance rule on good and bad objectives; the shipped objectives pass without errors.
 */
class ObjectiveLinterTest {
  static final Path EXAMPLE = Path.of("..", "config");
  static final String GOOD_ADVANCE =
      "The customer agrees to a 30-minute demo on a date within the next 7 days";
  static final String GOOD_MEASURE =
      "A demo date is confirmed by the customer and entered in the calendar";
  static final String GOOD_TIME = "during the call";

  static Config shipped;
  static ObjectiveLinter linter;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    shipped = Lint.loader(EXAMPLE).load();
    linter = new ObjectiveLinter(LintRules.load(EXAMPLE));
  }

  static List<LintFinding> lint(String advance, String measure, String timeFrame) {
    return linter.lint(
        new Objective("x", "Book a demo", advance, measure, timeFrame, List.of()),
        shipped,
        field -> field.length(),
        "objectives.yaml");
  }

  static List<String> errors(List<LintFinding> f) {
    return f.stream().filter(x -> x.severity() == Severity.ERROR).map(LintFinding::rule).toList();
  }

  @Test
  void theShippedObjectivesHaveNoLintErrors() {
    Lint.Report r = Lint.report(EXAMPLE);
    assertEquals(null, r.loadError());
    assertEquals(0, r.errors(), String.valueOf(r.findings()));
  }

  @Test
  void aFollowUpQuestionWithMarkupOrTooLongForThePopIsAnErrorNamingTheField() {
    java.util.function.Function<String, List<LintFinding>> withFollowUp =
        q ->
            linter.lint(
                new Objective(
                    "x", "Book a demo", GOOD_ADVANCE, GOOD_MEASURE, GOOD_TIME, List.of(), q),
                shipped,
                field -> field.length(),
                "objectives.yaml");
    assertEquals(List.of(), withFollowUp.apply("Did they attend the demo they booked?"));
    List<LintFinding> markup = withFollowUp.apply("<b>Did they attend?</b>");
    assertEquals(List.of(ObjectiveLinter.MARKUP), errors(markup));
    assertTrue(markup.get(0).message().contains("followUp"), markup.toString());
    List<LintFinding> tooLong = withFollowUp.apply("Did they ".repeat(20) + "attend?");
    assertEquals(1, errors(tooLong).size(), tooLong.toString());
    assertTrue(tooLong.get(0).message().contains("at most 120"), tooLong.get(0).message());
  }

  @Test
  void aDayInTheAdvanceStandsInForAnEmptyTimeFrame() {
    assertEquals(
        List.of(),
        errors(lint("The freelancer books a free trial day for Thursday", GOOD_MEASURE, "")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AE presents the ROI calculator to the CFO during the call",
        "The enquirer gets our pricing pack by email today",
        "The policyholder accepts the explanation for the premium rise during the call",
        "The owner confirms their trading name and address during the call"
      })
  void anAgentRoleOrAStepWithoutEffortIsNotAnAdvance(String advance) {
    assertTrue(
        errors(lint(advance, GOOD_MEASURE, GOOD_TIME)).contains(ObjectiveLinter.NOT_AN_ADVANCE),
        advance);
  }

  @Test
  void aGoodObjectiveHasNoFindingsAtAll() {
    assertEquals(List.of(), lint(GOOD_ADVANCE, GOOD_MEASURE, GOOD_TIME));
    assertEquals(
        List.of(),
        lint(
            "The customer commits to send last month's usage figures by e-mail",
            "The customer states the date they will send them, noted on the ticket",
            "within 2 working days"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Keep the momentum with the customer this week",
        "The customer agrees to touch base today",
        "Check in with the customer during the call",
        "Build rapport so the customer agrees to a demo today",
        "Sell more add-ons: the customer agrees to buy during the call",
        "The customer agrees to circle back during the call"
      })
  void vagueWordingInTheAdvanceIsTooGeneral(String advance) {
    List<LintFinding> f = lint(advance, GOOD_MEASURE, GOOD_TIME);
    // Refused, with the vague words named. Beside a not-an-advance error ("Build rapport so ...",
    // the agent's work) too-general may be a warning only, the second opinion's call: the
    // corpus's authors give such objectives one rule, not two.
    boolean besideNotAnAdvance = errors(f).contains(ObjectiveLinter.NOT_AN_ADVANCE);
    assertTrue(
        errors(f).contains(ObjectiveLinter.TOO_GENERAL)
            || besideNotAnAdvance
                && f.stream().anyMatch(x -> x.rule().equals(ObjectiveLinter.TOO_GENERAL)),
        advance + " -> " + f);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Present the new pricing to the customer",
        "Demonstrate the product during the call",
        "Explain the annual plan",
        "Persuade the customer to upgrade",
        "Show the reporting dashboard",
        "Introduce the product to the decision maker",
        "The agent explains the plan",
        "We present the offer",
        "A great conversation about pricing"
      })
  void anAgentActionOrNoCustomerActionIsNotAnAdvance(String advance) {
    List<LintFinding> f = lint(advance, GOOD_MEASURE, GOOD_TIME);
    assertTrue(errors(f).contains(ObjectiveLinter.NOT_AN_ADVANCE), advance + " -> " + f);
  }

  @Test
  void anAgentStepBesideTheCustomersCommitmentIsOnlyAWarning() {
    List<LintFinding> f =
        lint(
            "After we demonstrate the report, the customer agrees to a 14-day trial",
            GOOD_MEASURE,
            GOOD_TIME);
    assertEquals(List.of(), errors(f));
    assertTrue(
        f.stream().anyMatch(x -> x.rule().equals(ObjectiveLinter.NOT_AN_ADVANCE)), f.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The customer seems happy with us",
        "Good vibes",
        "The customer is more interested"
      })
  void aMeasureWithNothingToCheckIsNotMeasurable(String measure) {
    assertEquals(
        List.of(ObjectiveLinter.NOT_MEASURABLE),
        errors(lint(GOOD_ADVANCE.replace(" within the next 7 days", ""), measure, GOOD_TIME)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "soon",
        "eventually",
        "when convenient",
        "ASAP",
        "later",
        "when they get a chance",
        "At the client's convenience",
        "ongoing",
        "TBC",
        "over the coming weeks",
        "once things settle down"
      })
  void noTimeFrameIsNotTimeBound(String timeFrame) {
    List<LintFinding> f = lint("The customer agrees to a demo", GOOD_MEASURE, timeFrame);
    assertEquals(List.of(ObjectiveLinter.NOT_TIME_BOUND), errors(f));
    assertTrue(f.get(0).message().contains("'"), f.get(0).message());
    assertEquals("timeFrame".length(), f.get(0).line(), "points at the timeFrame line");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "during the call",
        "before hanging up",
        "by 2026-12-01",
        "within 5 days",
        "in 2 weeks",
        "by Friday",
        "right after the call",
        "by the end of the month",
        "this visit",
        "before go-live",
        "at the consultation",
        "during discovery",
        "before the call wraps"
      })
  void aTimeFrameMakesItTimeBound(String timeFrame) {
    assertEquals(
        List.of(),
        errors(lint("The customer agrees to a demo", GOOD_MEASURE, timeFrame)),
        timeFrame);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The customer will hopefully agree to a demo",
        "The customer could book a demo",
        "Try to get the customer to book a demo",
        "Ideally the customer books a demo"
      })
  void hedgedWordingIsAnErrorWithTheHedgeTakenOutAsTheRewrite(String advance) {
    List<LintFinding> f = lint(advance, GOOD_MEASURE, GOOD_TIME);
    assertEquals(List.of(ObjectiveLinter.HEDGED), errors(f), f.toString());
    String rewrite = f.get(0).suggestion().toLowerCase(java.util.Locale.ROOT);
    assertTrue(rewrite.contains("book") || rewrite.contains("agree"), rewrite);
    assertTrue(
        !rewrite.contains("hopefully")
            && !rewrite.contains("try to")
            && !rewrite.contains("could")
            && !rewrite.contains("ideally"),
        rewrite);
  }

  private Path copyExample() throws Exception {
    for (String f : new String[] {"server.yaml", "agents.yaml", "objectives.yaml", "lint.yaml"}) {
      Files.copy(EXAMPLE.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    return dir;
  }

  private void edit(String file, String from, String to) throws Exception {
    String text = Files.readString(dir.resolve(file));
    assertTrue(text.contains(from), from);
    Files.writeString(dir.resolve(file), text.replace(from, to));
  }

  @Test
  void aCloseOnAStageBeforeTheLastIsUnrealisticAndOnTheLastStageIsFine() throws Exception {
    copyExample();
    edit(
        "objectives.yaml",
        "- {id: demo, objective: sales-demo-booked}",
        "- {id: demo, objective: sales-close}");
    Lint.Report r = Lint.report(dir);
    List<LintFinding> unrealistic =
        r.findings().stream().filter(f -> f.rule().equals(ObjectiveLinter.UNREALISTIC)).toList();
    assertEquals(1, unrealistic.size(), r.findings().toString());
    assertEquals("sales-close", unrealistic.get(0).objectiveId());
    assertTrue(
        unrealistic.get(0).message().contains("stage demo (demo, 1 of 3)"),
        unrealistic.get(0).message());
    assertTrue(
        unrealistic.get(0).suggestion().contains("The customer"), unrealistic.get(0).suggestion());
    assertEquals(lineOf("advance: The customer signs the order form"), unrealistic.get(0).line());
    // The shipped chain has the close on its last stage: no finding.
    assertTrue(
        Lint.report(EXAMPLE).findings().stream()
            .noneMatch(f -> f.rule().equals(ObjectiveLinter.UNREALISTIC)));
  }

  @Test
  void aLoadWithLintErrorsFailsNamingTheFileAndLine() throws Exception {
    copyExample();
    edit(
        "objectives.yaml",
        "advance: The customer agrees to a proposal review meeting with the decision maker within 10 days",
        "advance: Present the proposal to the decision maker");
    ConfigException e = assertThrows(ConfigException.class, () -> Lint.loader(dir).load());
    assertEquals(lineOf("advance: Present the proposal"), e.line());
    assertTrue(e.getMessage().contains("objectives.yaml:" + e.line()), e.getMessage());
    assertTrue(e.getMessage().contains("not-an-advance"), e.getMessage());
    assertTrue(e.getMessage().contains("outbound-follow-up"), e.getMessage());
  }

  @Test
  void anObjectiveWithoutAMeasureIsRefusedByTheCheckWithASuggestion() throws Exception {
    copyExample();
    edit(
        "objectives.yaml",
        "    measure: A demo date and time is confirmed by the customer and entered in the calendar"
            + " before hanging up\n",
        "");
    ConfigException e = assertThrows(ConfigException.class, () -> Lint.loader(dir).load());
    assertTrue(
        e.getMessage().contains("[not-measurable]")
            && e.getMessage().contains("the measure is empty"),
        e.getMessage());
    assertTrue(e.getMessage().contains("Suggested:"), e.getMessage());
  }

  @Test
  void adminsExtendTheWordListsInLintYamlOrReplaceThem() throws Exception {
    copyExample();
    edit("lint.yaml", "vaguePhrases: [circle back, get the ball rolling]", "vaguePhrases: [demo]");
    Lint.Report rep = Lint.report(dir);
    assertTrue(
        rep.findings().stream()
            .anyMatch(
                f ->
                    f.objectiveId().equals("sales-demo-booked")
                        && f.rule().equals(ObjectiveLinter.TOO_GENERAL)),
        rep.toString());
    edit("lint.yaml", "replaceDefaults: false", "replaceDefaults: true");
    ObjectiveLinter bare = new ObjectiveLinter(LintRules.load(dir));
    assertTrue(
        errors(
                bare.lint(
                    new Objective(
                        "x",
                        "t",
                        "The customer agrees to touch base",
                        GOOD_MEASURE,
                        GOOD_TIME,
                        List.of()),
                    shipped,
                    f -> 0,
                    "f"))
            .stream()
            .noneMatch(ObjectiveLinter.TOO_GENERAL::equals));
  }

  @Test
  void aBadPatternOrKeyInLintYamlNamesItsLine() throws Exception {
    copyExample();
    edit(
        "lint.yaml",
        "timePatterns: []        # regular expressions",
        "timePatterns:\n  - 'during (the call'");
    ConfigException e = assertThrows(ConfigException.class, () -> LintRules.load(dir));
    assertTrue(e.getMessage().contains("regular expression"), e.getMessage());
    assertEquals(lineOf(dir.resolve("lint.yaml"), "during (the call"), e.line());
    edit("lint.yaml", "hedges: []", "hedgez: []");
    assertTrue(
        assertThrows(ConfigException.class, () -> LintRules.load(dir))
            .getMessage()
            .contains("hedgez"));
  }

  @Test
  void theLintCommandPrintsFindingsWithFileAndLineAndFailsOnErrors() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    assertEquals(
        0,
        LintCommand.run(
            List.of("--config", EXAMPLE.toString()), new java.io.PrintStream(bytes, true)));
    assertTrue(bytes.toString().contains("0 error(s)"), bytes.toString());
    copyExample();
    edit("objectives.yaml", "timeFrame: within 2 working days of the call", "timeFrame: soon");
    edit("objectives.yaml", "by e-mail within 2 working days, so", "by e-mail, so");
    bytes.reset();
    assertEquals(
        1,
        LintCommand.run(List.of("--config", dir.toString()), new java.io.PrintStream(bytes, true)));
    assertTrue(
        bytes
            .toString()
            .contains(
                "objectives.yaml:"
                    + lineOf("timeFrame: soon")
                    + ": error [not-time-bound]"
                    + " objective support-usage-figures"),
        bytes.toString());
  }

  private int lineOf(String text) throws Exception {
    return lineOf(dir.resolve("objectives.yaml"), text);
  }

  private static int lineOf(Path file, String text) throws Exception {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }
}
