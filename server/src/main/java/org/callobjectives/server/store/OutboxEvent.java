package org.callobjectives.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;

/**
 * One outbox row: what happened ({@code kind}) to which call, written by which node ({@code
 * origin}), with its JSON body; {@code (txid, id)} is its place in the order all readers see.
 */
public record OutboxEvent(
    long id,
    long txid,
    String origin,
    String kind,
    String callId,
    String agentId,
    String body,
    long createdAtMillis) {
  public static final String DISPOSITION = "disposition";
  public static final String UNDISPOSED = "undisposed";
  public static final String CALL_ENDED = "call_ended";

  /** An agent's call connected: the pop, for agents connected to another node (PostgreSQL only). */
  public static final String CALL_CONNECTED = "call_connected";

  /**
   * An ended call corrected once more (Asterisk's own word on how it ended came after ours), for
   * the other nodes' figures (PostgreSQL only).
   */
  public static final String CALL_UPDATED = "call_updated";

  /**
   * The body of a {@link #DISPOSITION} row: the agent's disposition as stored, the code's label and
   * flags, and the call it is for (both null in rows written before they were added).
   */
  public record Disposition(
      String agentId,
      boolean late,
      DispositionSubmit disposition,
      DispositionCode code,
      CallSummary call) {
    public Disposition(String agentId, boolean late, DispositionSubmit disposition) {
      this(agentId, late, disposition, null, null);
    }
  }

  /**
   * The body of an {@link #UNDISPOSED} row: the wrap-up deadline passed without a disposition; the
   * call it is for (null in rows written before it was added).
   */
  public record Undisposed(String agentId, String callId, CallSummary call) {
    public Undisposed(String agentId, String callId) {
      this(agentId, callId, null);
    }
  }

  /**
   * The call a disposition or a missed wrap-up is for, as stored then: for readers outside the
   * server (webhooks) that need it without asking the database again.
   */
  public record CallSummary(
      String server,
      String direction,
      String queue,
      String callerNumber,
      String callerName,
      String outcome,
      String endReason,
      Long holdSeconds,
      Long talkSeconds,
      Long startedAtMillis,
      Long connectedAtMillis,
      Long endedAtMillis,
      String objectiveId,
      String objectiveTitle) {}

  /**
   * The body of the call rows: the call leg as it was at that point, its objective and codes, and
   * at its end the wrap-up deadline and whether the agent is held paused until the disposition.
   */
  public record CallChange(
      String callId,
      String server,
      String direction,
      String queue,
      String agentId,
      String callerNumber,
      String callerName,
      String linkedid,
      String outcome,
      String endReason,
      long holdSeconds,
      long talkSeconds,
      long startedAtMillis,
      Long connectedAtMillis,
      Long endedAtMillis,
      String objectiveId,
      ObjectiveView objective,
      List<DispositionCode> codes,
      long wrapUpDeadlineMillis,
      boolean forcedWrapUp) {
    static CallChange of(CallRecord r, long wrapUpDeadlineMillis, boolean forcedWrapUp) {
      return new CallChange(
          r.callId(),
          r.server(),
          r.direction().wire(),
          r.queue(),
          r.agentId(),
          r.callerNumber(),
          r.callerName(),
          r.linkedid(),
          r.outcome().name(),
          r.endReason(),
          r.holdSeconds(),
          r.talkSeconds(),
          r.startedAtMillis(),
          r.connectedAtMillis(),
          r.endedAtMillis(),
          r.objective() == null ? null : r.objective().id(),
          r.objective(),
          r.codes(),
          wrapUpDeadlineMillis,
          forcedWrapUp);
    }

    /** The call as the node that tracks it saw it (without its AMI channel identities). */
    public CallRecord record() {
      return new CallRecord(
          callId,
          server,
          Direction.of(direction),
          queue,
          agentId,
          callerNumber,
          callerName,
          linkedid,
          CallOutcome.valueOf(outcome),
          endReason,
          holdSeconds,
          talkSeconds,
          startedAtMillis,
          connectedAtMillis,
          endedAtMillis,
          objective,
          codes);
    }
  }

  /** Reads the body as {@code type}; a body that does not fit is an error naming the row. */
  public <T> T body(Class<T> type) {
    try {
      return Json.mapper().readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "outbox row " + id + " (" + kind + ") is not a " + type.getSimpleName(), e);
    }
  }

  static String json(Object body) {
    try {
      return Json.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox body not writable: " + e.getMessage(), e);
    }
  }
}
