package org.callobjectives.server.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.server.testing.HeadlessChromium;
import org.callobjectives.server.testing.SupervisedServer;
import org.callobjectives.server.testing.TestServer;
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
 * The wall screen in real headless Chromium at 1920x1080: signed in by its kiosk token, nothing
 * scrolls, a caller waiting shows, and it carries on by itself through a server restart.
 */
class WallboardBrowserTest {
  @TempDir Path dir;
  SupervisedServer ss;
  ChromeDriver driver;
  ScriptedAmiServer ami;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        Files.isExecutable(SupervisorPageBrowserTest.CHROMIUM),
        "no /usr/bin/chromium: install chromium and chromium-driver; skipped");
    assumeTrue(
        Files.isDirectory(SupervisorPageBrowserTest.TRACES), "AMI traces not found: skipped");
    ss = SupervisedServer.start(dir, Duration.ofMinutes(2));
    driver = HeadlessChromium.start(dir, 1920, 1080, "--hide-scrollbars");
    // The TV's screen exactly, whatever room the headless window keeps for itself.
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (ami != null) {
      ami.close();
    }
    if (ss != null) {
      ss.close();
    }
  }

  @Test
  void aWallScreenShowsTheFloorWithoutScrollingAndSurvivesARestart() throws Exception {
    int port = ss.server.address().getPort();
    driver.get(ss.base() + "/wallboard#kiosk=lobby-tv&token=demo-wallboard");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50));
    wait.until(ExpectedConditions.textToBe(By.id("status"), "live"));
    wait.until(ExpectedConditions.textToBe(By.id("v-waiting"), "0"));

    // All of support is paused: the caller waits about 3 s, then hangs up.
    ami =
        ScriptedAmiServer.replaying(
                AmiTrace.load(SupervisorPageBrowserTest.TRACES, "c2_abandon_all_paused"), 1)
            .start();
    ss.server.connectAmi(TestServer.link("trace", ami.port()));
    wait.until(ExpectedConditions.textToBe(By.id("v-waiting"), "1"));
    assertTrue(driver.findElement(By.id("queues")).getText().contains("support"));
    assertEquals(List.of(), overflow(), "a wall screen never scrolls");
    // The widest figures a tile shows still fit it.
    ((JavascriptExecutor) driver)
        .executeScript(
            "for (const id of ['v-sl', 'v-advance', 'v-compliance', 'v-csat'])"
                + " document.getElementById(id).textContent = '100 %';");
    assertEquals(List.of(), overflow(), "\"100 %\" fits every tile");
    screenshot("wallboard-1920x1080.png");
    assertTrue(ami.awaitDone(Duration.ofSeconds(30)));
    wait.until(ExpectedConditions.textToBe(By.id("v-waiting"), "0"));
    assertTrue(
        driver.findElement(By.id("queues")).getText().contains("0 %"),
        "the abandon counts against support's service level");
    assertTrue(
        !driver.getPageSource().contains("15551230004"), "no caller number on a wall screen");

    // The server goes away: the screen says its figures are not live, then carries on by itself.
    ami.close();
    ami = null;
    ss.close();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "reconnecting"));
    assertTrue(driver.findElement(By.id("banner")).isDisplayed(), "a stale banner");
    screenshot("wallboard-server-down.png");
    ss = SupervisedServer.start(dir, Duration.ofMinutes(2), port);
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBe(By.id("status"), "live"));
    assertTrue(!driver.findElement(By.id("banner")).isDisplayed(), "live again, no banner");
  }

  @Test
  void aWrongTokenIsSaidOnTheScreenAndShowsNoFigures() throws Exception {
    driver.get(ss.base() + "/wallboard#kiosk=lobby-tv&token=wrong");
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("signin-text"), "unknown kiosk or wrong token"));
    assertEquals("\u2013", driver.findElement(By.id("v-waiting")).getAttribute("textContent"));
  }

  private List<?> overflow() {
    return (List<?>)
        ((JavascriptExecutor) driver)
            .executeScript(
                "const d = document.documentElement; const out = [];"
                    + "if (d.scrollHeight > innerHeight + 1) out.push('height ' + d.scrollHeight);"
                    + "if (d.scrollWidth > innerWidth + 1) out.push('width ' + d.scrollWidth);"
                    + "for (const t of document.querySelectorAll('.tile .v, .tile .l')) {"
                    + "  if (t.scrollWidth > t.clientWidth + 1) out.push('cut: ' + t.textContent); }"
                    + "return out;");
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SupervisorPageBrowserTest.SCREENSHOTS);
    Files.write(
        SupervisorPageBrowserTest.SCREENSHOTS.resolve(name),
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
