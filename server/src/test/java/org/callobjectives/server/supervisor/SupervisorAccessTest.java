package org.callobjectives.server.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.testing.SupervisedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervisor pages, APIs and the live socket: supervisors and admins only, with clear refusals. */
class SupervisorAccessTest {
  @TempDir Path dir;
  SupervisedServer ss;

  @BeforeEach
  void start() throws Exception {
    ss = SupervisedServer.start(dir, Duration.ofMinutes(2));
  }

  @AfterEach
  void stop() {
    ss.close();
  }

  @Test
  void agentsGet403AndAnonymousCallersAreAskedToSignIn() throws Exception {
    for (String path :
        new String[] {
          "/supervisor",
          "/supervisor/app.js",
          "/supervisor/review",
          "/api/stats/live",
          "/api/stats/review",
          "/api/stats/review.csv",
          "/supervisor/live"
        }) {
      HttpResponse<String> agent = ss.get(path, "1001", "demo-1001", "application/json");
      assertEquals(403, agent.statusCode(), path + " as an agent: " + agent.body());
      assertTrue(agent.body().contains("needs supervisor"), agent.body());
      assertEquals(
          401, ss.get(path, null, null, "application/json").statusCode(), path + " anonymous");
    }
    HttpResponse<String> browser =
        ss.get("/supervisor", null, null, "text/html,application/xhtml+xml");
    assertEquals(303, browser.statusCode());
    assertEquals(
        "/login?next=%2Fsupervisor", browser.headers().firstValue("Location").orElse(null));
  }

  @Test
  void supervisorsAndAdminsGetThePageTheScriptAndTheFigures() throws Exception {
    HttpResponse<String> page = ss.get("/supervisor", "ada", "demo-admin", "text/html");
    assertEquals(200, page.statusCode());
    assertTrue(
        page.body().contains("<script src=\"/supervisor/app.js\"></script>"),
        "script is a separate file");
    HttpResponse<String> js = ss.supervisorGet("/supervisor/app.js");
    assertEquals(200, js.statusCode());
    assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    assertTrue(
        js.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("default-src 'self'"));

    JsonNode live = Json.mapper().readTree(ss.supervisorGet("/api/stats/live").body());
    for (String view : new String[] {"shift", "today", "week"}) {
      assertEquals(
          5, live.get("views").get(view).get("agents").size(), view + " lists every agent");
      assertEquals(0, live.get("views").get(view).get("total").get("handled").asInt());
    }
    assertEquals(2, live.get("upsellTargetPerShift").asInt());
    assertTrue(live.get("goals").size() >= 7, "goals.yaml goals plus one upsell goal per agent");

    HttpResponse<String> csv =
        ss.supervisorGet("/api/stats/review.csv?from=2026-11-16&to=2026-11-22");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.body().startsWith("kind,id,name,from,to,calls,calls_previous"), csv.body());
    JsonNode review =
        Json.mapper()
            .readTree(ss.supervisorGet("/api/stats/review?from=2026-11-16&to=2026-11-22").body());
    assertEquals("2026-11-09", review.get("previousFrom").asText());
    assertEquals("2026-11-15", review.get("previousTo").asText());
  }

  @Test
  void badReviewDatesGetAClearError() throws Exception {
    HttpResponse<String> bad = ss.supervisorGet("/api/stats/review?from=last-week");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("dates like"), bad.body());
    HttpResponse<String> backwards =
        ss.supervisorGet("/api/stats/review?from=2026-11-22&to=2026-11-01");
    assertEquals(400, backwards.statusCode());
    assertTrue(backwards.body().contains("before"), backwards.body());
  }

  @Test
  void theLiveSocketNeedsASupervisorSessionCookieAndTheSameOrigin() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI ws = URI.create("ws://127.0.0.1:" + ss.server.address().getPort() + "/supervisor/live");
    ExecutionException anonymous =
        assertThrows(
            ExecutionException.class,
            () ->
                http.newWebSocketBuilder()
                    .buildAsync(ws, new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS));
    assertEquals(
        401, ((WebSocketHandshakeException) anonymous.getCause()).getResponse().statusCode());

    String cookie = signIn(http, "sam", "demo-supervisor");
    ExecutionException crossSite =
        assertThrows(
            ExecutionException.class,
            () ->
                http.newWebSocketBuilder()
                    .header("Cookie", cookie)
                    .header("Origin", "http://evil.example")
                    .buildAsync(ws, new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS));
    assertEquals(
        403, ((WebSocketHandshakeException) crossSite.getCause()).getResponse().statusCode());

    BlockingQueue<String> got = new LinkedBlockingQueue<>();
    WebSocket socket =
        http.newWebSocketBuilder()
            .header("Cookie", cookie)
            .buildAsync(
                ws,
                new WebSocket.Listener() {
                  final StringBuilder sb = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    sb.append(data);
                    if (last) {
                      got.add(sb.toString());
                      sb.setLength(0);
                    }
                    w.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    String first = got.poll(10, TimeUnit.SECONDS);
    assertNotNull(first, "a snapshot right after opening");
    assertTrue(Json.mapper().readTree(first).has("views"));
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
  }

  @Test
  void signingOutClosesTheLiveSocketOfThatSession() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI ws = URI.create("ws://127.0.0.1:" + ss.server.address().getPort() + "/supervisor/live");
    String cookie = signIn(http, "sam", "demo-supervisor");
    java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    WebSocket socket =
        http.newWebSocketBuilder()
            .header("Cookie", cookie)
            .buildAsync(
                ws,
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                    closed.countDown();
                    return null;
                  }

                  @Override
                  public void onError(WebSocket w, Throwable error) {
                    closed.countDown();
                  }
                })
            .get(10, TimeUnit.SECONDS);
    HttpResponse<String> out =
        http.send(
            HttpRequest.newBuilder(URI.create(ss.base() + "/logout"))
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(303, out.statusCode());
    // The next push (at most every 5 s) finds the session gone and closes the socket.
    assertTrue(closed.await(15, TimeUnit.SECONDS), "live socket still open after sign-out");
    socket.abort();
  }

  String signIn(HttpClient http, String name, String token) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(ss.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "name=" + name + "&token=" + token + "&next=%2Fsupervisor"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(303, r.statusCode(), r.body());
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }
}
