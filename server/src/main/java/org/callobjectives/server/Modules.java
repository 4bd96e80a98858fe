package org.callobjectives.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.callobjectives.server.admin.AdminModule;
import org.callobjectives.server.experiments.admin.ExperimentRoutes;
import org.callobjectives.server.experiments.review.ExperimentReview;
import org.callobjectives.server.funnel.FunnelRoutes;
import org.callobjectives.server.metrics.MetricsRoute;
import org.callobjectives.server.metrics.ServerMetrics;
import org.callobjectives.server.stats.TargetsRealism;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.supervisor.Supervision;
import org.callobjectives.server.supervisor.TargetsRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs the supervisor view, the admin module and the experiments into a core server before it
 * starts: their one wiring.
 */
public final class Modules {
  private static final Logger log = LoggerFactory.getLogger(Modules.class);

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
    // The funnel of advances and targets realism: own routes, read from the store off the loop.
    var goals = stats.goals();
    server.addRoutes(
        new FunnelRoutes(store.funnel(), server::config, goals.stalledDays(), stats::now).routes());
    var realism = new TargetsRealism(server::config, goals, store.stats());
    server.addRoutes(new TargetsRoutes(realism, stats::now, goals.realismPeriods()).routes());
    server.beforeEvents(
        () -> {
          stats.rebuild(store.stats());
          // Where goals are checked at start: unrealistic targets are warned about, never refused.
          realism
              .check(stats.now())
              .whenComplete(
                  (checks, err) -> {
                    if (err != null) {
                      log.warn("targets realism not checked: {}", err.toString());
                    } else {
                      checks.stream()
                          .filter(TargetsRealism.Check::warns)
                          .forEach(c -> log.warn("goals.yaml {}: {}", c.goalId(), c.message()));
                    }
                  });
          return null;
        });
  }

  /**
   * /metrics for Prometheus, read from the core server, the store and (when there is one) the live
   * view's sockets.
   */
  public static void metrics(
      ObjectivesServer server, Supervision supervision, Store store, ServerMetrics metrics) {
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
            supervision == null
                ? ServerMetrics.Clients.NONE
                : clients(supervision.hub()::connected, supervision.hub()::slowClientsClosed),
            supervision == null
                ? ServerMetrics.Clients.NONE
                : clients(
                    supervision.wallboard()::connected, supervision.wallboard()::slowClientsClosed),
            () -> server.webhooks().stats(),
            server::connections,
            server.access()::agentSignIns,
            server::agentLimits));
    server.addRoutes(MetricsRoute.routes(metrics));
  }

  private static ServerMetrics.Clients clients(
      java.util.function.IntSupplier connected, java.util.function.LongSupplier slowClosed) {
    return new ServerMetrics.Clients() {
      @Override
      public int connected() {
        return connected.getAsInt();
      }

      @Override
      public long slowClientsClosed() {
        return slowClosed.getAsLong();
      }
    };
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
    // Experiments are started and ended by editing objectives.yaml: through the admin's
    // ConfigService.
    server.addRoutes(
        new ExperimentRoutes(
                new ExperimentReview(
                    server::config, store.experiments(), clock, java.time.ZoneId.systemDefault()),
                admin.config(),
                server::config,
                store.auditLog(),
                clock,
                java.time.ZoneId.systemDefault())
            .routes());
    return admin;
  }
}
