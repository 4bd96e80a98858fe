package org.callobjectives.protocol;

/**
 * The agent's own figures, pushed on sign-in and after each of their dispositions: today's calls,
 * advances and compliance, and upsell opportunities this shift against the per-shift target.
 * Percentages are 0..100, null when there is nothing to measure yet.
 */
public record AgentStats(
    String agentId,
    String day,
    String shift,
    long calls,
    long advances,
    Double advanceRatePercent,
    long opportunities,
    long shiftOpportunities,
    long shiftOpportunitiesTarget,
    long conversions,
    Double compliancePercent,
    long undisposed)
    implements Message {}
