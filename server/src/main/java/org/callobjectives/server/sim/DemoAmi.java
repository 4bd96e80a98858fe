package org.callobjectives.server.sim;

import java.time.Clock;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.config.Config;

/** The built-in AMI simulator used when no Asterisk is configured (see ami-simulator). */
public final class DemoAmi implements AutoCloseable {
  private final AmiServer server;

  private DemoAmi(AmiServer server) {
    this.server = server;
  }

  public static DemoAmi start(Config config, Clock clock) {
    throw new UnsupportedOperationException("wired to ami-simulator below");
  }

  public AmiServer amiServer() {
    return server;
  }

  @Override
  public void close() {}
}
