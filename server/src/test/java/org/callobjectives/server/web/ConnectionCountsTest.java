package org.callobjectives.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.callobjectives.server.web.ConnectionLimits.Admission;
import org.junit.jupiter.api.Test;

/** The connection counts behind the caps: per address, in all, and the refusals answered. */
class ConnectionCountsTest {
  @Test
  void anAddressAtItsShareIsRefusedUntilOneOfItsConnectionsCloses() {
    ConnectionLimits l = new ConnectionLimits(10, 2);
    assertEquals(Admission.OPEN, l.admit("192.0.2.1"));
    assertEquals(Admission.OPEN, l.admit("192.0.2.1"));
    assertEquals(Admission.TOO_MANY_FROM_ADDRESS, l.admit("192.0.2.1"));
    assertEquals(Admission.OPEN, l.admit("192.0.2.2"));
    l.closed("192.0.2.1");
    assertEquals(Admission.OPEN, l.admit("192.0.2.1"));
    assertEquals(3, l.open());
    assertEquals(1, l.refused());
  }

  @Test
  void pastTheCapInAllEveryAddressIsRefusedAndPastTheRefusalsAnsweredTheyAreClosed() {
    ConnectionLimits l = new ConnectionLimits(3, 3);
    for (int i = 0; i < 3; i++) {
      assertEquals(Admission.OPEN, l.admit("192.0.2." + i));
    }
    for (int i = 0; i < ConnectionLimits.MAX_REFUSING; i++) {
      assertEquals(Admission.TOO_MANY, l.admit("198.51.100.1"));
    }
    assertEquals(Admission.CLOSE, l.admit("198.51.100.1"), "no more answers under a flood");
    l.refusalClosed();
    assertEquals(Admission.TOO_MANY, l.admit("198.51.100.1"));
    assertEquals(3, l.open());
  }

  @Test
  void theCapInAllIsFittedUnderTheProcessesOpenFilesLimit() {
    assertEquals(10_000, ConnectionLimits.fitted(10_000, 0), "limit unknown: as configured");
    assertEquals(10_000, ConnectionLimits.fitted(10_000, 1_048_576));
    assertEquals(20_000 - ConnectionLimits.FILES_KEPT, ConnectionLimits.fitted(30_000, 20_000));
  }
}
