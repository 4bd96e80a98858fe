package org.callobjectives.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.callobjectives.server.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Refused connections make one log line a minute at most, on virtual time. */
class RefusalLogTest {
  final ManualClock clock = new ManualClock();
  final RefusalLog refusals = new RefusalLog(clock);
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger(RefusalLog.class);

  @BeforeEach
  void capture() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logs);
  }

  @Test
  void theFirstRefusalIsSaidAtOnceAndAFloodOnlyOnceAMinuteWithItsCount() {
    refusals.refused("192.0.2.1", "too many connections from 192.0.2.1 (limit 1000)");
    for (int i = 0; i < 20_000; i++) {
      refusals.refused("192.0.2.1", "too many");
      if (i % 1000 == 0) {
        clock.advance(Duration.ofSeconds(1));
      }
    }
    assertEquals(1, logs.list.size());
    assertTrue(logs.list.get(0).getFormattedMessage().contains("limit 1000"));
    clock.advance(Duration.ofMinutes(1));
    refusals.refused("192.0.2.7", "the server holds all the connections it may");
    assertEquals(2, logs.list.size());
    String line = logs.list.get(1).getFormattedMessage();
    assertTrue(line.contains("192.0.2.7") && line.contains("20000 more"), line);
  }
}
