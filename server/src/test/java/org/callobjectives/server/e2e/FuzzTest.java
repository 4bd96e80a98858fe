package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.DemoAgent;
import org.callobjectives.amisim.DemoCallGenerator;
import org.callobjectives.amisim.DemoSettings;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Message;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.objectives.lint.Lint;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of malformed inputs on every way in; the server answers each clearly and keeps working.
 */
class FuzzTest {
  static final long SEED = 20261122L;

  @TempDir Path dir;

  @Test
  void theServerSurvivesMalformedAmiWebSocketHttpAndConfigInput() throws Exception {
    Random rnd = new Random(SEED);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (AmiWireServer wire = new AmiWireServer(InetAddress.getLoopbackAddress(), 0).start();
        TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      DemoCallGenerator gen =
          new DemoCallGenerator(
              new DemoSettings(
                  List.of("sales"),
                  List.of(DemoAgent.of("1001", "Alice Agent", "sales")),
                  1,
                  Duration.ofMillis(300),
                  Duration.ofMillis(300),
                  Duration.ofMillis(50),
                  0,
                  0,
                  0,
                  Duration.ofSeconds(30),
                  3),
              wire::broadcast,
              Clock.systemUTC(),
              scheduler);
      wire.setChannelDirectory(gen.directory());
      AgentRecorder alice = new AgentRecorder("1001");
      try (BridgeClient client =
          new BridgeClient(ts.agentUri(), "1001", "demo-1001", null, alice)) {
        client.start();
        alice.next(Welcome.class);
        ts.server.connectAmi(
            new AmiServer(
                "pbx",
                "127.0.0.1",
                wire.port(),
                AmiWireServer.DEFAULT_USERNAME,
                AmiWireServer.DEFAULT_SECRET));
        assertTrue(wire.awaitLogins(1, Duration.ofSeconds(10)));

        int ami = fuzzAmi(wire, rnd, 3000);
        int ws = fuzzWebSocket(ts, rnd, 2000);
        int http = fuzzHttp(ts, rnd, 600);
        int config = fuzzConfig(rnd, 1500);

        // Everything still works: a real call pops, health answers, nothing was dropped.
        gen.placeInboundCall("sales");
        CallStarted pop = nextPop(alice);
        assertEquals("sales", pop.queue());
        var health =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://127.0.0.1:" + ts.server.address().getPort() + "/health"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals(0, ts.server.pump().dropped());
        System.out.printf(
            "fuzz: %d AMI frames, %d WebSocket frames, %d HTTP requests, %d config files tried"
                + " (seed %d)%n",
            ami, ws, http, config, SEED);
      } finally {
        gen.close();
        scheduler.shutdownNow();
      }
    }
  }

