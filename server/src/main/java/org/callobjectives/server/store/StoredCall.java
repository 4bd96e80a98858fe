package org.callobjectives.server.store;

import java.util.List;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.ObjectiveView;

/** What the store knows of a call when a disposition for it arrives. */
public record StoredCall(
    String callId,
    String agentId,
    String outcome,
    Long endedAtMillis,
    ObjectiveView objective,
    List<DispositionCode> codes) {}
