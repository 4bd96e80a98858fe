package org.callobjectives.server.security;

/**
 * Who may do what: agents their own calls, supervisors the live view and reports, admins
 * everything.
 */
public enum Role {
  AGENT,
  SUPERVISOR,
  ADMIN;

  /** True when this role has at least {@code needed}'s rights (admin > supervisor > agent). */
  public boolean atLeast(Role needed) {
    return ordinal() >= needed.ordinal();
  }
}
