package org.callobjectives.server.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.callobjectives.server.testing.AdminServer;
import org.callobjectives.server.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page's Experiments section in real headless Chromium: start an experiment from the
 * form, see its review reach a verdict, end it and roll out the winner; the supervisors' review
 * page shows it read-only (screenshots).
 */
class ExperimentsPageBrowserTest {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir Path tmp;
  AdminServer s;
  WebDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(HeadlessChromium.installed(), "headless Chromium not installed: skipped");
    s = AdminServer.start(tmp, tmp.resolve("objectives.db"), true);
    driver = HeadlessChromium.start(tmp, 1280, 2600);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (s != null) {
      s.close();
    }
  }

  @Test
  void anAdminStartsAnExperimentFromThePageSeesItsVerdictAndRollsOutTheWinner() throws Exception {
    driver.get(s.uri("/admin").toString());
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("name")).sendKeys("ada");
    driver.findElement(By.id("token")).sendKeys("demo-admin");
    driver.findElement(By.id("signin")).click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "ready"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("experiments"), "No experiments"));

    driver.findElement(By.id("exp-id")).sendKeys("support-ask");
    new Select(driver.findElement(By.id("exp-queue"))).selectByValue("support");
    var objectives = driver.findElements(By.cssSelector("#exp-variants .exp-vobj"));
    assertEquals(
        "support-usage-figures",
        new Select(objectives.get(0)).getFirstSelectedOption().getAttribute("value"),
        "the control defaults to what the queue gets today");
    new Select(objectives.get(1)).selectByValue("outbound-follow-up");
    driver.findElement(By.id("exp-start-btn")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("exp-form-result"), "Started"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exp-support-ask")));
    assertTrue(
        driver.findElement(By.id("exp-support-ask")).getText().contains("Not enough calls yet"));

    ExperimentAdminFlowTest.seed(s, "support-ask", "A", 80, 2);
    ExperimentAdminFlowTest.seed(s, "support-ask", "B", 80, 6);
    driver.navigate().refresh();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "ready"));
    WebElement button =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#exp-support-ask .exp-rollout")));
    assertEquals("End and roll out B", button.getText());
    String review = driver.findElement(By.id("exp-support-ask")).getText();
    assertTrue(review.contains("safe to roll out B"), review);
    assertTrue(review.contains("60.0 %"), review);
    screenshot("admin-experiment-review.png");

    button.click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("exp-support-ask"), "support-ask \u00b7 queue support \u00b7 ended"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#queues tr[data-queue='support']"), "outbound-follow-up"));
    assertEquals(
        "outbound-follow-up", s.server.config().queue("support").orElseThrow().objectiveId());
    screenshot("admin-experiment-rolled-out.png");

    // The supervisors' review page shows the same review, without the admin's buttons.
    driver.get(s.uri("/supervisor/review").toString());
    WebElement onReview;
    try {
      onReview = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exp-support-ask")));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(driver.getPageSource(), e);
    }
    assertTrue(onReview.getText().contains("rolled out B"), onReview.getText());
    assertEquals(0, driver.findElements(By.cssSelector("#experiments-section button")).size());
    assertEquals(0, driver.findElements(By.id("exp-form")).size());
    screenshot("supervisor-review-experiments.png");
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(
        SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
