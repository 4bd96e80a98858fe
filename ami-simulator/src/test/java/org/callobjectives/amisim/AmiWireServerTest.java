package org.callobjectives.amisim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueStatusCompleteEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AmiWireServerTest {
  private AmiWireServer server;
  private final List<ManagerConnection> connections = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    server = new AmiWireServer(InetAddress.getLoopbackAddress(), 0).start();
  }

  @AfterEach
  void stopServer() {
    for (ManagerConnection connection : connections) {
      if (connection.getState() == ManagerConnectionState.CONNECTED) {
        connection.logoff();
      }
    }
    server.close();
  }

  private ManagerConnection connect(String secret) {
    ManagerConnection connection =
        new ManagerConnectionFactory("127.0.0.1", server.port(), "user", secret)
            .createManagerConnection();
    connections.add(connection);
    return connection;
  }

  @Test
  void asteriskJavaLogsInWithMd5AndDetectsAsterisk22() throws Exception {
    ManagerConnection connection = connect("secret");
    connection.login();

    assertEquals(ManagerConnectionState.CONNECTED, connection.getState());
    assertEquals(AsteriskVersion.ASTERISK_22, connection.getVersion());
    assertEquals("Asterisk Call Manager/11.0.0", connection.getProtocolIdentifier());
    List<String> actions = server.actionsReceived().stream().map(AmiAction::name).toList();
    assertEquals(List.of("Challenge", "Login", "CoreSettings"), actions);
    assertEquals("MD5", server.actionsReceived().get(1).get("AuthType"));
  }

  @Test
  void aWrongSecretFailsTheLogin() {
    ManagerConnection connection = connect("wrong");
    assertThrows(AuthenticationFailedException.class, connection::login);
  }

  @Test
  void refusingLoginsFailsTheLoginUntilLoginsAreAcceptedAgain() throws Exception {
    server.setAcceptingLogins(false);
    assertThrows(AuthenticationFailedException.class, connect("secret")::login);

    server.setAcceptingLogins(true);
    ManagerConnection connection = connect("secret");
    connection.login();
    assertEquals(ManagerConnectionState.CONNECTED, connection.getState());
  }

  @Test
  void aBroadcastEventArrivesAsATypedAsteriskJavaEvent() throws Exception {
    BlockingQueue<ManagerEvent> events = new LinkedBlockingQueue<>();
    ManagerConnection connection = connect("secret");
    connection.addEventListener(events::add);
    connection.login();

    server.broadcast(
        AmiEvent.event("AgentConnect")
            .put("Privilege", "agent,all")
            .put("Channel", "Local/sales@callers-00000000;2")
            .put("Uniqueid", "1795376181.1")
            .put("DestChannel", "Local/1001@agents-00000001;1")
            .put("DestUniqueid", "1795376182.2")
            .put("Queue", "sales")
            .put("Interface", "Local/1001@agents/n")
            .put("MemberName", "Alice Agent")
            .put("HoldTime", 2)
            .put("RingTime", 2)
            .build());

    AgentConnectEvent connect = next(events, AgentConnectEvent.class);
    assertEquals("Alice Agent", connect.getMemberName());
    assertEquals("Local/1001@agents/n", connect.getInterface());
    assertEquals("1795376182.2", connect.getDestUniqueId());
    assertEquals("sales", connect.getQueue());
    assertEquals(2L, connect.getHoldTime());
  }

  @Test
  void listActionsAreAnsweredFromTheChannelDirectory() throws Exception {
    server.setChannelDirectory(new FixedDirectory());
    ManagerConnection connection = connect("secret");
    connection.login();

    ResponseEvents channels = connection.sendEventGeneratingAction(new CoreShowChannelsAction());
    assertEquals("Success", channels.getResponse().getResponse());
    List<ManagerEvent> channelEvents = new ArrayList<>(channels.getEvents());
    assertEquals(2, channelEvents.size());
    assertEquals(
        "Local/sales@callers-00000000;2",
        ((CoreShowChannelEvent) channelEvents.get(0)).getChannel());
    assertEquals(1, ((CoreShowChannelsCompleteEvent) channelEvents.get(1)).getListitems());

    ResponseEvents queues = connection.sendEventGeneratingAction(new QueueStatusAction());
    List<Class<?>> types = queues.getEvents().stream().<Class<?>>map(Object::getClass).toList();
    assertEquals(
        List.of(
            QueueParamsEvent.class,
            QueueMemberEvent.class,
            QueueEntryEvent.class,
            QueueStatusCompleteEvent.class),
        types);
  }

  @Test
  void pingIsAnsweredWithPong() throws Exception {
    ManagerConnection connection = connect("secret");
    connection.login();
    ManagerResponse pong = connection.sendAction(new PingAction());
    assertEquals("Pong", pong.getAttributes().get("ping"));
  }

  @Test
  void everyResponseEchoesTheActionIdExactly() throws Exception {
    try (RawAmiClient client = new RawAmiClient(server.port())) {
      assertEquals("Asterisk Call Manager/11.0.0", client.banner());
      client.send("Action: Ping", "ActionID: before login #42");
      Map<String, String> denied = client.read();
      assertEquals("Error", denied.get("Response"));
      assertEquals("Permission denied", denied.get("Message"));
      assertEquals("before login #42", denied.get("ActionID"));

      client.loginPlain("user", "secret");
      client.send("Action: FlyToTheMoon", "ActionID: x-1");
      Map<String, String> unknown = client.read();
      assertEquals("Invalid/unknown command", unknown.get("Message"));
      assertEquals("x-1", unknown.get("ActionID"));

      client.send("action: command", "actionid: v", "command: core show version");
      Map<String, String> version = client.read();
      assertEquals("Command output follows", version.get("Message"));
      assertTrue(version.get("Output").startsWith("Asterisk 22.10.1 built by"));
      assertEquals("v", version.get("ActionID"));
    }
  }

  @Test
  void malformedLinesAndBinaryGarbageAreAnsweredWithErrorsAndTheSessionGoesOn() throws Exception {
    try (RawAmiClient client = new RawAmiClient(server.port())) {
      client.loginPlain("user", "secret");
      client.send("this line has no colon");
      assertEquals("Missing action in request", client.read().get("Message"));

      byte[] garbage = new byte[512];
      for (int i = 0; i < garbage.length; i++) {
        garbage[i] = (byte) (i * 31 + 7);
        if (garbage[i] == '\n') {
          garbage[i] = 0;
        }
      }
      client.sendRaw(garbage);
      client.sendRaw("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals("Error", client.read().get("Response"));

      client.send("Action: Ping", "ActionID: still-alive");
      assertEquals("Pong", client.read().get("Ping"));
    }
  }

  @Test
  void anOverlongLineClosesThatConnectionButNotTheServer() throws Exception {
    try (RawAmiClient client = new RawAmiClient(server.port())) {
      client.loginPlain("user", "secret");
      byte[] huge = new byte[AmiPacketReader.MAX_LINE_BYTES + 10];
      java.util.Arrays.fill(huge, (byte) 'A');
      client.sendRaw(huge);
      assertEquals("Line too long", client.read().get("Message"));
      assertNull(client.read());
    }
    try (RawAmiClient again = new RawAmiClient(server.port())) {
      again.loginPlain("user", "secret");
    }
  }

  @Test
  void logoffSaysGoodbyeAndClosesTheConnection() throws Exception {
    try (RawAmiClient client = new RawAmiClient(server.port())) {
      client.loginPlain("user", "secret");
      client.send("Action: Logoff", "ActionID: bye");
      Map<String, String> goodbye = client.read();
      assertEquals("Goodbye", goodbye.get("Response"));
      assertEquals("bye", goodbye.get("ActionID"));
      assertNull(client.read());
    }
  }

  @Test
  void aClientThatNeverReadsDoesNotHoldUpTheOthers() throws Exception {
    server.setOutboundQueueCapacity(100_000);
    RawAmiClient fast = new RawAmiClient(server.port());
    fast.loginPlain("user", "secret");
    server.setOutboundQueueCapacity(16);
    RawAmiClient stuck = new RawAmiClient(server.port());
    stuck.loginPlain("user", "secret");

    int count = 2_000;
    AtomicInteger received = new AtomicInteger();
    Thread reader =
        new Thread(
            () -> {
              try {
                Map<String, String> packet;
                while ((packet = fast.read()) != null) {
                  if ("Filler".equals(packet.get("Event")) && received.incrementAndGet() == count) {
                    return;
                  }
                }
              } catch (Exception e) {
                // the assertion below reports the shortfall
              }
            });
    reader.start();
    String padding =
        "x".repeat(16 * 1024); // enough bytes to fill the stuck client's socket buffers
    for (int i = 0; i < count; i++) {
      server.broadcast(AmiEvent.event("Filler").put("Seq", i).put("Padding", padding).build());
    }
    reader.join(TimeUnit.SECONDS.toMillis(30));

    assertEquals(count, received.get());
    assertTrue(server.droppedPackets() > 0, "the stuck client's packets are dropped and counted");
    fast.close();
    stuck.close();
  }

  @Test
  void droppingAllConnectionsMakesAsteriskJavaReconnectAndLogInAgain() throws Exception {
    BlockingQueue<ManagerEvent> events = new LinkedBlockingQueue<>();
    ManagerConnection connection = connect("secret");
    connection.addEventListener(events::add);
    connection.login();

    server.dropAllConnections();

    assertTrue(server.awaitLogins(2, Duration.ofSeconds(10)));
    while (connection.getState() != ManagerConnectionState.CONNECTED) {
      Thread.sleep(10);
    }
    server.broadcast(AmiEvent.event("AgentConnect").put("MemberName", "Bob Agent").build());
    assertEquals("Bob Agent", next(events, AgentConnectEvent.class).getMemberName());
  }

  static <T extends ManagerEvent> T next(BlockingQueue<ManagerEvent> events, Class<T> type)
      throws InterruptedException {
    while (true) {
      ManagerEvent event = events.poll(10, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("no " + type.getSimpleName() + " within 10 s");
      }
      if (type.isInstance(event)) {
        return type.cast(event);
      }
    }
  }

  /** One caller in sales, answered by Alice. */
  private static final class FixedDirectory implements ChannelDirectory {
    @Override
    public List<AmiEvent> coreShowChannels() {
      return List.of(
          AmiEvent.event("CoreShowChannel")
              .put("Channel", "Local/sales@callers-00000000;2")
              .put("Uniqueid", "1795376181.1")
              .put("Application", "Queue")
              .build());
    }

    @Override
    public List<AmiEvent> queueStatus() {
      return List.of(
          AmiEvent.event("QueueParams").put("Queue", "sales").put("Calls", 1).build(),
          AmiEvent.event("QueueMember")
              .put("Queue", "sales")
              .put("Name", "Alice Agent")
              .put("Location", "Local/1001@agents/n")
              .build(),
          AmiEvent.event("QueueEntry")
              .put("Queue", "sales")
              .put("Position", 1)
              .put("Channel", "Local/sales@callers-00000000;2")
              .build());
    }
  }
}
