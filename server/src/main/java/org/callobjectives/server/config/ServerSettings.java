package org.callobjectives.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What server.yaml says, validated and with defaults applied. */
public record ServerSettings(
    String listenHost,
    int listenPort,
    Path database,
    Duration wrapUp,
    List<AmiServer> ami,
    DemoSettings demo) {

  public ServerSettings {
    ami = List.copyOf(ami);
  }

  public boolean demoMode() {
    return ami.isEmpty();
  }

  public ServerSettings withDemo() {
    return new ServerSettings(listenHost, listenPort, database, wrapUp, List.of(), demo);
  }

  public ServerSettings withDatabase(Path db) {
    return new ServerSettings(listenHost, listenPort, db, wrapUp, ami, demo);
  }

  public ServerSettings withListenPort(int port) {
    return new ServerSettings(listenHost, port, database, wrapUp, ami, demo);
  }
}
