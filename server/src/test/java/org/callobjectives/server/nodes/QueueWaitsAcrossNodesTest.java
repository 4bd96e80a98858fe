package org.callobjectives.server.nodes;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.QueueCaller;
import org.callobjectives.server.e2e.TraceReplayTest;
import org.callobjectives.server.store.DatabaseLocation;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.PostgresServer;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callers waiting on a link one node listens to show on the other node's supervisor figures too,
 * and stop showing when they are answered or when that node stops.
 */
@ExtendWith(PostgresServer.class)
class QueueWaitsAcrossNodesTest {
  @TempDir Path dir;

  /** What a node's live figures hear of queue waits. */
  static final class Waits implements CallListener {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void connected(CallRecord call, long amiReceivedNanos) {}

    @Override
    public void ended(CallRecord call) {}

    @Override
    public void queueJoined(QueueCaller c) {
      seen.add("join " + c.queue() + " " + c.callerNumber());
    }

    @Override
    public void queueLeft(QueueCaller c) {
      seen.add("left " + c.queue() + " " + c.callerNumber());
    }
  }

  @Test
  void aWaitOnTheListeningNodeShowsOnTheOtherUntilAnswered(PostgresServer.Database pg)
      throws Exception {
    run(pg, "a_sales_caller_hangup", false, "sales 15551230001");
  }

  @Test
  void theWaitsOfANodeThatStopsEndOnTheOthers(PostgresServer.Database pg) throws Exception {
    run(pg, "c2_abandon_all_paused", true, "support 15551230004");
  }

  private void run(PostgresServer.Database pg, String scenario, boolean stopA, String caller)
      throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    DatabaseLocation db = DatabaseLocation.parse(pg.url());
    Config config = TestServer.exampleConfig(dir.resolve("unused.db"), Duration.ofMinutes(2));
    Waits onB = new Waits();
    ObjectivesServer a =
        new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of(new Waits()));
    try (ScriptedAmiServer ami =
            ScriptedAmiServer.replaying(AmiTrace.load(TraceReplayTest.TRACES, scenario), 1);
        ObjectivesServer b =
            new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of(onB))) {
      a.start(List.of());
      b.start(List.of());
      ami.start();
      // Only A is told of the link: B learns of the caller from A.
      a.connectAmi(TestServer.link("trace", ami.port()));
      await(onB, "join " + caller);
      if (stopA) {
        a.close(); // mid-wait: B ends the waits A told it of once A is gone
      }
      await(onB, "left " + caller);
    } finally {
      if (!stopA) {
        a.close();
      }
    }
  }

  private static void await(Waits w, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (w.seen.contains(what)) {
        return;
      }
      Thread.sleep(20);
    }
    assertTrue(w.seen.contains(what), what + " never came; seen: " + w.seen);
  }
}
