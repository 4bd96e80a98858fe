package org.callobjectives.server.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.HeadlessChromium;
import org.callobjectives.server.testing.ProtocolSchema;
import org.callobjectives.server.testing.RawHttp;
import org.callobjectives.server.testing.SupervisedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent desk in real headless Chromium against a real server fed by replayed real Asterisk
 * traces: sign in, the pop at answer, ticks and a disposition by keyboard stored in SQLite; two
 * agents never see each other's calls; a disposition kept in the browser across a server restart is
 * stored once; a page of another site cannot open the socket.
 */
class DeskBrowserTest {
  static final Path TRACES = AmiTrace.defaultDirectory();
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /**
   * Records the page's socket frames and desktop notifications, and lets the test say whether the
   * tab is in the background (headless Chromium always reports it visible).
   */
  static final String RECORDER =
      """
      (() => {
        const W = window.WebSocket;
        window.__frames = [];
        window.WebSocket = function (url, protocols) {
          const ws = protocols === undefined ? new W(url) : new W(url, protocols);
          const send = ws.send.bind(ws);
          ws.send = (d) => { window.__frames.push({dir: 'out', text: d}); return send(d); };
          ws.addEventListener('message', (e) => window.__frames.push({dir: 'in', text: e.data}));
          return ws;
        };
        window.WebSocket.prototype = W.prototype;
        window.__notes = [];
        window.Notification = function (title, o) {
          window.__notes.push({title: title, body: o && o.body});
          this.close = () => {};
        };
        window.Notification.permission = 'granted';
        window.Notification.requestPermission = () => Promise.resolve('granted');
        Object.defineProperty(document, 'hidden', {get: () => window.__hidden === true});
        window.__keys = [];
        document.addEventListener('keydown', (e) => window.__keys.push(e.key + '/' + e.code + '/' + e.ctrlKey), true);
        window.__focused = 0;
        window.focus = () => { window.__focused++; };
      })();
      """;

