package org.callobjectives.server.store;

/**
 * Counts over the call legs of one agent, objective and disposition code in a period, summed by the
 * database (the periodic review reads these, never the legs themselves). {@code code} is null for
 * legs without a disposition and {@link Store#UNDISPOSED} for missed wrap-ups.
 */
public record StatsTotals(
    String agentId,
    String objectiveId,
    String objectiveTitle,
    String code,
    long handled,
    long talkSeconds,
    long abandoned,
    long timedOut,
    long undisposed,
    long dispositioned,
    long advances,
    long sales,
    long opportunities,
    long conversions,
    long csatSum,
    long csatCount,
    long complianceRequired,
    long complianceDone,
    long complianceCalls,
    long complianceFullCalls) {}
