package org.callobjectives.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.callobjectives.server.Modules;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.admin.AdminModule;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ServerSettings;
import org.callobjectives.server.objectives.lint.Lint;
import org.callobjectives.server.store.Store;

/**
 * A real server with the admin module, on its own copy of the shipped config folder and a temp
 * SQLite file.
 */
public final class AdminServer implements AutoCloseable {
  public final ObjectivesServer server;
  public final AdminModule admin;
  public final Path configDir;
  public final Path database;
  private final HttpClient http = HttpClient.newHttpClient();

  private AdminServer(ObjectivesServer server, AdminModule admin, Path configDir, Path database) {
    this.server = server;
    this.admin = admin;
    this.configDir = configDir;
    this.database = database;
  }

  public static AdminServer start(Path tmp) throws Exception {
    return start(tmp, tmp.resolve("objectives.db"));
  }

  /** With {@code database} shared, a second server sees what the first stored (restart). */
  public static AdminServer start(Path tmp, Path database) throws Exception {
    return start(tmp, database, false);
  }

  /** With {@code supervised}, the supervisor pages too (live view, weekly review). */
  public static AdminServer start(Path tmp, Path database, boolean supervised) throws Exception {
    Path cfg = tmp.resolve("config");
    if (!Files.isDirectory(cfg)) {
      Files.createDirectories(cfg);
      for (String f : new String[] {"server.yaml", "agents.yaml", "objectives.yaml", "lint.yaml"}) {
        Files.copy(TestServer.CONFIG_DIR.resolve(f), cfg.resolve(f));
      }
    }
    Config c = Lint.loader(cfg).load();
    ServerSettings s = c.server();
    c =
        c.withServer(
            new ServerSettings(
                    "127.0.0.1", 0, database, Duration.ofMinutes(2), List.of(), s.demo(), s.users())
                .withWebhooks(s.webhooks()));
    Store store = Store.open(database);
    Config config = c;
    org.callobjectives.server.supervisor.Supervision sup =
        supervised
            ? new org.callobjectives.server.supervisor.Supervision(
                () -> config,
                org.callobjectives.server.goals.GoalsLoader.load(cfg, c),
                Clock.systemUTC())
            : null;
    ObjectivesServer server =
        new ObjectivesServer(
            c, store, Clock.systemUTC(), sup == null ? List.of() : List.of(sup.callListener()));
    if (sup != null) {
      Modules.supervise(server, sup, store);
    }
    AdminModule admin =
        Modules.admin(server, store, cfg, Clock.systemUTC(), Duration.ofMillis(100));
    server.start(List.of());
    return new AdminServer(server, admin, cfg, database);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  public URI agentUri() {
    return URI.create("ws://127.0.0.1:" + server.address().getPort() + "/agent");
  }

  /** A request as {@code name:token} (HTTP Basic); null name for anonymous. */
  public HttpResponse<String> send(
      String method, String path, String name, String token, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(15));
    if (name != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((name + ":" + token).getBytes(StandardCharsets.UTF_8)));
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** As the demo admin ada. */
  public HttpResponse<String> admin(String method, String path, String json) throws Exception {
    return send(method, path, "ada", "demo-admin", json);
  }

  @Override
  public void close() {
    admin.close();
    server.close();
  }
}
