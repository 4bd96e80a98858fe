package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Sign-in throttling, and secrets that never reach the logs. */
class SecurityTest {
  @TempDir Path dir;
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  Logger root;

  @BeforeEach
  void captureLogs() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    ((Logger) LoggerFactory.getLogger("org.asteriskjava"))
        .setLevel(ch.qos.logback.classic.Level.DEBUG);
  }

  @AfterEach
  void stop() {
    root.detachAppender(logs);
    ((Logger) LoggerFactory.getLogger("org.asteriskjava"))
        .setLevel(ch.qos.logback.classic.Level.ERROR);
  }

  @Test
  void repeatedWrongTokensLockTheAgentOutForAWhileEvenWithTheRightToken() throws Exception {
    try (TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      for (int i = 0; i < 5; i++) {
        try (RawAgentSocket ws = new RawAgentSocket(ts.agentUri())) {
          ws.send(new Hello("1001", "guess-" + i, "test"));
          assertEquals("unknown agent or wrong token", ws.next(ErrorMessage.class).message());
        }
      }
      try (RawAgentSocket ws = new RawAgentSocket(ts.agentUri())) {
        ws.send(new Hello("1001", "demo-1001", "test"));
        ErrorMessage e = ws.next(ErrorMessage.class);
        assertEquals(ErrorMessage.UNAUTHORIZED, e.code());
        assertTrue(e.message().contains("too many"), e.message());
      }
      // Another agent is not affected.
      try (RawAgentSocket ws = new RawAgentSocket(ts.agentUri())) {
        ws.send(new Hello("1002", "demo-1002", "test"));
        assertEquals("1002", ws.next(Welcome.class).agentId());
      }
    }
  }

  @Test
  void aSupervisorCannotSignInAsAnAgentAndHttpLoginFailuresAreThrottledToo() throws Exception {
    try (TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      try (RawAgentSocket ws = new RawAgentSocket(ts.agentUri())) {
        ws.send(new Hello("sam", "demo-supervisor", "test"));
        assertEquals(ErrorMessage.UNAUTHORIZED, ws.next(ErrorMessage.class).code());
      }
      HttpClient http = HttpClient.newHttpClient();
      URI login = URI.create("http://127.0.0.1:" + ts.server.address().getPort() + "/login");
      int last = 0;
      for (int i = 0; i < 6; i++) {
        last =
            http.send(
                    HttpRequest.newBuilder(login)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=ada&token=nope" + i))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode();
      }
      assertEquals(429, last);
      var ok =
          http.send(
              HttpRequest.newBuilder(login)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("name=sam&token=demo-supervisor"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(303, ok.statusCode());
      assertTrue(
          ok.headers().firstValue("set-cookie").orElse("").toLowerCase().contains("httponly"),
          ok.headers().toString());
    }
  }

  @Test
  void theAmiSecretAndTokensNeverAppearInTheLogs() throws Exception {
    String amiSecret = "ami-S3cret-value";
    try (AmiWireServer wire =
            new AmiWireServer(InetAddress.getLoopbackAddress(), 0, "objectives", "other").start();
        TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      ts.server.connectAmi(
          new AmiServer("pbx", "127.0.0.1", wire.port(), "objectives", amiSecret, 1));
      for (String token : new String[] {"wrong-Tok3n-value", "demo-1001"}) {
        try (RawAgentSocket ws = new RawAgentSocket(ts.agentUri())) {
          ws.send(new Hello("1001", token, "test"));
          ws.next();
        }
      }
      HttpClient http = HttpClient.newHttpClient();
      http.send(
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + ts.server.address().getPort() + "/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("name=ada&token=Adm1n-guess"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      Thread.sleep(1500); // let the AMI login fail and be logged at least once
    }
    // Threads of the closed AMI link may still log: read a copy, taken under the appender's lock.
    List<ILoggingEvent> logged;
    synchronized (logs) {
      logged = new java.util.ArrayList<>(logs.list);
    }
    assertFalse(logged.isEmpty());
    boolean sawAmiFailure = false;
    for (ILoggingEvent e : logged) {
      String text =
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(e.getThrowableProxy()));
      for (String secret :
          new String[] {amiSecret, "wrong-Tok3n-value", "demo-1001", "Adm1n-guess"}) {
        assertFalse(text.contains(secret), "secret in log: " + text);
      }
      sawAmiFailure |= text.contains("login failed");
    }
    assertTrue(sawAmiFailure, "the AMI login failure was logged");
  }
}
