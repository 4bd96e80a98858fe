package org.callobjectives.server.calls;

import org.callobjectives.server.config.Agent;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.objectives.ObjectiveResolver.Resolution;

/** A tracked call leg while it is live; confined to the call-tracking thread. */
final class Leg {
  final String callId;
  final String server;
  final Direction direction;
  final String queue;
  final Agent agent;
  final String callerNumber;
  final String callerName;
  final String linkedid;

  /** Queue calls: the caller's channel; outbound: the agent's own leg. */
  final String callerUniqueid;

  /** Queue calls: the member (agent) leg; outbound: the customer leg. */
  final String otherUniqueid;

  final String iface;
  final String agentBase;
  final String farBase;
  final long startedAt;
  final Long connectedAt;
  final Resolution resolution;
  int epoch;
  long holdSeconds;
  long talkSeconds;
  Long endedAt;
  CallOutcome outcome = CallOutcome.CONNECTED;
  String endReason;
  boolean reasonFromAsterisk;
  String firstHangupSide;

  /**
   * When the caller left the bridge while the agent's leg was still in it (a redirect or transfer).
   */
  Long callerLeftAt;

  boolean memberLeft;

  Leg(
      String callId,
      String server,
      Direction direction,
      String queue,
      Agent agent,
      String callerNumber,
      String callerName,
      String linkedid,
      String callerUniqueid,
      String otherUniqueid,
      String iface,
      String agentBase,
      String farBase,
      long startedAt,
      Long connectedAt,
      Resolution resolution,
      int epoch) {
    this.callId = callId;
    this.server = server;
    this.direction = direction;
    this.queue = queue;
    this.agent = agent;
    this.callerNumber = callerNumber;
    this.callerName = callerName;
    this.linkedid = linkedid;
    this.callerUniqueid = callerUniqueid;
    this.otherUniqueid = otherUniqueid;
    this.iface = iface;
    this.agentBase = agentBase;
    this.farBase = farBase;
    this.startedAt = startedAt;
    this.connectedAt = connectedAt;
    this.resolution = resolution;
    this.epoch = epoch;
  }

  CallRecord record() {
    return new CallRecord(
        callId,
        server,
        direction,
        queue,
        agent == null ? null : agent.id(),
        callerNumber,
        callerName,
        linkedid,
        outcome,
        endReason,
        holdSeconds,
        talkSeconds,
        startedAt,
        connectedAt,
        endedAt,
        resolution == null ? null : resolution.objective(),
        resolution == null ? null : resolution.codes(),
        new CallRecord.Channels(
            callerUniqueid, otherUniqueid, iface, unprefixed(agentBase), unprefixed(farBase)));
  }

  /** Channel bases are kept as {@code server:channel}; the stored form has no server. */
  private String unprefixed(String base) {
    return base == null ? null : base.substring(server.length() + 1);
  }
}
