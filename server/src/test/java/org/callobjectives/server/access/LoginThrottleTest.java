package org.callobjectives.server.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.callobjectives.server.testing.ManualClock;
import org.junit.jupiter.api.Test;

/** Sign-in throttling on virtual time: guessing is slowed, a real user is not locked out. */
class LoginThrottleTest {
  final ManualClock clock = new ManualClock();
  final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void aBruteForceSpreadOverFortyAddressesLeavesTheAdminInFromWhereSheSignedInBefore() {
    throttle.succeeded("ada", "192.0.2.10");
    for (int a = 1; a <= 40; a++) {
      for (int i = 0; i < 3; i++) {
        throttle.failed("ada", "198.51.100." + a);
      }
    }
    assertTrue(throttle.allowed("ada", "192.0.2.10"), "her own address is not locked");
    assertFalse(
        throttle.allowed("ada", "203.0.113.9"), "the backstop still holds for a new address");
    assertTrue(throttle.allowed("sam", "203.0.113.9"), "other names are not affected");
    clock.advance(Duration.ofMillis(LoginThrottle.WINDOW_MS + 1));
    assertTrue(throttle.allowed("ada", "203.0.113.9"), "and only for a minute");
  }

  @Test
  void guessesFromAnAddressTheNameKnowsAreStillCountedThere() {
    throttle.succeeded("ada", "192.0.2.10");
    for (int i = 0; i < LoginThrottle.PER_NAME_AND_ADDRESS; i++) {
      throttle.failed("ada", "192.0.2.10");
    }
    assertFalse(throttle.allowed("ada", "192.0.2.10"));
    assertTrue(throttle.allowed("ada", "192.0.2.11"));
  }

  @Test
  void oneAddressGuessingManyNamesIsStoppedForAllOfThem() {
    throttle.succeeded("sam", "198.51.100.7");
    for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
      throttle.failed("name" + i, "198.51.100.7");
    }
    assertFalse(throttle.allowed("sam", "198.51.100.7"), "even a name that knows the address");
    assertTrue(throttle.allowed("sam", "198.51.100.8"));
  }

  @Test
  void onlyTheLatestAddressesANameSignedInFromAreRemembered() {
    for (int a = 0; a <= LoginThrottle.KNOWN_ADDRESSES; a++) {
      throttle.succeeded("ada", "192.0.2." + a);
    }
    for (int i = 0; i < LoginThrottle.PER_NAME; i++) {
      throttle.failed("ada", "198.51.100." + (i % 50));
    }
    assertFalse(throttle.allowed("ada", "192.0.2.0"), "the oldest is forgotten");
    assertTrue(throttle.allowed("ada", "192.0.2.1"));
    assertTrue(throttle.allowed("ada", "192.0.2." + LoginThrottle.KNOWN_ADDRESSES));
  }
}
