package org.callobjectives.bridge;

import java.util.ArrayList;
import java.util.List;
import org.callobjectives.protocol.DispositionSubmit;

/**
 * What the agent has entered so far for one call's disposition; every field may still be empty
 * ({@code code} and {@code advance} null). Immutable: the {@code with...} methods return copies.
 */
public record Draft(
    String code,
    Boolean advance,
    List<String> checklistDone,
    int upsellCount,
    String upsellNotes,
    Integer csat,
    String notes) {

  public static final Draft EMPTY = new Draft(null, null, List.of(), 0, "", null, "");

  public Draft {
    checklistDone = checklistDone == null ? List.of() : List.copyOf(checklistDone);
    upsellNotes = upsellNotes == null ? "" : upsellNotes;
    notes = notes == null ? "" : notes;
  }

  public Draft withCode(String c) {
    return new Draft(c, advance, checklistDone, upsellCount, upsellNotes, csat, notes);
  }

  public Draft withAdvance(Boolean a) {
    return new Draft(code, a, checklistDone, upsellCount, upsellNotes, csat, notes);
  }

  public Draft withChecklist(List<String> done) {
    return new Draft(code, advance, done, upsellCount, upsellNotes, csat, notes);
  }

  public Draft withUpsell(int count, String upsellNotes) {
    return new Draft(code, advance, checklistDone, count, upsellNotes, csat, notes);
  }

  public Draft withCsat(Integer c) {
    return new Draft(code, advance, checklistDone, upsellCount, upsellNotes, c, notes);
  }

  public Draft withNotes(String n) {
    return new Draft(code, advance, checklistDone, upsellCount, upsellNotes, csat, n);
  }

  /** The upsell notes as sent: split at ';', blanks dropped. */
  public List<String> upsellNoteList() {
    List<String> out = new ArrayList<>();
    for (String part : upsellNotes.split(";")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /** The disposition for {@code callId}; the code and advance must be set. */
  public DispositionSubmit toSubmit(String requestId, String callId) {
    if (code == null || advance == null) {
      throw new IllegalStateException("the code and the advance answer are needed");
    }
    String n = notes.strip();
    return new DispositionSubmit(
        requestId,
        callId,
        code,
        advance,
        checklistDone,
        upsellCount,
        upsellNoteList(),
        csat,
        n.isEmpty() ? null : n);
  }
}
