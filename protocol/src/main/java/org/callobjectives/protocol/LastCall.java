package org.callobjectives.protocol;

/**
 * The customer's previous dispositioned call, shown on the pop so the agent knows where they left
 * off.
 */
public record LastCall(
    String code, boolean advanceObtained, long atMillis, String objectiveId, String stage) {}
