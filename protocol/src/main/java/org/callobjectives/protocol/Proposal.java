package org.callobjectives.protocol;

/**
 * An agent proposes a change to an objective or a target (free text); admins accept or dismiss it.
 * {@code objectiveId} may be null for a proposal about targets in general.
 */
public record Proposal(String requestId, String objectiveId, String text) implements Message {
  public static final int MAX_TEXT = 2000;
}
