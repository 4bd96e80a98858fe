package org.callobjectives.server.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.e2e.TraceReplayTest;
import org.callobjectives.server.store.DatabaseLocation;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.PostgresServer;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrap-up deadlines on two nodes: the node that listens to the call's link stores UNDISPOSED, once;
 * when it stops before the deadline, the node that takes the link over does.
 */
@ExtendWith(PostgresServer.class)
class WrapUpAcrossNodesTest {
  static final Duration WRAP_UP = Duration.ofSeconds(3);

  @TempDir Path dir;

  @Test
  void theListeningNodeAloneStoresAMissedWrapUp(PostgresServer.Database pg) throws Exception {
    try (Setup s = new Setup(pg)) {
      String call = s.endedCall();
      awaitUndisposed(pg, call);
      Thread.sleep(1000); // a second mark would come now
      assertEquals(1, count(pg, "SELECT count(*) FROM dispositions"));
      assertEquals(1, s.a.dispositions().undisposed(), "stored by the listening node");
      assertEquals(0, s.b.dispositions().undisposed());
    }
  }

  @Test
  void whenTheListeningNodeStopsBeforeTheDeadlineTheNodeTakingOverStoresIt(
      PostgresServer.Database pg) throws Exception {
    try (Setup s = new Setup(pg)) {
      String call = s.endedCall();
      s.stopA(); // before the deadline: its timer goes with it
      awaitUndisposed(pg, call);
      Thread.sleep(1000);
      assertEquals(1, count(pg, "SELECT count(*) FROM dispositions"));
      assertEquals(1, s.b.dispositions().undisposed(), "stored by the node that took over");
    }
  }

  /** Two nodes, the first listening to a capture of one completed call. */
  private final class Setup implements AutoCloseable {
    final ScriptedAmiServer ami;
    final ObjectivesServer a;
    final ObjectivesServer b;

    Setup(PostgresServer.Database pg) throws Exception {
      assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
      DatabaseLocation db = DatabaseLocation.parse(pg.url());
      Config config = TestServer.exampleConfig(dir.resolve("unused.db"), WRAP_UP);
      ami =
          ScriptedAmiServer.replaying(
                  AmiTrace.load(TraceReplayTest.TRACES, "b_support_agent_hangup"), 20)
              .start();
      a = new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of());
      b = new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of());
      a.start(List.of());
      b.start(List.of());
      AmiServer link =
          new AmiServer(
              "pbx",
              "127.0.0.1",
              ami.port(),
              AmiWireServer.DEFAULT_USERNAME,
              AmiWireServer.DEFAULT_SECRET);
      a.connectAmi(link);
      b.connectAmi(link);
      this.pg = pg;
    }

    private PostgresServer.Database pg;

    /** Waits until the call has ended in the database; returns its id. */
    String endedCall() throws Exception {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        try (Connection c = pg.connect();
            ResultSet rs =
                c.createStatement()
                    .executeQuery(
                        "SELECT call_id FROM calls WHERE agent_id IS NOT NULL"
                            + " AND ended_at IS NOT NULL")) {
          if (rs.next()) {
            return rs.getString(1);
          }
        }
        Thread.sleep(50);
      }
      throw new AssertionError("no ended call");
    }

    private boolean aStopped;

    void stopA() {
      aStopped = true;
      a.close();
    }

    @Override
    public void close() {
      b.close();
      if (!aStopped) {
        a.close();
      }
      ami.close();
    }
  }

  private static void awaitUndisposed(PostgresServer.Database pg, String call) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (count(
              pg,
              "SELECT count(*) FROM dispositions WHERE code = 'UNDISPOSED' AND call_id = '"
                  + call
                  + "'")
          == 1) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no UNDISPOSED for " + call);
  }

  private static int count(PostgresServer.Database pg, String sql) throws Exception {
    try (Connection c = pg.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getInt(1);
    }
  }
}
