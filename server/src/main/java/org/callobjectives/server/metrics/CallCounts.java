package org.callobjectives.server.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.QueueCaller;

/**
 * Counts ended calls by queue, direction and outcome (only calls of the AMI links this node listens
 * to, so that summing the nodes counts each call once) and follows the callers waiting per queue.
 */
final class CallCounts implements CallListener {
  /** Queue, direction, outcome: one series of {@code callobjectives_calls_total}. */
  record Key(String queue, String direction, String outcome) {}

  private final LabelValues queues;
  private final Map<Key, java.util.concurrent.atomic.LongAdder> ended = new ConcurrentHashMap<>();
  private final Map<String, QueueCaller> waiting = new ConcurrentHashMap<>();
  private volatile Predicate<String> ours = link -> true;

  CallCounts(LabelValues queues) {
    this.queues = queues;
  }

  /** Which AMI links' calls this node counts (the ones it listens to). */
  void countLinks(Predicate<String> ours) {
    this.ours = ours;
  }

  @Override
  public void connected(CallRecord call, long amiReceivedNanos) {}

  @Override
  public void ended(CallRecord call) {
    if (!ours.test(call.server())) {
      return;
    }
    Key k =
        new Key(
            queues.of(call.queue()),
            call.direction().wire(),
            call.outcome().name().toLowerCase(Locale.ROOT));
    ended.computeIfAbsent(k, x -> new java.util.concurrent.atomic.LongAdder()).increment();
  }

  @Override
  public void queueJoined(QueueCaller caller) {
    waiting.put(caller.key(), caller);
  }

  @Override
  public void queueLeft(QueueCaller caller) {
    waiting.remove(caller.key());
  }

  Map<Key, Long> ended() {
    Map<Key, Long> m = new TreeMap<>(java.util.Comparator.comparing(Key::toString));
    ended.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  /** Per queue: callers waiting now and since when the longest has waited (epoch ms). */
  record Waits(int callers, long longestSinceMillis) {}

  /** Every queue seen so far is there, at 0 when nobody waits (a graph line, not a gap). */
  Map<String, Waits> waits(long now) {
    Map<String, Waits> m = new TreeMap<>();
    queues.known().forEach(q -> m.put(q, new Waits(0, now)));
    for (QueueCaller c : waiting.values()) {
      String q = queues.of(c.queue());
      m.merge(
          q,
          new Waits(1, c.joinedAtMillis()),
          (a, b) ->
              new Waits(
                  a.callers() + b.callers(),
                  Math.min(a.longestSinceMillis(), b.longestSinceMillis())));
    }
    return m;
  }
}
