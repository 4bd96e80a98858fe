package org.callobjectives.server.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.callobjectives.server.ami.AmiEvent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.QueueCaller;
import org.callobjectives.server.objectives.ObjectiveResolver;
import org.callobjectives.server.objectives.lint.Lint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who waits in a queue: told once when a caller joins and once when they stop waiting. */
class QueueWaitsTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  final List<String> log = new ArrayList<>();
  final List<QueueCaller> joined = new ArrayList<>();
  CallTracker tracker;

  @BeforeEach
  void setUp() throws Exception {
    Config config = Lint.loader(Path.of("..", "config")).load();
    tracker =
        new CallTracker(
            () -> config,
            new ObjectiveResolver(() -> config),
            new CallListener() {
              @Override
              public void connected(CallRecord c, long nanos) {
                log.add("pop " + c.callerNumber());
              }

              @Override
              public void ended(CallRecord c) {
                log.add("end " + c.outcome());
              }

              @Override
              public void queueJoined(QueueCaller c) {
                joined.add(c);
                log.add("join " + c.queue() + " " + c.callerNumber());
              }

              @Override
              public void queueLeft(QueueCaller c) {
                log.add("left " + c.queue() + " " + c.callerNumber());
              }
            },
            Clock.fixed(NOW, ZoneOffset.UTC),
            (server, epoch) -> {});
  }

  private static AmiEvent.QueueJoin join(String uid, long nanos, long waited) {
    return new AmiEvent.QueueJoin(
        "pbx", nanos, "sales", uid, uid, "Local/sales@callers-1;2", "155500" + uid, "Ann", waited);
  }

  @Test
  void aCallerAnsweredLeavesTheQueueOnceAndThePopStillNamesThem() {
    tracker.handle(join("1", 1, 0));
    tracker.handle(new AmiEvent.QueueLeave("pbx", 2, "sales", "1"));
    tracker.handle(answered("1", 3));
    assertEquals(List.of("join sales 1555001", "left sales 1555001", "pop 1555001"), log);
  }

  @Test
  void aCallerWhoHangsUpWithoutAnyQueueEventStopsWaiting() {
    tracker.handle(join("1", 1, 0));
    tracker.handle(new AmiEvent.Hangup("pbx", 2, "1", "Local/sales@callers-1;2", 16));
    assertEquals(List.of("join sales 1555001", "left sales 1555001"), log);
  }

  @Test
  void anAbandonAfterTheLeaveIsCountedButTheWaitEndsOnlyOnce() {
    tracker.handle(join("1", 1, 0));
    tracker.handle(new AmiEvent.QueueAbandon("pbx", 2, "sales", "1", "1", "1555001", "Ann", 3));
    tracker.handle(new AmiEvent.QueueLeave("pbx", 3, "sales", "1"));
    assertEquals(List.of("join sales 1555001", "left sales 1555001", "end ABANDONED"), log);
  }

  @Test
  void aListAtLoginReadWhileTheCallerWasAnsweredOrLeftDoesNotBringTheWaitBack() {
    tracker.handle(join("1", 1, 0));
    tracker.handle(new AmiEvent.QueueLeave("pbx", 2, "sales", "1"));
    tracker.handle(answered("1", 3));
    tracker.handle(join("2", 4, 0));
    tracker.handle(new AmiEvent.QueueAbandon("pbx", 5, "sales", "2", "2", "1555002", "Ann", 1));
    // The list asked before those events arrives after them.
    tracker.handle(listed("1", 6, 3));
    tracker.handle(listed("2", 6, 2));
    assertEquals(
        List.of(
            "join sales 1555001",
            "left sales 1555001",
            "pop 1555001",
            "join sales 1555002",
            "left sales 1555002",
            "end ABANDONED"),
        log,
        "the call goes on and nobody waits again");
  }

  /** Alice answers caller {@code uid} (the AgentConnect carries no caller id, as after a leave). */
  private static AmiEvent.AgentConnect answered(String uid, long nanos) {
    return new AmiEvent.AgentConnect(
        "pbx",
        nanos,
        "sales",
        uid,
        uid,
        "Local/sales@callers-1;2",
        null,
        null,
        "9" + uid,
        "Local/1001@agents-2;1",
        "Local/1001@agents/n",
        "Alice Agent",
        2);
  }

  private static AmiEvent.QueueJoin listed(String uid, long nanos, long waited) {
    return new AmiEvent.QueueJoin(
        "pbx",
        nanos,
        "sales",
        uid,
        uid,
        "Local/sales@callers-1;2",
        "155500" + uid,
        "Ann",
        waited,
        true);
  }

  @Test
  void aCallerListedAtLoginHasWaitedAsLongAsAsteriskSays() {
    tracker.handle(listed("1", 1, 45));
    assertEquals(NOW.toEpochMilli() - 45_000, joined.get(0).joinedAtMillis());
  }

  @Test
  void theListAtLoginEndsWaitsAsteriskNoLongerHasButNotOnesThatJoinedMeanwhile() {
    tracker.handle(join("1", 10, 0)); // before the QueueStatus was sent: gone if not listed
    tracker.handle(join("2", 30, 0)); // joined while the list was being collected
    tracker.handle(join("3", 11, 0)); // still there
    tracker.handle(new AmiEvent.WaitersListed("pbx", 40, 20, Set.of("sales|3")));
    assertEquals(
        List.of(
            "join sales 1555001", "join sales 1555002", "join sales 1555003", "left sales 1555001"),
        log);
  }
}
