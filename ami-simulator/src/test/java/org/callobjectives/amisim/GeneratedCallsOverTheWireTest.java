package org.callobjectives.amisim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GeneratedCallsOverTheWireTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final BlockingQueue<ManagerEvent> received = new LinkedBlockingQueue<>();
  private AmiWireServer server;
  private ManagerConnection connection;

  @BeforeEach
  void start() throws Exception {
    server = new AmiWireServer(InetAddress.getLoopbackAddress(), 0).start();
    connection =
        new ManagerConnectionFactory("127.0.0.1", server.port(), "user", "secret")
            .createManagerConnection();
    connection.addEventListener(received::add);
    connection.login();
  }

  @AfterEach
  void stop() {
    connection.logoff();
    server.close();
    scheduler.shutdownNow();
  }

  private DemoCallGenerator generator(DemoSettings settings) {
    DemoCallGenerator generator =
        new DemoCallGenerator(settings, server::broadcast, Clock.systemUTC(), scheduler);
    server.setChannelDirectory(generator.directory());
    return generator;
  }

  @Test
  void asteriskJavaSeesAGeneratedQueueCallAsTypedEventsAndCanResyncDuringIt() throws Exception {
    DemoSettings settings =
        new DemoSettings(
            List.of("sales"),
            List.of(DemoAgent.of("1001", "Alice Agent", "sales")),
            1,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofMillis(100),
            0,
            0,
            0,
            Duration.ofSeconds(30),
            1);
    DemoCallGenerator generator = generator(settings);
    Map<String, String> connectedAgents = new ConcurrentHashMap<>();
    generator.setListener(
        (event, nanoTime) -> {
          if ("AgentConnect".equals(event.type())) {
            connectedAgents.put(event.get("DestUniqueid"), event.get("MemberName"));
          }
        });
    generator.placeInboundCall("sales");

    AgentConnectEvent connect = AmiWireServerTest.next(received, AgentConnectEvent.class);
    assertEquals("Alice Agent", connect.getMemberName());
    assertEquals("Local/1001@agents/n", connect.getInterface());
    assertEquals("Alice Agent", connectedAgents.get(connect.getDestUniqueId()));
    assertTrue(connect.getDestChannel().startsWith("Local/1001@agents-"));

    ResponseEvents channels = connection.sendEventGeneratingAction(new CoreShowChannelsAction());
    assertEquals(
        4, channels.getEvents().stream().filter(CoreShowChannelEvent.class::isInstance).count());
    ResponseEvents queues = connection.sendEventGeneratingAction(new QueueStatusAction());
    QueueMemberEvent member =
        queues.getEvents().stream()
            .filter(QueueMemberEvent.class::isInstance)
            .map(QueueMemberEvent.class::cast)
            .findFirst()
            .orElseThrow();
    assertEquals("Local/1001@agents/n", member.getLocation());

    AgentCompleteEvent complete = AmiWireServerTest.next(received, AgentCompleteEvent.class);
    assertEquals("caller", complete.getReason());
    assertEquals(connect.getDestUniqueId(), complete.getDestUniqueId());
  }

  @Test
  void everyAgentConnectOfABurstReachesAsteriskJava() throws Exception {
    DemoSettings settings =
        DemoSettings.lab(5)
            .withCallsPerSecond(50)
            .withTimes(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofMillis(10))
            .withRates(0, 0.1, 0.3);
    DemoCallGenerator generator = generator(settings);
    AtomicInteger generatedConnects = new AtomicInteger();
    generator.setListener(
        (event, nanoTime) -> {
          if ("AgentConnect".equals(event.type())) {
            generatedConnects.incrementAndGet();
          }
        });

    generator.burst(100).get(30, TimeUnit.SECONDS);

    int seen = 0;
    while (seen < generatedConnects.get()) {
      ManagerEvent event = received.poll(10, TimeUnit.SECONDS);
      assertTrue(
          event != null,
          "missing AgentConnect events: saw " + seen + " of " + generatedConnects.get());
      if (event instanceof AgentConnectEvent) {
        seen++;
      }
    }
    assertEquals(100, generator.callsEnded());
    assertEquals(0, server.droppedPackets());
  }
}
