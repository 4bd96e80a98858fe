package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Pushed the moment the agent's call connects: why this call matters and what to record. {@code
 * screenPopUrl}: the caller's record in the CRM (from the queue's screen-pop template), left out
 * when the queue has none.
 */
public record CallStarted(
    String callId,
    String direction,
    String queue,
    String callerNumber,
    String callerName,
    long connectedAtMillis,
    ObjectiveView objective,
    List<DispositionCode> dispositionCodes,
    boolean replay,
    @JsonInclude(JsonInclude.Include.NON_NULL) String screenPopUrl)
    implements Message {

  public static final String INBOUND = "queue";
  public static final String OUTBOUND = "outbound";

  public CallStarted {
    dispositionCodes = dispositionCodes == null ? List.of() : List.copyOf(dispositionCodes);
  }

  /** A pop without a CRM screen-pop. */
  public CallStarted(
      String callId,
      String direction,
      String queue,
      String callerNumber,
      String callerName,
      long connectedAtMillis,
      ObjectiveView objective,
      List<DispositionCode> dispositionCodes,
      boolean replay) {
    this(
        callId,
        direction,
        queue,
        callerNumber,
        callerName,
        connectedAtMillis,
        objective,
        dispositionCodes,
        replay,
        null);
  }

  /** The same pop, sent again after a reconnect. */
  public CallStarted asReplay() {
    return new CallStarted(
        callId,
        direction,
        queue,
        callerNumber,
        callerName,
        connectedAtMillis,
        objective,
        dispositionCodes,
        true,
        screenPopUrl);
  }
}
