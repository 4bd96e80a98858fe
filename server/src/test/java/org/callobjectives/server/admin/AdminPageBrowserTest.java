package org.callobjectives.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.testing.AdminServer;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page in real headless Chromium: sign in, mappings, lint, preview, editor, proposals.
 */
class AdminPageBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir Path tmp;
  AdminServer s;
  WebDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "headless Chromium not installed (apt-get install -y chromium chromium-driver): browser test skipped");
    s = AdminServer.start(tmp);
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
  void anAdminSignsInSeesMappingsAndLintPreviewsValidatesAndDecidesAProposal() throws Exception {
    String hostile = "<img src=x onerror=document.title='owned'> please allow 14 days";
    AgentRecorder rec = new AgentRecorder("1001");
    try (BridgeClient agent = new BridgeClient(s.agentUri(), "1001", "demo-1001", null, rec)) {
      agent.start();
      rec.next(Welcome.class);
      agent.propose("sales-demo-booked", hostile).get(10, TimeUnit.SECONDS);
    }

    signIn();

    WebElement sales = driver.findElement(By.cssSelector("#queues tr[data-queue='sales']"));
    assertTrue(sales.getText().contains("1. demo: sales-demo-booked"), sales.getText());
    assertTrue(sales.getText().contains("3. close: sales-close"), sales.getText());
    assertEquals(
        0,
        driver.findElements(By.cssSelector("#objectives .finding.err")).size(),
        "no lint errors shown");
    assertTrue(
        driver
            .findElement(By.cssSelector("#objectives [data-objective='sales-close']"))
            .getText()
            .contains("Advance: The customer signs the order form"));

    // Data is text, never markup: the proposal's tag shows as typed and runs nothing.
    WebElement proposal = driver.findElement(By.cssSelector("#proposals tbody tr"));
    assertTrue(proposal.getText().contains(hostile), proposal.getText());
    assertEquals(0, driver.findElements(By.cssSelector("#proposals img")).size());
    assertTrue(!driver.getTitle().equals("owned"));

    driver.findElement(By.id("pv-go")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "at stage demo"));
    assertTrue(
        driver
            .findElement(By.id("preview"))
            .getText()
            .contains("queue sales, stage demo (1 of 3)"));

    // Editor: an objective the lint rejects is refused with file:line, before anything is saved.
    String good =
        (String)
            ((JavascriptExecutor) driver)
                .executeScript("return document.getElementById('editor').value");
    assertTrue(good.contains("sales-proposal-review"));
    String bad =
        good.replace(
            "advance: The customer agrees to review our written proposal",
            "advance: Present our written proposal");
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById('editor').value = arguments[0]", bad);
    driver.findElement(By.id("validate")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Rejected"));
    String result = driver.findElement(By.id("result")).getText();
    assertTrue(
        result.contains(
            "objectives.yaml:" + AdminApiTest.lineOf(bad, "advance: Present our written")),
        result);
    assertTrue(result.contains("not-an-advance"), result);
    screenshot("admin-page.png");

    driver.findElement(By.cssSelector("#proposals button[data-action='accept']")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#proposals tbody tr"), "accepted"));

    String renamed =
        good.replace(
            "title: Agree the proposal review", "title: Agree the proposal review meeting");
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById('editor').value = arguments[0]", renamed);
    driver.findElement(By.id("save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Saved and in force"));
    assertEquals(
        "Agree the proposal review meeting",
        s.server.config().objective("sales-proposal-review").orElseThrow().title());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "save"));
    screenshot("admin-page-after-save.png");
  }

  @Test
  void anAdminTypingAnObjectiveSeesItsFindingsWithARewriteAndSavesTheFixedOne() throws Exception {
    signIn();
    JavascriptExecutor js = (JavascriptExecutor) driver;
    wait.until(
        d ->
            !((String) js.executeScript("return document.getElementById('editor').value"))
                .isEmpty());
    String shipped = (String) js.executeScript("return document.getElementById('editor').value");
    String head = "  - id: typed\n    title: Annual plan\n    advance: ";
    String tail =
        "\n    measure: Annual plan active on the account\n    timeFrame: during the call\n\n";

    // The admin types the advance; findings appear without pressing anything.
    putCaret(js, shipped.replaceFirst("(?m)^objectives:\\n", "objectives:\n" + head + "|" + tail));
    new Actions(driver)
        .sendKeys("Try to persuade the customer to upgrade to the annual plan")
        .perform();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "[hedged]"));
    String result = driver.findElement(By.id("result")).getText();
    assertTrue(result.contains("Checked as you type"), result);
    assertTrue(result.contains("[not-an-advance] typed"), result);
    assertTrue(
        result.contains("Suggested: 'The customer upgrades to the annual plan'"),
        result); // for the hedge
    screenshot("admin-live-findings.png");

    // The admin takes the rewrite: the check clears, and the objective saves and is in force.
    putCaret(
        js,
        shipped.replaceFirst(
            "(?m)^objectives:\\n",
            "objectives:\n" + head + "The customer upgrades to the annual pla|" + tail));
    new Actions(driver).sendKeys("n").perform();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("result"), "the server would load this"));
    assertEquals(
        0,
        driver.findElements(By.cssSelector("#result .err")).size(),
        driver.findElement(By.id("result")).getText());
    driver.findElement(By.id("save")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Saved and in force"));
    assertEquals(
        "The customer upgrades to the annual plan",
        s.server.config().objective("typed").orElseThrow().advance());
  }

  /** Opens /admin, is sent to sign in, signs in as ada and waits until the page is ready. */
  private void signIn() {
    driver.get(s.uri("/admin").toString());
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("name")).sendKeys("ada");
    driver.findElement(By.id("token")).sendKeys("demo-admin");
    driver.findElement(By.id("signin")).click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "ready"));
  }

  /** Puts {@code text} in the editor with the caret where its '|' is (the '|' removed). */
  private static void putCaret(JavascriptExecutor js, String text) {
    int at = text.indexOf('|');
    js.executeScript(
        "const e = document.getElementById('editor'); e.value = arguments[0]; e.focus();"
            + " e.setSelectionRange(arguments[1], arguments[1]);",
        text.substring(0, at) + text.substring(at + 1),
        at);
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(
        SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
