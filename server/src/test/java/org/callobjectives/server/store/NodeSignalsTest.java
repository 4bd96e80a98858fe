package org.callobjectives.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.callobjectives.protocol.Json;
import org.junit.jupiter.api.Test;

class NodeSignalsTest {
  @Test
  void messagesArePackedInOrderIntoNoticesPostgresTakes() throws Exception {
    NodeSignals signals =
        NodeSignals.of(new SqliteDialect(java.nio.file.Path.of("x.db"), 1), "h:1:n");
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      // Quotes and backslashes double in size once escaped inside the envelope.
      sent.add("{\"i\":" + i + ",\"q\":\"" + "\\\"".repeat(60) + "\"}");
    }
    List<String> notices = signals.pack(sent);
    assertTrue(notices.size() > 1);
    List<String> received = new ArrayList<>();
    for (String n : notices) {
      assertTrue(n.getBytes(StandardCharsets.UTF_8).length < 8000, "a notice of " + n.length());
      var env = Json.mapper().readTree(n);
      assertEquals("n", env.get("origin").asText());
      env.get("messages").forEach(m -> received.add(m.asText()));
    }
    assertEquals(sent, received);
  }

  @Test
  void onOneNodeNothingIsSentAndNothingWaits() {
    NodeSignals signals =
        NodeSignals.of(new SqliteDialect(java.nio.file.Path.of("x.db"), 1), "h:1:n");
    assertFalse(signals.shared());
    signals.send("{}");
    signals.start();
    signals.close();
  }
}
