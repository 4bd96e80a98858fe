package org.callobjectives.server.store;

/**
 * The advances one agent obtained with one objective on calls that started in a period (each a
 * commitment by a customer with a number), and what later calls said of them: {@code checked}
 * answered kept or not kept, of which {@code kept}; {@code notYet} asked but not due yet.
 */
public record CommitmentTotals(
    String agentId, String objectiveId, long agreed, long checked, long kept, long notYet) {}
