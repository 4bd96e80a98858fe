package org.callobjectives.server.admin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.store.AuditLog;

/** Installs the admin page and API, and hot reload of the config folder, on a server before it starts. */
public final class AdminModule implements AutoCloseable {
  private final ConfigService config;
  private final ConfigWatcher watcher;

  private AdminModule(ConfigService config, ConfigWatcher watcher) {
    this.config = config;
    this.watcher = watcher;
  }

  /** {@code debounce}: how long the folder must be quiet after a change before it is reloaded. */
  public static AdminModule install(ObjectivesServer server, Path configDir, Clock clock, Duration debounce)
      throws IOException {
    AuditLog audit = new AuditLog(server.store());
    ConfigService config = new ConfigService(configDir, server::config, server::replaceConfig, audit, clock);
    config.init();
    server.addRoute(new AdminRoute(server, config, audit, clock));
    ConfigWatcher watcher = new ConfigWatcher(configDir, ConfigService.WATCHED, debounce,
        () -> config.reload("file-watcher", "file changed", true).whenComplete((outcome, err) -> {
          if (err != null) {
            org.slf4j.LoggerFactory.getLogger(AdminModule.class).error("config reload failed: {}", err.toString());
          }
        })).start();
    return new AdminModule(config, watcher);
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
