package org.callobjectives.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's pending wrap-ups: every call that still needs its disposition acked, each with its
 * own draft, in the order the calls arrived.
 *
 * <p>A new pop never replaces another call's draft; a re-sent pop ({@code replay}) or a repeated
 * end merges into what is kept. An entry leaves only when the server acks its disposition (or the
 * agent discards it). With a file, every change is written to a temporary sibling, fsync'd and
 * renamed over the file, so a restart of the client finds the drafts as they were. Thread-safe.
 */
public final class WrapUps {

  private static final Logger log = LoggerFactory.getLogger(WrapUps.class);

  /** The file's content. */
  record Saved(int version, List<WrapUp> wrapUps) {}

  private final Path file;
  private final Map<String, WrapUp> entries = new LinkedHashMap<>(); // guarded by this
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final List<java.util.function.BiConsumer<String, List<String>>> tickListeners =
      new CopyOnWriteArrayList<>();
  private volatile String writeError;

  private WrapUps(Path file) {
    this.file = file;
  }

  /** Pending wrap-ups kept only in memory. */
  public static WrapUps inMemory() {
    return new WrapUps(null);
  }

  /** Pending wrap-ups kept in {@code file}, loading what an earlier run left there. */
  public static WrapUps open(Path file) throws IOException {
    Path abs = Objects.requireNonNull(file, "file").toAbsolutePath();
    WrapUps w = new WrapUps(abs);
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    if (Files.exists(abs)) {
      String text = Files.readString(abs, StandardCharsets.UTF_8);
      if (!text.isBlank()) {
        try {
          Saved saved = Json.mapper().readValue(text, Saved.class);
          for (WrapUp u : saved.wrapUps() == null ? List.<WrapUp>of() : saved.wrapUps()) {
            if (u != null && u.call() != null && u.call().callId() != null) {
              w.entries.put(u.callId(), u.draft() == null ? u.withDraft(Draft.EMPTY) : u);
            }
          }
        } catch (JsonProcessingException e) {
          // Never overwrite what cannot be read: keep it aside for a person to look at.
          Path aside =
              abs.resolveSibling(abs.getFileName() + ".unreadable-" + System.currentTimeMillis());
          Files.move(abs, aside);
          log.error(
              "drafts file {} unreadable ({}); moved to {}", abs, e.getOriginalMessage(), aside);
        }
      }
      if (!w.entries.isEmpty()) {
        log.info("drafts {}: {} call(s) still waiting for a disposition", abs, w.entries.size());
      }
    }
    return w;
  }

  /**
   * The drafts file beside an outbox file: {@code outbox-1001.jsonl} gives {@code
   * outbox-1001.drafts.json}.
   */
  public static Path besideOutbox(Path outbox) {
    String name = outbox.getFileName().toString();
    String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
    return outbox.resolveSibling(base + ".drafts.json");
  }

  public Path file() {
    return file;
  }

  /** Why the last write to the file failed, or null when it is up to date. */
  public String writeError() {
    return writeError;
  }

  /** Called after every change (on the thread that made it). */
  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  /** A call popped: kept with an empty draft, or merged into the kept entry. True if it is new. */
  public boolean callStarted(CallStarted c) {
    boolean added;
    synchronized (this) {
      if (acked.contains(c.callId())) {
        return false;
      }
      WrapUp known = entries.get(c.callId());
      added = known == null;
      if (added) {
        entries.put(c.callId(), new WrapUp(c, null, Draft.EMPTY, null, null));
      } else if (known.isPlaceholder() || !c.replay()) {
        entries.put(c.callId(), known.withCall(c));
      } else {
        return false; // a replay of what is kept: nothing changes
      }
      persist();
    }
    changed();
    return added;
  }

  /** The call ended (possibly {@code interrupted}): its entry waits for the disposition. */
  public void callEnded(CallEnded e) {
    synchronized (this) {
      if (acked.contains(e.callId())) {
        return;
      }
      WrapUp known = entries.get(e.callId());
      entries.put(
          e.callId(),
          known == null
              ? new WrapUp(WrapUp.placeholder(e.callId()), e, Draft.EMPTY, null, null)
              : known.withEnded(e));
      persist();
    }
    changed();
  }

  public synchronized Optional<WrapUp> get(String callId) {
    return Optional.ofNullable(callId == null ? null : entries.get(callId));
  }

  /** All pending wrap-ups, in arrival order. */
  public synchronized List<WrapUp> all() {
    return List.copyOf(entries.values());
  }

  public synchronized int size() {
    return entries.size();
  }

