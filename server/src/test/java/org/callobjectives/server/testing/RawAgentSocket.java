package org.callobjectives.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Message;

/** A bare WebSocket for sending what a well-behaved agent-bridge never would. */
public final class RawAgentSocket implements AutoCloseable {
  public static final String CLOSED = "<closed>";

  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final WebSocket ws;

  public RawAgentSocket(URI uri) throws Exception {
    this(uri, HttpClient.newHttpClient());
  }

  public RawAgentSocket(URI uri, HttpClient http) throws Exception {
    StringBuilder partial = new StringBuilder();
    ws = http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
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
    }).get(10, TimeUnit.SECONDS);
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

  /** The next text frame (or {@link #CLOSED} + status); fails after 10 s. */
  public String next() throws InterruptedException {
    String s = received.poll(10, TimeUnit.SECONDS);
    if (s == null) {
      fail("nothing received within 10 s");
    }
    return s;
  }

  public <T extends Message> T next(Class<T> type) throws Exception {
    String s = next();
    if (s.startsWith(CLOSED)) {
      fail("connection closed while waiting for " + type.getSimpleName() + ": " + s);
    }
    Message m = Json.read(s);
    if (!type.isInstance(m)) {
      fail("expected " + type.getSimpleName() + " but got " + s);
    }
    return type.cast(m);
  }

  @Override
  public void close() {
    ws.abort();
  }
}
