package org.callobjectives.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.callobjectives.server.objectives.lint.LabelledCorpus;
import org.callobjectives.server.objectives.lint.Likeness;

/**
 * Trains the objective check's likeness models ({@link Likeness}) on the corpus's dev slice, never
 * the holdout, and writes them where the server packages them.
 *
 * <p>Usage: {@code java -cp bench/target/bench-all.jar org.callobjectives.bench.CheckerModels
 * [--corpus server/src/test/resources/checker] [--config config] [--out
 * server/src/main/resources/org/callobjectives/server/objectives/lint] [--cross-validate]}; {@code
 * --cross-validate} only prints the figures that chose {@link Likeness#SURE} and {@link
 * Likeness#DOUBT}.
 */
public final class CheckerModels {
  private CheckerModels() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of("server/src/test/resources/checker");
    Path out = Path.of("server/src/main/resources/org/callobjectives/server/objectives/lint");
    Path config = Path.of("config");
    boolean crossValidate = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--config" -> config = Path.of(args[++i]);
        case "--cross-validate" -> crossValidate = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<LabelledCorpus.Entry> dev = LabelledCorpus.load(corpus.resolve("dev"));
    if (dev.isEmpty()) {
      throw new IllegalArgumentException("no dev objectives under " + corpus.resolve("dev"));
    }
    List<Likeness.Example> examples = LabelledCorpus.examples(dev, config);
    if (crossValidate) {
      CheckerCrossValidation.run(corpus.resolve("dev"), examples);
      return;
    }
    for (String rule : Likeness.RULES) {
      Path file = out.resolve(Likeness.resource(rule));
      Files.createDirectories(file.getParent());
      Likeness.write(Likeness.train(rule, examples), file);
      System.out.printf(
          "%s: %d objectives, %d bytes -> %s%n", rule, examples.size(), Files.size(file), file);
    }
    for (String rule : Likeness.WORD_RULES) {
      Path file = out.resolve(Likeness.wordsResource(rule));
      Likeness.write(Likeness.trainWords(rule, examples), file);
      System.out.printf("%s, words alone: %d bytes -> %s%n", rule, Files.size(file), file);
    }
    Path digest = out.resolve(Likeness.DIGEST);
    Files.writeString(digest, Likeness.digest(examples) + "\n");
    System.out.println("digest of the training data -> " + digest);
  }
}
