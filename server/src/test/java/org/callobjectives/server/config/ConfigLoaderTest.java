package org.callobjectives.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.server.objectives.lint.Lint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  static final Path EXAMPLE = Path.of("..", "config");

  @TempDir Path dir;

  @Test
  void theShippedExampleConfigLoadsWithTheTracesQueuesAndAgents() throws Exception {
    Config c = Lint.loader(EXAMPLE).load();
    assertEquals(5, c.agents().size());
    assertTrue(c.server().demoMode());
    assertEquals(Duration.ofSeconds(120), c.server().wrapUp());
    assertEquals("sales-demo-booked", c.queue("sales").orElseThrow().objectiveId());
    assertEquals("support-usage-figures", c.queue("support").orElseThrow().objectiveId());
    assertEquals("1001", c.agentForMember("Local/1001@agents/n", "Alice Agent").orElseThrow().id());
    assertEquals("2002", c.agentForMember("SIP/elsewhere", "Erin Agent").orElseThrow().id());
    assertEquals("1002", c.agentForDevice("Local/1002@agents-00000006;1").orElseThrow().id());
    assertEquals("1003", c.agentForDevice("PJSIP/1003-0000002a").orElseThrow().id());
    assertEquals("outbound-follow-up", c.outbound().objectiveFor(c.agent("1001").orElseThrow()));
    assertTrue(
        c.objective("sales-demo-booked").orElseThrow().checklist().stream()
            .anyMatch(i -> i.kind() == ChecklistKind.COMPLIANCE && i.required()));
  }

  private ConfigException loadWith(String file, String text) throws Exception {
    for (String f : new String[] {"server.yaml", "agents.yaml", "objectives.yaml"}) {
      Files.copy(
          EXAMPLE.resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(dir.resolve(file), text);
    return assertThrows(ConfigException.class, () -> Lint.loader(dir).load());
  }

  @Test
  void aQueueMappedToAnUnknownObjectiveNamesTheFileAndLine() throws Exception {
    String text =
        Files.readString(EXAMPLE.resolve("objectives.yaml"))
            .replace("objective: support-usage-figures", "objective: no-such-objective");
    ConfigException e = loadWith("objectives.yaml", text);
    assertTrue(e.getMessage().contains("objectives.yaml:"), e.getMessage());
    assertTrue(e.getMessage().contains("no-such-objective"), e.getMessage());
    int line = 0;
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("no-such-objective")) {
        line = i + 1;
      }
    }
    assertEquals(line, e.line());
  }

  @Test
  void aServiceLevelThresholdOutsideOneSecondToAnHourIsRefusedByName() throws Exception {
    String text =
        Files.readString(EXAMPLE.resolve("objectives.yaml"))
            .replace("serviceLevelSeconds: 20", "serviceLevelSeconds: 0");
    ConfigException e = loadWith("objectives.yaml", text);
    assertTrue(e.getMessage().contains("serviceLevelSeconds must be 1..3600"), e.getMessage());
    assertEquals(
        20, Lint.loader(EXAMPLE).load().serviceLevelSeconds("support"), "the default threshold");
  }

  @Test
  void aTypoInAKeyIsReportedWithItsLineAndTheKnownKeys() throws Exception {
    ConfigException e = loadWith("server.yaml", "listen:\n  host: 127.0.0.1\n  prot: 8088\n");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("prot"), e.getMessage());
  }

  @Test
  void wrongTypesDuplicateIdsAndMissingFieldsAreRejected() throws Exception {
    assertTrue(loadWith("server.yaml", "listen:\n  port: lots\n").getMessage().contains("port"));
    assertTrue(
        loadWith("server.yaml", "wrapUpSeconds: 1\n").getMessage().contains("wrapUpSeconds"));
    String agents =
        Files.readString(EXAMPLE.resolve("agents.yaml")).replace("id: \"1002\"", "id: \"1001\"");
    assertTrue(loadWith("agents.yaml", agents).getMessage().contains("duplicate agent id"));
    String noAdvance =
        Files.readString(EXAMPLE.resolve("objectives.yaml"))
            .replaceFirst("    advance: The customer agrees to a 30-minute demo[^\n]*\n", "");
    assertTrue(loadWith("objectives.yaml", noAdvance).getMessage().contains("advance"));
    assertTrue(
        loadWith("objectives.yaml", "objectives: [\n").getMessage().contains("not valid YAML"));
    String badKind =
        Files.readString(EXAMPLE.resolve("objectives.yaml"))
            .replaceFirst("kind: quality", "kind: vibes");
    assertTrue(loadWith("objectives.yaml", badKind).getMessage().contains("vibes"));
  }

  @Test
  void aValueOfTheWrongShapeIsNamedInPlainWords() throws Exception {
    String lint = Files.readString(EXAMPLE.resolve("lint.yaml"));
    ConfigException list =
        loadWith("lint.yaml", lint.replace("customerActors: []", "customerActors: {bursar: yes}"));
    assertTrue(
        list.getMessage()
            .contains(
                "wrong value at /customerActors: expected a list, e.g. [first, second], found keys"
                    + " and values"),
        list.getMessage());
    assertTrue(list.line() > 0, list.getMessage());
    ConfigException number = loadWith("server.yaml", "listen:\n  port: lots\n");
    assertTrue(number.getMessage().contains("expected a number, found text"), number.getMessage());
  }

  @Test
  void agentsTokensMustBeHashes() throws Exception {
    ConfigException e =
        loadWith(
            "agents.yaml",
            "agents:\n  - id: \"1\"\n    interfaces: [PJSIP/1]\n    tokenHash: plain-text\n");
    assertEquals(4, e.line());
  }
}
