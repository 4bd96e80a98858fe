package org.callobjectives.server.objectives.lint;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * How much an objective reads like the labelled corpus's objectives with a given problem: a maxent
 * model per rule over the words and word pairs of the advance and the measure, trained on the
 * corpus's dev slice only. A second opinion beside the sentence reading, asked only where the
 * reading found nothing, and only trusted when it is sure.
 */
public final class Likeness {
  /** Probability above which the model's opinion becomes a finding (chosen on dev, by author). */
  public static final double SURE = 0.9;

  /**
   * The rules with a model. Not {@code unrealistic}: a bag of words cannot tell "rolls out to all
   * 40 stores" from "routes our email to all three directors", which the reading of steps does.
   */
  public static final List<String> RULES =
      List.of(
          ObjectiveLinter.NOT_AN_ADVANCE,
          ObjectiveLinter.TOO_GENERAL,
          ObjectiveLinter.NOT_MEASURABLE);

  /** The outcome a model gives when the rule applies. */
  public static final String APPLIES = "y";

  /** The outcome a model gives when it does not. */
  public static final String FINE = "n";

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}'’]+");

  private Likeness() {}

  /** The models, read once from the class path on first use. */
  private static final class Models {
    static final Map<String, MaxentModel> BY_RULE = load();

    private static Map<String, MaxentModel> load() {
      Map<String, MaxentModel> out = new java.util.HashMap<>();
      for (String rule : RULES) {
        String resource = resource(rule);
        try (InputStream in = Likeness.class.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalStateException("likeness model " + resource + " is not packaged");
          }
          out.put(rule, read(in));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read likeness model " + resource, e);
        }
      }
      return Map.copyOf(out);
    }
  }

  /** The class-path name of a rule's model, beside this class. */
  public static String resource(String rule) {
    return "likeness/" + rule + ".bin.gz";
  }

  /** Reads a model as {@link #write} wrote it. */
  static MaxentModel read(InputStream in) throws IOException {
    return new GenericModelReader(new BinaryFileDataReader(new GZIPInputStream(in))).getModel();
  }

  /** Writes {@code model} to {@code file} (gzip'd binary, as packaged). */
  public static void write(MaxentModel model, Path file) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      new GenericModelWriter((AbstractModel) model, new DataOutputStream(out)).persist();
    }
  }

  /** One labelled objective to learn from. */
  public record Example(String advance, String measure, Set<String> rules) {}

  /** Features seen fewer times than this are left out. */
  static final int CUTOFF = 5;

  /** Maxent (GIS) iterations. */
  static final int ITERATIONS = 150;

  /** Trains {@code rule}'s model on {@code examples}: does the rule apply to each, as labelled. */
  public static MaxentModel train(String rule, List<Example> examples) throws IOException {
    List<Event> events = new ArrayList<>();
    for (Example e : examples) {
      events.add(
          new Event(e.rules().contains(rule) ? APPLIES : FINE, features(e.advance(), e.measure())));
    }
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
    params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
    return TrainerFactory.getEventTrainer(params, null).train(new CollectionObjectStream<>(events));
  }

  /** The features of an objective: the words and adjacent word pairs of each field. */
  public static String[] features(String advance, String measure) {
    List<String> out = new ArrayList<>();
    words(out, "m", measure);
    words(out, "a", advance);
    return out.toArray(new String[0]);
  }

  private static void words(List<String> out, String field, String text) {
    String previous = null;
    for (String w : NOT_WORD.split(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
      if (w.isEmpty()) {
        continue;
      }
      String word = w.replace('’', '\'');
      out.add(field + ":" + word);
      if (previous != null) {
        out.add(field + ":" + previous + "_" + word);
      }
      previous = word;
    }
  }

  /** How likely {@code rule} applies to an objective with these features (0 to 1). */
  static double of(String rule, String[] features) {
    MaxentModel m = Models.BY_RULE.get(rule);
    return m.eval(features)[m.getIndex(APPLIES)];
  }

  /**
   * Words never quoted as the telling word: they carry no meaning of their own, or name the
   * customer, who is in every objective ("Customer understanding confirmed" is about the
   * understanding).
   */
  private static final Set<String> NOT_QUOTED =
      Set.of(
          "a",
          "an",
          "the",
          "to",
          "of",
          "and",
          "or",
          "for",
          "with",
          "in",
          "on",
          "at",
          "by",
          "from",
          "our",
          "their",
          "his",
          "her",
          "its",
          "my",
          "your",
          "is",
          "are",
          "be",
          "it",
          "they",
          "we",
          "us",
          "them",
          "that",
          "this",
          "these",
          "those",
          "as",
          "so",
          "if",
          "s",
          "'s",
          "customer",
          "customers",
          "client",
          "clients",
          "buyer",
          "prospect",
          "caller");

  /**
   * The word of {@code field} ("a" the advance, "m" the measure) that does the most to make the
   * model sure, together with the word pairs it is in, or the pair of it that weighs most: what the
   * finding quotes; null when none.
   */
  static String mostTelling(String rule, String[] features, String field) {
    double all = of(rule, features);
    String best = null;
    double drop = 0;
    String prefix = field + ":";
    for (String f : features) {
      if (!f.startsWith(prefix) || f.indexOf('_') >= 0) {
        continue;
      }
      String word = f.substring(prefix.length());
      if (NOT_QUOTED.contains(word)) {
        continue;
      }
      String[] without =
          java.util.Arrays.stream(features)
              .filter(
                  g ->
                      !g.equals(f)
                          && !(g.startsWith(prefix)
                              && (g.startsWith(prefix + word + "_") || g.endsWith("_" + word))))
              .toArray(String[]::new);
      double d = all - of(rule, without);
      if (d > drop) {
        drop = d;
        best = word;
      }
    }
    if (best == null) {
      return null;
    }
    // "customer understanding": the pair may weigh more than either word of it
    String telling = best;
    double alone = all - of(rule, without(features, prefix + best));
    for (String g : features) {
      if (g.startsWith(prefix)
          && (g.startsWith(prefix + best + "_") || g.endsWith("_" + best))
          && all - of(rule, without(features, g)) > alone) {
        alone = all - of(rule, without(features, g));
        telling = g.substring(prefix.length()).replace('_', ' ');
      }
    }
    return telling;
  }

  private static String[] without(String[] features, String feature) {
    return java.util.Arrays.stream(features).filter(f -> !f.equals(feature)).toArray(String[]::new);
  }
}
