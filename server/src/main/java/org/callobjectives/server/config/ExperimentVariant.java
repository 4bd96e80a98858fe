package org.callobjectives.server.config;

/** One variant of an experiment: its id, the objective its callers get, its share in percent. */
public record ExperimentVariant(String id, String objectiveId, int weight) {}
