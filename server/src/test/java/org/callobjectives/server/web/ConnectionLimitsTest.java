package org.callobjectives.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ServerSettings;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.RawHttp;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Slow and many connections over real sockets from several loopback addresses: request deadlines
 * close slowloris connections, the caps refuse clearly, real agents and requests still get in.
 */
class ConnectionLimitsTest {
  @TempDir Path dir;
  ObjectivesServer server;
  int port;
  final List<Socket> held = new ArrayList<>();
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger refusalLogger = (Logger) LoggerFactory.getLogger(RefusalLog.class);

  @BeforeEach
  void capture() {
    logs.start();
    refusalLogger.addAppender(logs);
  }

  @AfterEach
  void stop() throws Exception {
    refusalLogger.detachAppender(logs);
    for (Socket s : held) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private void start(ServerSettings.Limits limits) throws Exception {
    Path db = dir.resolve("objectives.db");
    Config c = TestServer.exampleConfig(db, Duration.ofMinutes(2));
    c = c.withServer(c.server().withLimits(limits));
    server = new ObjectivesServer(c, Store.open(db), Clock.systemUTC(), List.of());
    port = server.start(List.of()).getPort();
  }

  private Socket hold(String from, String sent) throws Exception {
    Socket s = RawHttp.connect(from, port);
    held.add(s);
    if (!sent.isEmpty()) {
      s.getOutputStream().write(sent.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
    }
    return s;
  }

  private RawHttp.Response get(String from, String path) throws Exception {
    return RawHttp.send(
        from,
        port,
        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
  }

  /** Waits until the server counts {@code n} connections open (it takes them as it can). */
  private void untilOpen(int n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (server.connections().open() != n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(n, server.connections().open());
  }

  /** Asks until the answer is {@code status} (connections are counted as the server takes them). */
  private RawHttp.Response getUntil(String from, int status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    RawHttp.Response r = get(from, "/health");
    while (r.status() != status && System.nanoTime() < deadline) {
      Thread.sleep(20);
      r = get(from, "/health");
    }
    return r;
  }

  @Test
  void slowlorisConnectionsAreAnswered408AndClosedSoARealRequestSucceedsAfterwards()
      throws Exception {
    start(new ServerSettings.Limits(21, 21, Duration.ofSeconds(3), Duration.ofSeconds(4)));
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // Headers begun and never finished: the attack that held 20,000 connections.
      slow.add(hold("127.0.0.2", "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a"));
    }
    Socket body =
        hold(
            "127.0.0.3",
            "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
                + " application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nname=");
    untilOpen(21);

    RawHttp.Response full = get("127.0.0.1", "/health");
    assertEquals(503, full.status(), "all 21 taken: a clear refusal, not a hang");
    assertTrue(full.body().contains("limits.connections"), full.body());

    for (Socket s : slow) {
      RawHttp.Response r = RawHttp.read(s.getInputStream());
      assertEquals(408, r.status());
      assertTrue(r.body().contains("headers did not arrive within 3 s"), r.body());
      assertEquals(-1, s.getInputStream().read(), "and closed");
    }
    RawHttp.Response r = RawHttp.read(body.getInputStream());
    assertEquals(408, r.status());
    assertTrue(r.body().contains("body did not arrive within 4 s"), r.body());
    assertEquals(-1, body.getInputStream().read(), "and closed");

    assertEquals(200, getUntil("127.0.0.1", 200).status(), "served again");
  }

  @Test
  void aKeptAliveConnectionIdleAfterItsAnswerIsClosedQuietly() throws Exception {
    start(new ServerSettings.Limits(100, 100, Duration.ofMillis(500), Duration.ofSeconds(5)));
    Socket s = hold("127.0.0.1", "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    InputStream in = s.getInputStream();
    assertEquals(200, RawHttp.read(in).status());
    assertEquals(-1, in.read(), "closed after the header time, with no 408 for nothing asked");
  }

  @Test
  void connectionsBeyondThePerAddressCapAreRefused429WhileOtherAddressesAndAgentsAreServed()
      throws Exception {
    start(new ServerSettings.Limits(100, 5, Duration.ofSeconds(10), Duration.ofSeconds(30)));
    for (int i = 0; i < 5; i++) {
      hold("127.0.0.2", ""); // connected, silent
    }
    untilOpen(5);
    RawHttp.Response refused = get("127.0.0.2", "/health");
    assertEquals(429, refused.status());
    assertTrue(
        refused.body().contains("too many connections from 127.0.0.2 (limit 5"), refused.body());
    assertEquals("10", refused.header("retry-after"));
    for (int i = 0; i < 3; i++) {
      assertEquals(429, get("127.0.0.2", "/health").status());
    }

    assertEquals(200, get("127.0.0.3", "/health").status(), "another address is served");
    try (RawAgentSocket alice =
        new RawAgentSocket(java.net.URI.create("ws://127.0.0.1:" + port + "/agent"))) {
      alice.send(new Hello("1001", "demo-1001", "test"));
      assertEquals("1001", alice.next(Welcome.class).agentId(), "an agent signs in");
    }

    held.remove(0).close();
    assertEquals(200, getUntil("127.0.0.2", 200).status(), "a place freed is taken again");
    List<ILoggingEvent> lines;
    synchronized (logs) {
      lines = List.copyOf(logs.list);
    }
    assertEquals(1, lines.size(), "one log line for all those refusals: " + lines);
    assertTrue(lines.get(0).getFormattedMessage().contains("127.0.0.2"));
  }

  @Test
  void aWebSocketOnceUpgradedIsNotSubjectToTheRequestDeadlines() throws Exception {
    start(new ServerSettings.Limits(100, 100, Duration.ofMillis(800), Duration.ofMillis(800)));
    try (RawAgentSocket alice =
        new RawAgentSocket(java.net.URI.create("ws://127.0.0.1:" + port + "/agent"))) {
      alice.send(new Hello("1001", "demo-1001", "test"));
      assertEquals("1001", alice.next(Welcome.class).agentId());
      Thread.sleep(2500); // three header times of silence
      alice.sendText("{oops");
      assertEquals(ErrorMessage.BAD_REQUEST, alice.next(ErrorMessage.class).code(), "still open");
    }
  }
}
