package org.callobjectives.server.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.QueueMapping;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.domain.ExperimentArm;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.AdminServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An admin starts an experiment through the HTTP API, watches its review reach a verdict, ends it
 * and rolls out the winner: objectives.yaml is edited, validated, hot reloaded and audited; a
 * variant without the test's support needs a confirmation.
 */
class ExperimentAdminFlowTest {
  @TempDir Path tmp;

  static final String START =
      """
      {"id": "support-ask", "queue": "support", "variants": [
        {"id": "A", "objective": "support-usage-figures", "weight": 50},
        {"id": "B", "objective": "outbound-follow-up", "weight": 50}]}""";

  @Test
  void anAdminStartsReviewsEndsAndRollsOutTheWinnerWithEveryStepInTheFileAndTheAudit()
      throws Exception {
    try (AdminServer s = AdminServer.start(tmp)) {
      Path file = s.configDir.resolve("objectives.yaml");
      String before = Files.readString(file);

      HttpResponse<String> bad =
          s.admin(
              "POST",
              "/api/admin/experiments",
              START.replace("\"weight\": 50}]", "\"weight\": 60}]"));
      assertEquals(422, bad.statusCode(), bad.body());
      JsonNode why = Json.mapper().readTree(bad.body());
      assertTrue(why.get("error").asText().contains("the weights 50/60 add up to 110"), bad.body());
      assertTrue(why.get("error").asText().contains("/experiments/0/variants"), bad.body());
      assertEquals(before, Files.readString(file), "nothing saved");
      assertEquals(
          403,
          s.send("POST", "/api/admin/experiments", "sam", "demo-supervisor", START).statusCode());

      HttpResponse<String> started = s.admin("POST", "/api/admin/experiments", START);
      assertEquals(200, started.statusCode(), started.body());
      String text = Files.readString(file);
      assertTrue(text.startsWith(before.stripTrailing()), "the admin's text and comments stay");
      assertTrue(text.contains("- id: \"support-ask\""), text);
      assertTrue(s.server.config().rules().experiment("support-ask").isPresent(), "hot reloaded");

      JsonNode fresh = get(s, "/api/experiments/support-ask");
      assertEquals("running", fresh.get("status").asText());
      assertEquals("NOT_ENOUGH_DATA", fresh.get("comparisons").get(0).get("verdict").asText());
      assertTrue(fresh.get("rollOut").isNull());

      // 80 assigned calls per variant with their dispositions: 20 % advances for A, 60 % for B.
      seed(s, "support-ask", "A", 80, 2);
      seed(s, "support-ask", "B", 80, 6);
      JsonNode review = get(s, "/api/experiments/support-ask");
      assertEquals(80, review.get("variants").get(0).get("calls").asLong());
      assertEquals(16, review.get("variants").get(0).get("advances").asLong());
      assertEquals(48, review.get("variants").get(1).get("advances").asLong());
      assertEquals("WINNER", review.get("comparisons").get(0).get("verdict").asText());
      assertEquals("B", review.get("rollOut").asText());
      assertTrue(
          review.get("summary").asText().contains("safe to roll out B"),
          review.get("summary").asText());

      HttpResponse<String> loser =
          s.admin("POST", "/api/admin/experiments/support-ask/end", "{\"rollOut\": \"A\"}");
      assertEquals(409, loser.statusCode(), loser.body());
      assertTrue(loser.body().contains("supports rolling out B, not A"), loser.body());

      HttpResponse<String> ended = s.admin("POST", "/api/admin/experiments/support-ask/end", "{}");
      assertEquals(200, ended.statusCode(), ended.body());
      JsonNode out = Json.mapper().readTree(ended.body());
      assertEquals("B", out.get("rolledOut").asText());
      assertEquals("outbound-follow-up", out.get("objective").asText());
      Config now = s.server.config();
      assertEquals("outbound-follow-up", now.queue("support").orElseThrow().objectiveId());
      assertTrue(now.rules().experimentOn("support", null, today()).isEmpty(), "no longer runs");
      String after = Files.readString(file);
      assertTrue(after.contains("objective: \"outbound-follow-up\""), after);
      assertTrue(after.contains("ended: \"" + today() + "\""), after);
      assertTrue(after.contains("rolledOut: \"B\""), after);
      JsonNode done = get(s, "/api/experiments/support-ask");
      assertEquals("ended", done.get("status").asText());
      assertEquals(80, done.get("variants").get(1).get("calls").asLong(), "figures stay visible");
      JsonNode preview = get(s, "/api/admin/preview?number=15551230102&queue=support&agent=2001");
      assertEquals("outbound-follow-up", preview.get("objective").get("id").asText());
      assertFalse(preview.get("rule").asText().contains("experiment"));
      assertEquals(
          409, s.admin("POST", "/api/admin/experiments/support-ask/end", "{}").statusCode());

      String audit = s.admin("GET", "/api/admin/audit", null).body();
      assertTrue(audit.contains("experiment-started"), audit);
      assertTrue(
          audit.contains(
              "experiment support-ask ended, rolled out B (outbound-follow-up) on queue support as"
                  + " the test supports"),
          audit);
      assertTrue(audit.contains("\"who\":\"ada\""), audit);
      try (var backups = Files.list(s.configDir.resolve("backups"))) {
        assertTrue(backups.count() >= 2, "each save kept the file before it");
      }
    }
  }

