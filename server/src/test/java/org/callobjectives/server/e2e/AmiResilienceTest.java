package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.DemoAgent;
import org.callobjectives.amisim.DemoCallGenerator;
import org.callobjectives.amisim.DemoSettings;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.FreezableProxy;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AMI links that hang or fail: detected, reconnected, and never holding up another Asterisk. */
class AmiResilienceTest {
  @TempDir Path dir;
  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private DemoCallGenerator generator(AmiWireServer wire, DemoAgent agent, String queue) {
    DemoSettings s =
        new DemoSettings(
            List.of(queue),
            List.of(agent),
            1,
            Duration.ofMillis(500),
            Duration.ofMillis(500),
            Duration.ofMillis(100),
            0,
            0,
            0,
            Duration.ofSeconds(30),
            7);
    DemoCallGenerator g = new DemoCallGenerator(s, wire::broadcast, Clock.systemUTC(), scheduler);
    wire.setChannelDirectory(g.directory());
    return g;
  }

  @Test
  void anAsteriskThatStopsAnsweringIsReconnectedAndPopsResume() throws Exception {
    try (AmiWireServer wire = new AmiWireServer(InetAddress.getLoopbackAddress(), 0).start();
        FreezableProxy proxy = new FreezableProxy(wire.port());
        TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      DemoCallGenerator gen =
          generator(wire, DemoAgent.of("1001", "Alice Agent", "sales"), "sales");
      AgentRecorder alice = new AgentRecorder("1001");
      try (BridgeClient client =
          new BridgeClient(ts.agentUri(), "1001", "demo-1001", null, alice)) {
        client.start();
        alice.next(Welcome.class);
        ts.server.connectAmi(
            new AmiServer(
                "pbx",
                "127.0.0.1",
                proxy.port(),
                AmiWireServer.DEFAULT_USERNAME,
                AmiWireServer.DEFAULT_SECRET,
                1));
        assertTrue(wire.awaitLogins(1, Duration.ofSeconds(10)));
        proxy.freezeCurrent();
        // Silence for three ping intervals: Asterisk-Java drops the socket and logs in again.
        assertTrue(wire.awaitLogins(2, Duration.ofSeconds(20)), "no reconnect after the link hung");
        gen.placeInboundCall("sales");
        CallStarted pop = alice.next(CallStarted.class, 15);
        assertEquals("sales", pop.queue());
      }
      gen.close();
    }
  }

  @Test
  void oneHungAsteriskDoesNotDelayCallsFromAnother() throws Exception {
    try (AmiWireServer hung = new AmiWireServer(InetAddress.getLoopbackAddress(), 0).start();
        FreezableProxy proxy = new FreezableProxy(hung.port());
        AmiWireServer good = new AmiWireServer(InetAddress.getLoopbackAddress(), 0).start();
        TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      DemoCallGenerator gen =
          generator(good, DemoAgent.of("2001", "Dave Agent", "support"), "support");
      AgentRecorder dave = new AgentRecorder("2001");
      try (BridgeClient client = new BridgeClient(ts.agentUri(), "2001", "demo-2001", null, dave)) {
        client.start();
        dave.next(Welcome.class);
        proxy.freezeCurrent();
        ts.server.connectAmi(
            new AmiServer(
                "hung",
                "127.0.0.1",
                proxy.port(),
                AmiWireServer.DEFAULT_USERNAME,
                AmiWireServer.DEFAULT_SECRET,
                1));
        Thread.sleep(200);
        proxy.freezeCurrent(); // the hung link's connection gets no banner, no login answer
        ts.server.connectAmi(
            new AmiServer(
                "good",
                "127.0.0.1",
                good.port(),
                AmiWireServer.DEFAULT_USERNAME,
                AmiWireServer.DEFAULT_SECRET,
                1));
        assertTrue(good.awaitLogins(1, Duration.ofSeconds(10)));
        gen.placeInboundCall("support");
        CallStarted pop = dave.next(CallStarted.class, 10);
        assertTrue(pop.callId().startsWith("good:"), pop.callId());
      }
      gen.close();
    }
  }
}
