package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.assertMeasureWaits;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.findingsOnStage;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.onStage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The likeness models: trained on the dev slice only, and a second opinion the check trusts when
 * sure.
 */
class LikenessTest {
  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    AccountEventsAndRolesTest.load();
  }

  @Test
  void thePackagedModelsWereTrainedOnWhatTheDevSliceAndTheReadingGiveToday() throws Exception {
    List<LabelledCorpus.Entry> dev =
        LabelledCorpus.load(Path.of("src", "test", "resources", "checker", "dev"));
    List<Likeness.Example> examples = LabelledCorpus.examples(dev, Path.of("..", "config"));
    assertTrue(examples.size() > 12_000, "dev slice: " + examples.size());
    String packaged;
    try (InputStream in = Likeness.class.getResourceAsStream(Likeness.DIGEST)) {
      packaged = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    }
    assertEquals(
        packaged,
        Likeness.digest(examples),
        "the dev slice or the reading changed: retrain with CheckerModels");
    for (String rule : Likeness.RULES) {
      try (InputStream in = Likeness.class.getResourceAsStream(Likeness.resource(rule))) {
        assertEquals(2, Likeness.read(in).getNumOutcomes(), rule);
      }
    }
    for (String rule : Likeness.WORD_RULES) {
      try (InputStream in = Likeness.class.getResourceAsStream(Likeness.wordsResource(rule))) {
        assertEquals(2, Likeness.read(in).getNumOutcomes(), rule);
      }
    }
  }

  @Test
  void theReadingsFindingsAreFeaturesByRuleSeverityAndOpening() {
    List<String> f =
        List.of(
            Likeness.features(
                "Demo",
                "We present the demo",
                "Demo given",
                "discovery",
                List.of(
                    new LintFinding(
                        "x",
                        Severity.ERROR,
                        ObjectiveLinter.NOT_AN_ADVANCE,
                        "not an advance: 'present' is the agent's work, not the customer's",
                        "f",
                        1))));
    assertTrue(f.contains("t:demo"), f.toString());
    assertTrue(f.contains("s:discovery"), f.toString());
    assertTrue(f.contains("f:E:not-an-advance"), f.toString());
    assertTrue(
        f.contains("fm:E:not-an-advance:not_an_advance_q_is_the_agent_s_work"), f.toString());
    assertTrue(f.contains("s:discovery|f:not-an-advance"), f.toString());
    assertTrue(!f.contains("f:none"), f.toString());
  }

  @Test
  void featuresAreWordsAndWordPairsOfEachField() {
    assertEquals(
        List.of("m:demo", "m:booked", "m:demo_booked", "a:buyer", "a:books", "a:buyer_books"),
        List.of(Likeness.features("Buyer books", "Demo booked")));
    assertEquals(List.of("a:they'll"), List.of(Likeness.features("They’ll", "")));
  }

  @Test
  void theAgentsWorkAndAFeltMeasureReadAsTheirRules() {
    String[] walk =
        Likeness.features(
            "Pricing",
            "We walk the buyer through the pricing tiers",
            "Tiers explained",
            "none",
            List.of());
    assertTrue(Likeness.ofWords(ObjectiveLinter.NOT_AN_ADVANCE, walk) > 0.5);
    // (which of the agent's words tells most shifts as the dev slice grows)
    String telling =
        Likeness.mostTelling(f -> Likeness.ofWords(ObjectiveLinter.NOT_AN_ADVANCE, f), walk, "a");
    assertTrue(
        java.util.Set.of("we walk", "walk the", "we", "walk", "through", "buyer through")
            .contains(telling),
        telling);
    String[] understood =
        Likeness.features(
            "Value",
            "The prospect sees the value of switching",
            "Value understood",
            "none",
            List.of());
    String felt =
        Likeness.mostTelling(
            f -> Likeness.ofWords(ObjectiveLinter.NOT_MEASURABLE, f), understood, "m");
    assertTrue(java.util.Set.of("understood", "value understood", "value").contains(felt), felt);
  }

  @Test
  void theOpinionAddsARuleTheReadingMissedButNeverRepeatsOne() throws Exception {
    List<LintFinding> found =
        findingsOnStage(
            dir,
            "first-contact",
            "The homeowner warms to hearing more about solar",
            "Openness noted in CRM");
    // the feeling written down waits, as a warning, for the advance to name a step
    assertMeasureWaits(found);
    found = found.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    assertEquals(
        List.of(ObjectiveLinter.NOT_AN_ADVANCE, ObjectiveLinter.TOO_GENERAL),
        found.stream().map(LintFinding::rule).toList());
    LintFinding opinion = found.get(1);
    assertEquals(Severity.ERROR, opinion.severity());
    assertTrue(opinion.message().startsWith("too general, most likely"), opinion.message());
    // the word (or pair) that weighs most, from the advance; which one moves with retraining
    var quoted = java.util.regex.Pattern.compile("'([^']+)' above all").matcher(opinion.message());
    assertTrue(quoted.find(), opinion.message());
    assertTrue(
        "the homeowner warms to hearing more about solar".contains(quoted.group(1)),
        opinion.message());
    assertTrue(opinion.suggestion().contains("The homeowner agrees to"), opinion.suggestion());
    assertTrue(found.get(0).message().contains("state of mind"), found.get(0).message());
  }

  @Test
  void theCustomerIsNeverTheTellingWord() {
    String[] understanding =
        Likeness.features(
            "The customer understands the value of our solution",
            "Customer understanding confirmed");
    assertEquals(
        "understanding",
        Likeness.mostTelling(
            f -> Likeness.ofWords(ObjectiveLinter.NOT_MEASURABLE, f), understanding, "m"));
  }

  @Test
  void aGoodObjectiveGetsNoOpinion() throws Exception {
    assertEquals(
        List.of(),
        onStage(
            dir,
            "first-contact",
            "The CFO emails last year's usage figures before we hang up",
            "Usage file received in the shared inbox"));
  }
}
