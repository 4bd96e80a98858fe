package org.callobjectives.server.ami;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When a logged-in link counts as stalled, on a clock of our own. */
class AmiStallLimitsTest {
  static final long S = TimeUnit.SECONDS.toNanos(1);

  @Test
  void silenceOfTwoPingIntervalsIsAStall() {
    AmiStallLimits l = AmiStallLimits.forPingSeconds(20);
    long heard = 100 * S;
    assertNull(l.stalled(heard + 40 * S, heard, AmiLineReader.NO_LINE), "40 s: not yet");
    String why = l.stalled(heard + 41 * S, heard, AmiLineReader.NO_LINE);
    assertNotNull(why);
    assertTrue(why.contains("no event and no answer to pings for 41.0 s"), why);
  }

  @Test
  void aLineArrivingForOnePingIntervalOrFiveSecondsIsAStall() {
    AmiStallLimits quick = AmiStallLimits.forPingSeconds(1);
    long now = 1000 * S;
    assertNull(quick.stalled(now, now, now - S / 2));
    String why = quick.stalled(now, now, now - 2 * S);
    assertNotNull(why);
    assertTrue(why.contains("one line has been arriving for 2.0 s"), why);

    // With the default 20 s pings a line may take 5 s, not 20: a trickle is caught early.
    AmiStallLimits usual = AmiStallLimits.forPingSeconds(20);
    assertNull(usual.stalled(now, now, now - 4 * S));
    assertNotNull(usual.stalled(now, now, now - 6 * S), "events heard, but the line never ends");
  }

  @Test
  void aHealthyLinkIsNotStalled() {
    AmiStallLimits l = AmiStallLimits.forPingSeconds(1);
    long now = 50 * S;
    assertNull(l.stalled(now, now - S, AmiLineReader.NO_LINE));
    assertNull(l.stalled(now, now - S, now - S / 10));
  }
}
