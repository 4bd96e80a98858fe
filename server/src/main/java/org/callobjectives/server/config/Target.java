package org.callobjectives.server.config;

/**
 * What a mapping rule gives a call: one key objective, or two (the first is primary on the pop).
 */
public record Target(String primary, String secondary) {
  public static Target of(String primary) {
    return new Target(primary, null);
  }
}
