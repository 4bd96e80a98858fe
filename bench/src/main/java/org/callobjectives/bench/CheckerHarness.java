package org.callobjectives.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ConfigLoader;
import org.callobjectives.server.config.YamlSource;
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

  record Entry(
      String id,
      String stage,
      String title,
      String advance,
      String measure,
      String timeFrame,
      boolean good,
      Set<String> rules) {}

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

  static List<Entry> load(Path dir) throws Exception {
    List<Entry> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        for (JsonNode n : YAML.readTree(f.toFile())) {
          Set<String> rules = new TreeSet<>();
          n.path("rules").forEach(r -> rules.add(r.asText()));
          out.add(
              new Entry(
                  n.path("id").asText(),
                  n.path("stage").asText("none"),
                  n.path("title").asText(""),
                  n.path("advance").asText(""),
                  n.path("measure").asText(""),
                  n.path("timeFrame").asText(""),
                  "good".equals(n.path("verdict").asText()),
                  rules));
        }
      }
    }
    return out;
  }

  /**
   * Objectives per generated config file: the loader caps a config file's size (as it does an
   * admin's), so a large slice is checked in several files.
   */
  private static final int CHUNK = 2_000;

  /** One generated config with its objectives file, ready to lint. */
  record Prepared(Config config, YamlSource source, int objectives) {}

  /** Writes {@code entries} into one config, each on a queue at its stage. */
  static Prepared prepare(List<Entry> entries, Path shipped, Map<String, Set<String>> refused)
      throws Exception {
    Path dir = Files.createTempDirectory("checker");
    for (String f : List.of("agents.yaml", "server.yaml")) {
      Files.copy(shipped.resolve(f), dir.resolve(f));
    }
    JsonNode codes =
        YAML.readTree(shipped.resolve("objectives.yaml").toFile()).path("dispositionCodes");
    Map<String, Object> doc = new LinkedHashMap<>();
    List<Map<String, Object>> objectives = new ArrayList<>();
    Map<String, Object> queues = new LinkedHashMap<>();
    Map<String, Object> close = new LinkedHashMap<>();
    close.put("id", "harness-close");
    close.put("title", "Signed order");
    close.put("advance", "The customer signs the order form during the call");
    close.put("measure", "Signed form received and recorded");
    close.put("timeFrame", "during the call");
    objectives.add(close);
    for (Entry e : entries) {
      if (e.title().isBlank() || e.advance().isBlank()) {
        // The loader refuses an objective without these fields: for an admin that is the check's
        // verdict
        // (an empty measure or time frame is the check's own finding).
        refused.put(e.id(), new TreeSet<>(Set.of("missing-field")));
        continue;
      }
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", e.id());
      o.put("title", e.title());
      o.put("advance", e.advance());
      o.put("measure", e.measure());
      o.put("timeFrame", e.timeFrame());
      objectives.add(o);
      if (!"none".equals(e.stage())) {
        // Stages before the last are where a close is unrealistic; a close stage is the last one.
        List<Map<String, String>> stages = new ArrayList<>();
        stages.add(Map.of("id", e.stage(), "objective", e.id()));
        if (!"close".equals(e.stage())) {
          stages.add(Map.of("id", "close", "objective", "harness-close"));
        }
        queues.put("q-" + e.id(), Map.of("stages", stages));
      }
    }
    doc.put("objectives", objectives);
    doc.put("dispositionCodes", codes);
    doc.put("queues", queues);
    doc.put("outbound", Map.of("default", "harness-close"));
    Files.writeString(dir.resolve("objectives.yaml"), YAML.writeValueAsString(doc));
    Config config = new ConfigLoader(dir, org.callobjectives.server.config.ConfigGate.NONE).load();
    return new Prepared(config, YamlSource.read(dir.resolve("objectives.yaml")), objectives.size());
  }

  /** Runs the linter on every entry, each at its stage; returns the rules it raised per entry. */
  static Map<String, Set<String>> check(List<Entry> entries, Path shipped) throws Exception {
    Map<String, Set<String>> refused = new LinkedHashMap<>();
    List<Prepared> parts = new ArrayList<>();
    for (int from = 0; from < entries.size(); from += CHUNK) {
      parts.add(
          prepare(entries.subList(from, Math.min(entries.size(), from + CHUNK)), shipped, refused));
    }
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
