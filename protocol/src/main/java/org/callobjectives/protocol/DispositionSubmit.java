package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The agent's outcome for one call. {@code requestId} lets the client match the ack; {@code
 * commitment} answers the pop's commitment question (left out when there was none or the agent did
 * not answer).
 */
public record DispositionSubmit(
    String requestId,
    String callId,
    String code,
    boolean advanceObtained,
    List<String> checklistDone,
    int upsellCount,
    List<String> upsellNotes,
    Integer csat,
    String notes,
    @JsonInclude(JsonInclude.Include.NON_NULL) CommitmentAnswer commitment)
    implements Message {

  @JsonCreator
  public DispositionSubmit {
    checklistDone = checklistDone == null ? List.of() : List.copyOf(checklistDone);
    upsellNotes = upsellNotes == null ? List.of() : List.copyOf(upsellNotes);
  }

  /** A disposition without a commitment answer. */
  public DispositionSubmit(
      String requestId,
      String callId,
      String code,
      boolean advanceObtained,
      List<String> checklistDone,
      int upsellCount,
      List<String> upsellNotes,
      Integer csat,
      String notes) {
    this(
        requestId,
        callId,
        code,
        advanceObtained,
        checklistDone,
        upsellCount,
        upsellNotes,
        csat,
        notes,
        null);
  }
}
