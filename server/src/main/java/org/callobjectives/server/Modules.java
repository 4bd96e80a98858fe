package org.callobjectives.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.callobjectives.server.admin.AdminModule;
import org.callobjectives.server.metrics.MetricsRoute;
import org.callobjectives.server.metrics.ServerMetrics;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.supervisor.Supervision;

/**
 * Plugs the supervisor view and the admin module into a core server before it starts: their one
 * wiring.
 */
public final class Modules {
  private Modules() {}

  /**
   * Live figures hear dispositions and agent states, push agents their own figures, and add their
   * routes.
   */
  public static void supervise(ObjectivesServer server, Supervision supervision, Store store) {
    var stats = supervision.stats();
    server.dispositions().addListener(stats);
    supervision.checkSessionsWith(server.access()::sessionValid);
    supervision.wallboard().signInWith(server.access(), server.authExecutor());
    stats.pushToAgents(server.sessions()::send);
    server.sessions().onAttach(stats::agentSignedIn);
    server.sessions().onChecklistProgress(stats::checklistProgress);
    stats.agentStates(server.agentDay()::states);
    server.agentDay().onChange(st -> stats.agentStateChanged());
    server.addRoutes(supervision.routes(store.stats(), server::config));
    server.beforeEvents(
        () -> {
          stats.rebuild(store.stats());
          return null;
        });
  }

  /** /metrics for Prometheus, read from the core server, the live view and the store. */
  public static void metrics(
      ObjectivesServer server, Supervision supervision, Store store, ServerMetrics metrics) {
    var hub = supervision.hub();
    var wall = supervision.wallboard();
    metrics.bind(
        new ServerMetrics.Sources(
            server::links,
            server::listensTo,
            server.pump(),
            server.sessions(),
            server.latency(),
            server.dispositions(),
            server.agentDay()::states,
            store,
            new ServerMetrics.Clients() {
              @Override
              public int connected() {
                return hub.connected();
              }

              @Override
              public long slowClientsClosed() {
                return hub.slowClientsClosed();
              }
            },
            new ServerMetrics.Clients() {
              @Override
              public int connected() {
                return wall.connected();
              }

              @Override
              public long slowClientsClosed() {
                return wall.slowClientsClosed();
              }
            }));
    server.addRoutes(MetricsRoute.routes(metrics));
  }

  /**
   * The admin page and API, with hot reload of {@code configDir} after {@code debounce} of quiet.
   */
  public static AdminModule admin(
      ObjectivesServer server, Store store, Path configDir, Clock clock, Duration debounce)
      throws IOException {
    AdminModule admin =
        AdminModule.start(
            new AdminModule.Sources(
                server::config,
                server::replaceConfig,
                server::queuesSeen,
                server.resolver(),
                store.proposals(),
                store.auditLog()),
            configDir,
            clock,
            debounce);
    server.addRoutes(admin.routes());
    return admin;
  }
}
