package org.callobjectives.amisim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScriptedAmiServerTest {
  private ScriptedAmiServer server;
  private ManagerConnection connection;
  private final BlockingQueue<ManagerEvent> received = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() {
    if (connection != null && connection.getState() == ManagerConnectionState.CONNECTED) {
      connection.logoff();
    }
    if (server != null) {
      server.close();
    }
  }

  private void connect() throws Exception {
    connection =
        new ManagerConnectionFactory("127.0.0.1", server.port(), "user", "secret")
            .createManagerConnection();
    connection.addEventListener(received::add);
    connection.login();
  }

  /**
   * Collects the wire event types Asterisk-Java delivered until {@code expected} of them arrived,
   * skipping the pseudo and legacy events it synthesises itself (Connect, Dial, Bridge, ...).
   */
  private List<String> receiveTypes(List<String> expected, List<ManagerEvent> all)
      throws InterruptedException {
    Set<String> wireTypes =
        expected.stream().map(type -> type.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    List<String> types = new ArrayList<>();
    while (types.size() < expected.size()) {
      ManagerEvent event = received.poll(20, TimeUnit.SECONDS);
      if (event == null) {
        break;
      }
      all.add(event);
      String type =
          event.getClass().getSimpleName().replaceFirst("Event$", "").toLowerCase(Locale.ROOT);
      if (wireTypes.contains(type)) {
        types.add(type);
      }
    }
    return types;
  }

  private static List<String> lower(List<String> types) {
    return types.stream().map(type -> type.toLowerCase(Locale.ROOT)).toList();
  }

  @Test
  void aReplayedCaptureReachesAsteriskJavaEventForEventInOrder() throws Exception {
    AmiTrace trace = Traces.load("a_sales_caller_hangup");
    server = ScriptedAmiServer.replaying(trace, 0).start();
    connect();

    List<ManagerEvent> all = new ArrayList<>();
    List<String> types = receiveTypes(trace.eventTypes(), all);

    assertEquals(lower(trace.eventTypes()), types);
    assertEquals(
        lower(Traces.truthEventCounts("a_sales_caller_hangup").keySet().stream().toList()),
        lower(Traces.countTypes(trace.eventTypes()).keySet().stream().toList()));
    assertTrue(server.awaitDone(Duration.ofSeconds(5)));
    AgentCompleteEvent complete =
        all.stream()
            .filter(AgentCompleteEvent.class::isInstance)
            .map(AgentCompleteEvent.class::cast)
            .findFirst()
            .orElseThrow();
    assertEquals("caller", complete.getReason());
    assertEquals("Alice Agent", complete.getMemberName());
  }

  @Test
  void aRestartCaptureMakesAsteriskJavaReconnectForTheSecondSession() throws Exception {
    AmiTrace trace = Traces.load("h_restart_mid_call");
    server = ScriptedAmiServer.replaying(trace, 0).start();
    connect();

    List<ManagerEvent> all = new ArrayList<>();
    List<String> types = receiveTypes(trace.eventTypes(), all);

    assertEquals(lower(trace.eventTypes()), types);
    assertEquals(
        Traces.truthEventCounts("h_restart_mid_call"), Traces.countTypes(trace.eventTypes()));
    assertTrue(server.awaitDone(Duration.ofSeconds(5)));
    assertTrue(
        all.stream().anyMatch(DisconnectEvent.class::isInstance),
        "the client saw the first session end");
    assertEquals(2, server.wire().loginCount());

    while (connection.getState() != ManagerConnectionState.CONNECTED) {
      Thread.sleep(10);
    }
    connection.sendEventGeneratingAction(new CoreShowChannelsAction());
    assertTrue(
        server.actionsReceived().stream()
            .anyMatch(action -> action.connection() == 2 && action.is("CoreShowChannels")));
  }

  @Test
  void pacedReplayDeliversEverythingAndThenStaysConnected() throws Exception {
    AmiTrace trace = Traces.load("a_sales_caller_hangup");
    server = ScriptedAmiServer.replaying(trace, 20).start();
    connect();

    List<String> types = receiveTypes(trace.eventTypes(), new ArrayList<>());

    assertEquals(lower(trace.eventTypes()), types);
    assertTrue(server.awaitDone(Duration.ofSeconds(10)));
    assertEquals("Success", connection.sendAction(new PingAction()).getResponse());
    assertEquals(1, server.wire().connectionCount());
  }

  @Test
  void injectedGarbageBetweenEventsDoesNotDisturbTheRealEvents() throws Exception {
    AmiTrace trace = Traces.load("a_sales_caller_hangup");
    byte[] binary = new byte[300];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 37 + 11);
    }
    AmiTrace.Session dirty =
        trace
            .sessions()
            .get(0)
            .withRawBytes(
                3, "Event: MadeUpEventType\r\nFoo: bar\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
            .withRawBytes(2, "a line without any colon\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
            .withRawBytes(1, concat(binary, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    server = new ScriptedAmiServer(List.of(dirty), 0).start();
    connect();

    List<String> types = receiveTypes(trace.eventTypes(), new ArrayList<>());

    assertEquals(lower(trace.eventTypes()), types);
    server.wire().sendRaw(binary);
    server.wire().sendRaw("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertEquals("Success", connection.sendAction(new PingAction()).getResponse());
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** Logs in over a plain socket (no version probe: the server gets it ready after a moment). */
  private static java.io.InputStream rawLogin(java.net.Socket socket) throws Exception {
    socket.setSoTimeout(10_000);
    socket
        .getOutputStream()
        .write(
            "Action: Login\r\nUsername: user\r\nSecret: secret\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
    return socket.getInputStream();
  }

  @Test
  void aRawStreamGoesToTheFirstConnectionAsTheClientReadsIt() throws Exception {
    ScriptedAmiServer.RawStream raw =
        ScriptedAmiServer.RawStream.of("Event: X\r\nValue: ", "ab", 9, Duration.ZERO);
    server = new ScriptedAmiServer(List.of(raw), List.of(), 0).start();
    StringBuilder got = new StringBuilder();
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      java.io.InputStream in = rawLogin(socket);
      byte[] buffer = new byte[1024];
      while (!got.toString().endsWith("Value: ababababa")) {
        int n = in.read(buffer);
        assertTrue(n > 0, "stream ended: " + got);
        got.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
      }
      assertTrue(raw.awaitEnd(Duration.ofSeconds(10)));
      assertEquals(false, raw.cutOff());
      assertEquals("Event: X\r\nValue: ".length() + 9, raw.bytesWritten());
    }
    assertTrue(got.toString().contains("Authentication accepted"), got.toString());
  }

  @Test
  void anEndlessLineStopsWhenTheClientStopsReading() throws Exception {
    ScriptedAmiServer.RawStream raw =
        ScriptedAmiServer.RawStream.endlessLine(1L << 30, 64 * 1024, Duration.ZERO);
    server = new ScriptedAmiServer(List.of(raw), List.of(), 0).start();
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      java.io.InputStream in = rawLogin(socket);
      long read = 0;
      byte[] buffer = new byte[64 * 1024];
      while (read < 1 << 20) {
        int n = in.read(buffer);
        assertTrue(n > 0);
        read += n;
      }
    } // closed with the line going on
    assertTrue(raw.awaitEnd(Duration.ofSeconds(10)), "the stream noticed the client left");
    assertTrue(raw.cutOff());
    assertTrue(raw.bytesWritten() < 64L << 20, "not queued ahead: " + raw.bytesWritten());
  }
}
