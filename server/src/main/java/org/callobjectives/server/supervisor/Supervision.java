package org.callobjectives.server.supervisor;

import java.time.Clock;
import java.util.function.Supplier;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.goals.GoalsConfig;
import org.callobjectives.server.stats.LiveStats;
import org.callobjectives.server.store.StatsStore;

/**
 * Plugs the supervisor view into a server: the live statistics listen to calls and dispositions,
 * push agents their own figures, and the pages, APIs and live socket are added as routes.
 */
public final class Supervision implements AutoCloseable {
  private final LiveStats stats;
  private final SupervisorHub hub;
  private final WallboardHub wallboard;

  public Supervision(Supplier<Config> config, GoalsConfig goals, Clock clock) {
    this.stats = new LiveStats(config, goals, clock);
    this.hub = new SupervisorHub(stats::snapshotJson);
    this.wallboard = new WallboardHub(stats::wallboardJson);
    stats.publishTo(hub::broadcast, () -> hub.connected() > 0);
    stats.wallboardTo(wallboard::broadcast, () -> wallboard.connected() > 0);
  }

  /** The wall screens' live sockets. */
  public WallboardHub wallboard() {
    return wallboard;
  }

  /** Pass this to the server's call listeners. */
  public CallListener callListener() {
    return stats;
  }

  /** Checks supervisor sockets against the signed-in sessions. */
  public void checkSessionsWith(java.util.function.Predicate<String> sessionValid) {
    hub.checkSessionsWith(sessionValid);
  }

  /** The supervisor pages, APIs and live socket. */
  public java.util.List<org.callobjectives.server.web.Route> routes(
      StatsStore store, Supplier<Config> config) {
    return new SupervisorRoutes(stats, store, config, hub, wallboard).routes();
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
