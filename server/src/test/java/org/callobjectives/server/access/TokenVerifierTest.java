package org.callobjectives.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.callobjectives.server.security.Tokens;
import org.callobjectives.server.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Token checks: a match is remembered for a while, a wrong token never is. */
class TokenVerifierTest {
  final ManualClock clock = new ManualClock();
  final List<String> derived = new ArrayList<>();
  final TokenVerifier tokens =
      new TokenVerifier(
          clock,
          (presented, stored) -> {
            derived.add(stored);
            return Tokens.matches(presented, stored);
          });
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger(TokenVerifier.class);

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void stopCapturing() {
    logger.detachAppender(logs);
  }

  @Test
  void aSecondCheckOfTheRightTokenNeedsNoDerivation() {
    String stored = Tokens.hash("right", 1000);
    assertTrue(tokens.matches("1001", "right", stored));
    assertTrue(tokens.remembered("right", stored));
    assertTrue(tokens.matches("1001", "right", stored));
    assertEquals(1, derived.size());
  }

  @Test
  void aWrongTokenIsNeverRememberedAsGood() {
    String stored = Tokens.hash("right", 1000);
    assertFalse(tokens.matches("1001", "wrong", stored));
    assertFalse(tokens.remembered("wrong", stored));
    assertFalse(tokens.matches("1001", "wrong", stored));
    assertEquals(2, derived.size(), "derived again each time");
    assertTrue(tokens.matches("1001", "right", stored));
    assertFalse(tokens.matches("1001", "wrong", stored), "the right one remembered, not this");
    assertEquals(4, derived.size());
  }

  @Test
  void aRememberedTokenIsOnlyGoodForTheHashItMatched() {
    String old = Tokens.hash("right", 1000);
    String replaced = Tokens.hash("other", 1000);
    assertTrue(tokens.matches("1001", "right", old));
    assertFalse(tokens.remembered("right", replaced));
    assertFalse(tokens.matches("1001", "right", replaced));
  }

  @Test
  void aRememberedTokenIsDerivedAgainAfterAnHour() {
    String stored = Tokens.hash("right", 1000);
    assertTrue(tokens.matches("1001", "right", stored));
    clock.advance(TokenVerifier.REMEMBER.minusSeconds(1));
    assertTrue(tokens.remembered("right", stored));
    clock.advance(Duration.ofSeconds(1));
    assertFalse(tokens.remembered("right", stored));
    assertTrue(tokens.matches("1001", "right", stored));
    assertEquals(2, derived.size());
  }

  @Test
  void aNameNobodyHasCostsOneDerivationAtTheCostAsked() {
    assertFalse(tokens.nobody("anything", 10_000));
    assertFalse(tokens.nobody("anything", 10_000));
    assertEquals(2, derived.size());
    assertEquals(10_000, Tokens.iterations(derived.get(0)));
  }

  @Test
  void aHashOfTheOldCostIsSaidOnceForItsUserAfterAMatch() {
    String old = Tokens.hash("right", 10_000);
    assertFalse(tokens.matches("ada", "wrong", old));
    assertTrue(logs.list.isEmpty(), "not for a failed try");
    tokens.matches("ada", "right", old);
    clock.advance(Duration.ofHours(2));
    tokens.matches("ada", "right", old);
    assertEquals(1, logs.list.size());
    String line = logs.list.get(0).getFormattedMessage();
    assertTrue(line.contains("ada") && line.contains("10000") && line.contains("hash-token"), line);
  }

  @Test
  void newHashesUseTheOwaspCost() {
    String h = Tokens.hash("right");
    assertEquals(600_000, Tokens.iterations(h));
    assertTrue(tokens.matches("sam", "right", h));
    assertTrue(logs.list.isEmpty(), "nothing to say about a hash of today's cost");
  }
}
