package org.callobjectives.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.callobjectives.server.objectives.lint.Lint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenPopTest {
  static final Path EXAMPLE = Path.of("..", "config");

  @TempDir Path dir;

  @Test
  void valuesAreEncodedSoACallerIdCannotChangeWhereTheLinkGoes() {
    ScreenPop pop =
        new ScreenPop("https://crm.example.com/find?phone={callerNumber}&n={callerName}");
    assertEquals(
        "https://crm.example.com/find?phone=%2B1555%26admin%3Dtrue%23x&n=Ann%20O%27Neil",
        pop.url("c1", "+1555&admin=true#x", "Ann O'Neil", "sales", "1001"));
    assertEquals("https://crm.example.com/find?phone=&n=", pop.url("c1", null, null, null, null));
  }

  @Test
  void aQueuesTemplateReachesItsMapping() throws Exception {
    String url = "https://crm.example.com/contact?phone={callerNumber}&agent={agentId}";
    QueueMapping sales = load(url).queue("sales").orElseThrow();
    assertEquals(url, sales.screenPop().template());
    assertEquals(null, load(url).queue("support").orElseThrow().screenPop());
  }

  @Test
  void anUnknownPlaceholderIsRefusedNamingTheOnesThereAre() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> load("https://crm.example.com/?p={phone}"));
    assertTrue(e.getMessage().contains("{phone}"), e.getMessage());
    assertTrue(e.getMessage().contains("{callerNumber}"), e.getMessage());
    assertTrue(e.getMessage().contains("/queues/sales/screenPop"), e.getMessage());
  }

  @Test
  void onlyAbsoluteWebAddressesAreTaken() {
    for (String bad :
        new String[] {
          "javascript:alert(1)//{callId}", "/crm/{callId}", "ftp://crm.example.com/{callId}"
        }) {
      ConfigException e = assertThrows(ConfigException.class, () -> load(bad), bad);
      assertTrue(e.getMessage().contains("http:// or https://"), e.getMessage());
    }
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> load("https://crm.example.com/" + "x".repeat(2100)));
    assertTrue(e.getMessage().contains("at most 2000"), e.getMessage());
  }

  private Config load(String template) throws Exception {
    Files.createDirectories(dir);
    try (var files = Files.list(EXAMPLE)) {
      for (Path f : files.toList()) {
        if (Files.isRegularFile(f)) {
          Files.copy(
              f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    String sales = "    serviceLevelSeconds: 20\n";
    String yaml = Files.readString(EXAMPLE.resolve("objectives.yaml"));
    Files.writeString(
        dir.resolve("objectives.yaml"),
        yaml.replace(sales, sales + "    screenPop: \"" + template.replace("\"", "\\\"") + "\"\n"));
    return Lint.loader(dir).load();
  }
}