  private static CallStarted nextPop(AgentRecorder r) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      Message m = r.poll(500);
      if (m instanceof CallStarted s) {
        return s;
      }
    }
    fail("no pop after the fuzzing");
    return null;
  }

  static final String[] AMI_EVENTS = {
    "AgentConnect",
    "AgentComplete",
    "QueueCallerJoin",
    "QueueCallerAbandon",
    "DialBegin",
    "DialEnd",
    "Hangup",
    "HangupRequest",
    "SoftHangupRequest",
    "Newchannel",
    "BridgeEnter",
    "NoSuchEvent",
    "",
    "CoreShowChannel"
  };
  static final String[] AMI_FIELDS = {
    "Uniqueid",
    "Linkedid",
    "Channel",
    "DestUniqueid",
    "DestChannel",
    "Queue",
    "Interface",
    "MemberName",
    "HoldTime",
    "TalkTime",
    "Reason",
    "DialStatus",
    "DialString",
    "Cause",
    "CallerIDNum",
    "ActionID",
    "Response",
    "EventList"
  };

  private static int fuzzAmi(AmiWireServer wire, Random rnd, int n) {
    for (int i = 0; i < n; i++) {
      byte[] frame;
      switch (i % 6) {
        case 0 -> { // random binary
          frame = new byte[1 + rnd.nextInt(300)];
          rnd.nextBytes(frame);
        }
        case 1 ->
            frame =
                ("Event: " + pick(rnd, AMI_EVENTS) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8); // no end
        case 2 ->
            frame =
                ("garbage line without colon " + i + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        default -> { // a known event with random, missing or wrongly typed fields
          StringBuilder sb =
              new StringBuilder("Event: ").append(pick(rnd, AMI_EVENTS)).append("\r\n");
          int fields = rnd.nextInt(8);
          for (int f = 0; f < fields; f++) {
            String v =
                switch (rnd.nextInt(5)) {
                  case 0 -> "";
                  case 1 -> "x".repeat(rnd.nextInt(5000));
                  case 2 -> String.valueOf(rnd.nextLong());
                  case 3 -> "1795" + rnd.nextInt(1000) + "." + rnd.nextInt(50);
                  default ->
                      "Local/"
                          + rnd.nextInt(3000)
                          + "@agents-0000000"
                          + rnd.nextInt(9)
                          + ";"
                          + (1 + rnd.nextInt(2));
                };
            sb.append(pick(rnd, AMI_FIELDS)).append(": ").append(v).append("\r\n");
          }
          frame = sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        }
      }
      wire.sendRaw(frame);
    }
    wire.sendRaw("\r\n\r\n".getBytes(StandardCharsets.US_ASCII)); // end any unfinished packet
    return n;
  }

  private static int fuzzWebSocket(TestServer ts, Random rnd, int n) throws Exception {
    String[] valid = {
      Json.write(new Hello("1001", "demo-1001", "x")),
      "{\"type\":\"disposition\",\"requestId\":\"r\",\"callId\":\"pbx:1.2\",\"code\":\"ADVANCE\",\"advanceObtained\":true,"
          + "\"checklistDone\":[\"greeting\"],\"upsellCount\":1,\"upsellNotes\":[\"a\"],\"csat\":90,\"notes\":\"n\"}"
    };
    int answered = 0;
    try (RawAgentSocket sock = new RawAgentSocket(ts.agentUri())) {
      for (int i = 0; i < n; i++) {
        String base = valid[1];
        String frame =
            switch (i % 5) {
              case 0 -> base.substring(0, rnd.nextInt(base.length())); // truncated
              case 1 ->
                  base.replace("\"ADVANCE\"", rnd.nextBoolean() ? "42" : "null")
                      .replace("true", "\"yes\""); // wrong types
              case 2 -> "{\"type\":\"" + Long.toHexString(rnd.nextLong()) + "\"}"; // unknown kind
              case 3 -> mutate(base, rnd);
              default -> "[" + rnd.nextInt() + ",{}]";
            };
        sock.sendText(frame);
        String reply = sock.next();
        if (reply.startsWith(RawAgentSocket.CLOSED)) {
          fail("server closed the connection on frame " + i + ": " + frame);
        }
        assertTrue(reply.contains("\"type\":\"error\""), "frame " + frame + " got " + reply);
        answered++;
      }
      sock.sendText(valid[0]);
      assertTrue(sock.next().contains("welcome"), "still usable after fuzzing");
    }
    assertEquals(n, answered);
    return n;
  }

  private static String mutate(String s, Random rnd) {
    char[] c = s.toCharArray();
    for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
      c[rnd.nextInt(c.length)] = (char) (32 + rnd.nextInt(95));
    }
    String m = new String(c);
    return m.contains("\"type\":\"hello\"") ? "{" : m; // never sign in by accident
  }

  private static int fuzzHttp(TestServer ts, Random rnd, int n) throws Exception {
    int port = ts.server.address().getPort();
    String[] paths = {
      "/",
      "/health",
      "/login",
      "/../../etc/passwd",
      "/%00",
      "/agent",
      "/supervisor",
      "/api/x",
      "/" + "a".repeat(5000),
      "/?q=" + "%".repeat(20)
    };
    String[] methods = {"GET", "POST", "PUT", "DELETE", "BREW", "OPTIONS", "G\u0000T"};
    for (int i = 0; i < n; i++) {
      StringBuilder req = new StringBuilder();
      switch (i % 4) {
        case 0 ->
            req.append(pick(rnd, methods))
                .append(' ')
                .append(pick(rnd, paths))
                .append(" HTTP/1.1\r\n")
                .append("Host: x\r\n\r\n");
        case 1 ->
            req.append("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ")
                .append("b".repeat(20_000 + rnd.nextInt(40_000)))
                .append("\r\n\r\n");
        case 2 ->
            req.append("POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: ")
                .append(rnd.nextInt(1_000_000))
                .append("\r\n\r\nname=");
        default ->
            req.append(new String(randomBytes(rnd), StandardCharsets.ISO_8859_1))
                .append("\r\n\r\n");
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        s.shutdownOutput();
        InputStream in = s.getInputStream();
        byte[] head = in.readNBytes(12);
        // Either a clear HTTP status or the connection closed; never a hang (5 s timeout above).
        String status = new String(head, StandardCharsets.ISO_8859_1);
        assertTrue(head.length == 0 || status.startsWith("HTTP/1.1 "), "odd answer: " + status);
      } catch (java.net.SocketException e) {
        // reset by the server after a frame it refused: fine
      }
    }
    return n;
  }

  private static byte[] randomBytes(Random rnd) {
    byte[] b = new byte[1 + rnd.nextInt(200)];
    rnd.nextBytes(b);
    return b;
  }

  private int fuzzConfig(Random rnd, int n) throws Exception {
    Path cfg = dir.resolve("fuzz-config");
    Files.createDirectories(cfg);
    String[] names = {"server.yaml", "agents.yaml", "objectives.yaml"};
    String[] originals = new String[3];
    for (int i = 0; i < 3; i++) {
      originals[i] = Files.readString(Path.of("..", "config", names[i]));
      Files.copy(
          Path.of("..", "config", names[i]),
          cfg.resolve(names[i]),
          StandardCopyOption.REPLACE_EXISTING);
    }
    int rejected = 0;
    for (int i = 0; i < n; i++) {
      int which = rnd.nextInt(3);
      String[] lines = originals[which].split("\n", -1);
      int line = rnd.nextInt(lines.length);
      switch (rnd.nextInt(6)) {
        case 0 -> lines[line] = ""; // missing key
        case 1 -> lines[line] = lines[line].replaceFirst(": .*", ": [1, 2"); // broken YAML
        case 2 -> lines[line] = lines[line].replaceFirst(": .*", ": {a: b}"); // wrong type
        case 3 -> lines[line] = lines[line] + "\n" + lines[line]; // duplicate key or entry
        case 4 ->
            lines[line] = lines[line].replaceFirst("^(\\s*)\\w+:", "$1unknownKey:"); // unknown key
        default -> lines[line] = "\t" + lines[line]; // tabs are not YAML indentation
      }
      Files.writeString(cfg.resolve(names[which]), String.join("\n", lines));
      try {
        Lint.loader(cfg).load();
      } catch (ConfigException e) {
        assertTrue(
            e.getMessage().contains(names[which]), "error names the file: " + e.getMessage());
        rejected++;
      } catch (RuntimeException e) {
        fail(
            "config mutation gave "
                + e
                + " instead of a clear ConfigException:\n"
                + String.join("\n", lines));
      }
      Files.writeString(cfg.resolve(names[which]), originals[which]);
    }
    assertTrue(rejected > n / 3, "most mutations are caught: " + rejected);
    return n;
  }

  private static <T> T pick(Random rnd, T[] values) {
    return values[rnd.nextInt(values.length)];
  }
}
