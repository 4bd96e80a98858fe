package org.callobjectives.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.callobjectives.server.Modules;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.goals.GoalsConfig;
import org.callobjectives.server.goals.GoalsLoader;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.supervisor.Supervision;

/**
 * A real server with the supervisor view installed, the shipped config (incl. goals.yaml) and a
 * temp SQLite file.
 */
public final class SupervisedServer implements AutoCloseable {
  public final ObjectivesServer server;
  public final Supervision supervision;
  public final Path database;
  private final HttpClient http = HttpClient.newHttpClient();

  private SupervisedServer(ObjectivesServer server, Supervision supervision, Path database) {
    this.server = server;
    this.supervision = supervision;
    this.database = database;
  }

  public static SupervisedServer start(Path dir, Duration wrapUp) throws Exception {
    return start(dir, wrapUp, 0);
  }

  /** On a chosen port (0 = any), e.g. to restart where open pages will reconnect. */
  public static SupervisedServer start(Path dir, Duration wrapUp, int port) throws Exception {
    return start(dir, wrapUp, port, Clock.systemUTC());
  }

  /** With the live figures on their own clock (e.g. ahead, to make calls look long). */
  public static SupervisedServer start(Path dir, Duration wrapUp, int port, Clock statsClock)
      throws Exception {
    return start(dir, wrapUp, port, statsClock, TestServer.CONFIG_DIR);
  }

  /** With the configuration files of {@code configDir} (e.g. a copy of config/ with changes). */
  public static SupervisedServer start(
      Path dir, Duration wrapUp, int port, Clock statsClock, Path configDir) throws Exception {
    Path db = dir.resolve("objectives.db");
    Config c = TestServer.exampleConfig(configDir, db, wrapUp, port);
    GoalsConfig goals = GoalsLoader.load(configDir, c);
    Supervision sup = new Supervision(() -> c, goals, statsClock);
    Store store = Store.open(db);
    var metrics = new org.callobjectives.server.metrics.ServerMetrics(Clock.systemUTC());
    ObjectivesServer s =
        new ObjectivesServer(
            c, store, Clock.systemUTC(), List.of(sup.callListener(), metrics.callListener()));
    Modules.supervise(s, sup, store);
    Modules.metrics(s, sup, store, metrics);
    s.start(List.of());
    return new SupervisedServer(s, sup, db);
  }

  public String base() {
    return "http://127.0.0.1:" + server.address().getPort();
  }

  public URI agentUri() {
    return URI.create("ws://127.0.0.1:" + server.address().getPort() + "/agent");
  }

  public String jdbcUrl() {
    return "jdbc:sqlite:" + database;
  }

  /** GET with HTTP Basic name:token (null name: anonymous). */
  public HttpResponse<String> get(String path, String name, String token, String accept)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
    if (name != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((name + ":" + token).getBytes(StandardCharsets.UTF_8)));
    }
    if (accept != null) {
      b.header("Accept", accept);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GET as the demo supervisor sam. */
  public HttpResponse<String> supervisorGet(String path) throws Exception {
    return get(path, "sam", "demo-supervisor", "application/json");
  }

  /**
   * Polls /api/stats/live until the row of {@code rows} whose {@code idField} is {@code id} passes
   * {@code test}; fails with the last one seen.
   */
  public com.fasterxml.jackson.databind.JsonNode awaitLiveRow(
      java.util.function.Function<
              com.fasterxml.jackson.databind.JsonNode, com.fasterxml.jackson.databind.JsonNode>
          rows,
      String idField,
      String id,
      java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> test,
      Duration within)
      throws Exception {
    com.fasterxml.jackson.databind.JsonNode last = null;
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      var live =
          org.callobjectives.protocol.Json.mapper()
              .readTree(supervisorGet("/api/stats/live").body());
      for (var row : rows.apply(live)) {
        if (row.get(idField).asText().equals(id)) {
          last = row;
          if (test.test(row)) {
            return row;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(idField + " " + id + " never got there; last: " + last);
  }

  @Override
  public void close() {
    server.close();
    supervision.close();
  }
}
