package org.callobjectives.protocol;

import java.util.List;

/** The agent's outcome for one call. {@code requestId} lets the client match the ack. */
public record DispositionSubmit(
    String requestId,
    String callId,
    String code,
    boolean advanceObtained,
    List<String> checklistDone,
    int upsellCount,
    List<String> upsellNotes,
    Integer csat,
    String notes)
    implements Message {

  public DispositionSubmit {
    checklistDone = checklistDone == null ? List.of() : List.copyOf(checklistDone);
    upsellNotes = upsellNotes == null ? List.of() : List.copyOf(upsellNotes);
  }
}