  @Test
  void endingWithoutAVerdictRollsOutAChosenVariantOnAStageOnlyOnceConfirmed() throws Exception {
    try (AdminServer s = AdminServer.start(tmp)) {
      HttpResponse<String> started =
          s.admin(
              "POST",
              "/api/admin/experiments",
              """
              {"id": "demo-ask", "queue": "sales", "stage": "demo", "variants": [
                {"id": "control", "objective": "sales-demo-booked", "weight": 70},
                {"id": "shorter", "objective": "sales-proposal-review", "weight": 30}]}""");
      assertEquals(200, started.statusCode(), started.body());
      HttpResponse<String> unconfirmed =
          s.admin("POST", "/api/admin/experiments/demo-ask/end", "{\"rollOut\": \"shorter\"}");
      assertEquals(409, unconfirmed.statusCode());
      assertTrue(unconfirmed.body().contains("no verdict yet"), unconfirmed.body());
      assertEquals(409, s.admin("POST", "/api/admin/experiments/demo-ask/end", "{}").statusCode());
      assertEquals(
          400,
          s.admin(
                  "POST",
                  "/api/admin/experiments/demo-ask/end",
                  "{\"rollOut\": \"C\", \"confirm\": true}")
              .statusCode());
      HttpResponse<String> confirmed =
          s.admin(
              "POST",
              "/api/admin/experiments/demo-ask/end",
              "{\"rollOut\": \"shorter\", \"confirm\": true}");
      assertEquals(200, confirmed.statusCode(), confirmed.body());
      assertEquals(
          "sales-proposal-review",
          s.server.config().rules().stages("sales").get(0).target().primary(),
          "the demo stage now gets the rolled-out objective");
      assertTrue(
          s.admin("GET", "/api/admin/audit", null)
              .body()
              .contains("without the test's support (confirmed)"));
      assertEquals(404, s.admin("GET", "/api/experiments/no-such", null).statusCode());
    }
  }

  /** Stores {@code n} ended calls of the variant, {@code advancesPerTen} in ten with an advance. */
  static void seed(AdminServer s, String experiment, String variant, int n, int perTen)
      throws Exception {
    Store store = s.server.store();
    Config c = s.server.config();
    QueueMapping q = c.queue("support").orElseThrow();
    long now = System.currentTimeMillis();
    for (int i = 0; i < n; i++) {
      String id = experiment + "-" + variant + "-" + i;
      store
          .calls()
          .upsertCall(
              new CallRecord(
                  id,
                  "seed",
                  Direction.INBOUND,
                  "support",
                  "2001",
                  "1555999" + variant.hashCode() + i,
                  null,
                  id,
                  CallOutcome.COMPLETED,
                  "caller",
                  1,
                  60,
                  now - 120_000,
                  now - 110_000,
                  now - 50_000,
                  c.objective("support-usage-figures").orElseThrow().view(),
                  q.codes(),
                  null,
                  new ExperimentArm(experiment, variant)))
          .get(10, TimeUnit.SECONDS);
      boolean advance = i % 10 < perTen;
      store
          .dispositions()
          .saveDisposition(
              "2001",
              new DispositionSubmit(
                  "seed-" + id,
                  id,
                  advance ? "ADVANCE" : "NO_ADVANCE",
                  advance,
                  List.of(),
                  0,
                  List.of(),
                  null,
                  null),
              (call, d) -> {})
          .get(10, TimeUnit.SECONDS);
    }
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.systemDefault());
  }

  private static JsonNode get(AdminServer s, String path) throws Exception {
    HttpResponse<String> r = s.admin("GET", path, null);
    assertEquals(200, r.statusCode(), r.body());
    return Json.mapper().readTree(r.body());
  }
}
