package org.callobjectives.server.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.protocol.ComplianceReminder;
import org.callobjectives.server.domain.CallRecord;

/**
 * The checklist ticks of calls in progress, as the agents' clients report them, and the reminders
 * owed: a required compliance item still unticked {@code reminderSeconds} into the call flags the
 * call, and its agent gets at most {@code perCall} gentle reminders, one per period. Live-stats
 * thread only.
 */
final class LiveChecklists {
  /** How far a call's checklist is: ticked of all items, the required compliance still to do. */
  record Progress(int done, int items, List<String> missingCompliance, boolean flagged) {}

  /** A reminder for an agent. */
  record Due(String agentId, ComplianceReminder reminder) {}

  /** How long ticks for a call not known (yet) are kept: another node's pop may come later. */
  static final long UNKNOWN_CALL_MS = 60_000;

  private final Map<String, Set<String>> ticked = new HashMap<>();
  private final Map<String, Long> tickedAt = new HashMap<>();
  private final Map<String, Integer> reminded = new HashMap<>();

  void ticked(String callId, List<String> done, long now) {
    if (ticked.size() > 50_000) {
      return; // bounded: far beyond any floor's calls in progress
    }
    ticked.put(callId, Set.copyOf(done));
    tickedAt.put(callId, now);
  }

  /** Forgets calls no longer in progress, and ticks for unknown calls after a while. */
  void retain(Set<String> openCallIds, long now) {
    ticked
        .keySet()
        .removeIf(
            id ->
                !openCallIds.contains(id) && now - tickedAt.getOrDefault(id, 0L) > UNKNOWN_CALL_MS);
    tickedAt.keySet().retainAll(ticked.keySet());
    reminded.keySet().retainAll(openCallIds);
  }

  Progress progress(CallRecord c, long now, int reminderSeconds) {
    List<ChecklistItem> items = c.objective() == null ? List.of() : c.objective().checklist();
    Set<String> done = ticked.getOrDefault(c.callId(), Set.of());
    int count = 0;
    List<String> missing = new ArrayList<>();
    for (ChecklistItem i : items) {
      if (done.contains(i.id())) {
        count++;
      } else if (i.required() && i.kind() == ChecklistKind.COMPLIANCE) {
        missing.add(i.text());
      }
    }
    boolean flagged =
        !missing.isEmpty()
            && reminderSeconds > 0
            && c.connectedAtMillis() != null
            && now - c.connectedAtMillis() >= reminderSeconds * 1000L;
    return new Progress(count, items.size(), missing, flagged);
  }

  /** The reminders now owed for {@code open} calls (counted as sent). */
  List<Due> due(Iterable<CallRecord> open, long now, int reminderSeconds, int perCall) {
    List<Due> out = new ArrayList<>();
    if (reminderSeconds <= 0 || perCall <= 0) {
      return out;
    }
    for (CallRecord c : open) {
      if (c.agentId() == null || c.connectedAtMillis() == null || c.objective() == null) {
        continue;
      }
      int sent = reminded.getOrDefault(c.callId(), 0);
      long talk = now - c.connectedAtMillis();
      if (sent >= perCall || talk < (sent + 1) * reminderSeconds * 1000L) {
        continue;
      }
      Set<String> done = ticked.getOrDefault(c.callId(), Set.of());
      for (ChecklistItem i : c.objective().checklist()) {
        if (i.required() && i.kind() == ChecklistKind.COMPLIANCE && !done.contains(i.id())) {
          reminded.put(c.callId(), sent + 1);
          out.add(
              new Due(
                  c.agentId(), new ComplianceReminder(c.callId(), i.id(), i.text(), talk / 1000)));
          break;
        }
      }
    }
    return out;
  }
}
