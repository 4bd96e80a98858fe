package org.callobjectives.server.config;

/** The built-in AMI simulator used when no Asterisk is configured. */
public record DemoSettings(
    double callsPerSecond,
    int minTalkSeconds,
    int maxTalkSeconds,
    double abandonRate,
    double outboundRate,
    long seed) {
  public static final DemoSettings DEFAULT = new DemoSettings(0.2, 8, 30, 0.1, 0.2, 0);
}
