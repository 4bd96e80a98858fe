package org.callobjectives.protocol;

/**
 * A gentle reminder to the agent: a required compliance item is still unticked this far into the
 * call ({@code secondsIntoCall}).
 */
public record ComplianceReminder(String callId, String itemId, String text, long secondsIntoCall)
    implements Message {}
