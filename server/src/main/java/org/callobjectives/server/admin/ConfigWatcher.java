package org.callobjectives.server.admin;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.callobjectives.server.domain.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the config folder and calls back once things settle: editors write a file in several
 * steps (truncate, write, rename), so events are debounced and only the last one triggers a reload.
 */
public final class ConfigWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);

  private final Path dir;
  private final Set<String> names;
  private final Duration debounce;
  private final Runnable onChange;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Threads.daemon("config-debounce"));
  private WatchService watch;
  private Thread thread;
  private ScheduledFuture<?> pending; // guarded by this

  public ConfigWatcher(Path dir, Set<String> names, Duration debounce, Runnable onChange) {
    this.dir = dir;
    this.names = Set.copyOf(names);
    this.debounce = debounce;
    this.onChange = onChange;
  }

  public ConfigWatcher start() throws IOException {
    watch = dir.getFileSystem().newWatchService();
    dir.register(watch, ENTRY_CREATE, ENTRY_MODIFY);
    thread = new Thread(this::loop, "config-watch");
    thread.setDaemon(true);
    thread.start();
    log.info("watching {} for changes to {}", dir.toAbsolutePath(), names);
    return this;
  }

  private void loop() {
    try {
      while (true) {
        WatchKey key = watch.take();
        boolean relevant = false;
        for (WatchEvent<?> e : key.pollEvents()) {
          // OVERFLOW: events were lost, so one of our files may have changed.
          if (e.kind() == java.nio.file.StandardWatchEventKinds.OVERFLOW
              || e.context() instanceof Path p && names.contains(p.getFileName().toString())) {
            relevant = true;
          }
        }
        key.reset();
        if (relevant) {
          changed();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    }
  }

  private synchronized void changed() {
    if (pending != null) {
      pending.cancel(false);
    }
    pending =
        timer.schedule(
            () -> {
              try {
                onChange.run();
              } catch (RuntimeException e) {
                log.error("config reload after a file change failed", e);
              }
            },
            debounce.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    try {
      if (watch != null) {
        watch.close();
      }
    } catch (IOException e) {
      log.debug("closing watch service: {}", e.toString());
    }
    timer.shutdownNow();
  }
}
