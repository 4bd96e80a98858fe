package org.callobjectives.server.experiments;

/**
 * One variant of an experiment: its id and its share of callers in percent (1 to 99).
 *
 * @param id the variant's id, as stored on the call (for example {@code "A"} or {@code "B"})
 * @param weight the variant's share of callers in percent; the weights of an experiment add up to
 *     100
 */
public record Variant(String id, int weight) {}