  /** Changes the draft of a pending, not yet submitted call; false if there is none. */
  public boolean updateDraft(String callId, UnaryOperator<Draft> change) {
    List<String> ticked;
    synchronized (this) {
      WrapUp u = entries.get(callId);
      if (u == null || u.sending()) {
        return false;
      }
      Draft d = change.apply(u.draft());
      if (d.equals(u.draft())) {
        return true;
      }
      entries.put(callId, u.withDraft(d));
      persist();
      ticked = d.checklistDone().equals(u.draft().checklistDone()) ? null : d.checklistDone();
    }
    changed();
    if (ticked != null) {
      for (java.util.function.BiConsumer<String, List<String>> l : tickListeners) {
        l.accept(callId, ticked);
      }
    }
    return true;
  }

  /** Told (outside the lock) each time a call's ticked checklist items change. */
  public void onChecklistTicked(java.util.function.BiConsumer<String, List<String>> listener) {
    tickListeners.add(listener);
  }

  /** The draft went to the server as {@code requestId}; kept until acked. */
  public void sent(String callId, String requestId) {
    update(callId, u -> u.withSent(requestId));
  }

  /**
   * Submitting {@code requestId} failed before the outbox held it (e.g. the agent's disk is full):
   * the draft is editable again, with the reason, so it can be submitted again.
   */
  public void unsent(String callId, String requestId, String message) {
    update(callId, u -> requestId.equals(u.requestId()) ? u.withError(Text.clean(message)) : u);
  }

  /**
   * At start, makes the drafts agree with the outbox ({@code queued}): a draft whose request is not
   * in the outbox (the bridge stopped before the outbox had it) is editable again; a call whose
   * disposition is in the outbox is shown as sent (it is sent at the next Welcome). Returns how
   * many drafts changed.
   */
  public int matchOutbox(List<DispositionSubmit> queued) {
    Map<String, String> queuedRequestOfCall = new LinkedHashMap<>();
    Set<String> queuedRequests = new java.util.HashSet<>();
    for (DispositionSubmit d : queued) {
      queuedRequestOfCall.put(d.callId(), d.requestId());
      queuedRequests.add(d.requestId());
    }
    int changed = 0;
    synchronized (this) {
      for (WrapUp u : List.copyOf(entries.values())) {
        String inOutbox = queuedRequestOfCall.get(u.callId());
        WrapUp now = u;
        if (inOutbox != null && !inOutbox.equals(u.requestId())) {
          now = u.withSent(inOutbox);
        } else if (inOutbox == null && u.sending() && !queuedRequests.contains(u.requestId())) {
          now = u.withError("not sent before the bridge stopped - please submit again");
        }
        if (now != u) {
          entries.put(u.callId(), now);
          changed++;
          log.warn(
              "call {}: draft marked {} to match the outbox",
              u.callId(),
              now.sending() ? "sent" : "not sent");
        }
      }
      if (changed > 0) {
        persist();
      }
    }
    if (changed > 0) {
      changed();
    }
    return changed;
  }

  /** The server refused it for good: the draft is editable again, with the reason. */
  public void refused(String callId, String message) {
    update(callId, u -> u.withError(Text.clean(message)));
  }

  /** The server stored the disposition: the entry is done. */
  public void acked(String callId) {
    synchronized (this) {
      acked.add(callId);
      if (entries.remove(callId) == null) {
        return;
      }
      persist();
    }
    changed();
  }

  /** The agent gave up on this call (e.g. the server does not know it). */
  public void discard(String callId) {
    synchronized (this) {
      if (entries.remove(callId) == null) {
        return;
      }
      persist();
    }
    changed();
  }

  /** The call that was submitted as {@code requestId}, if still pending. */
  public synchronized Optional<String> callOfRequest(String requestId) {
    if (requestId == null) {
      return Optional.empty();
    }
    return entries.values().stream()
        .filter(u -> requestId.equals(u.requestId()))
        .map(WrapUp::callId)
        .findFirst();
  }

  private void update(String callId, UnaryOperator<WrapUp> change) {
    synchronized (this) {
      WrapUp u = entries.get(callId);
      if (u == null) {
        return;
      }
      WrapUp next = change.apply(u);
      if (next.equals(u)) {
        return; // the form committed what was already kept (a tick, a focus change): no write, no
        // fsync
      }
      entries.put(callId, next);
      persist();
    }
    changed();
  }

  private void changed() {
    for (Runnable r : listeners) {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.error("wrap-up listener failed", e);
      }
    }
  }

  /**
   * Writes every entry atomically; caller holds the lock. A failure is logged and kept in memory.
   */
  private void persist() {
    if (file == null) {
      return;
    }
    try {
      AtomicFile.replace(
          file,
          Json.mapper()
              .writeValueAsString(new Saved(1, new ArrayList<>(entries.values())))
              .getBytes(StandardCharsets.UTF_8));
      if (writeError != null) {
        log.info("drafts file {} written again", file);
      }
      writeError = null;
    } catch (IOException e) {
      if (writeError == null) {
        log.error("cannot write drafts file {}; drafts are kept in memory", file, e);
      }
      writeError = e.toString();
    }
  }
}
