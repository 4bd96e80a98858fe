package org.callobjectives.protocol;

import java.util.List;

/** The objective shown on the pop: what the customer should commit to, how it is measured, by when. */
public record ObjectiveView(
    String id,
    String title,
    String advance,
    String measure,
    String timeFrame,
    List<ChecklistItem> checklist) {

  public ObjectiveView {
    checklist = checklist == null ? List.of() : List.copyOf(checklist);
  }
}
