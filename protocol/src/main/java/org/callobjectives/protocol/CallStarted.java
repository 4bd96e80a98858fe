package org.callobjectives.protocol;

import java.util.List;

/** Pushed the moment the agent's call connects: why this call matters and what to record. */
public record CallStarted(
    String callId,
    String direction,
    String queue,
    String callerNumber,
    String callerName,
    long connectedAtMillis,
    ObjectiveView objective,
    List<DispositionCode> dispositionCodes,
    boolean replay)
    implements Message {

  public static final String INBOUND = "queue";
  public static final String OUTBOUND = "outbound";

  public CallStarted {
    dispositionCodes = dispositionCodes == null ? List.of() : List.copyOf(dispositionCodes);
  }
}
