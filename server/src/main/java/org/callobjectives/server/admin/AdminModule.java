package org.callobjectives.server.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.objectives.ObjectiveResolver;
import org.callobjectives.server.store.AuditLog;
import org.callobjectives.server.store.Proposals;
import org.callobjectives.server.web.Route;

/** The admin page and API, and hot reload of the config folder. */
public final class AdminModule implements AutoCloseable {
  /** What the admin module reads and changes in the running server. */
  public record Sources(
      Supplier<Config> config,
      Consumer<Config> putInForce,
      Supplier<CompletableFuture<Set<String>>> queuesSeen,
      ObjectiveResolver resolver,
      Proposals proposals,
      AuditLog audit) {}

  private final ConfigService config;
  private final ConfigWatcher watcher;
  private final List<Route> routes;

  private AdminModule(ConfigService config, ConfigWatcher watcher, List<Route> routes) {
    this.config = config;
    this.watcher = watcher;
    this.routes = routes;
  }

  /** {@code debounce}: how long the folder must be quiet after a change before it is reloaded. */
  public static AdminModule start(Sources server, Path configDir, Clock clock, Duration debounce)
      throws IOException {
    AuditLog audit = server.audit();
    ConfigService config =
        new ConfigService(configDir, server.config(), server.putInForce(), audit, clock);
    config.init();
    List<Route> routes = new AdminRoute(server, config, audit, clock).routes();
    ConfigWatcher watcher =
        new ConfigWatcher(
                configDir,
                ConfigService.WATCHED,
                debounce,
                () ->
                    config
                        .reload("file-watcher", "file changed", true)
                        .whenComplete(
                            (outcome, err) -> {
                              if (err != null) {
                                org.slf4j.LoggerFactory.getLogger(AdminModule.class)
                                    .error("config reload failed: {}", err.toString());
                              }
                            }))
            .start();
    return new AdminModule(config, watcher, routes);
  }

  /** The page and API under /admin and /api/admin/: add it to the server before it starts. */
  public List<Route> routes() {
    return routes;
  }

  public ConfigService config() {
    return config;
  }

  @Override
  public void close() {
    watcher.close();
    config.close();
  }
}
