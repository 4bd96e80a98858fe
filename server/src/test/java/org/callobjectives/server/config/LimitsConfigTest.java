package org.callobjectives.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.callobjectives.server.objectives.lint.Lint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** server.yaml's limits section: defaults, and a value out of range named with its limit. */
class LimitsConfigTest {
  static final Path EXAMPLE = Path.of("..", "config");

  @TempDir Path dir;

  private Config load(String limits) throws Exception {
    for (String f : new String[] {"server.yaml", "agents.yaml", "objectives.yaml"}) {
      Files.copy(EXAMPLE.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(
        dir.resolve("server.yaml"), Files.readString(EXAMPLE.resolve("server.yaml")) + limits);
    return Lint.loader(dir).load();
  }

  @Test
  void withoutALimitsSectionTheDefaultsFitACallCentreFloorBehindOneAddress() throws Exception {
    ServerSettings.Limits l = Lint.loader(EXAMPLE).load().server().limits();
    assertEquals(10_000, l.connections());
    assertEquals(1_000, l.connectionsPerAddress());
    assertEquals(Duration.ofSeconds(10), l.requestHeaderTimeout());
    assertEquals(Duration.ofSeconds(30), l.requestBodyTimeout());
  }

  @Test
  void theLimitsSectionIsReadAndMissingFieldsKeepTheirDefaults() throws Exception {
    ServerSettings.Limits l =
        load("limits:\n  connections: 20000\n  requestHeaderSeconds: 5\n").server().limits();
    assertEquals(20_000, l.connections());
    assertEquals(1_000, l.connectionsPerAddress());
    assertEquals(Duration.ofSeconds(5), l.requestHeaderTimeout());
    assertEquals(Duration.ofSeconds(30), l.requestBodyTimeout());
    assertEquals(
        500,
        load("limits:\n  connections: 500\n").server().limits().connectionsPerAddress(),
        "the per-address default never exceeds the cap in all");
  }

  @Test
  void aLimitOutOfRangeIsRefusedNamingTheFieldItsRangeAndItsLine() throws Exception {
    for (String[] bad :
        new String[][] {
          {"  connections: 0\n", "limits.connections", "1..1000000"},
          {"  connections: 100\n  connectionsPerAddress: 101\n", "connectionsPerAddress", "1..100"},
          {"  requestHeaderSeconds: 0\n", "limits.requestHeaderSeconds", "1..300"},
          {"  requestBodySeconds: 4000\n", "limits.requestBodySeconds", "1..3600"}
        }) {
      ConfigException e = assertThrows(ConfigException.class, () -> load("limits:\n" + bad[0]));
      assertTrue(e.getMessage().contains("server.yaml"), e.getMessage());
      assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
      assertTrue(e.getMessage().contains(bad[2]), e.getMessage());
      assertTrue(e.line() > 0, e.getMessage());
    }
  }
}
