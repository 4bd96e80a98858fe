package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.amisim.ScriptedAmiServer.RawStream;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.PrometheusParser;
import org.callobjectives.server.testing.SupervisedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AMI peer that logs in fine, then sends one line that never ends, over a real socket to the
 * server's real Asterisk-Java link: the line is cut at the cap (the client stops reading it, so it
 * is never held in memory) or, when it only trickles in, the link is seen stalled within seconds;
 * either way /health says so, the link reconnects and the next real call pops.
 */
class AmiEndlessLineTest {
  static final long MIB = 1024 * 1024;
  // What the kernel may hold between the two ends of a loopback socket (net.ipv4.tcp_rmem and
  // tcp_wmem maxima here: 32 MiB and 4 MiB) and the peer's own buffer: anything the client did not
  // read can only be in there.
  static final long SOCKET_BUFFERS = 40 * MIB;

  @TempDir Path dir;

  private static AmiServer link(int port) {
    return new AmiServer(
        "pbx1",
        "127.0.0.1",
        port,
        AmiWireServer.DEFAULT_USERNAME,
        AmiWireServer.DEFAULT_SECRET,
        // Every 2 s: a stall shows within seconds, and a healthy link's pongs (1 s apart at 1 s)
        // keep a margin a busy 2-core CI machine does not eat (a 1 s hiccup was a false stall).
        2);
  }

