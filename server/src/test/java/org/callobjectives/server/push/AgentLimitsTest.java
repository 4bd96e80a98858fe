package org.callobjectives.server.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.callobjectives.server.push.AgentLimits.Kind;
import org.callobjectives.server.testing.ManualClock;
import org.junit.jupiter.api.Test;

/** Per agent, per kind, on a manual clock; and what a flooding connection may still do. */
class AgentLimitsTest {
  final ManualClock clock = new ManualClock();
  final AgentLimits limits = new AgentLimits(AgentLimits.DEFAULTS, clock);

  @Test
  void eachAgentAndKindHasItsOwnBucket() {
    for (int i = 0; i < 10; i++) {
      assertEquals(0, limits.take("1001", Kind.PROPOSAL));
    }
    long wait = limits.take("1001", Kind.PROPOSAL);
    assertEquals(60_000, wait, "the 11th proposal at once: one more a minute");
    assertEquals(0, limits.take("1002", Kind.PROPOSAL), "another agent is not held up");
    assertEquals(0, limits.take("1001", Kind.DISPOSITION), "nor another kind");
    assertEquals(
        Map.of("disposition", 0L, "checklist_progress", 0L, "proposal", 1L, "other", 0L),
        limits.refusedByKind());
    clock.advance(Duration.ofMinutes(1));
    assertEquals(0, limits.take("1001", Kind.PROPOSAL));
    assertTrue(limits.take("1001", Kind.PROPOSAL) > 0);
  }

  @Test
  void aRealAgentsBusiestShiftNeverMeetsTheDefaults() {
    // Eight hours at a pace no person keeps: a call a minute, its disposition, twelve ticks in
    // three seconds, a proposal every hour; after each hour's break the bridge reconnects and
    // sends its outbox (20 dispositions) and the ticks of 50 calls at once.
    for (int hour = 0; hour < 8; hour++) {
      for (int i = 0; i < 20; i++) {
        assertEquals(0, limits.take("1001", Kind.DISPOSITION));
      }
      for (int i = 0; i < 50; i++) {
        assertEquals(0, limits.take("1001", Kind.CHECKLIST_PROGRESS));
      }
      assertEquals(0, limits.take("1001", Kind.PROPOSAL));
      assertEquals(0, limits.take("1001", Kind.OTHER), "the one hello after a reconnect");
      for (int minute = 0; minute < 60; minute++) {
        for (int tick = 0; tick < 12; tick++) {
          assertEquals(0, limits.take("1001", Kind.CHECKLIST_PROGRESS));
          clock.advance(Duration.ofMillis(250));
        }
        assertEquals(0, limits.take("1001", Kind.DISPOSITION));
        clock.advance(Duration.ofSeconds(57));
      }
    }
    assertEquals(
        Map.of("disposition", 0L, "checklist_progress", 0L, "proposal", 0L, "other", 0L),
        limits.refusedByKind());
  }

  @Test
  void aConnectionRefusedAHundredTimesWithinAMinuteIsToClose() {
    AgentLimits.Connection c = limits.connection();
    for (int i = 0; i < 100; i++) {
      assertFalse(c.refusedOnceMore(), "refusal " + i);
    }
    assertTrue(c.refusedOnceMore(), "the 101st");
    assertEquals(1, limits.disconnected());
    AgentLimits.Connection slower = limits.connection();
    for (int i = 0; i < 300; i++) {
      assertFalse(slower.refusedOnceMore(), "one refusal a second is no flood: " + i);
      clock.advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void otherSettingsReplaceOneKind() {
    AgentLimits wide =
        new AgentLimits(
            AgentLimits.DEFAULTS.with(
                Kind.PROPOSAL, new AgentLimits.Limit(1000, Duration.ofSeconds(1))),
            clock);
    for (int i = 0; i < 1000; i++) {
      assertEquals(0, wide.take("1001", Kind.PROPOSAL));
    }
    assertEquals(
        "1000 at once, then one every 1 s", wide.settings().limits().get(Kind.PROPOSAL).toString());
  }
}
