package org.callobjectives.protocol;

/**
 * Sent only after the disposition row is committed. {@code duplicate} is true when the call already
 * had a disposition from this agent; {@code stored} is then the first one, unchanged.
 */
public record DispositionAck(
    String requestId, String callId, boolean duplicate, DispositionSubmit stored)
    implements Message {}
