package org.callobjectives.protocol;

import java.util.List;

/**
 * The checklist items an agent has ticked so far on a call, sent by the client each time a tick
 * changes, so that supervisors see compliance while the call is on. The disposition still carries
 * the final list.
 */
public record ChecklistProgress(String callId, List<String> done) implements Message {
  public ChecklistProgress {
    done = done == null ? List.of() : List.copyOf(done);
  }
}
