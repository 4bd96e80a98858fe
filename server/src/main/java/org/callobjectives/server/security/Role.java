package org.callobjectives.server.security;

/**
 * Who may do what: a metrics scraper (Prometheus) /metrics only, a wallboard (a kiosk screen) the
 * wallboard only, agents their own calls, supervisors the live view and reports, admins everything.
 */
public enum Role {
  METRICS,
  WALLBOARD,
  AGENT,
  SUPERVISOR,
  ADMIN;

  /**
   * True when this role has at least {@code needed}'s rights (admin > supervisor > agent >
   * wallboard > metrics).
   */
  public boolean atLeast(Role needed) {
    return ordinal() >= needed.ordinal();
  }
}
