package org.callobjectives.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Message;

/** A bare WebSocket for sending what a well-behaved agent-bridge never would. */
public final class RawAgentSocket implements AutoCloseable {
  public static final String CLOSED = "<closed>";

  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final List<String> frames = new CopyOnWriteArrayList<>();
  private final WebSocket ws;

  public RawAgentSocket(URI uri) throws Exception {
    this(uri, HttpClient.newHttpClient());
  }

  public RawAgentSocket(URI uri, HttpClient http) throws Exception {
    StringBuilder partial = new StringBuilder();
    ws =
        http.newWebSocketBuilder()
            .buildAsync(
                uri,
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                      frames.add(partial.toString());
                      received.add(partial.toString());
                      partial.setLength(0);
                    }
                    w.request(1);
                    return null;
                  }

                  @Override
                  public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                    received.add(CLOSED + status);
                    return null;
                  }

                  @Override
                  public void onError(WebSocket w, Throwable error) {
                    received.add(CLOSED + " " + error);
                  }
                })
            .get(10, TimeUnit.SECONDS);
  }

  public void sendText(String text) throws Exception {
    ws.sendText(text, true).get(10, TimeUnit.SECONDS);
  }

  public void send(Message m) throws Exception {
    sendText(Json.write(m));
  }

  public void sendBinary(byte[] b) throws Exception {
    ws.sendBinary(ByteBuffer.wrap(b), true).get(10, TimeUnit.SECONDS);
  }

  /**
   * The next text frame (or {@link #CLOSED} + status), skipping {@code agent_state} pushes (they
   * come on every change; ask for them with {@code next(AgentState.class)}); fails after 10 s.
   */
  public String next() throws InterruptedException {
    return next(false);
  }

  private String next(boolean withStates) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String s = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (s == null) {
        fail("nothing received within 10 s");
      }
      if (withStates || !s.contains("\"type\":\"agent_state\"")) {
        return s;
      }
    }
  }

  /** The next message of any type, agent_state included; fails after 10 s or on close. */
  public Message nextMessage() throws Exception {
    String s = next(true);
    if (s.startsWith(CLOSED)) {
      fail("connection closed: " + s);
    }
    return Json.read(s);
  }

  /**
   * The first message of {@code type} within {@code millis}, dropping the others; null if none
   * came.
   */
  public <T extends Message> T poll(Class<T> type, long millis) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      String s = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (s == null) {
        return null;
      }
      if (!s.startsWith(CLOSED)) {
        Message m = Json.read(s);
        if (type.isInstance(m)) {
          return type.cast(m);
        }
      }
    }
  }

  public <T extends Message> T next(Class<T> type) throws Exception {
    String s = next(type == org.callobjectives.protocol.AgentState.class);
    if (s.startsWith(CLOSED)) {
      fail("connection closed while waiting for " + type.getSimpleName() + ": " + s);
    }
    Message m = Json.read(s);
    if (!type.isInstance(m)) {
      fail("expected " + type.getSimpleName() + " but got " + s);
    }
    return type.cast(m);
  }

  /** Every text frame received so far, agent_state included, whether taken by next() or not. */
  public List<String> frames() {
    return List.copyOf(frames);
  }

  @Override
  public void close() {
    ws.abort();
  }
}
