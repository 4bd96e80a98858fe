package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The objective shown on the pop: what the customer should commit to, how it is measured, by when.
 * Optional: {@code stage} (where the customer is in the queue's chain of advances), {@code
 * lastCall} (the outcome of the customer's previous dispositioned call) and {@code secondary} (a
 * second key objective; the pop shows this one as primary) and {@code commitment} (an advance the
 * customer agreed to earlier, to ask about). Older clients ignore them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectiveView(
    String id,
    String title,
    String advance,
    String measure,
    String timeFrame,
    List<ChecklistItem> checklist,
    String stage,
    LastCall lastCall,
    ObjectiveView secondary,
    Commitment commitment) {

  @JsonCreator
  public ObjectiveView {
    checklist = checklist == null ? List.of() : List.copyOf(checklist);
  }

  /** An objective for one call without a commitment to ask about. */
  public ObjectiveView(
      String id,
      String title,
      String advance,
      String measure,
      String timeFrame,
      List<ChecklistItem> checklist,
      String stage,
      LastCall lastCall,
      ObjectiveView secondary) {
    this(id, title, advance, measure, timeFrame, checklist, stage, lastCall, secondary, null);
  }

  /** An objective without stage, history or second objective. */
  public ObjectiveView(
      String id,
      String title,
      String advance,
      String measure,
      String timeFrame,
      List<ChecklistItem> checklist) {
    this(id, title, advance, measure, timeFrame, checklist, null, null, null);
  }

  /**
   * This objective for one call: at {@code stage}, after {@code lastCall}, with a second objective.
   */
  public ObjectiveView forCall(String stage, LastCall lastCall, ObjectiveView secondary) {
    return forCall(stage, lastCall, secondary, null);
  }

  /** The same, asking about the customer's earlier {@code commitment} (may be null). */
  public ObjectiveView forCall(
      String stage, LastCall lastCall, ObjectiveView secondary, Commitment commitment) {
    return new ObjectiveView(
        id, title, advance, measure, timeFrame, checklist, stage, lastCall, secondary, commitment);
  }
}
