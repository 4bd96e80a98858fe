package org.callobjectives.protocol;

/**
 * A disposition code the agent may pick, with the flags reports count by (as dialers do:
 * sale, customer contact, not interested, callback, do not call, completed).
 */
public record DispositionCode(
    String code,
    String label,
    boolean sale,
    boolean contact,
    boolean notInterested,
    boolean callback,
    boolean doNotCall,
    boolean completed) {}