  @TempDir Path dir;
  SupervisedServer ss;
  final List<ChromeDriver> drivers = new ArrayList<>();
  final List<ScriptedAmiServer> amis = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        HeadlessChromium.installed(),
        "no /usr/bin/chromium: install the Debian packages chromium and chromium-driver; skipped");
    assumeTrue(Files.isDirectory(TRACES), "AMI traces not found at " + TRACES + ": skipped");
    ss = SupervisedServer.start(dir, Duration.ofMinutes(2));
  }

  @AfterEach
  void stop() {
    drivers.forEach(ChromeDriver::quit);
    amis.forEach(ScriptedAmiServer::close);
    if (ss != null) {
      ss.close();
    }
  }

  @Test
  void anAgentSignsInAnswersACallAndSavesTheDispositionByKeyboard() throws Exception {
    ChromeDriver alice = browser(1366, 768);
    signIn(alice, "1001", "demo-1001");
    screenshot(alice, "desk-waiting-1366x768.png");
    js(alice, "window.__hidden = true;"); // the agent is in the CRM tab when the call comes

    replay("a_sales_caller_hangup", 0.5);
    wait(alice, 20).until(ExpectedConditions.textToBe(By.id("pop-caller"), "Ann Caller"));
    assertEquals("Book a product demo", alice.findElement(By.id("pop-title")).getText());
    assertTrue(
        alice.findElement(By.id("pop-advance")).getText().contains("30-minute demo"),
        "the advance is on the pop");
    JsonNode note = Json.mapper().valueToTree(js(alice, "return window.__notes;"));
    assertEquals(1, note.size(), "one desktop notification for the pop in the background: " + note);
    assertTrue(note.get(0).get("title").asText().contains("Book a product demo"), note.toString());
    assertEquals(0L, js(alice, "return window.__focused;"), "the page never takes the focus");
    js(alice, "window.__hidden = false;");

    // During the call: Shift+1 and Shift+2 tick the greeting and the recording notice.
    chord(alice, Keys.SHIFT, "1");
    chord(alice, Keys.SHIFT, "2");
    wait(alice, 5)
        .until(
            d ->
                js(
                    d,
                    "return window.__frames.filter(f => f.dir === 'out' &&"
                        + " f.text.includes('checklist_progress')).length >= 2;"));
    screenshot(alice, "desk-on-call-1366x768.png");

    wait(alice, 20)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop-status"), "Wrap-up"));
    // 1 = ADVANCE (sets "advance obtained"), notes by keyboard, Ctrl+Enter saves.
    keys(alice, "1");
    keys(alice, "t");
    alice.switchTo().activeElement().sendKeys("Demo on Tuesday 10:00 with the ops lead");
    keys(alice, Keys.ESCAPE);
    chord(alice, Keys.SHIFT, "6");
    chord(alice, Keys.CONTROL, Keys.RETURN);
    wait(alice, 15)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "saved"));
    assertTrue(alice.findElement(By.id("pop")).getAttribute("hidden") != null, "nothing left");

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ss.database);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT d.code, d.advance_obtained, d.notes, (SELECT group_concat(item_id)"
                        + " FROM checklist_results r WHERE r.disposition_id = d.id AND r.done = 1),"
                        + " c.caller_number FROM dispositions d JOIN calls c ON c.call_id ="
                        + " d.call_id")) {
      assertTrue(rs.next(), "a disposition row");
      assertEquals("ADVANCE", rs.getString(1));
      assertEquals(1, rs.getInt(2));
      assertEquals("Demo on Tuesday 10:00 with the ops lead", rs.getString(3));
      String done = rs.getString(4);
      assertTrue(
          done.contains("greeting")
              && done.contains("recording-notice")
              && done.contains("next-step"),
          done);
      assertEquals("15551230001", rs.getString(5));
      assertFalse(rs.next(), "exactly one");
    }
    assertEquals(
        "0",
        js(
            alice,
            "return String(Object.keys(JSON.parse(localStorage.getItem('co.desk.1001.outbox')"
                + " || '{}')).length);"),
        "nothing left waiting in the browser");
    screenshot(alice, "desk-saved-1366x768.png");
    // One protocol: every frame both ways is a message of the agent protocol's schema.
    List<String> problems = new ArrayList<>();
    for (Object f : (List<?>) js(alice, "return window.__frames.map(f => f.text);")) {
      ProtocolSchema.problems((String) f).forEach(p -> problems.add(p + " in " + f));
    }
    assertEquals(List.of(), problems);

    // As a side panel beside the CRM: one column, nothing wider than the panel.
    ChromeDriver dave = browser(400, 900);
    signIn(dave, "2001", "demo-2001");
    replay("b_support_agent_hangup", 1);
    wait(dave, 20).until(ExpectedConditions.textToBe(By.id("pop-caller"), "Ben Caller"));
    Object sideways =
        js(
            dave,
            "return document.documentElement.scrollWidth > innerWidth + 1"
                + " ? document.documentElement.scrollWidth : 0;");
    assertEquals(0L, sideways, "the page scrolls sideways at 400 px");
    screenshot(dave, "desk-on-call-400px.png");
  }

  @Test
  void theCustomersEarlierCommitmentIsAskedAnsweredByKeyboardAndStoredWithTheDisposition()
      throws Exception {
    ChromeDriver alice = browser(1366, 768);
    signIn(alice, "1001", "demo-1001");
    // First call: the customer agrees to the demo (ADVANCE: advance obtained). Nothing to ask yet.
    replay("a_sales_caller_hangup", 4);
    wait(alice, 20)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop-status"), "Wrap-up"));
    String first = alice.findElement(By.id("pop")).getAttribute("data-call-id");
    assertFalse(
        alice.findElement(By.id("commitment")).isDisplayed(), "no question on a first call");
    keys(alice, "1");
    keys(alice, "v"); // the commitment key on a call without a question: nothing happens
    chord(alice, Keys.CONTROL, Keys.RETURN);
    wait(alice, 15)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "saved"));
    assertEquals(List.of(), sentDispositions(alice).get(0).findValuesAsText("commitment"));

    // The same customer calls again: the pop asks whether they did what they agreed.
    replay("a_sales_caller_hangup", 1, "a_sales_caller_hangup-again");
    wait(alice, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("commitment")));
    String second = alice.findElement(By.id("pop")).getAttribute("data-call-id");
    assertFalse(first.equals(second), second);
    JsonNode asked = lastPop(alice).get("objective").get("commitment");
    assertEquals(first, asked.get("callId").asText(), asked.toString());
    assertTrue(
        alice.findElement(By.id("commitment-from")).getText().matches("(?i)COMMITMENT FROM .+"),
        alice.findElement(By.id("commitment-from")).getText());
    assertTrue(
        alice.findElement(By.id("commitment-from")).getText().contains("1001"),
        "the agent who obtained it");
    assertEquals(
        asked.get("question").asText(), alice.findElement(By.id("commitment-question")).getText());
    assertEquals(
        "700",
        alice
            .findElement(By.id("commitment-question"))
            .getCssValue("font-weight")
            .replace("bold", "700"),
        "the question in bold");
    assertTrue(
        alice.findElement(By.id("commitment-advance")).getText().contains("30-minute demo"),
        alice.findElement(By.id("commitment-advance")).getText());
    assertEquals(List.of(), commitmentPicked(alice), "nothing picked before the agent answers");
    screenshot(alice, "desk-commitment-1366x768.png");

    // By keyboard: x (not kept), x again clears it, then v (kept).
    keys(alice, "x");
    wait(alice, 5).until(d -> commitmentPicked(d).equals(List.of("not_kept")));
    keys(alice, "x");
    wait(alice, 5).until(d -> commitmentPicked(d).isEmpty());
    keys(alice, "v");
    wait(alice, 5).until(d -> commitmentPicked(d).equals(List.of("kept")));
    assertEquals("kept", draftField(alice, second, "commitment"));
    // Part of the draft: a reload keeps the answer.
    alice.navigate().refresh();
    wait(alice, 15).until(ExpectedConditions.textToBe(By.id("connection"), "Connected"));
    wait(alice, 10)
        .until(d -> second.equals(d.findElement(By.id("pop")).getAttribute("data-call-id")));
    wait(alice, 5).until(d -> commitmentPicked(d).equals(List.of("kept")));
    screenshot(alice, "desk-commitment-answered-1366x768.png");

    // As a side panel: all of it readable, nothing wider than the panel.
    alice.manage().window().setSize(new org.openqa.selenium.Dimension(400, 900));
    wait(alice, 5).until(d -> (Long) js(d, "return innerWidth;") <= 400);
    Object sideways =
        js(
            alice,
            "return document.documentElement.scrollWidth > innerWidth + 1"
                + " ? document.documentElement.scrollWidth : 0;");
    assertEquals(0L, sideways, "the page scrolls sideways at 400 px");
    assertTrue(alice.findElement(By.id("commitment-not-yet")).isDisplayed());
    js(alice, "document.getElementById('commitment').scrollIntoView();");
    screenshot(alice, "desk-commitment-400px.png");

    wait(alice, 20)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop-status"), "Wrap-up"));
    keys(alice, "3"); // NO_ADVANCE
    chord(alice, Keys.CONTROL, Keys.RETURN);
    wait(alice, 15)
        .until(
            d -> outboxSize(d) == 0 && d.findElement(By.id("pop")).getAttribute("hidden") != null);
    List<JsonNode> sent = sentDispositions(alice);
    assertEquals("kept", sent.get(sent.size() - 1).get("commitment").asText(), sent.toString());

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ss.database);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT k.answer, k.commitment_call_id, k.commitment_agent_id, d.call_id,"
                        + " d.code FROM commitment_checks k JOIN dispositions d ON d.id ="
                        + " k.disposition_id")) {
      assertTrue(rs.next(), "the answer is stored");
      assertEquals("kept", rs.getString(1));
      assertEquals(first, rs.getString(2));
      assertEquals("1001", rs.getString(3));
      assertEquals(second, rs.getString(4), "with the disposition of the call that asked");
      assertEquals("NO_ADVANCE", rs.getString(5));
      assertFalse(rs.next(), "exactly one");
    }
    List<String> problems = new ArrayList<>();
    for (Object f : (List<?>) js(alice, "return window.__frames.map(f => f.text);")) {
      ProtocolSchema.problems((String) f).forEach(p -> problems.add(p + " in " + f));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void twoAgentsInTwoBrowsersSeeOnlyTheirOwnCalls() throws Exception {
    ChromeDriver alice = browser(1366, 768);
    ChromeDriver bob = browser(1366, 768);
    signIn(alice, "1001", "demo-1001");
    signIn(bob, "1002", "demo-1002");
    replay("e_burst_20_calls", 1);

    Map<String, Set<String>> truth = numbersByAgent("e_burst_20_calls");
    Set<String> aliceTruth = truth.get("Alice Agent");
    Set<String> bobTruth = truth.get("Bob Agent");
    wait(alice, 60).until(d -> callersSeen(d).containsAll(aliceTruth));
    wait(bob, 60).until(d -> callersSeen(d).containsAll(bobTruth));
    assertEquals(aliceTruth, callersSeen(alice), "Alice's browser: her calls, no one else's");
    assertEquals(bobTruth, callersSeen(bob), "Bob's browser: his calls, no one else's");
    screenshot(alice, "desk-back-to-back-wrap-ups.png");
  }

  @Test
  void aDispositionKeptInTheBrowserIsStoredOnceAfterTheServerRestarts() throws Exception {
    ChromeDriver alice = browser(1366, 768);
    signIn(alice, "1001", "demo-1001");
    replay("a_sales_caller_hangup", 4);
    wait(alice, 20)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop-status"), "Wrap-up"));

    int port = ss.server.address().getPort();
    ss.close();
    ss = null;
    wait(alice, 15)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Not"));
    keys(alice, "3"); // NO_ADVANCE
    chord(alice, Keys.CONTROL, Keys.RETURN);
    wait(alice, 5)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("dispo-status"), "in this browser"));
    // The agent closes the tab while the server is down; the disposition waits in the browser.
    alice.get("about:blank");
    ss = SupervisedServer.start(dir, Duration.ofMinutes(2), port);
    // Opened again, without signing in again: the session cookie outlives the restart.
    alice.get(ss.base() + "/desk");
    wait(alice, 40)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "saved"));
    assertEquals(1, dispositionRows(), "stored once");
    // Reconnecting again sends nothing twice.
    alice.navigate().refresh();
    wait(alice, 15).until(ExpectedConditions.textToBe(By.id("connection"), "Connected"));
    assertEquals(1, dispositionRows(), "still once");
  }

  @Test
  void aNewPopNeverTakesOverTheFormBeingTypedInAndNotesStayWithTheirCall() throws Exception {
    ChromeDriver alice = browser(1366, 768);
    signIn(alice, "1001", "demo-1001");
    replay("e_burst_20_calls", 1);
    wait(alice, 40)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop-status"), "Wrap-up"));
    String first = alice.findElement(By.id("pop")).getAttribute("data-call-id");
    alice.findElement(By.id("notes")).click();
    alice.switchTo().activeElement().sendKeys("Wants the annual plan, ");
    // Alice's next call connects while she is still typing the first one's notes.
    wait(alice, 40)
        .until(
            d ->
                ((Number)
                            js(
                                d,
                                "return window.__frames.filter(f => f.dir === 'in')"
                                    + ".map(f => JSON.parse(f.text))"
                                    + ".filter(m => m.type === 'call_started').length;"))
                        .intValue()
                    >= 2);
    alice.switchTo().activeElement().sendKeys("call back Friday");
    assertEquals(first, alice.findElement(By.id("pop")).getAttribute("data-call-id"), "form kept");
    assertTrue(alice.findElement(By.id("incoming")).isDisplayed(), "the new call is announced");
    assertEquals("Wants the annual plan, call back Friday", draftNotes(alice, first));

    keys(alice, Keys.ESCAPE); // she stops typing: the new call is shown a moment later
    wait(alice, 10)
        .until(d -> !first.equals(d.findElement(By.id("pop")).getAttribute("data-call-id")));
    String second = alice.findElement(By.id("pop")).getAttribute("data-call-id");
    assertEquals("", alice.findElement(By.id("notes")).getAttribute("value"), "nothing carried");
    assertEquals(null, draftNotes(alice, second));
    assertEquals("Wants the annual plan, call back Friday", draftNotes(alice, first));
  }

  @Test
  void aCallPastItsWrapUpKeepsItsDraftAcrossAReloadAndTakesALateDisposition() throws Exception {
    ss.close();
    ss = SupervisedServer.start(dir, Duration.ofSeconds(3));
    ChromeDriver alice = browser(1366, 768);
    signIn(alice, "1001", "demo-1001");
    replay("a_sales_caller_hangup", 4);
    wait(alice, 30)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("pop-status"), "Wrap-up time over"));
    String call = alice.findElement(By.id("pop")).getAttribute("data-call-id");
    keys(alice, "3"); // NO_ADVANCE
    keys(alice, "t");
    alice.switchTo().activeElement().sendKeys("Customer will think it over");
    keys(alice, Keys.ESCAPE);

    alice.navigate().refresh();
    wait(alice, 15).until(ExpectedConditions.textToBe(By.id("connection"), "Connected"));
    wait(alice, 10)
        .until(d -> call.equals(d.findElement(By.id("pop")).getAttribute("data-call-id")));
    assertEquals(
        "Customer will think it over", alice.findElement(By.id("notes")).getAttribute("value"));
    assertTrue(alice.findElement(By.id("dismiss")).isDisplayed(), "a late call may be dismissed");
    chord(alice, Keys.CONTROL, Keys.RETURN);
    wait(alice, 15)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "saved"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ss.database);
        ResultSet rs =
            c.createStatement().executeQuery("SELECT code, late, notes FROM dispositions")) {
      assertTrue(rs.next());
      assertEquals("NO_ADVANCE", rs.getString(1), "the late disposition replaced UNDISPOSED");
      assertEquals(1, rs.getInt(2));
      assertEquals("Customer will think it over", rs.getString(3));
      assertFalse(rs.next());
    }
  }

  @Test
  void aReconnectWhileTheAgentTypesLeavesTheFormAndTheTextAlone() throws Exception {
    ChromeDriver alice = browser(1366, 768);
    signIn(alice, "1001", "demo-1001");
    replay("a_sales_caller_hangup", 4);
    wait(alice, 20)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop-status"), "Wrap-up"));
    String call = alice.findElement(By.id("pop")).getAttribute("data-call-id");
    alice.findElement(By.id("notes")).click();
    alice.switchTo().activeElement().sendKeys("Budget 12k, ");

    int port = ss.server.address().getPort();
    ss.close();
    wait(alice, 15)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Not"));
    ss = SupervisedServer.start(dir, Duration.ofMinutes(2), port);
    wait(alice, 40).until(ExpectedConditions.textToBe(By.id("connection"), "Connected"));
    // Typed on after the reconnect: still in the notes, none of it taken as keys (y, n, 1...).
    alice.switchTo().activeElement().sendKeys("needs 3 seats by year end");
    assertEquals(call, alice.findElement(By.id("pop")).getAttribute("data-call-id"));
    assertEquals(
        "Budget 12k, needs 3 seats by year end",
        alice.findElement(By.id("notes")).getAttribute("value"));
    assertEquals("Budget 12k, needs 3 seats by year end", draftNotes(alice, call));
    assertEquals(
        0L,
        js(alice, "return document.querySelectorAll('#codes input:checked').length;"),
        "no outcome picked by the typing");
  }

  @Test
  void signingOutInAnotherTabEndsTheDeskAtOnce() throws Exception {
    ChromeDriver alice = browser(1366, 768);
    signIn(alice, "1001", "demo-1001");
    String desk = alice.getWindowHandle();
    alice.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
    alice.get(ss.base() + "/desk");
    wait(alice, 15).until(ExpectedConditions.textToBe(By.id("connection"), "Connected"));
    alice.findElement(By.id("signout")).click();
    wait(alice, 10).until(ExpectedConditions.urlContains("/login"));

    alice.switchTo().window(desk);
    wait(alice, 5)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "session ended"));
    assertEquals("Signed out", alice.findElement(By.id("connection")).getText());
    assertTrue(
        alice
            .findElement(By.id("signin-again"))
            .getAttribute("href")
            .endsWith("/login?next=%2Fdesk"),
        "a way back in");
  }

  @Test
  void theSocketNeedsTheSessionCookieAndThisSitesPages() throws Exception {
    int port = ss.server.address().getPort();
    String cookie = sessionCookie(port, "1001", "demo-1001");
    String upgrade =
        "GET /desk/socket HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    String origin = "\r\nOrigin: http://127.0.0.1:" + port + "\r\n\r\n";
    assertEquals(
        403,
        upgradeStatus(upgrade + "Cookie: " + cookie + "\r\nOrigin: http://evil.example\r\n\r\n"),
        "a page of another site riding on the agent's cookie");
    assertEquals(101, upgradeStatus(upgrade + "Cookie: " + cookie + origin), "the desk's own page");
    assertEquals(401, upgradeStatus(upgrade + origin.substring(2)), "no cookie, no socket");
    RawHttp.Response typed =
        RawHttp.send(
            "127.0.0.1",
            port,
            "GET /agent HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n\r\n");
    assertEquals(303, typed.status(), "the agent-bridge address typed into a browser");
    assertEquals("/desk", typed.header("location"));
    String supervisor = sessionCookie(port, "sam", "demo-supervisor");
    assertEquals(
        403,
        upgradeStatus(upgrade + "Cookie: " + supervisor + origin),
        "a supervisor has no calls of their own");
  }

  @Test
  void theCallersCrmRecordOpensInANewTabOnAnswer() throws Exception {
    List<String> crm = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer receiver =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/crm",
        x -> {
          crm.add(x.getRequestURI().getRawQuery());
          byte[] page = "<title>CRM</title>Contact".getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, page.length);
          x.getResponseBody().write(page);
          x.close();
        });
    receiver.start();
    try {
      Path config = dir.resolve("config");
      copyConfig(config);
      Path objectives = config.resolve("objectives.yaml");
      String template =
          "http://127.0.0.1:"
              + receiver.getAddress().getPort()
              + "/crm/contact?phone={callerNumber}&name={callerName}&call={callId}"
              + "&agent={agentId}&queue={queue}";
      String sales = "    serviceLevelSeconds: 20\n";
      String yaml = Files.readString(objectives);
      assertTrue(yaml.contains(sales), "the sales queue of config/objectives.yaml");
      Files.writeString(
          objectives, yaml.replace(sales, sales + "    screenPop: \"" + template + "\"\n"));
      ss.close();
      ss =
          SupervisedServer.start(
              dir, Duration.ofMinutes(2), 0, java.time.Clock.systemUTC(), config);
      // The agent allowed pop-ups for the desk's site, as the README says.
      ChromeDriver alice = HeadlessChromium.start(dir, 1366, 768, "--disable-popup-blocking");
      drivers.add(alice);
      signIn(alice, "1001", "demo-1001");
      replay("a_sales_caller_hangup", 1);
      wait(alice, 20).until(ExpectedConditions.textToBe(By.id("pop-caller"), "Ann Caller"));
      wait(alice, 10).until(d -> !crm.isEmpty());
      String query = crm.get(0);
      assertTrue(
          query.startsWith("phone=15551230001&name=Ann%20Caller&call=a_sales_caller_hangup")
              && query.endsWith("&agent=1001&queue=sales"),
          query);
      assertEquals(2, alice.getWindowHandles().size(), "the CRM in a tab of its own");
      assertTrue(
          alice.findElement(By.id("pop-crm")).getAttribute("href").contains("phone=15551230001"),
          "and a link on the pop");
    } finally {
      receiver.stop(0);
    }
  }

  // ---- helpers ----

  private static void copyConfig(Path to) throws Exception {
    Files.createDirectories(to);
    try (var files = Files.list(org.callobjectives.server.testing.TestServer.CONFIG_DIR)) {
      for (Path f : files.toList()) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }

  private ChromeDriver browser(int width, int height) throws Exception {
    ChromeDriver d = HeadlessChromium.start(dir, width, height);
    drivers.add(d);
    d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
    return d;
  }

  private void signIn(ChromeDriver d, String agent, String token) {
    d.get(ss.base() + "/desk");
    wait(d, 10).until(ExpectedConditions.urlContains("/login"));
    d.findElement(By.id("name")).sendKeys(agent);
    d.findElement(By.id("token")).sendKeys(token);
    d.findElement(By.id("signin")).click();
    wait(d, 15).until(ExpectedConditions.textToBe(By.id("connection"), "Connected"));
    assertTrue(d.getCurrentUrl().endsWith("/desk"), d.getCurrentUrl());
  }

  private static String draftNotes(org.openqa.selenium.WebDriver d, String callId) {
    Object notes =
        js(
            d,
            "const all = JSON.parse(localStorage.getItem('co.desk.1001.drafts') || '{}');"
                + " const x = all[arguments[0]]; return x && x.notes ? x.notes : null;"
                    .replace("arguments[0]", "'" + callId.replace("'", "\\'") + "'"));
    return (String) notes;
  }

  private static String draftField(org.openqa.selenium.WebDriver d, String callId, String field) {
    Object v =
        ((JavascriptExecutor) d)
            .executeScript(
                "const all = JSON.parse(localStorage.getItem('co.desk.1001.drafts') || '{}');"
                    + " const x = all[arguments[0]]; return x ? x[arguments[1]] : null;",
                callId,
                field);
    return (String) v;
  }

  /** The commitment answers shown as picked. */
  private static List<String> commitmentPicked(org.openqa.selenium.WebDriver d) {
    Object picked =
        js(
            d,
            "return [...document.querySelectorAll('#commitment button[aria-checked=true]')]"
                + ".map(b => b.dataset.answer);");
    return Json.mapper().convertValue(picked, List.class);
  }

  /** The dispositions this page sent (recorded frames: this page load only). */
  private static List<JsonNode> sentDispositions(org.openqa.selenium.WebDriver d) {
    List<JsonNode> out = new ArrayList<>();
    for (Object f :
        (List<?>)
            js(
                d,
                "return window.__frames.filter(f => f.dir === 'out').map(f => f.text)"
                    + ".filter(t => t.includes('\"disposition\"'));")) {
      JsonNode m;
      try {
        m = Json.mapper().readTree((String) f);
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
      if ("disposition".equals(m.path("type").asText())) {
        out.add(m);
      }
    }
    return out;
  }

  /** The last call_started this page received. */
  private static JsonNode lastPop(org.openqa.selenium.WebDriver d) throws Exception {
    Object text =
        js(
            d,
            "const pops = window.__frames.filter(f => f.dir === 'in')"
                + ".filter(f => JSON.parse(f.text).type === 'call_started');"
                + " return pops.length ? pops[pops.length - 1].text : null;");
    return Json.mapper().readTree((String) text);
  }

  private static long outboxSize(org.openqa.selenium.WebDriver d) {
    return (Long)
        js(
            d,
            "return Object.keys(JSON.parse(localStorage.getItem('co.desk.1001.outbox')"
                + " || '{}')).length;");
  }

  private static Set<String> callersSeen(org.openqa.selenium.WebDriver d) {
    Object numbers =
        js(
            d,
            "return window.__frames.filter(f => f.dir === 'in')"
                + ".map(f => JSON.parse(f.text)).filter(m => m.type === 'call_started')"
                + ".map(m => m.callerNumber);");
    return new TreeSet<>(Json.mapper().convertValue(numbers, List.class));
  }

  private static Map<String, Set<String>> numbersByAgent(String trace) throws Exception {
    JsonNode truth =
        Json.mapper()
            .readTree(
                Files.readString(TRACES.resolve(trace + ".truth.json"), StandardCharsets.UTF_8));
    Map<String, Set<String>> out = new java.util.HashMap<>();
    for (JsonNode c : truth.get("observed").get("queue_calls")) {
      if (c.hasNonNull("agent") && "completed".equals(c.get("outcome").asText())) {
        out.computeIfAbsent(c.get("agent").asText(), k -> new TreeSet<>())
            .add(c.get("caller_id_num").asText());
      }
    }
    return out;
  }

  /**
   * The status of a handshake sent raw (a 101 keeps the connection open: only its head is read).
   */
  private int upgradeStatus(String request) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", ss.server.address().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  private String sessionCookie(int port, String name, String token) throws Exception {
    RawHttp.Response r =
        RawHttp.send(
            "127.0.0.1",
            port,
            RawHttp.form(port, "/login", "name=" + name + "&token=" + token, ""));
    assertEquals(303, r.status(), r.body());
    return r.header("set-cookie").split(";")[0];
  }

  private int dispositionRows() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("objectives.db"));
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM dispositions")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private void replay(String trace, double speed) throws Exception {
    replay(trace, speed, trace);
  }

  /**
   * Replays {@code trace} on an Asterisk link named {@code link} (another name: other call ids).
   */
  private void replay(String trace, double speed, String link) throws Exception {
    ScriptedAmiServer ami =
        new ScriptedAmiServer(List.of(AmiTrace.load(TRACES, trace).sessions().get(0)), speed)
            .start();
    amis.add(ami);
    ss.server.connectAmi(
        new AmiServer(
            link,
            "127.0.0.1",
            ami.port(),
            AmiWireServer.DEFAULT_USERNAME,
            AmiWireServer.DEFAULT_SECRET));
  }

  private static void keys(ChromeDriver d, CharSequence keys) {
    new Actions(d).sendKeys(keys).perform();
  }

  /** {@code key} with {@code modifier} held down, as a person presses it. */
  private static void chord(ChromeDriver d, Keys modifier, CharSequence key) {
    new Actions(d).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
  }

  private static Object js(org.openqa.selenium.WebDriver d, String script) {
    return ((JavascriptExecutor) d).executeScript(script);
  }

  private static WebDriverWait wait(org.openqa.selenium.WebDriver d, int seconds) {
    return new WebDriverWait(d, Duration.ofSeconds(seconds), Duration.ofMillis(50));
  }

  private static void screenshot(ChromeDriver d, String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
  }
}
