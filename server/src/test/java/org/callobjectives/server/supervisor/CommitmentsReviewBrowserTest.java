package org.callobjectives.server.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.testing.HeadlessChromium;
import org.callobjectives.server.testing.SeededRows;
import org.callobjectives.server.testing.SupervisedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The weekly review in a real headless Chromium shows, per agent and per objective, the commitments
 * kept (kept of checked, with those still open) next to the advance rate, as the API counts them
 * from the stored rows.
 */
class CommitmentsReviewBrowserTest {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final long HOUR = 3_600_000L;

  @TempDir Path dir;
  SupervisedServer ss;
  ChromeDriver driver;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        HeadlessChromium.installed(),
        "no /usr/bin/chromium: install the Debian packages chromium and chromium-driver; skipped");
    ss = SupervisedServer.start(dir, Duration.ofMinutes(2));
    driver = HeadlessChromium.start(dir, 1366, 900);
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (ss != null) {
      ss.close();
    }
  }

  /**
   * 12 customers got an advance three days ago; their next call (two hours ago) found it kept, not
   * kept, not due yet, or did not ask.
   */
  private void seed() throws Exception {
    long now = System.currentTimeMillis();
    String[] answers = {"kept", "kept", "not_kept", "not_yet", null, "kept"};
    try (Connection c = DriverManager.getConnection(ss.jdbcUrl())) {
      SeededRows r = new SeededRows(c);
      for (int i = 0; i < 12; i++) {
        String number = "1555020" + String.format("%04d", i);
        String agent = i % 2 == 0 ? "1001" : "1002";
        String first = "a" + i;
        String next = "b" + i;
        long t = now - 72 * HOUR + i * 60_000L;
        r.call(first, "sales", agent, number, "demo", t)
            .disposition(first, agent, "ADVANCE", true, false, t + 120_000);
        r.call(next, "sales", "1003", number, "proposal", now - 2 * HOUR + i * 60_000L)
            .disposition(next, "1003", "NO_ADVANCE", false, false, now - HOUR + i * 60_000L);
        if (answers[i % answers.length] != null) {
          r.answer(next, "1003", first, agent, answers[i % answers.length]);
        }
      }
    }
  }

  @Test
  void theReviewShowsCommitmentsKeptPerAgentAndObjectiveNextToTheAdvanceRate() throws Exception {
    seed();
    LocalDate today = LocalDate.now();
    String range = "?from=" + today.minusDays(6) + "&to=" + today;
    JsonNode api = Json.mapper().readTree(ss.supervisorGet("/api/stats/review" + range).body());
    Map<String, JsonNode> agents = new LinkedHashMap<>();
    api.get("agents").forEach(l -> agents.put(l.get("id").asText(), l));
    // 6 each; per agent the answers fall as kept, not_kept, null (1001) / kept, not_yet, kept
    // (1002).
    assertEquals(6, agents.get("1001").get("commitments").asInt());
    assertEquals(6, agents.get("1002").get("commitments").asInt());
    assertEquals(0, agents.get("1003").get("commitments").asInt());

    driver.get(ss.base() + "/supervisor/review" + range);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("name")).sendKeys("sam");
    driver.findElement(By.id("token")).sendKeys("demo-supervisor");
    driver.findElement(By.id("signin")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    driver.get(ss.base() + "/supervisor/review" + range);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#agents table tbody tr")));

    for (WebElement row : driver.findElements(By.cssSelector("#agents table tbody tr"))) {
      var cells = row.findElements(By.tagName("td"));
      String id = cells.get(0).getText();
      JsonNode l =
          agents.values().stream()
              .filter(a -> a.get("name").asText().equals(id))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no API line for " + id));
      String kept = cells.get(3).getText();
      if (l.get("commitments").asLong() == 0) {
        assertEquals("\u2013", kept, id);
        continue;
      }
      long checked = l.get("commitmentsChecked").asLong();
      long notYet = l.get("commitmentsNotYet").asLong();
      long open = l.get("commitments").asLong() - checked - l.get("commitmentsReplaced").asLong();
      String want =
          Math.round(l.get("keptRate").asDouble())
              + " %"
              + " "
              + l.get("commitmentsKept").asLong()
              + " of "
              + checked
              + (open > 0 ? ", " + open + " open" : "")
              + (notYet > 0 ? " (" + notYet + " not yet due)" : "");
      assertEquals(want, kept, id);
    }
    assertEquals(
        "Commitments kept",
        driver.findElements(By.cssSelector("#objectives table thead th")).get(3).getText());
    String objectives = driver.findElement(By.id("objectives")).getText();
    // 12 agreed: 6 kept, 2 not kept, 2 not due yet, 2 not asked: 6 of 8 checked, 4 open.
    assertTrue(objectives.contains("75 % 6 of 8, 4 open (2 not yet due)"), objectives);
    Files.createDirectories(SCREENSHOTS);
    Files.write(
        SCREENSHOTS.resolve("review-commitments.png"),
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
