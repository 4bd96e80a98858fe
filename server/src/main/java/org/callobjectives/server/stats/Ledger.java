package org.callobjectives.server.stats;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.goals.Slot;
import org.callobjectives.server.goals.Window;

/**
 * The folded figures: sums per shift slot and key, the facts of the calls still open to change, the
 * calls in progress and the latest ones. Confined to the live-stats thread.
 */
final class Ledger {
  static final int RECENT = 25;

  private final Map<Slot, Map<StatsKey, Figures>> buckets = new HashMap<>();
  private final Map<String, CallFact> facts = new HashMap<>();
  private final Map<String, CallRecord> open = new LinkedHashMap<>();
  private final Deque<String> recent = new ArrayDeque<>();
  private final Set<String> undisposedIds = new LinkedHashSet<>();

  CallFact fact(String callId) {
    return facts.get(callId);
  }

  /** Takes {@code old}'s figures out of the sums (if any) and puts {@code now}'s in. */
  void replace(CallFact old, CallFact now) {
    if (old != null) {
      figures(old.slot(), old.key()).apply(old, -1);
    }
    figures(now.slot(), now.key()).apply(now, 1);
    facts.put(now.callId(), now);
    if (now.undisposed()) {
      undisposedIds.add(now.callId());
    }
  }

  private Figures figures(Slot slot, StatsKey key) {
    return buckets
        .computeIfAbsent(slot, s -> new HashMap<>())
        .computeIfAbsent(key, k -> new Figures());
  }

  /** The call changed: first among the latest; a settled call pushed out keeps only its sums. */
  void touch(String callId) {
    recent.remove(callId);
    recent.addFirst(callId);
    while (recent.size() > RECENT) {
      String out = recent.removeLast();
      CallFact f = facts.get(out);
      if (f != null && f.settled()) {
        facts.remove(out); // its figures stay in the sums
      }
    }
  }

  /** After a rebuild: facts that can no longer change live only in the sums. */
  void forgetSettled() {
    facts.values().removeIf(CallFact::settled);
  }

  void opened(CallRecord call) {
    open.put(call.callId(), call);
  }

  void closed(String callId) {
    open.remove(callId);
  }

  Map<String, CallRecord> open() {
    return open;
  }

  Deque<String> recent() {
    return recent;
  }

  Set<String> undisposedIds() {
    return undisposedIds;
  }

  void disposed(String callId) {
    undisposedIds.remove(callId);
  }

  int factsHeld() {
    return facts.size();
  }

  /** The sums of the slots in {@code w}, per group ({@code group} null: left out). */
  Map<String, Figures> sumBy(Window w, Function<StatsKey, String> group) {
    Map<String, Figures> out = new HashMap<>();
    for (var slot : buckets.entrySet()) {
      if (!w.contains(slot.getKey())) {
        continue;
      }
      for (var e : slot.getValue().entrySet()) {
        String g = group.apply(e.getKey());
        if (g != null) {
          out.computeIfAbsent(g, k -> new Figures()).add(e.getValue());
        }
      }
    }
    return out;
  }

  /** Agents who handled calls in {@code w} (of queue {@code queue}; empty: any). */
  Set<String> agentsWhoHandled(Window w, String queue) {
    Set<String> to = new java.util.TreeSet<>();
    for (var slot : buckets.entrySet()) {
      if (w.contains(slot.getKey())) {
        for (var e : slot.getValue().entrySet()) {
          if (e.getKey().agentId() != null
              && e.getValue().handled > 0
              && (queue.isEmpty() || queue.equals(Labels.queueId(e.getKey())))) {
            to.add(e.getKey().agentId());
          }
        }
      }
    }
    return to;
  }

  /** Drops the days before {@code keep}. */
  void dropBefore(LocalDate keep) {
    buckets.keySet().removeIf(s -> s.date().isBefore(keep));
    facts.values().removeIf(f -> f.slot().date().isBefore(keep));
    undisposedIds.retainAll(facts.keySet());
  }
}
