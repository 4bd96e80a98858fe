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

  private Leg(Builder b) {
    this.callId = b.callId;
    this.server = b.server;
    this.direction = b.direction;
    this.queue = b.queue;
    this.agent = b.agent;
    this.callerNumber = b.callerNumber;
    this.callerName = b.callerName;
    this.linkedid = b.linkedid;
    this.callerUniqueid = b.callerUniqueid;
    this.otherUniqueid = b.otherUniqueid;
    this.iface = b.iface;
    this.agentBase = b.agentBase;
    this.farBase = b.farBase;
    this.startedAt = b.startedAt;
    this.connectedAt = b.connectedAt;
    this.resolution = b.resolution;
    this.epoch = b.epoch;
  }

  static Builder builder(String callId, String server, Direction direction) {
    return new Builder(callId, server, direction);
  }

  /** Names each part of a new leg: five call sites build one from different AMI events. */
  static final class Builder {
    private final String callId;
    private final String server;
    private final Direction direction;
    private String queue;
    private Agent agent;
    private String callerNumber;
    private String callerName;
    private String linkedid;
    private String callerUniqueid;
    private String otherUniqueid;
    private String iface;
    private String agentBase;
    private String farBase;
    private long startedAt;
    private Long connectedAt;
    private Resolution resolution;
    private int epoch;

    private Builder(String callId, String server, Direction direction) {
      this.callId = callId;
      this.server = server;
      this.direction = direction;
    }

    Builder queue(String queue) {
      this.queue = queue;
      return this;
    }

    Builder agent(Agent agent) {
      this.agent = agent;
      return this;
    }

    /** The customer's number and name, and the Linkedid that ties the call's channels together. */
    Builder caller(String number, String name, String linkedid) {
      this.callerNumber = number;
      this.callerName = name;
      this.linkedid = linkedid;
      return this;
    }

    /** The two Uniqueids of the leg (see the fields). */
    Builder uniqueids(String caller, String other) {
      this.callerUniqueid = caller;
      this.otherUniqueid = other;
      return this;
    }

    /** The member interface and the two channel bases, each kept as {@code server:channel}. */
    Builder channels(String iface, String agentBase, String farBase) {
      this.iface = iface;
      this.agentBase = agentBase;
      this.farBase = farBase;
      return this;
    }

    /** When the call started (the caller joined, or the agent dialled) and when it connected. */
    Builder times(long startedAt, Long connectedAt) {
      this.startedAt = startedAt;
      this.connectedAt = connectedAt;
      return this;
    }

    Builder resolution(Resolution resolution) {
      this.resolution = resolution;
      return this;
    }

    Builder epoch(int epoch) {
      this.epoch = epoch;
      return this;
    }

    Leg build() {
      return new Leg(this);
    }
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
            callerUniqueid, otherUniqueid, iface, unprefixed(agentBase), unprefixed(farBase)),
        resolution == null ? null : resolution.experiment());
  }

  /** Channel bases are kept as {@code server:channel}; the stored form has no server. */
  private String unprefixed(String base) {
    return base == null ? null : base.substring(server.length() + 1);
  }
}
