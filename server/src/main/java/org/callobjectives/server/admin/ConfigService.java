package org.callobjectives.server.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.domain.Threads;
import org.callobjectives.server.objectives.lint.Lint;
import org.callobjectives.server.objectives.lint.LintFinding;
import org.callobjectives.server.objectives.lint.Severity;
import org.callobjectives.server.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the configuration without dropping calls: reloads the config folder (from the watcher or
 * an admin), validates an edited file before saving it atomically with a backup, and audits who did
 * it. A file that does not load (or has lint errors) is rejected with file:line and the reason; the
 * last good configuration stays in force. All file work runs on one thread of its own, in order.
 */
public final class ConfigService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConfigService.class);

  /** Files admins may edit through the API (agents.yaml and server.yaml hold token hashes). */
  public static final Set<String> EDITABLE = Set.of("objectives.yaml", "lint.yaml");

  /** Files whose change triggers a reload. */
  public static final Set<String> WATCHED = Set.of("objectives.yaml", "lint.yaml", "agents.yaml");

  private static final List<String> ALL =
      List.of("server.yaml", "agents.yaml", "objectives.yaml", "lint.yaml");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  /**
   * The result of a reload, validation or save. {@code ok} false: nothing changed, {@code error}
   * says why.
   */
  public record Outcome(
      boolean ok,
      String error,
      String errorFile,
      int errorLine,
      List<LintFinding> findings,
      String detail) {}

  private final Path dir;
  private final Supplier<Config> current;
  private final Consumer<Config> apply;
  private final AuditLog audit;
  private final Clock clock;
  private final ExecutorService io = Executors.newSingleThreadExecutor(Threads.daemon("config-io"));
  private volatile Outcome last;
  private volatile List<LintFinding> findings = List.of();
  private volatile String fingerprint = "";

  public ConfigService(
      Path dir, Supplier<Config> current, Consumer<Config> apply, AuditLog audit, Clock clock) {
    this.dir = dir;
    this.current = current;
    this.apply = apply;
    this.audit = audit;
    this.clock = clock;
    this.last = new Outcome(true, null, null, 0, List.of(), "configuration loaded at start");
  }

  public Path dir() {
    return dir;
  }

  /** The last reload's result (a rejected file stays visible here until a good one loads). */
  public Outcome last() {
    return last;
  }

  /** Lint findings of the configuration in force. */
  public List<LintFinding> findings() {
    return findings;
  }

  /** Lints the configuration in force (once at start; later loads refresh it). */
  public CompletableFuture<Outcome> init() {
    return run(
        () -> {
          fingerprint = fingerprint(dir);
          findings = Lint.findings(dir, current.get());
          return last;
        });
  }

  /**
   * Loads the folder and puts it in force; on any error the running configuration stays. Server
   * settings (listen address, database, AMI, users) need a restart and are kept. With {@code
   * onlyIfChanged}, files identical to the last load are not reloaded (e.g. our own save).
   */
  public CompletableFuture<Outcome> reload(String who, String why, boolean onlyIfChanged) {
    return run(() -> reloadNow(who, why, onlyIfChanged));
  }

  private Outcome reloadNow(String who, String why, boolean onlyIfChanged) throws Exception {
    String fp = fingerprint(dir);
    if (onlyIfChanged && fp.equals(fingerprint)) {
      return last;
    }
    Outcome o;
    try {
      Config next = Lint.loader(dir).load();
      var nextFindings =
          Lint.findings(dir, next); // checked completely before anything is put in force
      Config now = current.get();
      apply.accept(next.withServer(now.server()));
      findings = nextFindings;
      fingerprint = fp;
      o =
          new Outcome(
              true,
              null,
              null,
              0,
              findings,
              "reloaded ("
                  + why
                  + "): "
                  + next.objectives().size()
                  + " objectives, queues "
                  + next.queues().keySet());
      log.info("configuration {} by {}: {}", why, who, o.detail());
      audit.record(clock.millis(), who, "reload", null, why, null, null);
    } catch (ConfigException e) {
      fingerprint = fp; // do not retry the same broken files on every event
      o =
          new Outcome(
              false,
              e.getMessage(),
              String.valueOf(e.file()),
              e.line(),
              List.of(),
              "rejected; the last good configuration stays in force");
      log.error(
          "configuration {} by {} REJECTED, the last good one stays in force: {}",
          why,
          who,
          e.getMessage());
      audit.record(
          clock.millis(),
          who,
          "reload-rejected",
          e.file() == null ? null : String.valueOf(e.file().getFileName()),
          e.getMessage(),
          null,
          null);
    } catch (RuntimeException e) {
      fingerprint = fp;
      o =
          new Outcome(
              false,
              e.toString(),
              null,
              0,
              List.of(),
              "rejected; the last good configuration stays in force");
      log.error(
          "configuration {} by {} REJECTED, the last good one stays in force: {}",
          why,
          who,
          e.toString());
    }
    last = o;
    return o;
  }

  /** Checks an edited file as the server would load it, without saving. */
  public CompletableFuture<Outcome> validate(String file, String text) {
    return run(() -> validateNow(file, text));
  }

  private Outcome validateNow(String file, String text) throws IOException {
    if (!EDITABLE.contains(file)) {
      return new Outcome(
          false, "only " + EDITABLE + " can be edited here", file, 0, List.of(), null);
    }
    Path tmp = Files.createTempDirectory("config-candidate");
    try {
      for (String f : ALL) {
        if (Files.exists(dir.resolve(f))) {
          Files.copy(dir.resolve(f), tmp.resolve(f));
        }
      }
      Files.writeString(tmp.resolve(file), text, StandardCharsets.UTF_8);
      Lint.Report r = Lint.report(tmp);
      String prefix = tmp.toString();
      List<LintFinding> fs = new ArrayList<>();
      for (LintFinding f : r.findings()) {
        fs.add(f.at(f.file().replace(prefix, dir.toString()), f.line()));
      }
      if (r.loadError() != null) {
        return new Outcome(
            false,
            r.loadError().replace(prefix, dir.toString()),
            r.loadErrorFile().replace(prefix, dir.toString()),
            r.loadErrorLine(),
            fs,
            null);
      }
      LintFinding firstError =
          fs.stream().filter(f -> f.severity() == Severity.ERROR).findFirst().orElse(null);
      if (firstError != null) {
        long n = fs.stream().filter(f -> f.severity() == Severity.ERROR).count();
        return new Outcome(
            false,
            "objective lint found " + n + " error(s); first: " + firstError,
            firstError.file(),
            firstError.line(),
            fs,
            null);
      }
      return new Outcome(true, null, null, 0, fs, "valid");
    } finally {
      try (Stream<Path> s = Files.walk(tmp)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Validates, then writes the file atomically (temp file + rename, previous one kept under
   * backups/), audits, reloads.
   */
  public CompletableFuture<Outcome> save(String file, String text, String who) {
    return run(
        () -> {
          Outcome v = validateNow(file, text);
          if (!v.ok()) {
            return v;
          }
          Path target = dir.resolve(file);
          String before =
              Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : null;
          if (text.equals(before)) {
            return new Outcome(true, null, null, 0, v.findings(), "unchanged");
          }
          String stamp = STAMP.format(clock.instant().atZone(ZoneId.systemDefault()));
          if (before != null) {
            Path backups = Files.createDirectories(dir.resolve("backups"));
            Files.copy(
                target, backups.resolve(file + "." + stamp), StandardCopyOption.REPLACE_EXISTING);
          }
          Path tmp = dir.resolve("." + file + ".saving");
          Files.writeString(tmp, text, StandardCharsets.UTF_8);
          try {
            Files.move(
                tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
          }
          audit.record(clock.millis(), who, "save", file, diffSummary(before, text), before, text);
          log.info("{} saved by {} ({})", file, who, diffSummary(before, text));
          Outcome r = reloadNow(who, "saved " + file, false);
          return new Outcome(
              r.ok(), r.error(), r.errorFile(), r.errorLine(), r.findings(), r.detail());
        });
  }

  /** The text of an editable file. */
  public CompletableFuture<String> read(String file) {
    return run(
        () -> {
          if (!EDITABLE.contains(file)) {
            throw new IllegalArgumentException("only " + EDITABLE + " can be read here");
          }
          Path p = dir.resolve(file);
          return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        });
  }

  /** "+3 -1 lines: + timeFrame: within 5 days" */
  static String diffSummary(String before, String after) {
    Map<String, Integer> counts = new HashMap<>();
    for (String l : (before == null ? "" : before).split("\n", -1)) {
      counts.merge(l, 1, Integer::sum);
    }
    List<String> added = new ArrayList<>();
    for (String l : after.split("\n", -1)) {
      Integer n = counts.get(l);
      if (n == null || n == 0) {
        added.add(l);
      } else {
        counts.put(l, n - 1);
      }
    }
    long removed = counts.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder sb = new StringBuilder("+" + added.size() + " -" + removed + " lines");
    for (int i = 0; i < Math.min(3, added.size()); i++) {
      sb.append(i == 0 ? ": " : " | ").append('+').append(added.get(i).strip());
    }
    return sb.length() > 500 ? sb.substring(0, 500) : sb.toString();
  }

  private static String fingerprint(Path dir) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (String f : ALL) {
      Path p = dir.resolve(f);
      md.update(f.getBytes(StandardCharsets.UTF_8));
      if (Files.exists(p)) {
        md.update(Files.readAllBytes(p));
      }
    }
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  private <T> CompletableFuture<T> run(Callable<T> work) {
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      io.execute(
          () -> {
            try {
              f.complete(work.call());
            } catch (Exception e) {
              f.completeExceptionally(e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      f.completeExceptionally(new IllegalStateException("server is shutting down"));
    }
    return f;
  }

  @Override
  public void close() {
    io.shutdownNow();
  }
}
