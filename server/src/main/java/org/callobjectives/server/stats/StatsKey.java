package org.callobjectives.server.stats;

/** What figures are split by within a shift slot; {@code queue} is null for agent-dialled calls. */
record StatsKey(String queue, String agentId, String objectiveId) {}
