package org.callobjectives.server.config;

import java.util.List;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ObjectiveView;

/**
 * A call objective: the advance the customer commits to, how it is measured, by when, and a
 * checklist.
 */
public record Objective(
    String id,
    String title,
    String advance,
    String measure,
    String timeFrame,
    List<ChecklistItem> checklist) {
  public Objective {
    checklist = List.copyOf(checklist);
  }

  public ObjectiveView view() {
    return new ObjectiveView(id, title, advance, measure, timeFrame, checklist);
  }
}
