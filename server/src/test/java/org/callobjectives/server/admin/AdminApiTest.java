package org.callobjectives.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.ProposalAck;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.testing.AdminServer;
import org.callobjectives.server.testing.AgentRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin REST API on a real server: who may use it, validation before saving, audit, preview,
 * proposals.
 */
class AdminApiTest {
  @TempDir Path tmp;
  AdminServer s;

  @BeforeEach
  void start() throws Exception {
    s = AdminServer.start(tmp);
  }

  @AfterEach
  void stop() {
    s.close();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  @Test
  void unauthenticatedRequestsGet401AndAgentsAndSupervisorsGet403() throws Exception {
    for (String path :
        List.of(
            "/api/admin/objectives", "/api/admin/mappings", "/api/admin/files/objectives.yaml")) {
      assertEquals(401, s.send("GET", path, null, null, null).statusCode(), path);
      assertEquals(403, s.send("GET", path, "1001", "demo-1001", null).statusCode(), path);
      assertEquals(403, s.send("GET", path, "sam", "demo-supervisor", null).statusCode(), path);
      assertEquals(200, s.admin("GET", path, null).statusCode(), path);
    }
    assertEquals(
        403,
        s.send("PUT", "/api/admin/files/objectives.yaml", "1001", "demo-1001", "{\"text\":\"x\"}")
            .statusCode());
    assertEquals(401, s.send("POST", "/api/admin/reload", null, null, "{}").statusCode());
    assertEquals(
        401, s.send("GET", "/api/admin/objectives", "ada", "wrong-token", null).statusCode());
  }

  @Test
  void objectivesComeWithTheirLintResultsAndMappingsShowTheChainOfAdvances() throws Exception {
    JsonNode objectives = json(s.admin("GET", "/api/admin/objectives", null));
    assertEquals(5, objectives.size());
    for (JsonNode o : objectives) {
      for (JsonNode f : o.get("findings")) {
        assertEquals(
            "WARNING", f.get("severity").asText(), "shipped objectives have no lint errors: " + f);
      }
    }
    assertEquals(
        "sales-close",
        json(s.admin("GET", "/api/admin/objectives/sales-close", null)).get("id").asText());
    assertEquals(404, s.admin("GET", "/api/admin/objectives/nope", null).statusCode());
    JsonNode m = json(s.admin("GET", "/api/admin/mappings", null));
    JsonNode sales = null;
    for (JsonNode q : m.get("queues")) {
      if (q.get("queue").asText().equals("sales")) {
        sales = q;
      }
    }
    assertEquals("demo", sales.get("stages").get(0).get("id").asText());
    assertEquals("sales-close", sales.get("stages").get(2).get("objective").asText());
    assertEquals("default", m.get("order").get(5).asText());
  }

  @Test
  void anInvalidEditIsRejectedWithFileAndLineAndNothingIsSavedOrChanged() throws Exception {
    Path file = s.configDir.resolve("objectives.yaml");
    String before = Files.readString(file);
    String broken =
        before
            .replace("timeFrame: within 2 working days of the call", "timeFrame: soon")
            .replace("by e-mail within 2 working days, so", "by e-mail, so");
    HttpResponse<String> r =
        s.admin(
            "PUT",
            "/api/admin/files/objectives.yaml",
            Json.mapper().writeValueAsString(java.util.Map.of("text", broken)));
    assertEquals(422, r.statusCode(), r.body());
    JsonNode o = json(r);
    assertFalse(o.get("ok").asBoolean());
    assertTrue(o.get("error").asText().contains("not-time-bound"), r.body());
    assertEquals(lineOf(broken, "timeFrame: soon"), o.get("errorLine").asInt());
    assertTrue(o.get("errorFile").asText().endsWith("objectives.yaml"), r.body());
    assertFalse(
        o.get("errorFile").asText().contains("config-candidate"),
        "the real path, not the temp copy");
    assertEquals(before, Files.readString(file));
    // YAML that does not parse at all: also file:line, also not saved.
    r =
        s.admin(
            "PUT",
            "/api/admin/files/objectives.yaml",
            "{\"text\":\"objectives: [\\n  - id: x\\n\"}");
    assertEquals(422, r.statusCode());
    assertTrue(json(r).get("error").asText().contains("objectives.yaml:"), r.body());
    assertEquals(before, Files.readString(file));
    // lint endpoint: same verdict without saving
    JsonNode lint =
        json(
            s.admin(
                "POST",
                "/api/admin/lint",
                Json.mapper()
                    .writeValueAsString(
                        java.util.Map.of("file", "objectives.yaml", "text", broken))));
    assertFalse(lint.get("ok").asBoolean());
    assertEquals(
        "support-usage-figures", s.server.config().queue("support").orElseThrow().objectiveId());
  }

  @Test
  void aValidEditIsSavedAtomicallyWithABackupPutInForceAndAudited() throws Exception {
    Path file = s.configDir.resolve("objectives.yaml");
    String before = Files.readString(file);
    String changed =
        before.replace("title: Book a product demo", "title: Book a 30-minute product demo");
    HttpResponse<String> r =
        s.admin(
            "PUT",
            "/api/admin/files/objectives.yaml",
            Json.mapper().writeValueAsString(java.util.Map.of("text", changed)));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(changed, Files.readString(file));
    assertEquals(
        "Book a 30-minute product demo",
        s.server.config().objective("sales-demo-booked").orElseThrow().title());
    try (var backups = Files.list(s.configDir.resolve("backups"))) {
      List<Path> b = backups.toList();
      assertEquals(1, b.size());
      assertEquals(before, Files.readString(b.get(0)));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + s.database);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT who, action, file, summary, before_text, after_text FROM config_audit WHERE action = 'save'")) {
      assertTrue(rs.next());
      assertEquals("ada", rs.getString(1));
      assertEquals("objectives.yaml", rs.getString(3));
      assertTrue(rs.getString(4).contains("+1 -1 lines"), rs.getString(4));
      assertEquals(before, rs.getString(5));
      assertEquals(changed, rs.getString(6));
    }
    JsonNode audit = json(s.admin("GET", "/api/admin/audit", null));
    assertEquals("ada", audit.get(0).get("who").asText());
  }

