package org.callobjectives.protocol;

/**
 * A short well-done note: the agent, or their team, reached a target ({@code goalId} in
 * goals.yaml).
 */
public record Congratulation(String goalId, String text, long achievedAtMillis)
    implements Message {}
