package org.callobjectives.server.security;

/** A signed-in person: an agent id or a supervisor/admin user name, and the role. */
public record Principal(String name, Role role) {}
