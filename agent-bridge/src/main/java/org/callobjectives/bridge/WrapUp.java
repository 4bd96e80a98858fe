package org.callobjectives.bridge;

import java.util.List;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.Commitment;

/**
 * One call still waiting for the server's ack of its disposition: the pop, its end (null while the
 * call is on), the agent's draft, the request id once submitted, and the server's last refusal.
 */
public record WrapUp(
    CallStarted call, CallEnded ended, Draft draft, String requestId, String error) {

  public String callId() {
    return call.callId();
  }

  /** The earlier commitment this call's pop asks about, or null. */
  public Commitment commitment() {
    return call.objective() == null ? null : call.objective().commitment();
  }

  /** Submitted and waiting for the ack: the form is read-only meanwhile. */
  public boolean sending() {
    return requestId != null;
  }

  WrapUp withCall(CallStarted c) {
    return new WrapUp(c, ended, draft, requestId, error);
  }

  WrapUp withEnded(CallEnded e) {
    return new WrapUp(call, e, draft, requestId, error);
  }

  WrapUp withDraft(Draft d) {
    return new WrapUp(call, ended, d, requestId, error);
  }

  WrapUp withSent(String rid) {
    return new WrapUp(call, ended, draft, rid, null);
  }

  WrapUp withError(String message) {
    return new WrapUp(call, ended, draft, null, message);
  }

  /** A stand-in pop for a call known only from its end (e.g. the pop was missed). */
  static CallStarted placeholder(String callId) {
    return new CallStarted(callId, null, null, null, null, 0, null, List.of(), false);
  }

  boolean isPlaceholder() {
    return call.connectedAtMillis() == 0
        && call.objective() == null
        && call.dispositionCodes().isEmpty()
        && call.callerNumber() == null;
  }
}
