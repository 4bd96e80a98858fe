package org.callobjectives.server.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Message;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.HeadlessChromium;
import org.callobjectives.server.testing.SupervisedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The supervisor page in a real headless Chromium: sign in through the form, watch a replayed call
 * and its disposition arrive without a reload, and see hostile caller ids rendered as plain text.
 */
class SupervisorPageBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path TRACES = AmiTrace.defaultDirectory();
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String XSS_NAME = "<img src=x onerror=\"window.__xss=1;document.title='pwned'\">";
  static final String XSS_NUMBER = "<img src=y onerror=window.__xss=2>";

  @TempDir Path dir;
  SupervisedServer ss;
  ChromeDriver driver;
  BridgeClient alice;
  final AgentRecorder aliceInbox = new AgentRecorder("1001");
  ScriptedAmiServer ami;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "no /usr/bin/chromium: install the Debian packages chromium and"
            + " chromium-driver to run the browser tests; skipped");
    assumeTrue(Files.isDirectory(TRACES), "AMI traces not found at " + TRACES + ": skipped");
    ss = SupervisedServer.start(dir, Duration.ofMinutes(2));
    alice = new BridgeClient(ss.agentUri(), "1001", "demo-1001", null, aliceInbox);
    alice.start();
    driver = HeadlessChromium.start(dir, 1400, 2400);
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (alice != null) {
      alice.close();
    }
    if (ami != null) {
      ami.close();
    }
    if (ss != null) {
      ss.close();
    }
  }

  @Test
  void aReplayedCallAndItsDispositionShowUpWithoutAReload() throws Exception {
    signIn();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.until(ExpectedConditions.textToBe(By.id("kpi-handled"), "0"));
    ((JavascriptExecutor) driver).executeScript("window.__sameDocument = 42;");

    // At half speed: Ann waits about 4 s in the sales queue, then talks with Alice about 6 s.
    replay(List.of(AmiTrace.load(TRACES, "a_sales_caller_hangup").sessions().get(0)), 0.5);
    new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(40))
        .until(ExpectedConditions.textToBe(By.id("kpi-waiting"), "1"));
    assertTrue(
        driver.findElement(By.id("queues")).getText().contains("sales"),
        "the queue row of the waiting caller");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("in-progress"), "Alice Agent"));
    String inProgress = driver.findElement(By.id("in-progress")).getText();
    assertTrue(
        inProgress.contains("15551230001")
            && inProgress.contains("Ann Caller")
            && inProgress.contains("Book a product demo"),
        "caller, agent, objective: " + inProgress);
    // Alice ticks the recording notice during the call: the supervisor sees it at once.
    CallStarted pop = next(CallStarted.class);
    alice.checklistProgress(pop.callId(), List.of("recording-notice"));
    new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(40))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("in-progress"), "1/" + pop.objective().checklist().size()));
    screenshot("supervisor-call-in-progress.png");

    next(CallEnded.class);
    List<String> required =
        pop.objective().checklist().stream()
            .filter(ChecklistItem::required)
            .map(ChecklistItem::id)
            .toList();
    alice
        .submit(
            new DispositionSubmit(
                null, pop.callId(), "SALE", true, required, 2, List.of("annual plan"), 90, null))
        .get(10, TimeUnit.SECONDS);

    wait.until(ExpectedConditions.textToBe(By.id("kpi-handled"), "1"));
    wait.until(ExpectedConditions.textToBe(By.id("kpi-advances"), "1"));
    wait.until(ExpectedConditions.textToBe(By.id("kpi-advance-rate"), "100 %"));
    wait.until(ExpectedConditions.textToBe(By.id("kpi-compliance"), "100 %"));
    wait.until(ExpectedConditions.textToBe(By.id("kpi-opportunities"), "2"));
    wait.until(ExpectedConditions.textToBe(By.id("kpi-conversions"), "1"));
    wait.until(ExpectedConditions.textToBe(By.id("kpi-csat"), "90 %"));
    // Alice's 2 opportunities meet the per-shift target: a win on the dashboard.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("wins"), "Alice Agent"));
    assertEquals(
        42L,
        ((JavascriptExecutor) driver).executeScript("return window.__sameDocument;"),
        "the page updated itself; it was not reloaded");
    assertTrue(driver.findElement(By.id("recent")).getText().contains("SALE"));
    screenshot("supervisor-live.png");

    wait.until(ExpectedConditions.textToBe(By.id("kpi-waiting"), "0"));
    // The hour's figures come from the database: today's hour has the call, dispositioned.
    com.fasterxml.jackson.databind.JsonNode hourly =
        org.callobjectives.protocol.Json.mapper()
            .readTree(ss.supervisorGet("/api/stats/hourly").body());
    long handledToday = 0;
    for (com.fasterxml.jackson.databind.JsonNode h : hourly.get("hours")) {
      handledToday += h.get("today").get("handled").asLong();
    }
    assertEquals(1, handledToday, "one call handled today: " + hourly);
    ((JavascriptExecutor) driver).executeScript("loadHourly();");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-advance svg circle")));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-agents svg rect")));
    // sales has stages (demo, then close): Ann's call and its advance sit on the demo stage.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart-funnel"), "1 / 1"));
    assertTrue(
        driver.findElement(By.id("queues")).getText().contains("100 % \u226420 s"),
        "sales answered within its 20 s: " + driver.findElement(By.id("queues")).getText());

    driver.findElement(By.cssSelector("button[data-view='week']")).click();
    assertEquals("1", driver.findElement(By.id("kpi-handled")).getText());

    // Nothing cut off or scrolled sideways at the supervisors' usual screen sizes.
    for (int[] size : new int[][] {{1440, 900}, {1280, 720}}) {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
      Object sideways =
          ((JavascriptExecutor) driver)
              .executeScript(
                  "return [...document.querySelectorAll('header, section, .goal')]"
                      + ".filter(e => e.scrollWidth > e.clientWidth + 1)"
                      + ".map(e => (e.querySelector('h2') || e).textContent.slice(0, 50))"
                      + ".concat(document.documentElement.scrollWidth > innerWidth ? ['page'] : [])");
      assertEquals(List.of(), sideways, "wider than the window at " + size[0] + "x" + size[1]);
      screenshot("supervisor-" + size[0] + "x" + size[1] + ".png");
    }
  }

  @Test
  void callerIdsWithHtmlAreShownAsTextNeverRun() throws Exception {
    signIn();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    String title = driver.getTitle();
    AmiTrace.Session s = AmiTrace.load(TRACES, "a_sales_caller_hangup").sessions().get(0);
    List<AmiTrace.Packet> hostile = new ArrayList<>();
    for (AmiTrace.Packet p : s.packets()) {
      String text =
          new String(p.bytes(), StandardCharsets.UTF_8)
              .replace("Ann Caller", XSS_NAME)
              .replace("15551230001", XSS_NUMBER);
      hostile.add(new AmiTrace.Packet(p.seconds(), text.getBytes(StandardCharsets.UTF_8)));
    }
    replay(List.of(new AmiTrace.Session(s.startSeconds(), hostile)), 20);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recent"), XSS_NAME));
    String recent = driver.findElement(By.id("recent")).getText();
    assertTrue(recent.contains(XSS_NUMBER), "the number is shown literally: " + recent);
    assertEquals(
        0L,
        ((JavascriptExecutor) driver)
            .executeScript("return document.querySelectorAll('main img').length;"),
        "no element was made from caller data");
    assertNotNull(title);
    assertEquals(title, driver.getTitle());
    assertEquals(
        null,
        ((JavascriptExecutor) driver)
            .executeScript("return window.__xss === undefined ? null : window.__xss;"));
    screenshot("supervisor-hostile-caller-id.png");
  }

  @Test
  void anOpenPageSaysItIsNotLiveAndCarriesOnAfterARestartWithoutSigningInAgain() throws Exception {
    signIn();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));
    int port = ss.server.address().getPort();
    alice.close();
    alice = null;
    ss.close();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "reconnecting"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stale")));
    assertTrue(
        driver.findElement(By.id("stale")).getText().contains("Not live"),
        driver.findElement(By.id("stale")).getText());
    ss = SupervisedServer.start(dir, Duration.ofMinutes(2), port);
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBe(By.id("status"), "live"));
    assertTrue(driver.getCurrentUrl().endsWith("/supervisor"), driver.getCurrentUrl());
    assertFalse(driver.findElement(By.id("stale")).isDisplayed(), "live again");
  }

  private void signIn() {
    driver.get(ss.base() + "/supervisor");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("name")).sendKeys("sam");
    driver.findElement(By.id("token")).sendKeys("demo-supervisor");
    driver.findElement(By.id("signin")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(By.id("status"), "live"));
    assertFalse(driver.getCurrentUrl().contains("/login"));
  }

  private void replay(List<AmiTrace.Session> sessions, double speed) throws Exception {
    ami = new ScriptedAmiServer(sessions, speed).start();
    ss.server.connectAmi(
        new AmiServer(
            "trace",
            "127.0.0.1",
            ami.port(),
            AmiWireServer.DEFAULT_USERNAME,
            AmiWireServer.DEFAULT_SECRET));
  }

  private <T extends Message> T next(Class<T> type) throws InterruptedException {
    return aliceInbox.await(type, 15);
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(
        SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
