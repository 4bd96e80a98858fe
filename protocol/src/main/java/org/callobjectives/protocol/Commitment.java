package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An advance the customer agreed to on an earlier call, asked about on this one: did they do it?
 * {@code callId} and {@code agentId} name the earlier call's disposition that obtained it; {@code
 * question} is the objective's follow-up question (or a plain default); {@code advance} and {@code
 * timeFrame} are as that call's pop showed them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Commitment(
    String callId,
    String agentId,
    String objectiveId,
    String advance,
    String timeFrame,
    String question,
    long agreedAtMillis) {

  /** Asked when the objective sets no follow-up question of its own. */
  public static final String DEFAULT_QUESTION = "Did the customer do what they agreed last time?";
}
