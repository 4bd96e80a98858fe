package org.callobjectives.server.ami;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/** Asterisk-Java's connection with {@link AmiPacketGuard} under its reader. */
final class GuardedManagerConnection extends ManagerConnectionImpl {
  private final AtomicLong dropped = new AtomicLong();

  GuardedManagerConnection(String host, int port, String username, String secret) {
    setHostname(host);
    setPort(port);
    setUsername(username);
    setPassword(secret);
  }

  long droppedPackets() {
    return dropped.get();
  }

  @Override
  protected SocketConnectionFacade createSocket() throws IOException {
    return new AmiPacketGuard(super.createSocket(), dropped);
  }
}
