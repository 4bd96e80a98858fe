package org.callobjectives.server.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.ExperimentArm;
import org.callobjectives.server.experiments.Assignment;
import org.callobjectives.server.objectives.lint.Lint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an experiment replaces a queue's objective, and where it does not. */
class ExperimentResolutionTest {
  static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  @TempDir Path dir;

  private ObjectiveResolver resolver(String start, Instant now) throws Exception {
    for (String f : new String[] {"server.yaml", "agents.yaml", "objectives.yaml", "lint.yaml"}) {
      Files.copy(Path.of("..", "config", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    String text =
        Files.readString(dir.resolve("objectives.yaml"))
            .replace(
                "agentOverrides: {}\n", "agentOverrides:\n  \"2002\": {objective: sales-close}\n")
            .replace(
                "    objective: support-usage-figures\n",
                "    objectives: [support-usage-figures, sales-close]\n");
    Files.writeString(
        dir.resolve("objectives.yaml"),
        text
            + """

            experiments:
              - id: ask
                queue: support
                start: %s
                variants:
                  - {id: A, objective: support-usage-figures, weight: 50}
                  - {id: B, objective: outbound-follow-up, weight: 50}
            """
                .formatted(start));
    Config c = Lint.loader(dir).load();
    return new ObjectiveResolver(() -> c, null, Clock.fixed(now, ZoneId.systemDefault()));
  }

  private static Agent dave() {
    return new Agent("2001", "Dave Agent", null, java.util.List.of(), null);
  }

  /** A number the experiment puts in variant {@code v}. */
  private static String numberIn(String v) {
    Assignment a =
        Assignment.of(
            "ask",
            java.util.List.of(
                new org.callobjectives.server.experiments.Variant("A", 50),
                new org.callobjectives.server.experiments.Variant("B", 50)));
    for (int i = 0; ; i++) {
      String n = "1555000" + i;
      if (a.variantFor(n).orElseThrow().equals(v)) {
        return n;
      }
    }
  }

  @Test
  void aCallerInVariantBGetsBsObjectiveKeepsTheSecondAndCarriesItsArm() throws Exception {
    ObjectiveResolver r = resolver("2026-12-01", NOW);
    var res = r.forQueueCall("support", dave(), numberIn("B"));
    assertEquals("outbound-follow-up", res.objective().id());
    assertEquals("sales-close", res.objective().secondary().id(), "the second objective stays");
    assertEquals(new ExperimentArm("ask", "B"), res.experiment());
    assertTrue(res.rule().endsWith("experiment ask variant B"), res.rule());
    var a = r.forQueueCall("support", dave(), "+" + numberIn("A"));
    assertEquals("support-usage-figures", a.objective().id());
    assertEquals(new ExperimentArm("ask", "A"), a.experiment(), "a leading + is the same caller");
  }

  @Test
  void aCallerWithoutANumberGetsTheControlAndIsNotCounted() throws Exception {
    var res = resolver("2026-12-01", NOW).forQueueCall("support", dave(), "anonymous");
    assertEquals("support-usage-figures", res.objective().id());
    assertNull(res.experiment());
    assertTrue(res.rule().contains("no caller number: control, not counted"), res.rule());
  }

  @Test
  void beforeItsStartAnAgentOverrideAndAnotherQueueTakeNoPart() throws Exception {
    String b = numberIn("B");
    assertNull(resolver("2026-12-03", NOW).forQueueCall("support", dave(), b).experiment());
    ObjectiveResolver r = resolver("2026-12-01", NOW);
    Agent erin = new Agent("2002", "Erin Agent", null, java.util.List.of(), null);
    var overridden = r.forQueueCall("support", erin, b);
    assertEquals("sales-close", overridden.objective().id());
    assertNull(overridden.experiment());
    assertNull(r.forQueueCall("sales", dave(), b).experiment());
    assertNull(r.forOutbound(dave(), b).experiment());
  }
}
