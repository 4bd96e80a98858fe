package org.callobjectives.server.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.callobjectives.server.experiments.Assignment;
import org.callobjectives.server.experiments.Variant;

/**
 * An objective experiment on a queue (or one stage of its chain): callers split between variants,
 * each with its own objective; the first variant is the control.
 *
 * @param id the experiment's id, part of every caller's hash (never reuse one for a new test)
 * @param queue the queue whose calls take part
 * @param stage the stage of the queue's chain, or null for a queue without stages
 * @param variants the variants in order, the control first
 * @param start the first day callers are assigned (server time zone)
 * @param plannedEnd the last day callers are assigned, or null to run until ended
 * @param ended the day an admin ended it (no caller is assigned from then on), or null
 * @param rolledOut the variant rolled out when it ended, or null
 */
public record Experiment(
    String id,
    String queue,
    String stage,
    List<ExperimentVariant> variants,
    LocalDate start,
    LocalDate plannedEnd,
    LocalDate ended,
    String rolledOut) {
  public Experiment {
    variants = List.copyOf(variants);
  }

  /** Whether callers are assigned on {@code day}: started, not past its planned end, not ended. */
  public boolean activeOn(LocalDate day) {
    return ended == null
        && !day.isBefore(start)
        && (plannedEnd == null || !day.isAfter(plannedEnd));
  }

  /** The deterministic assignment of callers to this experiment's variants. */
  public Assignment assignment() {
    return Assignment.of(id, variants.stream().map(v -> new Variant(v.id(), v.weight())).toList());
  }

  /** The control: the first variant. */
  public ExperimentVariant control() {
    return variants.get(0);
  }

  public Optional<ExperimentVariant> variant(String variantId) {
    return variants.stream().filter(v -> v.id().equals(variantId)).findFirst();
  }

  /** "queue sales" or "queue sales, stage demo". */
  public String where() {
    return "queue " + queue + (stage == null ? "" : ", stage " + stage);
  }
}
