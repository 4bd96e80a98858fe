package org.callobjectives.server.supervisor;

import java.time.Clock;
import java.util.function.Supplier;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.calls.CallListener;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.goals.GoalsConfig;
import org.callobjectives.server.stats.LiveStats;
import org.callobjectives.server.store.Store;

/**
 * Plugs the supervisor view into a server: the live statistics listen to calls and dispositions,
 * push agents their own figures, and the pages, APIs and live socket are added as routes.
 */
public final class Supervision implements AutoCloseable {
  private final LiveStats stats;
  private final SupervisorHub hub;

  public Supervision(Supplier<Config> config, GoalsConfig goals, Clock clock) {
    this.stats = new LiveStats(config, goals, clock);
    this.hub = new SupervisorHub(stats::snapshotJson);
    stats.publishTo(hub::broadcast);
  }

  /** Pass this to the {@link ObjectivesServer} constructor's listeners. */
  public CallListener callListener() {
    return stats;
  }

  /** Hooks into the server; call before {@link ObjectivesServer#start}. */
  public void install(ObjectivesServer server, Store store) {
    server.dispositions().addListener(stats);
    hub.checkSessionsWith(server.access()::sessionValid);
    stats.pushToAgents((agentId, m) -> server.sessions().send(agentId, m));
    server.sessions().onAttach(stats::agentSignedIn);
    stats.agentStates(server.agentDay()::states);
    server.agentDay().onChange(st -> stats.agentStateChanged());
    server.addRoute(new SupervisorRoutes(stats, store, server::config, hub));
    server.beforeEvents(() -> {
      stats.rebuild(store);
      return null;
    });
  }

  public LiveStats stats() {
    return stats;
  }

  public SupervisorHub hub() {
    return hub;
  }

  @Override
  public void close() {
    stats.close();
  }
}
