package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.PostgresServer;
import org.callobjectives.server.testing.TraceParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server as its own process, killed with SIGKILL mid-call and started again, on SQLite and
 * on PostgreSQL.
 */
@ExtendWith(PostgresServer.class)
class ServerKillTest {
  static final Path TRACES = AmiTrace.defaultDirectory();

  @TempDir Path dir;

  @Test
  void
      afterKillNineEveryAckedDispositionIsStoredAndTheOpenCallIsClosedAsInterruptedAndStillTakesAnOutcome()
          throws Exception {
    Path db = dir.resolve("objectives.db");
    killAndRestart(db.toString(), "jdbc:sqlite:" + db);
  }

  @Test
  void onPostgresqlTooAnAckedDispositionSurvivesKillNineAndTheOpenCallIsReconciled(
      PostgresServer.Database pg) throws Exception {
    // server.yaml takes the libpq form of the URL, as an admin would write it.
    killAndRestart(
        "postgresql://test@127.0.0.1:" + pg.port() + "/" + pg.name() + "?sslmode=disable",
        pg.url());
  }

  private void killAndRestart(String database, String jdbcUrl) throws Exception {
    assumeTrue(Files.isDirectory(TRACES), "AMI traces not found at " + TRACES + ": skipped");
    // Dave's call (trace b) completes; Alice's (trace a) is cut after it connects: still open at
    // the kill.
    List<AmiTrace.Packet> packets = new ArrayList<>(TraceParts.all("b_support_agent_hangup"));
    packets.addAll(TraceParts.upTo("a_sales_caller_hangup", "AgentConnect"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (ScriptedAmiServer ami =
        new ScriptedAmiServer(List.of(new AmiTrace.Session(0, packets)), 0).start()) {
      Path config = writeConfig(port, ami.port(), database);
      URI ws = URI.create("ws://127.0.0.1:" + port + "/agent");

      Process first = start(config, "first");
      try {
        AgentRecorder dave = new AgentRecorder("2001");
        AgentRecorder alice = new AgentRecorder("1001");
        try (BridgeClient d = new BridgeClient(ws, "2001", "demo-2001", null, dave);
            BridgeClient a =
                BridgeClient.builder(ws, "1001", "demo-1001")
                    .listener(alice)
                    .backoff(Duration.ofMillis(200), Duration.ofSeconds(1))
                    .build()) {
          d.start();
          a.start();
          dave.next(Welcome.class, 30);
          alice.next(Welcome.class, 30);
          CallStarted davesCall = dave.next(CallStarted.class, 20);
          dave.next(CallEnded.class);
          DispositionAck ack =
              d.submit(
                      new DispositionSubmit(
                          null,
                          davesCall.callId(),
                          "ADVANCE",
                          true,
                          List.of(),
                          0,
                          List.of(),
                          88,
                          "figures promised for Friday"))
                  .get(10, TimeUnit.SECONDS);
          assertFalse(ack.duplicate());
          CallStarted alicesCall = alice.next(CallStarted.class, 20);

          first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
          assertTrue(first.waitFor(20, TimeUnit.SECONDS));
          assertEquals(137, first.exitValue());

          try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            ResultSet rs =
                c.createStatement()
                    .executeQuery(
                        "SELECT code, csat FROM dispositions WHERE call_id = '"
                            + davesCall.callId()
                            + "'");
            assertTrue(rs.next(), "the acked disposition survived kill -9");
            assertEquals("ADVANCE", rs.getString(1));
            assertEquals(88, rs.getInt(2));
          }

          Process second = start(config, "second");
          try {
            // Asterisk no longer has Alice's call: the restarted server closes it as interrupted
            // and
            // gives it
            // back to her (a replay, then the end) so that she can still record the outcome.
            CallStarted again = alice.await(CallStarted.class, 30);
            assertEquals(alicesCall.callId(), again.callId());
            assertTrue(again.replay());
            CallEnded end = alice.await(CallEnded.class, 30);
            assertEquals(CallEnded.INTERRUPTED, end.reason());
            DispositionAck late =
                a.submit(
                        new DispositionSubmit(
                            null,
                            alicesCall.callId(),
                            "CALLBACK",
                            false,
                            List.of(),
                            0,
                            List.of(),
                            null,
                            "line dropped"))
                    .get(10, TimeUnit.SECONDS);
            assertFalse(late.duplicate());
            try (Connection c = DriverManager.getConnection(jdbcUrl)) {
              ResultSet rs =
                  c.createStatement()
                      .executeQuery(
                          "SELECT outcome, end_reason FROM calls WHERE call_id = '"
                              + alicesCall.callId()
                              + "'");
              assertTrue(rs.next());
              assertEquals("INTERRUPTED", rs.getString(1));
              assertEquals("lost", rs.getString(2));
              rs =
                  c.createStatement()
                      .executeQuery("SELECT count(*) FROM calls WHERE outcome = 'CONNECTED'");
              rs.next();
              assertEquals(0, rs.getInt(1), "no call left open forever");
              rs = c.createStatement().executeQuery("SELECT count(*) FROM calls");
              rs.next();
              assertEquals(2, rs.getInt(1), "no second row for a call");
            }
          } finally {
            second.destroy();
            second.waitFor(20, TimeUnit.SECONDS);
          }
        }
      } finally {
        first.destroyForcibly(); // a failed assertion before the kill must not leave it running
      }
    }
  }

  private Path writeConfig(int port, int amiPort, String database) throws Exception {
    Path config = dir.resolve("config");
    Files.createDirectories(config);
    for (String f : new String[] {"agents.yaml", "objectives.yaml"}) {
      Files.copy(Path.of("..", "config", f), config.resolve(f));
    }
    Files.writeString(
        config.resolve("server.yaml"),
        String.join(
            "\n",
            "listen: {host: 127.0.0.1, port: " + port + "}",
            "database: " + database,
            "ami:",
            "  - {name: pbx, host: 127.0.0.1, port: "
                + amiPort
                + ", username: "
                + AmiWireServer.DEFAULT_USERNAME
                + ", secret: "
                + AmiWireServer.DEFAULT_SECRET
                + "}",
            ""));
    return config;
  }

  /** Starts the server's Main in a new JVM and waits until /health answers. */
  private Process start(Path config, String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.callobjectives.server.Main",
                "run",
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    String yaml = Files.readString(config.resolve("server.yaml"));
    String port = yaml.replaceAll("(?s).*port: (\\d+)\\}.*", "$1");
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertTrue(p.isAlive(), "server exited: " + Files.readString(dir.resolve(name + ".log")));
      try {
        var res =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() == 200) {
          return p;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new AssertionError(
        "server did not start: " + Files.readString(dir.resolve(name + ".log")));
  }
}
