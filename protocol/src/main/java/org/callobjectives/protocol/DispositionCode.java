package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A disposition code the agent may pick, with the flags reports count by (as dialers do: sale,
 * customer contact, not interested, callback, do not call, completed).
 *
 * <p>{@code key} is the code's one number, the same in every queue and client (1-based, from the
 * order of the catalogue in objectives.yaml, or set there). {@code advance} says what the code
 * means for "advance obtained": true = it must be yes, false = it must be no, null = either.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DispositionCode(
    String code,
    String label,
    boolean sale,
    boolean contact,
    boolean notInterested,
    boolean callback,
    boolean doNotCall,
    boolean completed,
    int key,
    Boolean advance) {

  /** A code without a number or an advance rule (older servers, tests). */
  public DispositionCode(
      String code,
      String label,
      boolean sale,
      boolean contact,
      boolean notInterested,
      boolean callback,
      boolean doNotCall,
      boolean completed) {
    this(code, label, sale, contact, notInterested, callback, doNotCall, completed, 0, null);
  }

  /** Why {@code advanceObtained} does not fit this code, or null when it does. */
  public String advanceMismatch(boolean advanceObtained) {
    if (advance == null || advance == advanceObtained) {
      return null;
    }
    return advance
        ? code
            + " means an advance was obtained: set \"advance obtained\" to yes, or pick another code"
        : code + " means no advance: set \"advance obtained\" to no, or pick a code for an advance";
  }
}
