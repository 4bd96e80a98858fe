package org.callobjectives.server.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.config.Webhook;
import org.callobjectives.server.store.OutboxEvent;

/**
 * The JSON a webhook receives for one outbox row (see the README, "CRM webhooks"): the same bytes
 * on every attempt and from every node, and an idempotency key that is the same too.
 *
 * @param key the {@code Idempotency-Key} header and the body's {@code id}
 * @param type the event: {@code disposition}, {@code call_ended}, {@code undisposed}
 */
public record WebhookPayload(String key, String type, String callId, byte[] body) {
  /** The version of the body's shape; a field added later does not change it, a change does. */
  public static final int SCHEMA_VERSION = 1;

  /** The idempotency key of an event: one per kind and call, whichever node wrote the row. */
  public static String key(String kind, String callId) {
    return UUID.nameUUIDFromBytes(
            ("call-objectives/" + kind + "/" + callId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** The payload of a row, or null for kinds webhooks do not send. */
  public static WebhookPayload of(OutboxEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    String key = key(e.kind(), e.callId());
    m.put("id", key);
    m.put("type", e.kind());
    m.put("schemaVersion", SCHEMA_VERSION);
    m.put("occurredAt", time(e.createdAtMillis()));
    m.put("callId", e.callId());
    switch (e.kind()) {
      case Webhook.CALL_ENDED -> {
        OutboxEvent.CallChange c = e.body(OutboxEvent.CallChange.class);
        m.put("agentId", c.agentId());
        call(
            m,
            new OutboxEvent.CallSummary(
                c.server(),
                c.direction(),
                c.queue(),
                c.callerNumber(),
                c.callerName(),
                c.outcome(),
                c.endReason(),
                c.holdSeconds(),
                c.talkSeconds(),
                c.startedAtMillis(),
                c.connectedAtMillis(),
                c.endedAtMillis(),
                c.objectiveId(),
                c.objective() == null ? null : c.objective().title()));
        m.put(
            "wrapUpDeadline",
            c.agentId() == null || c.wrapUpDeadlineMillis() <= 0
                ? null
                : time(c.wrapUpDeadlineMillis()));
      }
      case Webhook.DISPOSITION -> {
        OutboxEvent.Disposition d = e.body(OutboxEvent.Disposition.class);
        m.put("agentId", d.agentId());
        call(m, d.call());
        m.put("disposition", disposition(d.disposition(), d.code(), d.late()));
      }
      case Webhook.UNDISPOSED -> {
        OutboxEvent.Undisposed u = e.body(OutboxEvent.Undisposed.class);
        m.put("agentId", u.agentId());
        call(m, u.call());
      }
      default -> {
        return null;
      }
    }
    try {
      return new WebhookPayload(key, e.kind(), e.callId(), Json.mapper().writeValueAsBytes(m));
    } catch (JsonProcessingException x) {
      throw new IllegalStateException("webhook payload not writable: " + x.getMessage(), x);
    }
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static void call(Map<String, Object> m, OutboxEvent.CallSummary c) {
    if (c == null) {
      // A row written before the call was carried along: what the row itself says.
      for (String k : List.of("queue", "direction", "server", "objective", "caller", "call")) {
        m.put(k, null);
      }
      return;
    }
    m.put("queue", c.queue());
    m.put("direction", c.direction());
    m.put("server", c.server());
    Map<String, Object> objective = null;
    if (c.objectiveId() != null) {
      objective = new LinkedHashMap<>();
      objective.put("id", c.objectiveId());
      objective.put("title", c.objectiveTitle());
    }
    m.put("objective", objective);
    Map<String, Object> caller = new LinkedHashMap<>();
    caller.put("number", c.callerNumber());
    caller.put("name", c.callerName());
    m.put("caller", caller);
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("outcome", c.outcome());
    call.put("endReason", c.endReason());
    call.put("startedAt", time(c.startedAtMillis()));
    call.put("connectedAt", time(c.connectedAtMillis()));
    call.put("endedAt", time(c.endedAtMillis()));
    call.put("holdSeconds", c.holdSeconds());
    call.put("talkSeconds", c.talkSeconds());
    m.put("call", call);
  }

  private static Map<String, Object> disposition(
      DispositionSubmit d, DispositionCode code, boolean late) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", d.code());
    m.put("label", code == null ? null : code.label());
    List<String> flags = new ArrayList<>();
    if (code != null) {
      if (code.sale()) {
        flags.add("sale");
      }
      if (code.contact()) {
        flags.add("contact");
      }
      if (code.notInterested()) {
        flags.add("not_interested");
      }
      if (code.callback()) {
        flags.add("callback");
      }
      if (code.doNotCall()) {
        flags.add("do_not_call");
      }
      if (code.completed()) {
        flags.add("completed");
      }
    }
    m.put("flags", flags);
    m.put("advanceObtained", d.advanceObtained());
    m.put("late", late);
    m.put("checklistDone", d.checklistDone());
    m.put("upsellCount", d.upsellCount());
    m.put("upsellNotes", d.upsellNotes());
    m.put("csat", d.csat());
    m.put("notes", d.notes());
    m.put("requestId", d.requestId());
    return m;
  }

  private static String time(Long millis) {
    return millis == null || millis <= 0 ? null : Instant.ofEpochMilli(millis).toString();
  }
}
