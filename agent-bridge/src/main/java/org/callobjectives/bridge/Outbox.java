package org.callobjectives.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.MalformedMessageException;
import org.callobjectives.protocol.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispositions not yet acknowledged by the server, in submission order.
 *
 * <p>With a file, it is a durable queue: one JSON message per line, appended and fsync'd before
 * {@link #add} returns, so an entry survives a crash or restart of the bridge. Removing an entry
 * rewrites the file to a temporary sibling, fsyncs it and renames it over the old one, so the file
 * is always either the old or the new queue. A torn last line (crash during an append) or any other
 * unreadable line is logged and skipped when loading. Without a file it is in memory only.
 *
 * <p>Thread-safe.
 */
public final class Outbox implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final Path file;
  private final List<DispositionSubmit> entries = new ArrayList<>();

  private Outbox(Path file) {
    this.file = file;
  }

  /** An outbox that lives only as long as this process. */
  public static Outbox inMemory() {
    return new Outbox(null);
  }

  /** Opens (or creates) the outbox at {@code file}, loading what an earlier run left there. */
  public static Outbox open(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path abs = file.toAbsolutePath();
    Outbox outbox = new Outbox(abs);
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    if (Files.exists(abs)) {
      outbox.load();
    }
    return outbox;
  }

  private void load() throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int bad = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        Message m = Json.read(line);
        if (m instanceof DispositionSubmit d) {
          entries.add(d);
        } else {
          bad++;
          log.warn("outbox {} line {}: not a disposition ({}), skipped", file, i + 1, m.getClass());
        }
      } catch (MalformedMessageException e) {
        bad++;
        log.warn("outbox {} line {} unreadable ({}), skipped", file, i + 1, e.getMessage());
      }
    }
    if (bad > 0) {
      rewrite(); // drop the unreadable lines so a torn append does not glue onto the next one
    }
    if (!entries.isEmpty()) {
      log.info("outbox {}: {} disposition(s) waiting to be sent", file, entries.size());
    }
  }

  /** The file this outbox persists to, or null when in memory only. */
  public Path file() {
    return file;
  }

  /** Appends {@code d} durably (fsync'd before returning when file-backed). */
  public synchronized void add(DispositionSubmit d) throws IOException {
    Objects.requireNonNull(d, "d");
    if (file != null) {
      AtomicFile.append(file, (Json.write(d) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    entries.add(d);
  }

  /** A snapshot of the queued entries, oldest first. */
  public synchronized List<DispositionSubmit> entries() {
    return List.copyOf(entries);
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Removes the entries with this request id; returns them (empty if none). */
  public List<DispositionSubmit> removeByRequestId(String requestId) throws IOException {
    if (requestId == null) {
      return List.of();
    }
    return removeIf(d -> requestId.equals(d.requestId()));
  }

  /** Removes the entries for this call; returns them (empty if none). */
  public List<DispositionSubmit> removeByCallId(String callId) throws IOException {
    if (callId == null) {
      return List.of();
    }
    return removeIf(d -> callId.equals(d.callId()));
  }

  private synchronized List<DispositionSubmit> removeIf(Predicate<DispositionSubmit> which)
      throws IOException {
    List<DispositionSubmit> removed = new ArrayList<>();
    List<DispositionSubmit> kept = new ArrayList<>();
    for (DispositionSubmit d : entries) {
      (which.test(d) ? removed : kept).add(d);
    }
    if (removed.isEmpty()) {
      return List.of();
    }
    List<DispositionSubmit> before = new ArrayList<>(entries);
    entries.clear();
    entries.addAll(kept);
    try {
      rewrite();
    } catch (IOException e) {
      entries.clear();
      entries.addAll(before);
      throw e;
    }
    return removed;
  }

  private void rewrite() throws IOException {
    if (file == null) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (DispositionSubmit d : entries) {
      sb.append(Json.write(d)).append('\n');
    }
    AtomicFile.replace(file, sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    // Nothing held open between operations; present so callers can treat it as a resource.
  }
}
