package org.callobjectives.server.web;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While a node waits to become active, its port answers every request with 503 and why (a load
 * balancer's health check sends agents and supervisors to the active node). Closing it leaves the
 * listening socket open for the real server.
 */
public final class StandbyResponder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StandbyResponder.class);
  private static final int MAX_HEAD = 16 * 1024;

  private final ServerSocketChannel listener;
  private final Supplier<String> json;
  private final Selector selector;
  private final Thread thread;
  private volatile boolean closed;

  private StandbyResponder(ServerSocketChannel listener, Supplier<String> json) throws IOException {
    this.listener = listener;
    this.json = json;
    this.selector = Selector.open();
    this.thread = new Thread(this::run, "standby-responder");
    thread.setDaemon(true);
  }

  /** Answers on {@code listener} with {@code json} (the standby's /health) until closed. */
  public static StandbyResponder start(ServerSocketChannel listener, Supplier<String> json)
      throws IOException {
    StandbyResponder r = new StandbyResponder(listener, json);
    listener.configureBlocking(false);
    listener.register(r.selector, SelectionKey.OP_ACCEPT);
    r.thread.start();
    return r;
  }

  private void run() {
    while (!closed) {
      try {
        selector.select(200);
        selector.selectedKeys().clear();
        for (SocketChannel c; !closed && (c = listener.accept()) != null; ) {
          answer(c);
        }
      } catch (IOException e) {
        if (!closed) {
          log.debug("standby responder: {}", e.toString());
        }
      }
    }
  }

  /** Reads the request head (briefly, one client at a time: only health checks come here). */
  private void answer(SocketChannel c) {
    try (c) {
      c.configureBlocking(true);
      c.socket().setSoTimeout(2000);
      var in = c.socket().getInputStream();
      byte[] head = new byte[MAX_HEAD];
      int n = 0;
      while (n < MAX_HEAD) {
        int r = in.read(head, n, MAX_HEAD - n);
        if (r < 0) {
          break;
        }
        n += r;
        if (new String(head, 0, n, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
          break;
        }
      }
      byte[] body = json.get().getBytes(StandardCharsets.UTF_8);
      String res =
          "HTTP/1.1 503 Service Unavailable\r\n"
              + "Content-Type: application/json\r\n"
              + "Retry-After: 5\r\n"
              + "Cache-Control: no-store\r\n"
              + "Connection: close\r\n"
              + "Content-Length: "
              + body.length
              + "\r\n\r\n";
      c.write(ByteBuffer.wrap(res.getBytes(StandardCharsets.ISO_8859_1)));
      c.write(ByteBuffer.wrap(body));
    } catch (SocketTimeoutException e) {
      // a client that sends nothing gets nothing
    } catch (IOException e) {
      log.debug("standby responder: {}", e.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      thread.join(2000);
      selector.close(); // deregisters the listener, which stays open and bound
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.debug("closing the standby selector: {}", e.toString());
    }
  }
}
