package org.callobjectives.server.objectives.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.callobjectives.server.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site places its trade's own steps in the buying process with {@code steps} in lint.yaml. */
class SiteStepsInLintYamlTest {
  private static final Path EXAMPLE = Path.of("..", "config");
  private static final String DEMO_ADVANCE =
      "advance: The customer agrees to a 30-minute demo on a specific date and time within the next"
          + " 7 days";
  private static final String DEMO_MEASURE =
      "measure: A demo date and time is confirmed by the customer and entered in the calendar"
          + " before hanging up";

  @TempDir Path dir;

  @Test
  void aStepTheSitePlacesAtCloseIsUnrealisticOnTheDemoStage() throws Exception {
    copyExample();
    edit(DEMO_ADVANCE, "advance: The skipper books the hull survey for Saturday");
    assertEquals(List.of(), unrealistic(), "unknown to the built-in reading");

    steps("{close: [hull survey]}");
    List<LintFinding> found = unrealistic();
    assertEquals(1, found.size(), found.toString());
    LintFinding f = found.get(0);
    assertEquals(Severity.ERROR, f.severity());
    assertEquals("sales-demo-booked", f.objectiveId());
    assertTrue(
        f.message().contains("'hull survey' is a step this site places in lint.yaml (a close step)")
            && f.message().contains("stage demo"),
        f.message());
    assertTrue(f.suggestion() != null && !f.suggestion().isBlank(), f.toString());
  }

  @Test
  void aSiteStepOneStageAheadOrNamedOnlyInTheMeasureIsReadToo() throws Exception {
    copyExample();
    edit(DEMO_ADVANCE, "advance: The skipper books the hull survey for Saturday");
    steps("{proposal: [hull survey]}");
    assertEquals(List.of(), unrealistic(), "one stage ahead is fine");

    copyExample();
    edit(DEMO_MEASURE, "measure: Hull survey date in the boat's file");
    steps("{commitment: [hull survey]}");
    assertEquals(1, unrealistic().size(), "the measure names the step");
  }

  @Test
  void aSiteStepOverridesTheBuiltInPlacementOfTheWordsItCovers() throws Exception {
    copyExample();
    edit(DEMO_ADVANCE, "advance: The customer signs the test-drive agreement by Friday");
    assertEquals(1, unrealistic().size(), "the built-in reading sees a signed agreement");

    steps("{demo: [test-drive agreement]}");
    assertEquals(List.of(), unrealistic(), "the site says it is a demo-stage step");

    copyExample();
    edit(
        DEMO_ADVANCE,
        "advance: The customer signs the contract and the test-drive agreement by Friday");
    steps("{demo: [test-drive agreement]}");
    assertEquals(1, unrealistic().size(), "the contract is still a close");
  }

  @Test
  void anOutsideAuthorityTheSiteNamesMakesItsApprovalALateStep() throws Exception {
    copyExample();
    edit(
        DEMO_ADVANCE,
        "advance: The chairlift operator gets the Seilbahnbehoerde's approval for the new drive");
    assertEquals(List.of(), unrealistic(), "unknown to the built-in reading");

    authorities("[Seilbahnbehoerde, the diocese]");
    assertEquals(1, unrealistic().size(), "an outside body's approval, two stages ahead");

    copyExample();
    edit(
        DEMO_ADVANCE,
        "advance: The parish gets the diocese's approval for the organ restoration by Friday");
    authorities("[Seilbahnbehoerde, the diocese]");
    assertEquals(1, unrealistic().size(), "a name of two words, as written");

    copyExample();
    edit(
        DEMO_ADVANCE,
        "advance: The operator asks the Seilbahnbehoerde which form they need and emails it to us by"
            + " Friday");
    authorities("[Seilbahnbehoerde]");
    assertEquals(List.of(), unrealistic(), "asking the body something is no approval");
  }

  @Test
  void aCallPurposeTheSiteListsIsTooGeneral() throws Exception {
    copyExample();
    edit(
        DEMO_ADVANCE,
        "advance: The customer agrees to a call on Friday at 10am to review the rota");
    assertEquals(List.of(), findings(ObjectiveLinter.TOO_GENERAL), "a purpose, so concrete");

    Path lint = dir.resolve("lint.yaml");
    Files.writeString(
        lint,
        Files.readString(lint).replace("emptyPurposes: []", "emptyPurposes: [review the rota]"));
    assertEquals(1, findings(ObjectiveLinter.TOO_GENERAL).size(), "the site says it names nothing");
  }

  @Test
  void aStepUnderAnUnknownStageIsRefusedNamingTheStagesAndItsLine() throws Exception {
    copyExample();
    steps("\n  negotiation: [hull survey]");
    ConfigException e = assertThrows(ConfigException.class, () -> LintRules.load(dir));
    assertTrue(
        e.getMessage().contains("'negotiation' is no stage")
            && e.getMessage()
                .contains(
                    "first-contact, outbound-prospecting, discovery, demo, proposal, commitment, close"),
        e.getMessage());
    assertTrue(e.line() > 0, e.getMessage());
  }

  @Test
  void theSiteStepsStayWhenTheBuiltInListsAreReplaced() throws Exception {
    copyExample();
    steps("{close: [hull survey, bill of sale], demo: [sea trial]}");
    Path lint = dir.resolve("lint.yaml");
    Files.writeString(
        lint, Files.readString(lint).replace("replaceDefaults: false", "replaceDefaults: true"));
    assertEquals(
        java.util.Map.of(
            "close", List.of("hull survey", "bill of sale"), "demo", List.of("sea trial")),
        LintRules.load(dir).steps());
  }

  private List<LintFinding> unrealistic() {
    return findings(ObjectiveLinter.UNREALISTIC);
  }

  private List<LintFinding> findings(String rule) {
    Lint.Report r = Lint.report(dir);
    assertEquals(null, r.loadError(), String.valueOf(r.loadError()));
    return r.findings().stream()
        .filter(f -> f.rule().equals(rule))
        .filter(f -> f.objectiveId().equals("sales-demo-booked"))
        .toList();
  }

  private void steps(String yaml) throws Exception {
    Path lint = dir.resolve("lint.yaml");
    String text = Files.readString(lint);
    assertTrue(text.contains("steps: {}"), text);
    Files.writeString(lint, text.replace("steps: {}", "steps: " + yaml));
  }

  private void authorities(String yaml) throws Exception {
    Path lint = dir.resolve("lint.yaml");
    String text = Files.readString(lint);
    assertTrue(text.contains("outsideAuthorities: []"), text);
    Files.writeString(lint, text.replace("outsideAuthorities: []", "outsideAuthorities: " + yaml));
  }

  private void copyExample() throws Exception {
    for (String f : new String[] {"server.yaml", "agents.yaml", "objectives.yaml", "lint.yaml"}) {
      Files.copy(EXAMPLE.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void edit(String from, String to) throws Exception {
    Path file = dir.resolve("objectives.yaml");
    String text = Files.readString(file);
    assertTrue(text.contains(from), from);
    Files.writeString(file, text.replace(from, to));
  }
}
