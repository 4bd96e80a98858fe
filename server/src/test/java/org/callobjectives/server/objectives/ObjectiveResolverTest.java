package org.callobjectives.server.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.config.Stage;
import org.callobjectives.server.config.Target;
import org.callobjectives.server.objectives.lint.Lint;
import org.callobjectives.server.store.CallerOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order in which mapping rules pick a call's objective(s), and what objectives.yaml may say
 * about it.
 */
class ObjectiveResolverTest {
  static final String RULES =
      """

      agentOverrides:
        "1003": {objectives: [support-usage-figures, sales-demo-booked]}
      campaigns:
        - {id: promo, start: 2026-11-01, end: 2026-11-30, objective: sales-proposal-review}
      """;

  @TempDir Path dir;

  private Config config(String objectivesEdit) throws Exception {
    for (String f : new String[] {"server.yaml", "agents.yaml", "objectives.yaml", "lint.yaml"}) {
      Files.copy(
          Path.of("..", "config", f),
          dir.resolve(f),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    String text =
        Files.readString(dir.resolve("objectives.yaml"))
                .replace("agentOverrides: {}\n", "")
                .replace("campaigns: []\n", "")
            + RULES;
    text =
        text.replace(
            "    objective: support-usage-figures\n",
            "    objectives: [support-usage-figures, outbound-follow-up]\n");
    Files.writeString(
        dir.resolve("objectives.yaml"),
        objectivesEdit == null ? text : objectivesEdit.replace("$", text));
    return Lint.loader(dir).load();
  }

  private static ObjectiveResolver resolver(Config c, String day) {
    return new ObjectiveResolver(
        () -> c, null, Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneId.systemDefault()));
  }

  @Test
  void anAgentOverrideBeatsTheQueueAndOutboundRulesAndGivesTwoObjectives() throws Exception {
    Config c = config(null);
    ObjectiveResolver r = resolver(c, "2026-11-22");
    var carol = c.agent("1003").orElseThrow();
    var q = r.forQueueCall("sales", carol, "1555");
    assertEquals("support-usage-figures", q.objective().id());
    assertEquals("sales-demo-booked", q.objective().secondary().id());
    assertEquals("agent override for 1003", q.rule());
    assertEquals("support-usage-figures", r.forOutbound(carol, "1555").objective().id());
  }

  @Test
  void aQueueGivesItsObjectivePairOrItsFirstStageToANewCaller() throws Exception {
    Config c = config(null);
    ObjectiveResolver r = resolver(c, "2026-11-22");
    var dave = c.agent("2001").orElseThrow();
    var support = r.forQueueCall("support", dave, "1555");
    assertEquals("support-usage-figures", support.objective().id());
    assertEquals("outbound-follow-up", support.objective().secondary().id());
    assertEquals("queue support", support.rule());
    var sales = r.forQueueCall("sales", dave, "1555");
    assertEquals("sales-demo-booked", sales.objective().id());
    assertEquals("demo", sales.objective().stage());
    assertNull(sales.objective().secondary());
  }

  @Test
  void outboundGoesAgentThenGroupThenCampaignInItsWindowThenDefault() throws Exception {
    Config c = config(null);
    var alice = c.agent("1001").orElseThrow(); // sales-team: has a group mapping
    var dave = c.agent("2001").orElseThrow(); // support-team: no group mapping
    assertEquals(
        "outbound group sales-team", resolver(c, "2026-11-22").forOutbound(alice, "1").rule());
    var inWindow = resolver(c, "2026-11-30").forOutbound(dave, "1");
    assertEquals("sales-proposal-review", inWindow.objective().id());
    assertTrue(inWindow.rule().startsWith("campaign promo"), inWindow.rule());
    assertEquals("default", resolver(c, "2026-12-01").forOutbound(dave, "1").rule());
    assertEquals("default", resolver(c, "2026-10-31").forOutbound(dave, "1").rule());
    // A queue nobody mapped follows the outbound rules.
    assertTrue(
        resolver(c, "2026-11-22")
            .forQueueCall("billing", dave, "1")
            .rule()
            .startsWith("campaign promo"));
    assertEquals(
        "outbound group sales-team",
        resolver(c, "2026-11-22").forQueueCall("billing", alice, "1").rule());
  }

  @Test
  void anAdvanceMovesOneStageOnNoAdvanceStaysAndTheLastStageIsTheEnd() {
    List<Stage> chain =
        List.of(
            new Stage("demo", Target.of("a")),
            new Stage("proposal", Target.of("b")),
            new Stage("close", Target.of("c")));
    assertEquals(0, ObjectiveResolver.stageIndex(chain, Optional.empty()));
    assertEquals(1, ObjectiveResolver.stageIndex(chain, Optional.of(outcome("demo", true))));
    assertEquals(0, ObjectiveResolver.stageIndex(chain, Optional.of(outcome("demo", false))));
    assertEquals(2, ObjectiveResolver.stageIndex(chain, Optional.of(outcome("proposal", true))));
    assertEquals(2, ObjectiveResolver.stageIndex(chain, Optional.of(outcome("close", true))));
    assertEquals(
        0, ObjectiveResolver.stageIndex(chain, Optional.of(outcome("renamed-stage", true))));
  }

  private static CallerOutcome outcome(String stage, boolean advance) {
    return new CallerOutcome(
        "1555", "c", "sales", stage, "x", advance ? "ADVANCE" : "NO_ADVANCE", advance, 1);
  }

  @Test
  void invalidMappingRulesNameTheFileAndLine() throws Exception {
    assertRejected(
        "objectives: [support-usage-figures, sales-demo-booked]",
        "objectives: [support-usage-figures, sales-demo-booked, sales-close]",
        "at most 2 key objectives");
    assertRejected("\"1003\": {objectives", "\"9999\": {objectives", "unknown agent '9999'");
    assertRejected("end: 2026-11-30", "end: 2026-10-30", "ends (2026-10-30) before it starts");
    assertRejected("start: 2026-11-01", "start: 1st November", "not a date");
    assertRejected(
        "- {id: proposal, objective: sales-proposal-review}",
        "- {id: demo, objective: sales-proposal-review}",
        "duplicate stage 'demo'");
    assertRejected(
        "    stages:\n",
        "    objective: sales-demo-booked\n    stages:\n",
        "either stages or objective");
  }

  private void assertRejected(String from, String to, String message) throws Exception {
    config(null);
    String text = Files.readString(dir.resolve("objectives.yaml"));
    assertTrue(text.contains(from), from);
    String bad = text.replace(from, to);
    Files.writeString(dir.resolve("objectives.yaml"), bad);
    ConfigException e = assertThrows(ConfigException.class, () -> Lint.loader(dir).load());
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(e.getMessage().startsWith(dir.resolve("objectives.yaml") + ":"), e.getMessage());
    assertTrue(e.line() > 0, e.getMessage());
  }
}
