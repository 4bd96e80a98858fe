package org.callobjectives.server.dispositions;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Message;
import org.callobjectives.server.domain.DispositionListener;
import org.callobjectives.server.store.DispositionRejected;
import org.callobjectives.server.store.DispositionStore;
import org.callobjectives.server.store.OutboxDispatcher;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.store.StoredCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the agent's disposition, checks it against the call, stores it once and acks only after the
 * commit; a call whose wrap-up deadline passes without one is stored as UNDISPOSED.
 */
public final class DispositionService {
  private static final Logger log = LoggerFactory.getLogger(DispositionService.class);
  static final int MAX_NOTES = 2000;
  static final int MAX_UPSELL_NOTES = 20;
  static final int MAX_UPSELL_NOTE = 500;
  static final int MAX_UPSELL_COUNT = 100;

  private final DispositionStore store;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Duration wrapUp;
  private final AtomicLong stored = new AtomicLong();
  // Codes come from the configuration (a code no objective offers is refused): a bounded set.
  private final java.util.concurrent.ConcurrentMap<
          StoredKind, java.util.concurrent.atomic.LongAdder>
      storedByKind = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicLong undisposed = new AtomicLong();
  static final long RETRY_FIRST_MS = 1_000;
  static final long RETRY_MAX_MS = 30_000;
  // While the store fails: UNDISPOSED marks to retry, and dispositions answered store_failed that
  // the
  // agents' bridges hold and will send again (keyed call + agent). Shown on /health.
  private final Set<String> marksWaiting = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Set<String> refusedWaiting = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.List<DispositionListener> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public DispositionService(
      DispositionStore store, ScheduledExecutorService scheduler, Clock clock, Duration wrapUp) {
    this.store = store;
    this.scheduler = scheduler;
    this.clock = clock;
    this.wrapUp = wrapUp;
  }

  public void addListener(DispositionListener l) {
    listeners.add(l);
  }

  /**
   * What tells this node's listeners about dispositions other nodes stored: hand it the outbox
   * (non-durable: the live figures are rebuilt from the tables at start).
   */
  public OutboxDispatcher.Consumer fromOtherNodes(String thisNode) {
    return new OtherNodes(thisNode, () -> listeners);
  }

  public long stored() {
    return stored.get();
  }

  /** A code and whether it came after the wrap-up time: what stored dispositions are counted by. */
  public record StoredKind(String code, boolean late) {}

