package org.callobjectives.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.ml.model.MaxentModel;
import org.callobjectives.server.objectives.lint.LabelledCorpus;
import org.callobjectives.server.objectives.lint.Likeness;
import org.callobjectives.server.objectives.lint.ObjectiveLinter;

/**
 * Five-fold cross-validation of the second opinion on the dev slice, folds by corpus file (so by
 * batch and author): per rule, precision and recall of the reading alone and of the reading with
 * the second opinion at several thresholds. Chooses {@link Likeness#SURE} and {@link
 * Likeness#DOUBT} without the holdout.
 */
final class CheckerCrossValidation {
  private static final int FOLDS = 5;

  private CheckerCrossValidation() {}

  private interface Decides {
    boolean applies(int example, String rule);
  }

  static void run(Path dev, List<Likeness.Example> examples) throws Exception {
    Map<String, Integer> foldOf = new HashMap<>();
    List<Path> files = LabelledCorpus.files(dev);
    for (int i = 0; i < files.size(); i++) {
      for (LabelledCorpus.Entry e : LabelledCorpus.loadFile(files.get(i))) {
        foldOf.put(e.id(), i % FOLDS);
      }
    }
    Map<String, double[]> p = new HashMap<>();
    Map<String, double[]> words = new HashMap<>();
    for (String rule : Likeness.RULES) {
      double[] w = new double[examples.size()];
      for (int k = 0; Likeness.WORD_RULES.contains(rule) && k < FOLDS; k++) {
        MaxentModel m = Likeness.trainWords(rule, without(examples, foldOf, k));
        for (int i = 0; i < examples.size(); i++) {
          if (foldOf.get(examples.get(i).id()) == k) {
            w[i] = Likeness.ofWords(m, examples.get(i).features());
          }
        }
      }
      words.put(rule, w);
      double[] q = new double[examples.size()];
      for (int k = 0; k < FOLDS; k++) {
        MaxentModel m = Likeness.train(rule, without(examples, foldOf, k));
        for (int i = 0; i < examples.size(); i++) {
          if (foldOf.get(examples.get(i).id()) == k) {
            q[i] = Likeness.of(m, rule, examples.get(i).features());
          }
        }
      }
      p.put(rule, q);
    }
    report("reading alone", examples, (i, rule) -> reading(examples.get(i), rule));
    // as shipped: the words models add (the full model for unrealistic, at its own threshold),
    // the full model doubts
    for (double doubt : new double[] {0, 0.1, 0.2}) {
      for (double late : new double[] {Likeness.SURE_UNREALISTIC, 0.8, 0.9}) {
        report(
            String.format(Locale.ROOT, "words add, doubt %.2f, unrealistic sure %.2f", doubt, late),
            examples,
            (i, rule) -> {
              boolean r = reading(examples.get(i), rule);
              double sure = ObjectiveLinter.UNREALISTIC.equals(rule) ? late : Likeness.SURE;
              return r
                  ? p.get(rule)[i] >= doubt
                  : (Likeness.WORD_RULES.contains(rule) ? words.get(rule) : p.get(rule))[i] >= sure;
            });
      }
    }
    // the words models' own threshold, as shipped otherwise
    for (double sure : new double[] {0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9}) {
      report(
          String.format(Locale.ROOT, "words add at %.2f, doubt %.2f", sure, Likeness.DOUBT),
          examples,
          (i, rule) -> {
            boolean r = reading(examples.get(i), rule);
            return r
                ? p.get(rule)[i] >= Likeness.DOUBT
                : Likeness.WORD_RULES.contains(rule)
                    ? words.get(rule)[i] >= sure
                    : p.get(rule)[i] >= Likeness.sure(rule);
          });
    }
    report(
        "as shipped (each rule at its own threshold)",
        examples,
        (i, rule) -> {
          boolean r = reading(examples.get(i), rule);
          return r
              ? p.get(rule)[i] >= Likeness.DOUBT
              : (Likeness.WORD_RULES.contains(rule) ? words.get(rule) : p.get(rule))[i]
                  >= Likeness.sure(rule);
        });
    // "-Dcv.misses=too-general,not-an-advance": the shipped setting's out-of-fold misses per rule,
    // and which
    // part made each (the reading kept past the doubt, or the words model adding)
    String asked = System.getProperty("cv.misses");
    for (String misses : asked == null ? new String[0] : asked.split(",")) {
      for (int i = 0; i < examples.size(); i++) {
        boolean r = reading(examples.get(i), misses);
        boolean got =
            r
                ? p.get(misses)[i] >= Likeness.DOUBT
                : (Likeness.WORD_RULES.contains(misses) ? words.get(misses) : p.get(misses))[i]
                    >= Likeness.sure(misses);
        boolean want = examples.get(i).rules().contains(misses);
        if (got != want) {
          System.out.printf(
              Locale.ROOT,
              "%s %s %s %s full %.2f words %.2f%n",
              misses,
              got ? "FP" : "FN",
              examples.get(i).id(),
              r ? "reading" : "words",
              p.get(misses)[i],
              words.get(misses)[i]);
        }
      }
    }
    // the full model alone, adding and doubting
    for (double doubt : new double[] {0, 0.1, 0.2, 0.3}) {
      for (double sure : new double[] {0.8, 0.9, 1.01}) {
        report(
            String.format(Locale.ROOT, "doubt %.2f sure %.2f", doubt, sure),
            examples,
            (i, rule) -> {
              double q = p.get(rule)[i];
              return reading(examples.get(i), rule) ? q >= doubt : q >= sure;
            });
      }
    }
  }

  private static List<Likeness.Example> without(
      List<Likeness.Example> examples, Map<String, Integer> foldOf, int fold) {
    List<Likeness.Example> out = new ArrayList<>();
    for (Likeness.Example e : examples) {
      if (foldOf.get(e.id()) != fold) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean reading(Likeness.Example e, String rule) {
    return List.of(e.features()).contains("f:E:" + rule);
  }

  private static void report(String name, List<Likeness.Example> examples, Decides d) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-44s", name));
    int right = 0;
    for (int i = 0; i < examples.size(); i++) {
      Likeness.Example e = examples.get(i);
      boolean refused = false;
      for (String f : e.features()) {
        if (f.startsWith("f:E:") && !Likeness.RULES.contains(f.substring(4))
            || f.equals("f:W:" + ObjectiveLinter.HEDGED)) {
          refused = true;
        }
      }
      for (String rule : Likeness.RULES) {
        refused |= d.applies(i, rule);
      }
      right += refused == !e.rules().isEmpty() ? 1 : 0;
    }
    line.append(String.format(Locale.ROOT, " verdict %.4f", right / (double) examples.size()));
    for (String rule : Likeness.RULES) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int i = 0; i < examples.size(); i++) {
        boolean want = examples.get(i).rules().contains(rule);
        boolean got = d.applies(i, rule);
        tp += want && got ? 1 : 0;
        fp += !want && got ? 1 : 0;
        fn += want && !got ? 1 : 0;
      }
      line.append(
          String.format(
              Locale.ROOT,
              " | %s %.4f/%.4f",
              rule,
              tp / (double) Math.max(1, tp + fp),
              tp / (double) Math.max(1, tp + fn)));
    }
    System.out.println(line);
  }
}
