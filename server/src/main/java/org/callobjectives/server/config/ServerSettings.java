package org.callobjectives.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callobjectives.server.security.User;

/** What server.yaml says, validated and with defaults applied. */
public record ServerSettings(
    String listenHost,
    int listenPort,
    Path database,
    Duration wrapUp,
    List<AmiServer> ami,
    DemoSettings demo,
    List<User> users) {

  public ServerSettings {
    ami = List.copyOf(ami);
    users = users == null ? List.of() : List.copyOf(users);
  }

  public boolean demoMode() {
    return ami.isEmpty();
  }

  public ServerSettings withDemo() {
    return new ServerSettings(listenHost, listenPort, database, wrapUp, List.of(), demo, users);
  }

  public ServerSettings withDatabase(Path db) {
    return new ServerSettings(listenHost, listenPort, db, wrapUp, ami, demo, users);
  }

  public ServerSettings withListenPort(int port) {
    return new ServerSettings(listenHost, port, database, wrapUp, ami, demo, users);
  }
}
