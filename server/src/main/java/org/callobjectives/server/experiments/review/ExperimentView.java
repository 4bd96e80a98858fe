package org.callobjectives.server.experiments.review;

import java.util.List;

/**
 * An experiment as the review shows it (JSON of {@code /api/experiments}): its set-up, each
 * variant's figures, each variant against the control, the verdict in plain English, and the
 * cumulative counts of every daily look.
 *
 * @param status {@code planned} (starts later), {@code running}, {@code finished} (past its planned
 *     end) or {@code ended} (ended by an admin)
 * @param rollOut the variant the test supports rolling out, null while undecided
 * @param summary the verdict's sentences for managers
 * @param looks how many daily looks the test folded
 */
public record ExperimentView(
    String id,
    String queue,
    String stage,
    String where,
    String status,
    String start,
    String plannedEnd,
    String ended,
    String rolledOut,
    List<VariantFigures> variants,
    List<ComparisonFigures> comparisons,
    String rollOut,
    String summary,
    int looks,
    List<DayFigures> days) {

  /** A variant's set-up and figures: calls, advances, rate and its Wilson 95 % interval. */
  public record VariantFigures(
      String id,
      String objective,
      String objectiveTitle,
      int weight,
      boolean control,
      long calls,
      long advances,
      double rate,
      double low,
      double high) {}

  /** One variant against the control, from the always-valid sequential test. */
  public record ComparisonFigures(
      String variant,
      String control,
      String verdict,
      double difference,
      double pValue,
      double low,
      double high,
      double alpha,
      String sentence) {}

  /** One daily look: the cumulative calls and advances per variant by the end of {@code day}. */
  public record DayFigures(String day, List<Long> calls, List<Long> advances) {}
}
