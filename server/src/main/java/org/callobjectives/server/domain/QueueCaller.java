package org.callobjectives.server.domain;

/**
 * A caller waiting in a queue: {@code key} is the AMI link, Uniqueid and queue; {@code
 * joinedAtMillis} when they joined (for a caller found waiting at login: now minus the wait
 * Asterisk reported).
 */
public record QueueCaller(
    String key,
    String server,
    String queue,
    String callerNumber,
    String callerName,
    long joinedAtMillis) {}
