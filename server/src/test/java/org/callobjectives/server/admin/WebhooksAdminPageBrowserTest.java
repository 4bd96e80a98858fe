package org.callobjectives.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.testing.AdminServer;
import org.callobjectives.server.testing.HeadlessChromium;
import org.callobjectives.server.testing.TestServer;
import org.callobjectives.server.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page's CRM webhooks section in real headless Chromium: a webhook configured in
 * server.yaml whose CRM refuses an event shows the refusal, read-only, as text.
 */
class WebhooksAdminPageBrowserTest {
  @TempDir Path tmp;
  WebhookReceiver crm;
  AdminServer s;
  WebDriver driver;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        HeadlessChromium.installed() && Files.isExecutable(AdminPageBrowserTest.DRIVER),
        "headless Chromium not installed: browser test skipped");
    crm = WebhookReceiver.start();
    crm.answering(
        (headers, body, n) ->
            WebhookReceiver.Answer.status(
                headers.get("x-callobjectives-event").equals("call_ended") ? 422 : 200));
    Path cfg = tmp.resolve("config");
    Files.createDirectories(cfg);
    for (String f : new String[] {"agents.yaml", "objectives.yaml", "lint.yaml"}) {
      Files.copy(TestServer.CONFIG_DIR.resolve(f), cfg.resolve(f));
    }
    Files.writeString(
        cfg.resolve("server.yaml"),
        Files.readString(TestServer.CONFIG_DIR.resolve("server.yaml"))
            .replace(
                "webhooks: []",
                "webhooks:\n  - name: crm\n    url: "
                    + crm.uri()
                    + "\n    secret: whsec-0123456789abcdef\n"
                    + "    events: [call_ended, disposition]\n"));
    s = AdminServer.start(tmp);
    driver = HeadlessChromium.start(tmp, 1280, 2600);
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (s != null) {
      s.close();
    }
    if (crm != null) {
      crm.close();
    }
  }

  @Test
  void anAdminSeesEachWebhooksStateAndTheEventsItsCrmRefused() throws Exception {
    String hostile = "pbx:<img src=x onerror=document.title='owned'>";
    s.server
        .store()
        .calls()
        .upsertCall(
            new CallRecord(
                hostile,
                "pbx",
                Direction.INBOUND,
                "sales",
                "1001",
                "15550001",
                null,
                "1.0",
                CallOutcome.COMPLETED,
                "caller",
                0,
                30,
                1000,
                2000L,
                32_000L,
                null,
                List.of()))
        .get();
    crm.await(r -> r.status() == 422, Duration.ofSeconds(15));

    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(s.uri("/admin").toString());
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("name")).sendKeys("ada");
    driver.findElement(By.id("token")).sendKeys("demo-admin");
    driver.findElement(By.id("signin")).click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "ready"));
    WebElement hook = driver.findElement(By.cssSelector("#webhooks tr[data-webhook='crm']"));
    assertTrue(hook.getText().contains("this node"), hook.getText());
    assertTrue(hook.getText().contains("1 (1 on record)"), hook.getText());
    assertTrue(hook.getText().contains("HTTP 422"), hook.getText());
    WebElement failure = driver.findElement(By.cssSelector("#webhook-failures tbody tr"));
    assertTrue(failure.getText().contains("call_ended"), failure.getText());
    assertTrue(failure.getText().contains(hostile), "data shown as text: " + failure.getText());
    assertEquals(0, driver.findElements(By.cssSelector("#webhooks-section img")).size());
    assertTrue(!driver.getTitle().equals("owned"));
    Files.createDirectories(AdminPageBrowserTest.SCREENSHOTS);
    Files.write(
        AdminPageBrowserTest.SCREENSHOTS.resolve("admin-webhooks.png"),
        driver.findElement(By.id("webhooks-section")).getScreenshotAs(OutputType.BYTES));
  }
}
