package org.callobjectives.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %journalPriority} in a logback pattern: the syslog priority prefix ({@code <3>} error,
 * {@code <4>} warning, {@code <6>} info, {@code <7>} debug) that systemd-journald reads from a
 * service's standard output, so {@code journalctl -p warning} shows warnings and errors. The
 * distribution's {@code logback.xml} uses it when the server runs under systemd.
 */
public final class JournalPriority extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    Level level = event.getLevel();
    if (level.isGreaterOrEqual(Level.ERROR)) {
      return "<3>";
    }
    if (level.isGreaterOrEqual(Level.WARN)) {
      return "<4>";
    }
    if (level.isGreaterOrEqual(Level.INFO)) {
      return "<6>";
    }
    return "<7>";
  }
}
