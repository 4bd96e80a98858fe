package org.callobjectives.amisim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DemoCallGenerator} simulates.
 *
 * @param queues queue names; inbound calls pick one uniformly
 * @param agents the queue members
 * @param callsPerSecond arrival rate (Poisson for {@code start()}, evenly spaced for {@code burst})
 * @param minTalk shortest talk time
 * @param maxTalk longest talk time
 * @param ringTime how long a member's (or a customer's) phone rings before answering
 * @param abandonRate share of inbound callers who give up while queued, before any agent answers
 * @param outboundRate share of calls that are agent-dialled outbound calls instead of inbound
 * @param agentHangupRate share of connected calls the agent (not the other party) ends
 * @param patience longest a caller waits in queue before abandoning
 * @param seed random seed: same seed and timing give the same calls
 */
public record DemoSettings(
    List<String> queues,
    List<DemoAgent> agents,
    double callsPerSecond,
    Duration minTalk,
    Duration maxTalk,
    Duration ringTime,
    double abandonRate,
    double outboundRate,
    double agentHangupRate,
    Duration patience,
    long seed) {

  /** Validates the ranges. */
  public DemoSettings {
    queues = List.copyOf(queues);
    agents = List.copyOf(agents);
    if (queues.isEmpty()) {
      throw new IllegalArgumentException("at least one queue is required");
    }
    for (DemoAgent agent : agents) {
      if (!queues.containsAll(agent.queues())) {
        throw new IllegalArgumentException(agent.name() + " is in a queue that is not configured");
      }
    }
    if (!(callsPerSecond > 0)) {
      throw new IllegalArgumentException("callsPerSecond must be positive");
    }
    Objects.requireNonNull(ringTime, "ringTime");
    Objects.requireNonNull(patience, "patience");
    if (minTalk.isNegative() || maxTalk.compareTo(minTalk) < 0) {
      throw new IllegalArgumentException("need 0 <= minTalk <= maxTalk");
    }
    requireShare(abandonRate, "abandonRate");
    requireShare(outboundRate, "outboundRate");
    requireShare(agentHangupRate, "agentHangupRate");
  }

  /**
   * The lab of the captured traces: sales (Alice, Bob, Carol) and support (Dave, Erin), one call/s.
   */
  public static DemoSettings lab(long seed) {
    return new DemoSettings(
        List.of("sales", "support"),
        List.of(
            DemoAgent.of("1001", "Alice Agent", "sales"),
            DemoAgent.of("1002", "Bob Agent", "sales"),
            DemoAgent.of("1003", "Carol Agent", "sales"),
            DemoAgent.of("2001", "Dave Agent", "support"),
            DemoAgent.of("2002", "Erin Agent", "support")),
        1.0,
        Duration.ofSeconds(2),
        Duration.ofSeconds(6),
        Duration.ofSeconds(1),
        0.1,
        0.1,
        0.2,
        Duration.ofSeconds(30),
        seed);
  }

  /** A copy with another arrival rate. */
  public DemoSettings withCallsPerSecond(double rate) {
    return new DemoSettings(
        queues,
        agents,
        rate,
        minTalk,
        maxTalk,
        ringTime,
        abandonRate,
        outboundRate,
        agentHangupRate,
        patience,
        seed);
  }

  /** A copy with other talk and ring times (e.g. short ones for benchmarks). */
  public DemoSettings withTimes(Duration newMinTalk, Duration newMaxTalk, Duration newRingTime) {
    return new DemoSettings(
        queues,
        agents,
        callsPerSecond,
        newMinTalk,
        newMaxTalk,
        newRingTime,
        abandonRate,
        outboundRate,
        agentHangupRate,
        patience,
        seed);
  }

  /** A copy with other abandon, outbound and agent-hangup shares. */
  public DemoSettings withRates(
      double newAbandonRate, double newOutboundRate, double newAgentHangupRate) {
    return new DemoSettings(
        queues,
        agents,
        callsPerSecond,
        minTalk,
        maxTalk,
        ringTime,
        newAbandonRate,
        newOutboundRate,
        newAgentHangupRate,
        patience,
        seed);
  }

  /** A copy with another caller patience. */
  public DemoSettings withPatience(Duration newPatience) {
    return new DemoSettings(
        queues,
        agents,
        callsPerSecond,
        minTalk,
        maxTalk,
        ringTime,
        abandonRate,
        outboundRate,
        agentHangupRate,
        newPatience,
        seed);
  }

  private static void requireShare(double share, String name) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(name + " must be within [0, 1]");
    }
  }
}
