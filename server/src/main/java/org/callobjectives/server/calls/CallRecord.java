package org.callobjectives.server.calls;

import java.util.List;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.ObjectiveView;

/**
 * One call leg as stored and pushed: an agent's queue or outbound call, or an abandoned queue wait
 * (then {@code agentId} is null). Immutable; a new one is made at each change.
 */
public record CallRecord(
    String callId,
    String server,
    String direction,
    String queue,
    String agentId,
    String callerNumber,
    String callerName,
    String linkedid,
    CallOutcome outcome,
    String endReason,
    long holdSeconds,
    long talkSeconds,
    long startedAtMillis,
    Long connectedAtMillis,
    Long endedAtMillis,
    ObjectiveView objective,
    List<DispositionCode> codes) {

  public CallRecord {
    codes = codes == null ? List.of() : List.copyOf(codes);
  }

  public boolean open() {
    return outcome == CallOutcome.CONNECTED;
  }
}
