package org.callobjectives.bridge;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.ArrayList;
import java.util.List;
import org.callobjectives.protocol.CommitmentAnswer;
import org.callobjectives.protocol.DispositionSubmit;

/**
 * What the agent has entered so far for one call's disposition; every field may still be empty
 * ({@code code}, {@code advance} and {@code commitment} null). {@code commitment} answers the pop's
 * question about the customer's earlier commitment (null: not answered). Immutable: the {@code
 * with...} methods return copies.
 */
public record Draft(
    String code,
    Boolean advance,
    List<String> checklistDone,
    int upsellCount,
    String upsellNotes,
    Integer csat,
    String notes,
    CommitmentAnswer commitment) {

  public static final Draft EMPTY = new Draft(null, null, List.of(), 0, "", null, "", null);

  @JsonCreator
  public Draft {
    checklistDone = checklistDone == null ? List.of() : List.copyOf(checklistDone);
    upsellNotes = upsellNotes == null ? "" : upsellNotes;
    notes = notes == null ? "" : notes;
  }

  /** A draft without a commitment answer. */
  public Draft(
      String code,
      Boolean advance,
      List<String> checklistDone,
      int upsellCount,
      String upsellNotes,
      Integer csat,
      String notes) {
    this(code, advance, checklistDone, upsellCount, upsellNotes, csat, notes, null);
  }

  public Draft withCode(String c) {
    return new Draft(c, advance, checklistDone, upsellCount, upsellNotes, csat, notes, commitment);
  }

  public Draft withAdvance(Boolean a) {
    return new Draft(code, a, checklistDone, upsellCount, upsellNotes, csat, notes, commitment);
  }

  public Draft withChecklist(List<String> done) {
    return new Draft(code, advance, done, upsellCount, upsellNotes, csat, notes, commitment);
  }

  public Draft withUpsell(int count, String upsellNotes) {
    return new Draft(code, advance, checklistDone, count, upsellNotes, csat, notes, commitment);
  }

  public Draft withCsat(Integer c) {
    return new Draft(code, advance, checklistDone, upsellCount, upsellNotes, c, notes, commitment);
  }

  public Draft withNotes(String n) {
    return new Draft(code, advance, checklistDone, upsellCount, upsellNotes, csat, n, commitment);
  }

  /** The answer to the commitment question (null: not answered). */
  public Draft withCommitment(CommitmentAnswer a) {
    return new Draft(code, advance, checklistDone, upsellCount, upsellNotes, csat, notes, a);
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

  /**
   * The disposition for {@code callId}; the code and advance must be set. The commitment answer
   * goes with it as kept in the draft: see {@link #toSubmit(String, String, boolean)} to send it
   * only when the pop asked.
   */
  public DispositionSubmit toSubmit(String requestId, String callId) {
    return toSubmit(requestId, callId, true);
  }

  /**
   * The same; the commitment answer is left out unless {@code commitmentAsked} (the server refuses
   * an answer on a call whose pop asked no commitment question).
   */
  public DispositionSubmit toSubmit(String requestId, String callId, boolean commitmentAsked) {
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
        n.isEmpty() ? null : n,
        commitmentAsked ? commitment : null);
  }
}