  @Test
  void anEndlessLineIsCutAtTheCapAndTheLinkReconnectsAndPops() throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    // 256 MiB in one line, as fast as the client takes it: Asterisk-Java alone would buffer it all.
    RawStream endless = RawStream.endlessLine(256 * MIB, 64 * 1024, Duration.ZERO);
    AmiTrace call = AmiTrace.load(TraceReplayTest.TRACES, "a_sales_caller_hangup");
    AgentRecorder alice = new AgentRecorder("1001");
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofMinutes(2));
        BridgeClient client = new BridgeClient(ss.agentUri(), "1001", "demo-1001", null, alice);
        ScriptedAmiServer ami =
            new ScriptedAmiServer(List.of(endless), call.sessions(), 2).start()) {
      client.start();
      alice.await(Welcome.class, 10);
      long start = System.nanoTime();
      ss.server.connectAmi(link(ami.port()));

      assertTrue(endless.awaitEnd(Duration.ofSeconds(20)), "the endless line went on");
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(endless.cutOff(), "the client read the whole line: " + endless.bytesWritten());
      assertTrue(
          endless.bytesWritten() < SOCKET_BUFFERS,
          "the client stopped reading at the cap: " + endless.bytesWritten() + " bytes taken");
      assertTrue(seconds < 10, "cut within seconds: " + seconds);

      JsonNode link =
          awaitLink(
              ss, l -> l.path("overlongLines").asLong() == 1 && l.path("reconnects").asInt() >= 1);
      assertEquals(65536, link.path("maxLineBytes").asInt());
      assertTrue(
          link.path("lastStall").asText().contains("65536-byte cap"), link.path("lastStall") + "");
      assertEquals(0, link.path("stalls").asLong(), "cut by the cap, not by the stall watch");

      // Reconnected to the next session: the call replayed there pops, after the usual resync.
      CallStarted pop = alice.await(CallStarted.class, 30);
      assertEquals("sales", pop.queue());
      assertTrue(pop.callId().startsWith("pbx1:"), pop.callId());
      link = awaitLink(ss, l -> l.path("connected").asBoolean() && !l.path("stalled").asBoolean());
      assertEquals("connected", link.path("state").asText());
      assertTrue(
          ami.actionsReceived().stream().anyMatch(a -> a.is("CoreShowChannels")),
          "open calls resynchronised after the reconnect");

      var m = scrape(ss);
      assertEquals(
          1,
          PrometheusParser.value(
              m, "callobjectives_ami_overlong_lines_total", Map.of("link", "pbx1")));
      assertEquals(
          0, PrometheusParser.value(m, "callobjectives_ami_link_stalled", Map.of("link", "pbx1")));
      assertEquals(
          0, PrometheusParser.value(m, "callobjectives_ami_stalls_total", Map.of("link", "pbx1")));
      assertTrue(
          PrometheusParser.value(m, "callobjectives_ami_reconnects_total", Map.of("link", "pbx1"))
              >= 1);
      JsonNode health = health(ss);
      assertEquals(1, health.path("amiOverlongLines").asLong());
      assertTrue(health.path("ami").path("pbx1").asBoolean(), "the ami map keeps its shape");
    }
  }

  @Test
  void aLineThatOnlyTricklesInShowsTheLinkStalledWithinSecondsThenItReconnectsAndPops()
      throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    // 256 bytes every 100 ms: far under the cap for minutes, and never silent for a read timeout.
    RawStream trickle = RawStream.endlessLine(16 * MIB, 256, Duration.ofMillis(100));
    AmiTrace call = AmiTrace.load(TraceReplayTest.TRACES, "a_sales_caller_hangup");
    AgentRecorder alice = new AgentRecorder("1001");
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofMinutes(2));
        BridgeClient client = new BridgeClient(ss.agentUri(), "1001", "demo-1001", null, alice);
        ScriptedAmiServer ami =
            new ScriptedAmiServer(List.of(trickle), call.sessions(), 2).start()) {
      client.start();
      alice.await(Welcome.class, 10);
      long start = System.nanoTime();
      ss.server.connectAmi(link(ami.port()));

      JsonNode stalled = awaitLink(ss, l -> l.path("stalled").asBoolean());
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(seconds < 8, "seen stalled within seconds: " + seconds);
      // Stalled while logged in; reconnecting for the moment in between.
      assertTrue(
          List.of("stalled", "reconnecting").contains(stalled.path("state").asText()),
          stalled + "");
      assertTrue(
          stalled.path("lastStall").asText().contains("one line has been arriving"),
          stalled.path("lastStall") + "");

      assertTrue(trickle.awaitEnd(Duration.ofSeconds(10)), "the trickle went on");
      assertTrue(trickle.cutOff(), "dropped by the client");
      assertTrue(
          trickle.bytesWritten() < 64 * 1024, "well under the cap: " + trickle.bytesWritten());

      CallStarted pop = alice.await(CallStarted.class, 30);
      assertEquals("sales", pop.queue());
      // A ping answered on the new connection: no longer stalled.
      JsonNode link =
          awaitLink(ss, l -> l.path("connected").asBoolean() && !l.path("stalled").asBoolean());
      assertEquals(1, link.path("stalls").asLong());
      assertEquals(0, link.path("overlongLines").asLong());
      assertTrue(link.path("reconnects").asInt() >= 1);
      assertFalse(link.path("lastHeardAgoSeconds").isNull());
      assertEquals(
          1,
          PrometheusParser.value(
              scrape(ss), "callobjectives_ami_stalls_total", Map.of("link", "pbx1")));
    }
  }

  @Test
  void aPacketThatNeverEndsMakesNoEventSoTheSilentLinkIsDroppedAndReconnected() throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    // Whole short lines, ten a second, and never the empty line that ends the packet: every line
    // ends and no read times out, but no event (and no answer to a ping) ever comes through.
    RawStream endless =
        RawStream.of("Event: VarSet\r\n", "Variable: x\r\n", 16 * MIB, Duration.ofMillis(100));
    AmiTrace call = AmiTrace.load(TraceReplayTest.TRACES, "a_sales_caller_hangup");
    AgentRecorder alice = new AgentRecorder("1001");
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofMinutes(2));
        BridgeClient client = new BridgeClient(ss.agentUri(), "1001", "demo-1001", null, alice);
        ScriptedAmiServer ami =
            new ScriptedAmiServer(List.of(endless), call.sessions(), 2).start()) {
      client.start();
      alice.await(Welcome.class, 10);
      long start = System.nanoTime();
      ss.server.connectAmi(link(ami.port()));

      assertTrue(endless.awaitEnd(Duration.ofSeconds(10)), "the packet went on");
      assertTrue(endless.cutOff(), "dropped by the client");
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(seconds < 8, "dropped within seconds: " + seconds);
      JsonNode link = awaitLink(ss, l -> l.path("stalls").asLong() == 1);
      assertTrue(
          link.path("lastStall").asText().contains("no event and no answer to pings"),
          link.path("lastStall") + "");

      CallStarted pop = alice.await(CallStarted.class, 30);
      assertEquals("sales", pop.queue());
      awaitLink(ss, l -> l.path("connected").asBoolean() && !l.path("stalled").asBoolean());
    }
  }

  private static List<PrometheusParser.Family> scrape(SupervisedServer ss) throws Exception {
    var r = ss.get("/metrics", "prometheus", "demo-metrics", null);
    assertEquals(200, r.statusCode(), r.body());
    return PrometheusParser.parse(r.body());
  }

  private static JsonNode health(SupervisedServer ss) throws Exception {
    var r = ss.get("/health", null, null, null);
    assertEquals(200, r.statusCode(), r.body());
    return new ObjectMapper().readTree(r.body());
  }

  /** Polls /health (every 50 ms, up to 20 s) until pbx1 in {@code amiLinks} matches. */
  private static JsonNode awaitLink(SupervisedServer ss, Predicate<JsonNode> wanted)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = health(ss);
      JsonNode link = last.path("amiLinks").path("pbx1");
      if (!link.isMissingNode() && wanted.test(link)) {
        return link;
      }
      Thread.sleep(50);
    }
    fail("/health never showed it: " + (last == null ? null : last.path("amiLinks")));
    return null;
  }
}
