package org.callobjectives.server.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.testing.HeadlessChromium;
import org.callobjectives.server.testing.SeededRows;
import org.callobjectives.server.testing.SupervisedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The weekly review in a real headless Chromium shows the sales chain's funnel (bars per stage,
 * conversion and median time between them) and the stalled customers with the CSV link, drawn from
 * the stored rows; a hostile caller number stays text.
 */
class FunnelReviewBrowserTest {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final long DAY = 86_400_000L;
  static final String HOSTILE = "<img src=x onerror=window.__xss=1>";

  @TempDir Path dir;
  SupervisedServer ss;
  ChromeDriver driver;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        HeadlessChromium.installed(),
        "no /usr/bin/chromium: install the Debian packages chromium and chromium-driver; skipped");
    ss = SupervisedServer.start(dir, Duration.ofMinutes(2));
    driver = HeadlessChromium.start(dir, 1300, 1700);
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
   * 30 customers over the last 40 days: 18 reached proposal, 9 close, 4 signed; the ones with no
   * advance for 14 days are stalled.
   */
  private void seed() throws Exception {
    long now = System.currentTimeMillis();
    try (Connection c = DriverManager.getConnection(ss.jdbcUrl())) {
      SeededRows r = new SeededRows(c);
      for (int i = 0; i < 30; i++) {
        String number = i == 18 ? HOSTILE : "1555010" + String.format("%04d", i);
        String agent = i % 3 == 0 ? "1001" : i % 3 == 1 ? "1002" : "1003";
        long t = now - (40 - i) * DAY;
        int through = i < 4 ? 3 : i < 9 ? 2 : i < 18 ? 1 : 0;
        String[] stages = {"demo", "proposal", "close"};
        for (int k = 0; k <= Math.min(through, 2); k++) {
          String id = "c" + i + "-" + k;
          long at = t + k * (2 + i % 5) * DAY;
          boolean advance = k < through;
          r.call(id, "sales", agent, number, stages[k], at)
              .disposition(
                  id,
                  agent,
                  advance ? (k == 2 ? "SALE" : "ADVANCE") : "NO_ADVANCE",
                  advance,
                  false,
                  at + 20 * 60_000L);
        }
      }
    }
  }

  @Test
  void theReviewShowsTheFunnelAndTheStalledCustomersToFollowUp() throws Exception {
    seed();
    JsonNode api = Json.mapper().readTree(ss.supervisorGet("/api/funnel?queue=sales").body());
    assertEquals(30, api.get("customers").asInt());
    driver.get(ss.base() + "/supervisor/review");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("name")).sendKeys("sam");
    driver.findElement(By.id("token")).sendKeys("demo-supervisor");
    driver.findElement(By.id("signin")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    driver.get(ss.base() + "/supervisor/review");
    wait.until(ExpectedConditions.attributeToBe(By.id("funnel"), "data-ready", "yes"));

    List<String> reached =
        driver.findElements(By.cssSelector(".funnel-chart .funnel-reached")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("30 reached", "18 reached", "9 reached", "4 reached"), reached);
    List<String> steps =
        driver.findElements(By.cssSelector(".funnel-chart .funnel-step")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(3, steps.size());
    assertTrue(steps.get(0).contains("60 % went on (18 of 30)"), steps.get(0));
    assertTrue(steps.get(1).contains("50 % went on (9 of 18)"), steps.get(1));
    assertTrue(steps.get(2).contains("44.4 % went on (4 of 9)"), steps.get(2));
    assertTrue(steps.get(0).contains("median"), steps.get(0));
    assertEquals(
        4,
        driver
            .findElements(
                By.cssSelector(
                    ".funnel-chart rect[fill='#2f6db5'], .funnel-chart rect[fill='#1b7f4b']"))
            .size(),
        "every stage with customers there now, and the completed, has its dark bar");

    int stalled = api.get("stalled").size();
    assertTrue(stalled > 5, "customers stalled: " + stalled);
    assertEquals(
        stalled, driver.findElements(By.cssSelector("table.funnel-stalled tbody tr")).size());
    String table = driver.findElement(By.cssSelector("table.funnel-stalled")).getText();
    assertTrue(table.contains(HOSTILE), "the hostile number shown as text: " + table);
    assertNull(((JavascriptExecutor) driver).executeScript("return window.__xss;"));
    assertTrue(
        driver
            .findElement(By.cssSelector("a.funnel-csv"))
            .getAttribute("href")
            .endsWith("/api/funnel/stalled.csv?queue=sales"));
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById('funnel-section').scrollIntoView();");
    Files.createDirectories(SCREENSHOTS);
    Files.write(
        SCREENSHOTS.resolve("review-funnel.png"),
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
