package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The agent's answer to a pop's commitment question: the customer did it, did not, or it is not due
 * yet (asked again on the next call).
 */
public enum CommitmentAnswer {
  KEPT,
  NOT_KEPT,
  NOT_YET;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this answer settles the commitment (kept or not); NOT_YET leaves it open. */
  public boolean settles() {
    return this != NOT_YET;
  }

  @JsonCreator
  public static CommitmentAnswer parse(String value) {
    if (value == null) {
      return null;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown commitment answer '" + value + "': use kept, not_kept or not_yet");
    }
  }
}
