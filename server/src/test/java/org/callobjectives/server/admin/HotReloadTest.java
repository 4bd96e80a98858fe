package org.callobjectives.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.callobjectives.server.ami.AmiEvent;
import org.callobjectives.server.calls.CallTracker;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.objectives.ObjectiveResolver;
import org.callobjectives.server.objectives.lint.Lint;
import org.callobjectives.server.security.Tokens;
import org.callobjectives.server.testing.AdminServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config changes without dropping calls: file watching, rejected files, calls keeping their
 * objective.
 */
class HotReloadTest {
  @TempDir Path tmp;

  static void await(String what, BooleanSupplier ok) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!ok.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void anEditedFileIsPickedUpByTheWatcherAndPutInForce() throws Exception {
    try (AdminServer s = AdminServer.start(tmp)) {
      Path file = s.configDir.resolve("objectives.yaml");
      Files.writeString(
          file,
          Files.readString(file).replace("title: Book a product demo", "title: Book the demo"));
      await(
          "the new title is in force",
          () ->
              s.server
                  .config()
                  .objective("sales-demo-booked")
                  .orElseThrow()
                  .title()
                  .equals("Book the demo"));
      assertTrue(s.admin.config().last().ok());
    }
  }

  @Test
  void aBrokenFileIsRejectedWithFileAndLineAndTheLastGoodConfigurationStays() throws Exception {
    try (AdminServer s = AdminServer.start(tmp)) {
      Config before = s.server.config();
      Path file = s.configDir.resolve("objectives.yaml");
      String good = Files.readString(file);
      // A typo in a key (structural), then a lint error: both rejected, neither takes effect.
      String typo =
          good.replace(
              "    maxWaitSeconds: 120\n    dispositionCodes:",
              "    maxWaitSecs: 120\n    dispositionCodes:");
      Files.writeString(file, typo);
      await("the broken file is rejected", () -> !s.admin.config().last().ok());
      ConfigService.Outcome o = s.admin.config().last();
      assertTrue(o.error().contains("maxWaitSecs"), o.error());
      assertEquals(AdminApiTest.lineOf(typo, "maxWaitSecs"), o.errorLine());
      assertTrue(o.errorFile().endsWith("objectives.yaml"));
      assertTrue(
          before == s.server.config(), "the configuration in force is still the last good one");

      String vague =
          good.replace(
              "advance: The customer agrees to a proposal review meeting with the decision"
                  + " maker within 10 days",
              "advance: Touch base with the customer");
      Files.writeString(file, vague);
      await(
          "the vague objective is rejected",
          () ->
              !s.admin.config().last().ok()
                  && s.admin.config().last().error().contains("too-general"));
      assertEquals(AdminApiTest.lineOf(vague, "Touch base"), s.admin.config().last().errorLine());
      assertTrue(before == s.server.config());
      // The reload API says the same, with 422.
      var r = s.admin("POST", "/api/admin/reload", "{}");
      assertEquals(422, r.statusCode());
      assertTrue(r.body().contains("too-general"), r.body());

      Files.writeString(file, good.replace("title: Book a product demo", "title: Fixed"));
      await(
          "a good file loads again",
          () ->
              s.admin.config().last().ok()
                  && s.server
                      .config()
                      .objective("sales-demo-booked")
                      .orElseThrow()
                      .title()
                      .equals("Fixed"));
    }
  }

