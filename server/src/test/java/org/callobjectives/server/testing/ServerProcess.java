package org.callobjectives.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.callobjectives.amisim.AmiWireServer;

/** The real server's Main in its own JVM (the test classpath), with a config folder of its own. */
public final class ServerProcess {
  private ServerProcess() {}

  /**
   * Writes {@code dir/NAME} with the shipped agents and objectives and a server.yaml for this port,
   * database and AMI.
   */
  public static Path writeConfig(Path dir, String name, int port, Path database, int amiPort)
      throws Exception {
    return writeConfig(dir, name, port, database.toString(), amiPort);
  }

  /** As above, with server.yaml's {@code database:} text (a path or a PostgreSQL URL). */
  public static Path writeConfig(Path dir, String name, int port, String database, int amiPort)
      throws Exception {
    Path config = dir.resolve(name);
    Files.createDirectories(config);
    for (String f : new String[] {"agents.yaml", "objectives.yaml"}) {
      Files.copy(Path.of("..", "config", f), config.resolve(f));
    }
    Files.writeString(
        config.resolve("server.yaml"),
        String.join(
            "\n",
            "listen: {host: 127.0.0.1, port: " + port + "}",
            "database: " + database,
            "ami:",
            "  - {name: pbx, host: 127.0.0.1, port: "
                + amiPort
                + ", username: "
                + AmiWireServer.DEFAULT_USERNAME
                + ", secret: "
                + AmiWireServer.DEFAULT_SECRET
                + "}",
            ""));
    return config;
  }

  /** Starts {@code Main run --config CONFIG}, output to {@code log}; does not wait. */
  public static Process launch(Path config, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "org.callobjectives.server.Main",
            "run",
            "--config",
            config.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Starts the server and waits until {@code /health} on {@code port} answers 200. */
  public static Process startAndWait(Path config, Path log, int port) throws Exception {
    Process p = launch(config, log);
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError("server exited: " + Files.readString(log));
      }
      if (health(http, port) == 200) {
        return p;
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new AssertionError("server did not start: " + Files.readString(log));
  }

  /** GET /health as JSON, or null when nothing answers. */
  public static com.fasterxml.jackson.databind.JsonNode healthJson(HttpClient http, int port)
      throws InterruptedException {
    try {
      return org.callobjectives.protocol.Json.mapper()
          .readTree(
              http.send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                          .timeout(Duration.ofSeconds(2))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** Whether the node on {@code port} listens to the AMI link {@code name} and is logged in. */
  public static boolean listensTo(HttpClient http, int port, String name)
      throws InterruptedException {
    var h = healthJson(http, port);
    return h != null && h.path("ami").path(name).asBoolean(false);
  }

  /** The status of GET /health, or -1 when nothing answers. */
  public static int health(HttpClient http, int port) throws InterruptedException {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
