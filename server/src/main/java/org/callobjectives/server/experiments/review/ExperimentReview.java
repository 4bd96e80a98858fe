package org.callobjectives.server.experiments.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Experiment;
import org.callobjectives.server.config.ExperimentVariant;
import org.callobjectives.server.config.Objective;
import org.callobjectives.server.experiments.Arm;
import org.callobjectives.server.experiments.Comparison;
import org.callobjectives.server.experiments.Rate;
import org.callobjectives.server.experiments.Report;
import org.callobjectives.server.experiments.SequentialTest;
import org.callobjectives.server.store.ExperimentStore;

/** Builds each experiment's review from the stored counts, off the event loop. */
public final class ExperimentReview {
  private final Supplier<Config> config;
  private final ExperimentStore store;
  private final Clock clock;
  private final ZoneId zone;
  private final SequentialTest test = new SequentialTest();

  public ExperimentReview(
      Supplier<Config> config, ExperimentStore store, Clock clock, ZoneId zone) {
    this.config = config;
    this.store = store;
    this.clock = clock;
    this.zone = zone;
  }

  /** Every experiment of the configuration in force, in the file's order. */
  public CompletableFuture<List<ExperimentView>> all() {
    Config c = config.get();
    List<CompletableFuture<ExperimentView>> each = new ArrayList<>();
    for (Experiment x : c.rules().experiments()) {
      each.add(review(c, x));
    }
    return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
        .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
  }

  /** One experiment's review; empty when the configuration has no such experiment. */
  public CompletableFuture<Optional<ExperimentView>> one(String id) {
    Config c = config.get();
    Optional<Experiment> x = c.rules().experiment(id);
    return x.isEmpty()
        ? CompletableFuture.completedFuture(Optional.empty())
        : review(c, x.get()).thenApply(Optional::of);
  }

  private CompletableFuture<ExperimentView> review(Config c, Experiment x) {
    return store.counts(x.id()).thenApply(counts -> view(c, x, counts));
  }

  private ExperimentView view(
      Config c, Experiment x, List<ExperimentStore.ExperimentCount> counts) {
    List<String> ids = x.variants().stream().map(ExperimentVariant::id).toList();
    List<DailyLooks.Look> looks = DailyLooks.of(counts, ids, zone);
    List<List<Arm>> arms = new ArrayList<>();
    looks.forEach(l -> arms.add(l.arms()));
    if (arms.isEmpty()) {
      arms.add(ids.stream().map(v -> new Arm(v, 0, 0)).toList());
    }
    Report report = test.evaluateOverTime(arms);
    List<ExperimentView.VariantFigures> variants = new ArrayList<>();
    for (int i = 0; i < x.variants().size(); i++) {
      ExperimentVariant v = x.variants().get(i);
      Rate r = report.rates().get(i);
      variants.add(
          new ExperimentView.VariantFigures(
              v.id(),
              v.objectiveId(),
              c.objective(v.objectiveId()).map(Objective::title).orElse(v.objectiveId()),
              v.weight(),
              i == 0,
              r.calls(),
              r.advances(),
              r.rate(),
              r.low(),
              r.high()));
    }
    List<ExperimentView.ComparisonFigures> comparisons = new ArrayList<>();
    for (Comparison k : report.comparisons()) {
      comparisons.add(
          new ExperimentView.ComparisonFigures(
              k.variant().variant(),
              k.control().variant(),
              k.verdict().name(),
              k.difference(),
              k.pValue(),
              k.low(),
              k.high(),
              k.alpha(),
              k.sentence()));
    }
    List<ExperimentView.DayFigures> days = new ArrayList<>();
    for (DailyLooks.Look l : looks) {
      days.add(
          new ExperimentView.DayFigures(
              l.day().toString(),
              l.arms().stream().map(Arm::calls).toList(),
              l.arms().stream().map(Arm::advances).toList()));
    }
    return new ExperimentView(
        x.id(),
        x.queue(),
        x.stage(),
        x.where(),
        status(x, LocalDate.ofInstant(clock.instant(), zone)),
        x.start().toString(),
        x.plannedEnd() == null ? null : x.plannedEnd().toString(),
        x.ended() == null ? null : x.ended().toString(),
        x.rolledOut(),
        variants,
        comparisons,
        report.rollOut().orElse(null),
        report.summary(),
        looks.size(),
        days);
  }

  private static String status(Experiment x, LocalDate today) {
    if (x.ended() != null) {
      return "ended";
    }
    if (today.isBefore(x.start())) {
      return "planned";
    }
    return x.activeOn(today) ? "running" : "finished";
  }
}
