package org.callobjectives.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.callobjectives.server.objectives.lint.Likeness;

/**
 * Trains the objective check's likeness models ({@link Likeness}) on the corpus's dev slice, never
 * the holdout, and writes them where the server packages them.
 *
 * <p>Usage: {@code java -cp bench/target/bench-all.jar org.callobjectives.bench.CheckerModels
 * [--corpus server/src/test/resources/checker] [--out
 * server/src/main/resources/org/callobjectives/server/objectives/lint]}
 */
public final class CheckerModels {
  private CheckerModels() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of("server/src/test/resources/checker");
    Path out = Path.of("server/src/main/resources/org/callobjectives/server/objectives/lint");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<CheckerHarness.Entry> dev = CheckerHarness.load(corpus.resolve("dev"));
    if (dev.isEmpty()) {
      throw new IllegalArgumentException("no dev objectives under " + corpus.resolve("dev"));
    }
    List<Likeness.Example> examples = new ArrayList<>();
    for (CheckerHarness.Entry e : dev) {
      examples.add(new Likeness.Example(e.advance(), e.measure(), e.rules()));
    }
    for (String rule : Likeness.RULES) {
      Path file = out.resolve(Likeness.resource(rule));
      Files.createDirectories(file.getParent());
      Likeness.write(Likeness.train(rule, examples), file);
      System.out.printf(
          "%s: %d objectives, %d bytes -> %s%n", rule, dev.size(), Files.size(file), file);
    }
  }
}
