package org.callobjectives.server.config;

import java.util.List;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ObjectiveView;

/**
 * A call objective: the advance the customer commits to, how it is measured, by when, and a
 * checklist. {@code followUp}: the question asked on the customer's next call about an advance
 * obtained with it ("Did they send the usage figures?"); null for the plain default.
 */
public record Objective(
    String id,
    String title,
    String advance,
    String measure,
    String timeFrame,
    List<ChecklistItem> checklist,
    String followUp) {
  public Objective {
    checklist = List.copyOf(checklist);
  }

  /** An objective asking the default follow-up question. */
  public Objective(
      String id,
      String title,
      String advance,
      String measure,
      String timeFrame,
      List<ChecklistItem> checklist) {
    this(id, title, advance, measure, timeFrame, checklist, null);
  }

  public ObjectiveView view() {
    return new ObjectiveView(id, title, advance, measure, timeFrame, checklist);
  }
}
