package org.callobjectives.server.config;

/**
 * One step of a queue's chain of advances (e.g. demo booked -> proposal -> close) and its
 * objective.
 */
public record Stage(String id, Target target) {}
