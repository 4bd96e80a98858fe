package org.callobjectives.server.objectives;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.server.domain.DispositionListener;
import org.callobjectives.server.store.CallerHistory;
import org.callobjectives.server.store.CallerOutcome;
import org.callobjectives.server.store.PendingCommitment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each customer is in the chain of advances and the advance they last agreed to (their
 * commitment), in memory so that choosing a call's objective never waits for SQLite: loaded once at
 * start, then kept current by every stored disposition.
 */
public final class StageIndex implements DispositionListener {
  private static final Logger log = LoggerFactory.getLogger(StageIndex.class);

  private final CallerHistory history;
  private final Map<String, CallerOutcome> last = new ConcurrentHashMap<>();
  private final Map<String, CallerOutcome> lastStaged = new ConcurrentHashMap<>();
  private final Map<String, PendingCommitment> commitments = new ConcurrentHashMap<>();

  public StageIndex(CallerHistory history) {
    this.history = history;
  }

  /** Fills the index from the database; completes when it is ready. */
  public CompletableFuture<Integer> load() {
    CompletableFuture<Integer> outcomes =
        history
            .latestPerCaller()
            .thenApply(
                list -> {
                  list.forEach(this::put);
                  log.info("chain of advances: {} customers' last outcomes loaded", last.size());
                  return last.size();
                });
    CompletableFuture<Long> open =
        history
            .latestCommitmentPerCaller()
            .thenApply(
                list -> {
                  list.forEach(this::put);
                  long n = commitments.values().stream().filter(p -> !p.settled()).count();
                  log.info("commitments kept: {} customers' open commitments loaded", n);
                  return n;
                });
    return outcomes.thenCombine(open, (a, b) -> a);
  }

  /** The customer's latest advance, unless a later call settled it (kept or not). */
  public Optional<PendingCommitment> openCommitment(String callerNumber) {
    String k = key(callerNumber);
    PendingCommitment p = k == null ? null : commitments.get(k);
    return p == null || p.settled() ? Optional.empty() : Optional.of(p);
  }

  /** The customer's last dispositioned call, if any. */
  public Optional<CallerOutcome> last(String callerNumber) {
    String k = key(callerNumber);
    return k == null ? Optional.empty() : Optional.ofNullable(last.get(k));
  }

  /** The customer's last dispositioned call that was at a stage of a chain, if any. */
  public Optional<CallerOutcome> lastStaged(String callerNumber) {
    String k = key(callerNumber);
    return k == null ? Optional.empty() : Optional.ofNullable(lastStaged.get(k));
  }

  public int size() {
    return last.size();
  }

  @Override
  public void stored(String agentId, DispositionSubmit d, boolean late) {
    // Runs on the store's thread: queue the lookup behind it rather than reading here.
    history
        .forDisposition(d.callId())
        .whenComplete(
            (o, err) -> {
              if (err != null) {
                log.warn("call {}: caller stage not updated: {}", d.callId(), err.toString());
              } else if (o != null) {
                put(o);
              }
            });
    commitmentsAfter(d.callId(), agentId, 1);
  }

  /**
   * Reads the commitments a stored disposition changed, again a few times if the read fails: a
   * stale entry would ask about a settled commitment or miss a new one.
   */
  private void commitmentsAfter(String callId, String agentId, int attempt) {
    history
        .commitmentsAfter(callId, agentId)
        .whenComplete(
            (list, err) -> {
              if (err == null) {
                list.forEach(this::put);
              } else if (attempt < 5) {
                CompletableFuture.delayedExecutor(attempt, java.util.concurrent.TimeUnit.SECONDS)
                    .execute(() -> commitmentsAfter(callId, agentId, attempt + 1));
              } else {
                log.warn(
                    "call {}: commitment not updated after {} tries: {}",
                    callId,
                    attempt,
                    err.toString());
              }
            });
  }

  private void put(PendingCommitment p) {
    String k = key(p.callerNumber());
    if (k != null) {
      commitments.merge(k, p, StageIndex::latest);
    }
  }

  /**
   * The later advance wins; for the same one, settled wins (answers arrive in any order and never
   * unsettle).
   */
  static PendingCommitment latest(PendingCommitment a, PendingCommitment b) {
    if (a.sameAs(b)) {
      return a.settled() ? a : b;
    }
    return b.atMillis() >= a.atMillis() ? b : a;
  }

  private void put(CallerOutcome o) {
    String k = key(o.callerNumber());
    if (k == null) {
      return;
    }
    last.merge(k, o, StageIndex::later);
    if (o.stage() != null) {
      lastStaged.merge(k, o, StageIndex::later);
    }
  }

  private static CallerOutcome later(CallerOutcome a, CallerOutcome b) {
    return b.atMillis() >= a.atMillis() ? b : a;
  }

  /** Caller numbers compared by their digits: "+1 555-123" and "1555123" are one customer. */
  static String key(String number) {
    if (number == null) {
      return null;
    }
    String digits = number.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? null : digits;
  }

  /** Test and preview helper: the snapshot of the index. */
  public List<CallerOutcome> snapshot() {
    return List.copyOf(last.values());
  }
}