  @Test
  void previewTellsWhichObjectiveACallWouldGetAndWhy() throws Exception {
    JsonNode p =
        json(s.admin("GET", "/api/admin/preview?number=15551239999&queue=sales&agent=1001", null));
    assertEquals("sales-demo-booked", p.get("objective").get("id").asText());
    assertEquals("demo", p.get("objective").get("stage").asText());
    assertTrue(p.get("rule").asText().contains("stage demo (1 of 3)"), p.toString());
    assertTrue(
        p.get("call").asText().contains("15551239999 on queue sales for agent 1001"), p.toString());
    p =
        json(
            s.admin(
                "GET",
                "/api/admin/preview?number=15559870001&agent=2001&direction=outbound",
                null));
    assertEquals("outbound-follow-up", p.get("objective").get("id").asText());
    assertEquals("default", p.get("rule").asText());
    assertEquals(
        400, s.admin("GET", "/api/admin/preview?queue=sales&agent=9999", null).statusCode());
  }

  @Test
  void changesNeedJsonSoOtherSitesCannotPostForms() throws Exception {
    HttpResponse<String> r = s.send("POST", "/api/admin/reload", "ada", "demo-admin", null);
    assertEquals(415, r.statusCode());
    assertEquals(
        400, s.admin("PUT", "/api/admin/files/agents.yaml", "{\"text\":\"x\"}").statusCode());
    assertEquals(400, s.admin("PUT", "/api/admin/files/objectives.yaml", "[1]").statusCode());
  }

