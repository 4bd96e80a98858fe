package org.callobjectives.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TCP proxy whose current connections can be frozen: open but silent, like a hung Asterisk. */
public final class FreezableProxy implements AutoCloseable {
  private final ServerSocket server;
  private final java.util.function.IntSupplier target;
  private final List<Link> links = new CopyOnWriteArrayList<>();

  private static final class Link {
    volatile boolean frozen;
    Socket a;
    Socket b;
  }

  public FreezableProxy(int targetPort) throws IOException {
    this(() -> targetPort);
  }

  /**
   * A load balancer in front of several nodes: each new connection goes to the port {@code target}
   * names then (-1: none is up, the connection is closed).
   */
  public FreezableProxy(java.util.function.IntSupplier target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Every connection open now stops passing bytes; later connections work normally. */
  public void freezeCurrent() {
    for (Link l : links) {
      l.frozen = true;
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Link l = new Link();
        l.a = server.accept();
        int port = target.getAsInt();
        if (port < 0) {
          close(l.a);
          continue;
        }
        try {
          l.b = new Socket(InetAddress.getLoopbackAddress(), port);
        } catch (IOException e) {
          close(l.a);
          continue;
        }
        links.add(l);
        pump(l, l.a, l.b);
        pump(l, l.b, l.a);
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void pump(Link l, Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[8192];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  while (l.frozen) {
                    Thread.sleep(50); // hold the bytes: the other side sees silence, not a close
                  }
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                // connection over
              } finally {
                if (!l.frozen) {
                  close(from);
                  close(to);
                }
              }
            },
            "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Link l : links) {
      l.frozen = false;
      close(l.a);
      close(l.b);
    }
  }
}
