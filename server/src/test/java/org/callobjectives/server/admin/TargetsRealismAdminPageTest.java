package org.callobjectives.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.List;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.Modules;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.goals.GoalsConfig;
import org.callobjectives.server.goals.GoalsLoader;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.supervisor.Supervision;
import org.callobjectives.server.testing.HeadlessChromium;
import org.callobjectives.server.testing.SeededRows;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A whole server (supervisor view and admin module, as Main wires them) over eight weeks of stored
 * sales calls: the admin API and the admin page warn about a target above anything reached, with
 * the figures; supervisors may not read it.
 */
class TargetsRealismAdminPageTest {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String GOALS =
      """
      timeZone: UTC
      weekStart: monday
      goals:
        - {id: sales-rate, title: Sales advance rate 60 %, metric: advance_rate, target: 60, period: week, queue: sales}
        - {id: sales-advances, title: Sales books 6 advances a week, metric: advances, target: 6, period: week, queue: sales}
      """;

  @TempDir Path tmp;
  ObjectivesServer server;
  Supervision supervision;
  AdminModule admin;
  ChromeDriver driver;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    Path cfg = Files.createDirectories(tmp.resolve("config"));
    for (String f : new String[] {"server.yaml", "agents.yaml", "objectives.yaml", "lint.yaml"}) {
      Files.copy(TestServer.CONFIG_DIR.resolve(f), cfg.resolve(f));
    }
    Files.writeString(cfg.resolve("goals.yaml"), GOALS);
    Path db = tmp.resolve("objectives.db");
    Config c = TestServer.exampleConfig(cfg, db, Duration.ofMinutes(2), 0);
    GoalsConfig goals = GoalsLoader.load(cfg, c);
    Store store = Store.open(db);
    // Eight past weeks, 20 sales calls each, 5 to 9 advances (25 to 45 %).
    int[] advances = {5, 6, 7, 5, 8, 6, 7, 9};
    LocalDate monday =
        LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      SeededRows rows = new SeededRows(conn);
      for (int w = 0; w < advances.length; w++) {
        long t =
            monday
                .minusWeeks(8 - w)
                .plusDays(2)
                .atTime(10, 0)
                .toInstant(ZoneOffset.UTC)
                .toEpochMilli();
        for (int i = 0; i < 20; i++) {
          String id = "w" + w + "-" + i;
          rows.call(id, "sales", "1001", "1555020" + i, "demo", t + i * 60_000L)
              .disposition(
                  id,
                  "1001",
                  i < advances[w] ? "ADVANCE" : "NO_ADVANCE",
                  i < advances[w],
                  false,
                  t + i * 60_000L + 30_000);
        }
      }
    }
    supervision = new Supervision(() -> c, goals, Clock.systemUTC());
    server = new ObjectivesServer(c, store, Clock.systemUTC(), List.of(supervision.callListener()));
    Modules.supervise(server, supervision, store);
    admin = Modules.admin(server, store, cfg, Clock.systemUTC(), Duration.ofMillis(200));
    server.start(List.of());
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (admin != null) {
      admin.close();
    }
    if (server != null) {
      server.close();
    }
    if (supervision != null) {
      supervision.close();
    }
  }

  private String base() {
    return "http://127.0.0.1:" + server.address().getPort();
  }

  private HttpResponse<String> get(String path, String name, String token) throws Exception {
    String basic =
        Base64.getEncoder().encodeToString((name + ":" + token).getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", "Basic " + basic)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAdminIsWarnedOfATargetAboveAnythingReachedOnTheApiAndThePage() throws Exception {
    HttpResponse<String> res = get("/api/admin/targets", "ada", "demo-admin");
    assertEquals(200, res.statusCode(), res.body());
    JsonNode body = Json.mapper().readTree(res.body());
    assertEquals(8, body.get("periods").asInt());
    JsonNode rate = body.get("checks").get(0);
    assertEquals("sales-rate", rate.get("goalId").asText());
    assertEquals("above", rate.get("status").asText());
    assertEquals(
        "advance rate target 60 % per week is above anything reached in the last 8 weeks"
            + " (10th-90th percentile 25-42 %); consider 33-42 %",
        rate.get("message").asText());
    JsonNode count = body.get("checks").get(1);
    assertEquals("ok", count.get("status").asText(), count.get("message").asText());
    assertEquals(403, get("/api/admin/targets", "sam", "demo-supervisor").statusCode());

    assumeTrue(HeadlessChromium.installed(), "no /usr/bin/chromium: page part skipped");
    driver = HeadlessChromium.start(tmp, 1280, 1400);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    driver.get(base() + "/admin");
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("name")).sendKeys("ada");
    driver.findElement(By.id("token")).sendKeys("demo-admin");
    driver.findElement(By.id("signin")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("targets-table")));
    String warning =
        driver.findElement(By.cssSelector("#targets-table tr[data-goal='sales-rate']")).getText();
    assertTrue(warning.contains("warning: advance rate target 60 % per week is above"), warning);
    assertEquals(
        "1 warning(s): targets compared with the last 8 periods of their own length (goals.yaml,"
            + " targetsRealism.periods). Warnings never stop the server.",
        driver.findElement(By.id("targets-summary")).getText());
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("document.getElementById('targets-section').scrollIntoView();");
    Files.createDirectories(SCREENSHOTS);
    Files.write(
        SCREENSHOTS.resolve("admin-targets-realism.png"),
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
