package org.callobjectives.bench;

import static org.callobjectives.server.objectives.lint.LabelledCorpus.load;
import static org.callobjectives.server.objectives.lint.LabelledCorpus.prepareAll;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.callobjectives.server.objectives.lint.LabelledCorpus.Entry;
import org.callobjectives.server.objectives.lint.LabelledCorpus.Prepared;
import org.callobjectives.server.objectives.lint.LintFinding;
import org.callobjectives.server.objectives.lint.LintRules;
import org.callobjectives.server.objectives.lint.ObjectiveLinter;
import org.callobjectives.server.objectives.lint.Severity;

/**
 * Measures the objective check on the labelled corpus: each objective is put on a queue at its
 * stage, the linter runs, and the harness prints per-rule precision and recall and the good/bad
 * verdict accuracy. {@code dev} is the slice to tune on; {@code holdout} is never tuned on.
 *
 * <p>Usage: {@code java -cp bench/target/bench-all.jar org.callobjectives.bench.CheckerHarness
 * [--corpus server/src/test/resources/checker] [--config config] [--slice dev|holdout]
 * [--mismatches | --all] [--rounds N] [--warmup N]}; {@code --rounds 0} skips the timing (figures
 * only); {@code --all} lists every objective, not only those whose findings differ from the labels.
 */
public final class CheckerHarness {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static boolean mismatches;
  private static boolean everyObjective;
  private static int warmup = 5;
  private static int rounds = 15;
  private static final Map<String, List<String>> MESSAGES = new LinkedHashMap<>();

  private CheckerHarness() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of("server/src/test/resources/checker");
    Path shipped = Path.of("config");
    List<String> slices = List.of("dev", "holdout");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--config" -> shipped = Path.of(args[++i]);
        case "--slice" -> slices = List.of(args[++i]);
        case "--mismatches" -> mismatches = true;
        case "--all" -> everyObjective = mismatches = true;
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (mismatches && slices.contains("holdout")) {
      // The holdout slice is only ever measured: its single cases are never looked at.
      throw new IllegalArgumentException("--mismatches only with --slice dev");
    }
    for (String slice : slices) {
      List<Entry> entries = load(corpus.resolve(slice));
      if (entries.isEmpty()) {
        System.out.println(slice + ": no objectives");
        continue;
      }
      Map<String, Set<String>> found = check(entries, shipped);
      report(slice, entries, found);
    }
  }

  /** Runs the linter on every entry, each at its stage; returns the rules it raised per entry. */
  static Map<String, Set<String>> check(List<Entry> entries, Path shipped) throws Exception {
    Map<String, Set<String>> refused = new LinkedHashMap<>();
    List<Prepared> parts = prepareAll(entries, shipped, refused);
    int checked = parts.stream().mapToInt(Prepared::objectives).sum();
    ObjectiveLinter linter = new ObjectiveLinter(LintRules.defaults());
    long start = System.nanoTime();
    List<LintFinding> findings = new ArrayList<>();
    for (Prepared part : parts) {
      findings.addAll(linter.lint(part.config(), part.source()));
    }
    long nanos = System.nanoTime() - start;
    System.out.printf(
        Locale.ROOT,
        "first pass (models loading, cold JIT): %d objectives in %.1f ms%n",
        entries.size(),
        nanos / 1e6);
    // After start-up: the same check again and again; per objective, median and spread of the
    // rounds.
    double[] perObjective = new double[rounds];
    for (int r = 0; rounds > 0 && r < warmup + rounds; r++) {
      ObjectiveLinter.forgetAnalyses(); // each round reads every text anew, as for new objectives
      long t0 = System.nanoTime();
      for (Prepared part : parts) {
        linter.lint(part.config(), part.source());
      }
      if (r >= warmup) {
        perObjective[r - warmup] = (System.nanoTime() - t0) / 1e6 / checked;
      }
    }
    java.util.Arrays.sort(perObjective);
    if (rounds > 0) {
      System.out.printf(
          Locale.ROOT,
          "after start-up: %.3f ms per objective (median of %d rounds; min %.3f, max %.3f)%n",
          perObjective[rounds / 2],
          rounds,
          perObjective[0],
          perObjective[rounds - 1]);
    }
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Entry e : entries) {
      out.put(e.id(), refused.getOrDefault(e.id(), new TreeSet<>()));
    }
    // A reading that throws loads its objective unchecked: a measurement must say so, never count
    // it as a good objective in silence.
    long unchecked =
        findings.stream().filter(f -> ObjectiveLinter.UNCHECKED.equals(f.rule())).count();
    if (unchecked > 0) {
      System.out.printf(
          Locale.ROOT, "UNCHECKED: the reading failed on %d objectives (see the log)%n", unchecked);
    }
    for (LintFinding f : findings) {
      Set<String> s = out.get(f.objectiveId());
      if (s != null
          && (f.severity() == Severity.ERROR || ObjectiveLinter.HEDGED.equals(f.rule()))) {
        s.add(f.rule());
        MESSAGES
            .computeIfAbsent(f.objectiveId(), k -> new ArrayList<>())
            .add(
                "["
                    + f.rule()
                    + "] "
                    + f.message()
                    + (f.suggestion() == null ? "" : "  => " + f.suggestion()));
      }
    }
    return out;
  }

  static void report(String slice, List<Entry> entries, Map<String, Set<String>> found) {
    int right = 0;
    int good = 0;
    Set<String> rules = new LinkedHashSet<>();
    for (Entry e : entries) {
      rules.addAll(e.rules());
      rules.addAll(found.get(e.id()));
      boolean saysGood = found.get(e.id()).isEmpty();
      boolean differs = !found.get(e.id()).equals(e.rules());
      if (mismatches && (differs || everyObjective)) {
        System.out.println(
            (differs ? "MISMATCH " : "MATCH ")
                + e.id()
                + " stage="
                + e.stage()
                + " want="
                + e.rules()
                + " got="
                + found.get(e.id())
                + "\n  A: "
                + e.advance()
                + "\n  M: "
                + e.measure()
                + "\n  T: "
                + e.timeFrame()
                + "\n  "
                + String.join("\n  ", MESSAGES.getOrDefault(e.id(), List.of())));
      }
      if (saysGood == e.good()) {
        right++;
      }
      if (e.good()) {
        good++;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d objectives (%d good, %d bad): verdict accuracy %.2f%n",
        slice,
        entries.size(),
        good,
        entries.size() - good,
        right / (double) entries.size());
    System.out.printf(
        Locale.ROOT,
        "  %-16s %5s %5s %5s  %9s %6s%n",
        "rule",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall");
    for (String r : rules) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (Entry e : entries) {
        boolean want = e.rules().contains(r);
        boolean got = found.get(e.id()).contains(r);
        tp += want && got ? 1 : 0;
        fp += !want && got ? 1 : 0;
        fn += want && !got ? 1 : 0;
      }
      System.out.printf(
          Locale.ROOT,
          "  %-16s %5d %5d %5d  %9s %6s%n",
          r,
          tp,
          fp,
          fn,
          ratio(tp, tp + fp),
          ratio(tp, tp + fn));
    }
  }

  private static String ratio(int a, int b) {
    return b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / (double) b);
  }
}
