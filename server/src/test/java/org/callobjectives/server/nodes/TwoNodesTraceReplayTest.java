package org.callobjectives.server.nodes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.e2e.TraceReplayTest;
import org.callobjectives.server.store.DatabaseLocation;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.PostgresServer;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-Asterisk capture replayed to two nodes on one PostgreSQL: one listens to the AMI link,
 * agents sign in on both alternately. The rows are those one node writes, each agent gets its own
 * calls exactly once wherever it signed in, and each disposition is stored once.
 */
@ExtendWith(PostgresServer.class)
class TwoNodesTraceReplayTest {
  @TempDir Path dir;

  static Stream<String> traces() throws Exception {
    return TraceReplayTest.traces();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traces")
  void agentsOnEitherNodeGetTheSameCallsAsWithOneNode(String name, PostgresServer.Database pg)
      throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    DatabaseLocation db = DatabaseLocation.parse(pg.url());
    Config config = TestServer.exampleConfig(dir.resolve("unused.db"), Duration.ofMinutes(2));
    try (ObjectivesServer a =
            new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of());
        ObjectivesServer b =
            new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of())) {
      a.start(List.of());
      b.start(List.of());
      List<ObjectivesServer> nodes = List.of(a, b);
      TraceReplayTest.replayAndCheck(
          name,
          new TraceReplayTest.Nodes() {
            @Override
            public Config config() {
              return config;
            }

            @Override
            public URI agentUri(int agentIndex) {
              ObjectivesServer n = nodes.get(agentIndex % 2);
              return URI.create("ws://127.0.0.1:" + n.address().getPort() + "/agent");
            }

            @Override
            public void connectAmi(AmiServer s) {
              a.connectAmi(s);
              b.connectAmi(s);
              assertTrue(a.store().leases().holds(s.name()), "the first node listens");
              assertFalse(b.store().leases().holds(s.name()), "one node per link");
            }

            @Override
            public Connection database() throws java.sql.SQLException {
              return pg.connect();
            }
          });
    }
  }
}
