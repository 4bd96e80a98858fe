package org.callobjectives.server.experiments.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.callobjectives.server.experiments.Arm;
import org.callobjectives.server.store.ExperimentStore.ExperimentCount;

/**
 * Folds the store's counts into one cumulative look per day (server time zone), the way a manager
 * looks at the review: the sequential test is evaluated over these looks, so its verdict is the one
 * that daily looking would have given.
 */
final class DailyLooks {
  private DailyLooks() {}

  /** One day's cumulative counts per variant, in the experiment's order (the control first). */
  record Look(LocalDate day, List<Arm> arms) {}

  /**
   * Looks for the days that had dispositions, oldest first; counts of variants not in {@code
   * variants} (renamed since) are left out. Empty without any counted call.
   */
  static List<Look> of(List<ExperimentCount> counts, List<String> variants, ZoneId zone) {
    Map<LocalDate, long[][]> perDay = new TreeMap<>();
    for (ExperimentCount c : counts) {
      int i = variants.indexOf(c.variant());
      if (i < 0) {
        continue;
      }
      LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(c.sliceStartMillis()), zone);
      long[][] add = perDay.computeIfAbsent(day, d -> new long[variants.size()][2]);
      add[i][0] += c.calls();
      add[i][1] += c.advances();
    }
    List<Look> out = new ArrayList<>();
    long[][] total = new long[variants.size()][2];
    for (var e : perDay.entrySet()) {
      List<Arm> arms = new ArrayList<>();
      for (int i = 0; i < variants.size(); i++) {
        total[i][0] += e.getValue()[i][0];
        total[i][1] += e.getValue()[i][1];
        arms.add(new Arm(variants.get(i), total[i][0], total[i][1]));
      }
      out.add(new Look(e.getKey(), List.copyOf(arms)));
    }
    return out;
  }
}
