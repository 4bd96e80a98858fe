package org.callobjectives.server.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ServerSettings;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.objectives.lint.Lint;
import org.callobjectives.server.store.Store;

/**
 * A real server on an ephemeral loopback port with the shipped example config and a temp SQLite
 * file.
 */
public final class TestServer implements AutoCloseable {
  public static final Path CONFIG_DIR = Path.of("..", "config");

  public final ObjectivesServer server;
  public final Path database;

  private TestServer(ObjectivesServer server, Path database) {
    this.server = server;
    this.database = database;
  }

  /** An AMI link to a scripted Asterisk on this machine, with the simulator's credentials. */
  public static AmiServer link(String name, int port) {
    return new AmiServer(
        name,
        "127.0.0.1",
        port,
        org.callobjectives.amisim.AmiWireServer.DEFAULT_USERNAME,
        org.callobjectives.amisim.AmiWireServer.DEFAULT_SECRET);
  }

  public static Config exampleConfig(Path database, Duration wrapUp) throws Exception {
    return exampleConfig(database, wrapUp, 0);
  }

  public static Config exampleConfig(Path database, Duration wrapUp, int port) throws Exception {
    return exampleConfig(CONFIG_DIR, database, wrapUp, port);
  }

  /** The configuration in {@code configDir}, on a test database and port. */
  public static Config exampleConfig(Path configDir, Path database, Duration wrapUp, int port)
      throws Exception {
    Config c = Lint.loader(configDir).load();
    ServerSettings s = c.server();
    return c.withServer(
        new ServerSettings("127.0.0.1", port, database, wrapUp, List.of(), s.demo(), s.users()));
  }

  public static TestServer start(
      Path dir, List<AmiServer> ami, Duration wrapUp, List<CallListener> listeners)
      throws Exception {
    return start(dir, 0, ami, wrapUp, listeners);
  }

  /** On a chosen port (0 = any), e.g. to restart a server where clients will reconnect. */
  public static TestServer start(
      Path dir, int port, List<AmiServer> ami, Duration wrapUp, List<CallListener> listeners)
      throws Exception {
    return start(dir, port, ami, wrapUp, listeners, s -> {});
  }

  /** With {@code beforeStart} run on the built server first (e.g. other agent limits). */
  public static TestServer start(
      Path dir,
      int port,
      List<AmiServer> ami,
      Duration wrapUp,
      List<CallListener> listeners,
      java.util.function.Consumer<ObjectivesServer> beforeStart)
      throws Exception {
    Path db = dir.resolve("objectives.db");
    Config c = exampleConfig(db, wrapUp, port);
    ObjectivesServer s = new ObjectivesServer(c, Store.open(db), Clock.systemUTC(), listeners);
    beforeStart.accept(s);
    s.start(ami);
    return new TestServer(s, db);
  }

  public URI agentUri() {
    return URI.create("ws://127.0.0.1:" + server.address().getPort() + "/agent");
  }

  public String jdbcUrl() {
    return "jdbc:sqlite:" + database;
  }

  @Override
  public void close() {
    server.close();
  }
}
