package org.callobjectives.server.store;

/**
 * The advances one agent obtained with one objective on calls that started in a period (each a
 * commitment by a customer with a number), and what later calls said of them: {@code checked}
 * answered kept or not kept, of which {@code kept}; of the rest, {@code replaced} by a later
 * advance of the same customer before anyone settled it (never asked about again), and {@code
 * notYet} answered not yet due and still to be asked.
 */
public record CommitmentTotals(
    String agentId,
    String objectiveId,
    long agreed,
    long checked,
    long kept,
    long notYet,
    long replaced) {}
