package org.callobjectives.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * server.yaml's {@code webhooks:}: defaults, the three ways to give a secret, and clear refusals.
 */
class WebhookConfigTest {
  static final String SECRET = "0123456789abcdef0123";

  @TempDir Path dir;

  @AfterEach
  void realEnvironment() {
    ConfigLoader.environment = System::getenv;
  }

  private ServerSettings load(String webhooks) throws ConfigException {
    Path f = dir.resolve("server.yaml");
    try {
      Files.writeString(f, "listen:\n  port: 0\nwebhooks:\n" + webhooks);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return ConfigLoader.loadServer(f);
  }

  private ConfigException refused(String webhooks) {
    return assertThrows(ConfigException.class, () -> load(webhooks));
  }

  @Test
  void aWebhookGetsDefaultsAndItsSecretNeverShowsInTheLog() throws Exception {
    ServerSettings s =
        load(
            """
              - name: crm
                url: https://crm.example.com/hooks/calls?token=abc
                secret: %s
            """
                .formatted(SECRET));
    Webhook w = s.webhooks().get(0);
    assertEquals("crm", w.name());
    assertEquals(Set.of("disposition", "call_ended"), w.events());
    assertEquals(Duration.ofSeconds(10), w.timeout());
    assertEquals(Duration.ofSeconds(1), w.retryFirst());
    assertEquals(Duration.ofMinutes(5), w.retryMax());
    assertEquals(SECRET, w.secret());
    assertFalse(w.toString().contains(SECRET), w.toString());
    assertFalse(w.toString().contains("token=abc"), "a token in the query is masked too");
    assertTrue(w.toString().contains("https://crm.example.com/hooks/calls?****"), w.toString());
    assertFalse(s.toString().contains(SECRET), "nor in the settings' text");
  }

  @Test
  void theSecretComesFromAnEnvironmentVariableOrAFileBesideTheConfig() throws Exception {
    ConfigLoader.environment = Map.of("CRM_SECRET", SECRET + "-env")::get;
    Files.writeString(dir.resolve("crm.secret"), SECRET + "-file\n");
    ServerSettings s =
        load(
            """
              - name: from-env
                url: https://crm.example.com/a
                secretEnv: CRM_SECRET
                events: [disposition, undisposed]
                timeoutSeconds: 2.5
                retry: {firstSeconds: 0.05, maxSeconds: 30}
              - name: from-file
                url: http://127.0.0.1:9000/b
                secretFile: crm.secret
            """);
    Webhook env = s.webhooks().get(0);
    assertEquals(SECRET + "-env", env.secret());
    assertEquals("secretEnv CRM_SECRET", env.secretSource());
    assertEquals(List.of("disposition", "undisposed"), env.eventList());
    assertEquals(Duration.ofMillis(2500), env.timeout());
    assertEquals(Duration.ofMillis(50), env.retryFirst());
    assertEquals(Duration.ofSeconds(30), env.retryMax());
    assertEquals(SECRET + "-file", s.webhooks().get(1).secret(), "trimmed");
  }

  @Test
  void whatCannotWorkIsRefusedNamingTheFieldAndLine() {
    ConfigException e =
        refused(
            """
              - name: crm
                url: ftp://crm.example.com/x
                secret: %s
            """
                .formatted(SECRET));
    assertEquals(5, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("url must start with https://"), e.getMessage());
    assertTrue(e.getMessage().contains("/webhooks/0/url"), e.getMessage());

    e = refused("  - name: crm\n    url: https://crm.example.com/x\n");
    assertTrue(e.getMessage().contains("webhook crm has no secret"), e.getMessage());

    e =
        refused(
            "  - name: crm\n    url: https://crm.example.com/x\n    secret: %s\n    secretEnv: X\n"
                .formatted(SECRET));
    assertTrue(e.getMessage().contains("more than one secret"), e.getMessage());

    e = refused("  - name: crm\n    url: https://crm.example.com/x\n    secret: short\n");
    assertTrue(e.getMessage().contains("at least 16 characters"), e.getMessage());
    assertEquals(6, e.line());

    ConfigLoader.environment = Map.<String, String>of()::get;
    e = refused("  - name: crm\n    url: https://crm.example.com/x\n    secretEnv: NOT_SET_HERE\n");
    assertTrue(
        e.getMessage().contains("environment variable NOT_SET_HERE (secretEnv) is not set"),
        e.getMessage());

    e = refused("  - name: crm\n    url: https://crm.example.com/x\n    secretFile: missing\n");
    assertTrue(e.getMessage().contains("cannot read secretFile"), e.getMessage());

    e =
        refused(
            "  - name: crm\n    url: https://crm.example.com/x\n    secret: %s\n    events: [sale]\n"
                .formatted(SECRET));
    assertTrue(e.getMessage().contains("unknown event 'sale'"), e.getMessage());
    assertTrue(e.getMessage().contains("disposition, call_ended, undisposed"), e.getMessage());

    e =
        refused(
            ("  - name: crm\n    url: https://a.example.com/x\n    secret: %s\n"
                    + "  - name: crm\n    url: https://b.example.com/x\n    secret: %s\n")
                .formatted(SECRET, SECRET));
    assertTrue(e.getMessage().contains("duplicate webhook name 'crm'"), e.getMessage());

    e =
        refused(
            "  - name: crm\n    url: https://a.example.com/x\n    secret: %s\n    timeoutSeconds: 0\n"
                .formatted(SECRET));
    assertTrue(e.getMessage().contains("timeoutSeconds must be from 0.1 to 300"), e.getMessage());

    e =
        refused(
            ("  - name: crm\n    url: https://a.example.com/x\n    secret: %s\n"
                    + "    retry: {firstSeconds: 10, maxSeconds: 5}\n")
                .formatted(SECRET));
    assertTrue(e.getMessage().contains("at least retry.firstSeconds"), e.getMessage());

    e =
        refused(
            "  - name: 'c r m'\n    url: https://a.example.com/x\n    secret: %s\n"
                .formatted(SECRET));
    assertTrue(e.getMessage().contains("must be 1-40 letters"), e.getMessage());

    e =
        refused(
            "  - name: crm\n    url: https://a.example.com/x\n    secret: %s\n    tiemout: 3\n"
                .formatted(SECRET));
    assertTrue(e.getMessage().contains("unknown key 'tiemout'"), e.getMessage());
  }
}
