package org.callobjectives.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import org.callobjectives.server.objectives.lint.Lint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiments in objectives.yaml: loaded with their variants, refused with the field to fix. */
class ExperimentsConfigTest {
  static final Path EXAMPLE = Path.of("..", "config");

  static final String GOOD =
      """

      experiments:
        - id: support-wording
          queue: support
          start: 2026-11-01
          end: 2027-01-31
          variants:
            - {id: A, objective: support-usage-figures, weight: 50}
            - {id: B, objective: outbound-follow-up, weight: 50}
        - id: demo-wording
          queue: sales
          stage: demo
          start: 2026-11-01
          variants:
            - {id: control, objective: sales-demo-booked, weight: 60}
            - {id: shorter, objective: sales-proposal-review, weight: 40}
      """;

  @TempDir Path dir;

  private Config load(String experiments) throws Exception {
    for (String f : new String[] {"server.yaml", "agents.yaml", "objectives.yaml", "lint.yaml"}) {
      Files.copy(EXAMPLE.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(
        dir.resolve("objectives.yaml"),
        Files.readString(EXAMPLE.resolve("objectives.yaml")) + experiments);
    return Lint.loader(dir).load();
  }

  private ConfigException refused(String experiments) {
    return assertThrows(ConfigException.class, () -> load(experiments));
  }

  @Test
  void experimentsOnAQueueAndOnAStageLoadWithTheirVariantsInOrder() throws Exception {
    Config c = load(GOOD);
    Experiment x = c.rules().experiment("support-wording").orElseThrow();
    assertEquals("support", x.queue());
    assertNull(x.stage());
    assertEquals("A", x.control().id());
    assertEquals("outbound-follow-up", x.variant("B").orElseThrow().objectiveId());
    assertEquals(LocalDate.of(2027, 1, 31), x.plannedEnd());
    Experiment d = c.rules().experiment("demo-wording").orElseThrow();
    assertEquals("demo", d.stage());
    assertEquals(40, d.variants().get(1).weight());
    assertTrue(c.rules().experimentOn("sales", "demo", LocalDate.of(2026, 12, 2)).isPresent());
    assertTrue(c.rules().experimentOn("sales", "proposal", LocalDate.of(2026, 12, 2)).isEmpty());
    assertTrue(
        c.rules().experimentOn("support", null, LocalDate.of(2027, 2, 1)).isEmpty(),
        "past its planned end");
    assertTrue(
        c.rules().experimentOn("support", null, LocalDate.of(2026, 10, 31)).isEmpty(),
        "before its start");
  }

  @Test
  void weightsThatDoNotAddUpToOneHundredAreRefusedNamingTheVariantsAndTheLine() {
    ConfigException e = refused(GOOD.replace("weight: 60}", "weight: 70}"));
    assertTrue(e.getMessage().contains("the weights 70/40 add up to 110"), e.getMessage());
    assertTrue(e.getMessage().contains("/experiments/1/variants"), e.getMessage());
    assertTrue(e.line() > 0, "a line: " + e.getMessage());
  }

  @Test
  void aVariantWithAnUnknownObjectiveIsRefusedNamingTheField() {
    ConfigException e = refused(GOOD.replace("objective: outbound-follow-up", "objective: nope"));
    assertTrue(
        e.getMessage().contains("variant B maps to unknown objective 'nope'"), e.getMessage());
    assertTrue(e.getMessage().contains("(at /experiments/0/variants/1/objective)"), e.getMessage());
  }

  @Test
  void anUnknownQueueAMissingStageAndAStageOfAQueueWithoutStagesAreRefused() {
    assertTrue(
        refused(GOOD.replace("queue: support", "queue: billing"))
            .getMessage()
            .contains("queue 'billing' is not under queues"));
    assertTrue(
        refused(GOOD.replace("    stage: demo\n", ""))
            .getMessage()
            .contains("queue sales has stages; name the stage"));
    assertTrue(
        refused(GOOD.replace("queue: support\n", "queue: support\n    stage: demo\n"))
            .getMessage()
            .contains("queue support has no stages; leave stage out"));
    assertTrue(
        refused(GOOD.replace("stage: demo", "stage: nowhere"))
            .getMessage()
            .contains("has no stage 'nowhere'"));
  }

  @Test
  void aSingleVariantADuplicateIdAndTwoRunningExperimentsOnOneQueueAreRefused() {
    assertTrue(
        refused(GOOD.replace("      - {id: B, objective: outbound-follow-up, weight: 50}\n", ""))
            .getMessage()
            .contains("has 1 variants: give 2 to 5"));
    assertTrue(
        refused(GOOD.replace("id: demo-wording", "id: support-wording"))
            .getMessage()
            .contains("duplicate experiment id 'support-wording'"));
    ConfigException both = refused(GOOD.replace("queue: sales\n    stage: demo", "queue: support"));
    assertTrue(
        both.getMessage().contains("while experiment support-wording does"), both.getMessage());
    assertTrue(both.getMessage().contains("(at /experiments/1/start)"), both.getMessage());
  }

  @Test
  void badDatesAndARollOutWithoutAnEndAreRefusedByName() {
    assertTrue(
        refused(GOOD.replace("start: 2026-11-01\n    end:", "start: 1 Nov\n    end:"))
            .getMessage()
            .contains("experiment support-wording: start '1 Nov' is not a date"));
    assertTrue(
        refused(GOOD.replace("end: 2027-01-31", "end: 2026-10-01"))
            .getMessage()
            .contains("ends (2026-10-01) before it starts (2026-11-01)"));
    assertTrue(
        refused(GOOD.replace("end: 2027-01-31", "end: 2027-01-31\n    rolledOut: B"))
            .getMessage()
            .contains("rolledOut is set when the experiment ends"));
    assertTrue(
        refused(GOOD.replace("end: 2027-01-31", "ended: 2026-12-01\n    rolledOut: C"))
            .getMessage()
            .contains("rolledOut 'C' is not one of its variants [A, B]"));
  }

  @Test
  void anEndedExperimentAssignsNobodyAndFreesItsQueueForTheNext() throws Exception {
    Config c =
        load(
            GOOD.replace("end: 2027-01-31", "ended: 2026-12-01\n    rolledOut: B")
                .replace("queue: sales\n    stage: demo", "queue: support"));
    assertEquals(
        "demo-wording",
        c.rules().experimentOn("support", null, LocalDate.of(2026, 12, 2)).orElseThrow().id());
  }
}
