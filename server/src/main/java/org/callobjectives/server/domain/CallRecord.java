package org.callobjectives.server.domain;

import java.util.List;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.ObjectiveView;

/**
 * One call leg as stored and pushed: an agent's queue or outbound call, or an abandoned queue wait
 * (then {@code agentId} is null). Immutable; a new one is made at each change. {@code experiment}
 * is the experiment and variant the caller was assigned to, null outside any.
 */
public record CallRecord(
    String callId,
    String server,
    Direction direction,
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
    List<DispositionCode> codes,
    Channels channels,
    ExperimentArm experiment) {

  /**
   * The AMI identities behind the call, kept so that a restarted server can go on tracking it: the
   * caller's (queue) or agent's (outbound) Uniqueid, the other leg's Uniqueid, the member
   * interface, and the two channel names without their {@code ;1}/{@code ;2} half.
   */
  public record Channels(
      String callerUniqueid,
      String otherUniqueid,
      String iface,
      String agentChannel,
      String farChannel) {}

  public CallRecord {
    codes = codes == null ? List.of() : List.copyOf(codes);
  }

  /** A call outside any experiment. */
  public CallRecord(
      String callId,
      String server,
      Direction direction,
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
      List<DispositionCode> codes,
      Channels channels) {
    this(
        callId,
        server,
        direction,
        queue,
        agentId,
        callerNumber,
        callerName,
        linkedid,
        outcome,
        endReason,
        holdSeconds,
        talkSeconds,
        startedAtMillis,
        connectedAtMillis,
        endedAtMillis,
        objective,
        codes,
        channels,
        null);
  }

  /** A call without channel identities (tests, abandoned waits). */
  public CallRecord(
      String callId,
      String server,
      Direction direction,
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
    this(
        callId,
        server,
        direction,
        queue,
        agentId,
        callerNumber,
        callerName,
        linkedid,
        outcome,
        endReason,
        holdSeconds,
        talkSeconds,
        startedAtMillis,
        connectedAtMillis,
        endedAtMillis,
        objective,
        codes,
        null);
  }

  public boolean open() {
    return outcome == CallOutcome.CONNECTED;
  }
}