  /** Dispositions this node stored since start, by code and lateness. */
  public java.util.Map<StoredKind, Long> storedByKind() {
    java.util.Map<StoredKind, Long> m =
        new java.util.TreeMap<>(
            java.util.Comparator.comparing(StoredKind::code).thenComparing(StoredKind::late));
    storedByKind.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  public long undisposed() {
    return undisposed.get();
  }

  /** UNDISPOSED marks the store could not write yet; retried until it can. */
  public int undisposedMarksWaiting() {
    return marksWaiting.size();
  }

  /**
   * Dispositions answered store_failed and not stored since (the agents' bridges send them again).
   */
  public int dispositionsWaiting() {
    return refusedWaiting.size();
  }

  /** When the wrap-up of a call that ended at {@code endedAtMillis} is over. */
  public long wrapUpDeadline(long endedAtMillis) {
    return endedAtMillis + wrapUp.toMillis();
  }

  /** Starts the wrap-up clock for an ended call; returns the deadline. */
  public long wrapUpStarted(String callId, String agentId, long endedAtMillis) {
    long deadline = wrapUpDeadline(endedAtMillis);
    long delay = Math.max(0, deadline - clock.millis());
    scheduler.schedule(() -> expire(callId, agentId, RETRY_FIRST_MS), delay, TimeUnit.MILLISECONDS);
    return deadline;
  }

  private void expire(String callId, String agentId, long retryMs) {
    store
        .markUndisposed(callId, agentId)
        .whenComplete(
            (inserted, err) -> {
              if (err != null) {
                // The store logs the outage once; the mark is tried again until it is written (a
                // real
                // disposition stored meanwhile wins: the mark then inserts nothing).
                if (marksWaiting.add(callId + "\u0000" + agentId)) {
                  log.warn(
                      "call {}: wrap-up deadline passed but UNDISPOSED not stored yet ({}); retrying",
                      callId,
                      err.toString());
                }
                scheduler.schedule(
                    () -> expire(callId, agentId, Math.min(retryMs * 2, RETRY_MAX_MS)),
                    retryMs,
                    TimeUnit.MILLISECONDS);
                return;
              }
              marksWaiting.remove(callId + "\u0000" + agentId);
              if (inserted) {
                undisposed.incrementAndGet();
                for (DispositionListener l : listeners) {
                  l.undisposed(agentId, callId);
                }
                log.info(
                    "call {}: agent {} missed the wrap-up deadline: stored as UNDISPOSED",
                    callId,
                    agentId);
              }
              for (DispositionListener l : listeners) {
                l.wrapUpOver(agentId, callId);
              }
              for (DispositionListener l : listeners) {
                l.settled(agentId, callId);
              }
            });
  }

  /**
   * Validates, stores and answers one disposition; {@code reply} runs once, on the store's thread.
   */
  public void submit(String agentId, DispositionSubmit d, Consumer<Message> reply) {
    String problem = shapeProblem(d);
    if (problem != null) {
      reply.accept(new ErrorMessage(ErrorMessage.INVALID_DISPOSITION, problem, d.requestId()));
      return;
    }
    String key = d.callId() + "\u0000" + agentId;
    store
        .saveDisposition(agentId, d, DispositionService::check)
        .whenComplete(
            (saved, err) -> {
              if (err == null) {
                refusedWaiting.remove(key);
                if (!saved.duplicate()) {
                  stored.incrementAndGet();
                  storedByKind
                      .computeIfAbsent(
                          new StoredKind(saved.stored().code(), saved.late()),
                          k -> new java.util.concurrent.atomic.LongAdder())
                      .increment();
                  for (DispositionListener l : listeners) {
                    l.stored(agentId, saved.stored(), saved.late());
                  }
                }
                for (DispositionListener l : listeners) {
                  l.settled(agentId, d.callId());
                }
                reply.accept(
                    new DispositionAck(
                        d.requestId(), d.callId(), saved.duplicate(), saved.stored()));
                return;
              }
              Throwable cause =
                  err instanceof CompletionException && err.getCause() != null
                      ? err.getCause()
                      : err;
              if (cause instanceof DispositionRejected r) {
                refusedWaiting.remove(key);
                reply.accept(new ErrorMessage(r.code(), r.getMessage(), d.requestId()));
              } else {
                // During an outage the store has logged it once already; one line per refused
                // disposition is noise.
                if (refusedWaiting.add(key) && store.writable()) {
                  log.error(
                      "disposition for call {} by agent {} not stored: {}",
                      d.callId(),
                      agentId,
                      cause.toString());
                }
                reply.accept(
                    new ErrorMessage(
                        ErrorMessage.STORE_FAILED,
                        "the disposition could not be stored; it was not saved, send it again",
                        d.requestId()));
              }
            });
  }

  /** What can be said without the stored call: missing fields and limits. */
  static String shapeProblem(DispositionSubmit d) {
    if (d.callId() == null || d.callId().isBlank()) {
      return "callId is required";
    }
    if (d.code() == null || d.code().isBlank()) {
      return "code is required";
    }
    if (Store.UNDISPOSED.equals(d.code())) {
      return "UNDISPOSED is set by the server when the wrap-up deadline passes; pick an outcome";
    }
    if (d.upsellCount() < 0 || d.upsellCount() > MAX_UPSELL_COUNT) {
      return "upsellCount must be 0.." + MAX_UPSELL_COUNT;
    }
    if (d.csat() != null && (d.csat() < 0 || d.csat() > 100)) {
      return "csat is a percentage: 0..100, or leave it out";
    }
    if (d.notes() != null && d.notes().length() > MAX_NOTES) {
      return "notes are limited to " + MAX_NOTES + " characters";
    }
    if (d.upsellNotes().size() > MAX_UPSELL_NOTES) {
      return "at most " + MAX_UPSELL_NOTES + " upsell notes";
    }
    for (String n : d.upsellNotes()) {
      if (n == null || n.isBlank() || n.length() > MAX_UPSELL_NOTE) {
        return "each upsell note must be 1.." + MAX_UPSELL_NOTE + " characters";
      }
    }
    return null;
  }

  /** What needs the stored call: the code and checklist items must be the call's own. */
  static void check(StoredCall call, DispositionSubmit d) throws DispositionRejected {
    var code = call.codes().stream().filter(c -> c.code().equals(d.code())).findFirst();
    if (code.isEmpty()) {
      throw new DispositionRejected(
          ErrorMessage.INVALID_DISPOSITION,
          "code "
              + d.code()
              + " is not allowed for this call; allowed: "
              + call.codes().stream().map(c -> c.code()).toList());
    }
    String mismatch = code.get().advanceMismatch(d.advanceObtained());
    if (mismatch != null) {
      throw new DispositionRejected(ErrorMessage.INVALID_DISPOSITION, mismatch);
    }
    if (d.commitment() != null
        && (call.objective() == null || call.objective().commitment() == null)) {
      throw new DispositionRejected(
          ErrorMessage.INVALID_DISPOSITION,
          "this call's pop asked no commitment question: leave the commitment answer out");
    }
    Set<String> items = new HashSet<>();
    if (call.objective() != null) {
      for (ChecklistItem i : call.objective().checklist()) {
        items.add(i.id());
      }
    }
    for (String done : d.checklistDone()) {
      if (!items.contains(done)) {
        throw new DispositionRejected(
            ErrorMessage.INVALID_DISPOSITION,
            "checklist item '" + done + "' is not on this call's checklist " + items);
      }
    }
  }
}
