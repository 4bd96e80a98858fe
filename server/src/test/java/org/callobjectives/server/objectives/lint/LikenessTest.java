package org.callobjectives.server.objectives.lint;

import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.findingsOnStage;
import static org.callobjectives.server.objectives.lint.AccountEventsAndRolesTest.onStage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import opennlp.tools.ml.model.MaxentModel;
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

  static List<Likeness.Example> devSlice() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Likeness.Example> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src", "test", "resources", "checker", "dev"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        for (JsonNode n : yaml.readTree(f.toFile())) {
          Set<String> rules = new TreeSet<>();
          n.path("rules").forEach(r -> rules.add(r.asText()));
          out.add(
              new Likeness.Example(
                  n.path("advance").asText(""), n.path("measure").asText(""), rules));
        }
      }
    }
    return out;
  }

  @Test
  void thePackagedModelsAreWhatTheDevSliceTrains() throws Exception {
    List<Likeness.Example> dev = devSlice();
    assertTrue(dev.size() > 8_000, "dev slice: " + dev.size());
    for (String rule : Likeness.RULES) {
      MaxentModel trained = Likeness.train(rule, dev);
      MaxentModel packaged;
      try (InputStream in = Likeness.class.getResourceAsStream(Likeness.resource(rule))) {
        packaged = Likeness.read(in);
      }
      for (int i = 0; i < dev.size(); i += 97) {
        Likeness.Example e = dev.get(i);
        String[] f = Likeness.features(e.advance(), e.measure());
        assertEquals(
            trained.eval(f)[trained.getIndex(Likeness.APPLIES)],
            packaged.eval(f)[packaged.getIndex(Likeness.APPLIES)],
            1e-9,
            rule + " on " + e.advance() + " (retrain with CheckerModels after a dev change)");
      }
    }
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
        Likeness.features("We walk the buyer through the pricing tiers", "Tiers explained");
    assertTrue(Likeness.of(ObjectiveLinter.NOT_AN_ADVANCE, walk) > 0.5);
    // (which of the agent's words tells most shifts as the dev slice grows)
    String telling = Likeness.mostTelling(ObjectiveLinter.NOT_AN_ADVANCE, walk, "a");
    assertTrue(java.util.Set.of("we walk", "walk the", "we", "walk").contains(telling), telling);
    String[] understood =
        Likeness.features("The prospect sees the value of switching", "Value understood");
    assertTrue(Likeness.of(ObjectiveLinter.NOT_MEASURABLE, understood) > Likeness.SURE);
    assertEquals(
        "understood", Likeness.mostTelling(ObjectiveLinter.NOT_MEASURABLE, understood, "m"));
  }

  @Test
  void theOpinionAddsARuleTheReadingMissedButNeverRepeatsOne() throws Exception {
    List<LintFinding> found =
        findingsOnStage(
            dir,
            "first-contact",
            "The homeowner is open to hearing more about solar",
            "Openness noted in CRM");
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
        "the homeowner is open to hearing more about solar".contains(quoted.group(1)),
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
        "understanding", Likeness.mostTelling(ObjectiveLinter.NOT_MEASURABLE, understanding, "m"));
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