  @Test
  void aCallInProgressKeepsItsObjectiveAcrossAReloadAndTheNextCallGetsTheNewOne() throws Exception {
    Path cfg = tmp.resolve("config");
    Files.createDirectories(cfg);
    for (String f : new String[] {"server.yaml", "agents.yaml", "objectives.yaml", "lint.yaml"}) {
      Files.copy(Path.of("..", "config", f), cfg.resolve(f));
    }
    AtomicReference<Config> config = new AtomicReference<>(Lint.loader(cfg).load());
    List<CallRecord> records = new ArrayList<>();
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    CallTracker tracker =
        new CallTracker(
            config::get,
            new ObjectiveResolver(config::get),
            new CallListener() {
              @Override
              public void connected(CallRecord c, long nanos) {
                records.add(c);
              }

              @Override
              public void ended(CallRecord c) {
                records.add(c);
              }
            },
            clock,
            (server, epoch) -> {});
    tracker.handle(
        new AmiEvent.AgentConnect(
            "pbx",
            0,
            "support",
            "1.1",
            "1.1",
            "Local/support@callers-1;2",
            "15550001",
            "Caller",
            "1.2",
            "Local/2001@agents-2;1",
            "Local/2001@agents/n",
            "Dave Agent",
            1));
    assertEquals("support-usage-figures", records.get(0).objective().id());

    // Reload mid-call: support now maps to another objective, and the old one is renamed.
    Path file = cfg.resolve("objectives.yaml");
    Files.writeString(
        file,
        Files.readString(file)
            .replace("objective: support-usage-figures", "objective: outbound-follow-up")
            .replace("title: Resolve and get usage figures", "title: Renamed"));
    // Closed at the end: its threads must not write next to the temp folder being deleted.
    org.callobjectives.server.store.Store store =
        org.callobjectives.server.store.Store.open(tmp.resolve("a.db"));
    ConfigService service =
        new ConfigService(cfg, config::get, config::set, store.auditLog(), clock);
    assertTrue(service.reload("test", "edited", false).get().ok());
    assertEquals("outbound-follow-up", config.get().queue("support").orElseThrow().objectiveId());

    tracker.handle(
        new AmiEvent.AgentComplete(
            "pbx",
            0,
            "support",
            "1.1",
            null,
            "15550001",
            null,
            "1.2",
            "Local/2001@agents-2;1",
            "Local/2001@agents/n",
            "Dave Agent",
            1,
            30,
            "caller"));
    CallRecord ended = records.get(1);
    assertFalse(ended.open());
    assertEquals(
        "support-usage-figures",
        ended.objective().id(),
        "the call keeps the objective it connected with");
    assertEquals("Resolve and get usage figures", ended.objective().title());

    tracker.handle(
        new AmiEvent.AgentConnect(
            "pbx",
            0,
            "support",
            "2.1",
            "2.1",
            "Local/support@callers-3;2",
            "15550002",
            "Next",
            "2.2",
            "Local/2002@agents-4;1",
            "Local/2002@agents/n",
            "Erin Agent",
            1));
    assertEquals(
        "outbound-follow-up", records.get(2).objective().id(), "a new call gets the new mapping");
    service.close();
    store.close();
  }

  /**
   * What the README's Hot reload table says: agents.yaml is live, server.yaml waits for a restart.
   */
  @Test
  void anEditedAgentsYamlIsInForceWhileServerYamlChangesWaitForARestart() throws Exception {
    try (AdminServer s = AdminServer.start(tmp)) {
      assertEquals(401, s.send("GET", "/api/admin/status", "1009", "demo-1009", null).statusCode());
      Path server = s.configDir.resolve("server.yaml");
      Files.writeString(
          server,
          Files.readString(server)
              + "  - name: newsup\n    role: supervisor\n    tokenHash: \""
              + Tokens.hash("demo-newsup")
              + "\"\n");
      Path agents = s.configDir.resolve("agents.yaml");
      Files.writeString(
          agents,
          Files.readString(agents)
              + "  - id: \"1009\"\n    name: Nina New\n    interfaces: [PJSIP/1009]\n"
              + "    tokenHash: \""
              + Tokens.hash("demo-1009")
              + "\"\n");
      await("agent 1009 is in force", () -> s.server.config().agent("1009").isPresent());
      // Signed in (an agent may not use the admin API: 403, no longer 401).
      assertEquals(403, s.send("GET", "/api/admin/status", "1009", "demo-1009", null).statusCode());
      assertTrue(s.admin.config().last().ok());
      assertFalse(
          s.server.config().users().stream().anyMatch(u -> u.name().equals("newsup")),
          "users of server.yaml are read at start only");
      assertEquals(
          401, s.send("GET", "/api/admin/status", "newsup", "demo-newsup", null).statusCode());
    }
  }
}
