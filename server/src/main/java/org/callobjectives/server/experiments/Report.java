package org.callobjectives.server.experiments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The test's answer at the newest look: every variant's rate, each variant against the control, and
 * what to roll out.
 *
 * @param rates every variant's rate at the newest look, the control first
 * @param comparisons each other variant against the control, in the variants' order
 * @param alpha the test's overall error rate (each comparison gets alpha / comparisons)
 * @param looks how many looks the report folds (1 for a single snapshot)
 */
public record Report(List<Rate> rates, List<Comparison> comparisons, double alpha, int looks) {
  /** Copies the lists. */
  public Report {
    rates = List.copyOf(rates);
    comparisons = List.copyOf(comparisons);
  }

  /**
   * The variant the test supports rolling out: the winner with the highest rate, or the control
   * when every variant lost; empty while undecided.
   */
  public Optional<String> rollOut() {
    Optional<Comparison> best =
        comparisons.stream()
            .filter(c -> c.verdict() == Verdict.WINNER)
            .max((x, y) -> Double.compare(x.variant().rate(), y.variant().rate()));
    if (best.isPresent()) {
      return Optional.of(best.get().variant().variant());
    }
    if (comparisons.stream().allMatch(c -> c.verdict() == Verdict.LOSER)) {
      return Optional.of(rates.get(0).variant());
    }
    return Optional.empty();
  }

  /** The comparisons' sentences, one after the other, for the review page. */
  public String summary() {
    String sentences =
        comparisons.stream().map(Comparison::sentence).collect(Collectors.joining(" "));
    if (comparisons.size() < 2) {
      return sentences;
    }
    return "Each variant is compared with "
        + rates.get(0).variant()
        + ", the error rate split "
        + comparisons.size()
        + " ways. "
        + sentences;
  }
}
