package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that stops reading is cut off once its outbound buffer is full; others are not held up.
 */
class SlowClientTest {
  @TempDir Path dir;

  @Test
  void aClientThatStopsReadingIsDisconnectedAndOthersStillGetTheirMessages() throws Exception {
    try (TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      CountDownLatch welcomed = new CountDownLatch(1);
      CountDownLatch closed = new CountDownLatch(1);
      // Reads exactly one message (the welcome), then never asks for more: TCP backpressure.
      WebSocket stalled =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  ts.agentUri(),
                  new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket ws) {
                      ws.request(1);
                    }

                    @Override
                    public CompletionStage<?> onText(
                        WebSocket ws, CharSequence data, boolean last) {
                      welcomed.countDown();
                      return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                      closed.countDown();
                      return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                      closed.countDown();
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      stalled
          .sendText(Json.write(new Hello("1001", "demo-1001", "stalled")), true)
          .get(10, TimeUnit.SECONDS);
      assertTrue(welcomed.await(10, TimeUnit.SECONDS));

      try (RawAgentSocket healthy = new RawAgentSocket(ts.agentUri())) {
        healthy.send(new Hello("1002", "demo-1002", "test"));
        healthy.next();
        ErrorMessage big = new ErrorMessage("bulk", "x".repeat(60_000), null);
        int sent = 0;
        while (ts.server.sessions().isConnected("1001") && sent < 2_000) {
          ts.server.sessions().send("1001", big);
          sent++;
          if (sent % 20 == 0) {
            ts.server
                .sessions()
                .send("1002", new ErrorMessage("ping", "still there?", String.valueOf(sent)));
            assertTrue(
                healthy.next().contains("still there?"), "the healthy client is served meanwhile");
          }
          Thread.sleep(2);
        }
        assertTrue(
            ts.server.sessions().slowClientsClosed() >= 1, "stalled client cut off after " + sent);
        assertEquals(false, ts.server.sessions().isConnected("1001"));
        ts.server.sessions().send("1002", new ErrorMessage("ping", "after", null));
        assertTrue(healthy.next().contains("after"));
      }
      stalled.abort();
    }
  }
}