  @Test
  void aProposalFromTheAgentBridgeIsListedAndTheAdminAcceptsIt() throws Exception {
    AgentRecorder rec = new AgentRecorder("1002");
    try (BridgeClient c = new BridgeClient(s.agentUri(), "1002", "demo-1002", null, rec)) {
      c.start();
      rec.next(Welcome.class);
      ProposalAck ack =
          c.propose("sales-demo-booked", "<b>Allow 14 days</b>: managers travel")
              .get(10, TimeUnit.SECONDS);
      assertTrue(ack.proposalId() > 0);
      var refused = c.propose("no-such-objective", "x");
      assertTrue(assertThrowsCause(refused).contains("unknown objective"));
    }
    JsonNode list = json(s.admin("GET", "/api/admin/proposals", null));
    assertEquals(1, list.size());
    assertEquals("1002", list.get(0).get("agentId").asText());
    assertEquals("<b>Allow 14 days</b>: managers travel", list.get(0).get("text").asText());
    long id = list.get(0).get("id").asLong();
    assertEquals(200, s.admin("POST", "/api/admin/proposals/" + id + "/accept", "{}").statusCode());
    assertEquals(
        404, s.admin("POST", "/api/admin/proposals/" + id + "/dismiss", "{}").statusCode());
    assertEquals(
        "accepted",
        json(s.admin("GET", "/api/admin/proposals", null)).get(0).get("status").asText());
    assertEquals(
        "proposal-accepted",
        json(s.admin("GET", "/api/admin/audit", null)).get(0).get("action").asText());
  }

  @Test
  void queuesAsteriskReportsOverQueueSummaryAreListedBesideTheConfiguredOnes() throws Exception {
    try (org.callobjectives.amisim.AmiWireServer pbx =
        new org.callobjectives.amisim.AmiWireServer(java.net.InetAddress.getLoopbackAddress(), 0)
            .start()) {
      pbx.setChannelDirectory(
          new org.callobjectives.amisim.ChannelDirectory() {
            @Override
            public List<org.callobjectives.amisim.AmiEvent> coreShowChannels() {
              return List.of();
            }

            @Override
            public List<org.callobjectives.amisim.AmiEvent> queueStatus() {
              return List.of();
            }

            @Override
            public List<org.callobjectives.amisim.AmiEvent> queueSummary() {
              return List.of(summary("sales"), summary("billing"));
            }

            @Override
            public List<org.callobjectives.amisim.AmiEvent> status() {
              return List.of();
            }
          });
      s.server.connectAmi(
          new org.callobjectives.server.config.AmiServer(
              "pbx",
              "127.0.0.1",
              pbx.port(),
              org.callobjectives.amisim.AmiWireServer.DEFAULT_USERNAME,
              org.callobjectives.amisim.AmiWireServer.DEFAULT_SECRET));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      JsonNode billing = null;
      while (billing == null && System.nanoTime() < deadline) {
        for (JsonNode q : json(s.admin("GET", "/api/admin/mappings", null)).get("queues")) {
          if (q.get("queue").asText().equals("billing")) {
            billing = q;
          }
        }
        Thread.sleep(50);
      }
      assertTrue(billing != null, "queue billing from QueueSummary listed");
      assertTrue(billing.get("seen").asBoolean());
      assertFalse(billing.get("configured").asBoolean());
      for (JsonNode q : json(s.admin("GET", "/api/admin/mappings", null)).get("queues")) {
        if (q.get("queue").asText().equals("support")) {
          assertFalse(q.get("seen").asBoolean(), "configured but not on this Asterisk");
          assertTrue(q.get("configured").asBoolean());
        }
      }
    }
  }

  private static org.callobjectives.amisim.AmiEvent summary(String queue) {
    return org.callobjectives.amisim.AmiEvent.event("QueueSummary")
        .put("Queue", queue)
        .put("LoggedIn", 1)
        .put("Available", 1)
        .put("Callers", 0)
        .put("HoldTime", 0)
        .put("TalkTime", 0)
        .put("LongestHoldTime", 0)
        .build();
  }

  private static String assertThrowsCause(java.util.concurrent.CompletableFuture<?> f) {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return String.valueOf(e.getCause() == null ? e : e.getCause().getMessage());
    }
    throw new AssertionError("expected a failure");
  }

  static int lineOf(String text, String part) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(part)) {
        return i + 1;
      }
    }
    throw new AssertionError(part);
  }
}
