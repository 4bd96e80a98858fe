package org.callobjectives.server.objectives.lint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.Test;

/**
 * The lemmas our beam search finds are OpenNLP's own, word for word, over every fourth text of the
 * development corpus (titles, advances, measures, time frames), with the steps it remembers from
 * earlier texts in play: only the speed differs.
 */
class TopKBeamSearchTest {
  static final Path DEV = Path.of("src", "test", "resources", "checker", "dev");

  @Test
  void theKthLargestScoreIsWhatSortingGivesDuplicatesCounted() {
    TopKBeamSearch three =
        new TopKBeamSearch(
            3,
            new opennlp.tools.ml.model.MaxentModel() {
              public double[] eval(String[] c) {
                return null;
              }

              public double[] eval(String[] c, double[] p) {
                return null;
              }

              public double[] eval(String[] c, float[] v) {
                return null;
              }

              public String getBestOutcome(double[] o) {
                return null;
              }

              public String getAllOutcomes(double[] o) {
                return null;
              }

              public String getOutcome(int i) {
                return null;
              }

              public int getIndex(String o) {
                return 0;
              }

              public int getNumOutcomes() {
                return 4;
              }
            });
    java.util.Random r = new java.util.Random(7);
    for (int n = 1; n < 40; n++) {
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        int v = r.nextInt(7);
        s[i] = v == 5 ? Double.NaN : v == 6 ? -0.0 : v / 4.0; // many ties, NaN and -0.0
      }
      double[] sorted = s.clone();
      Arrays.sort(sorted);
      assertEquals(
          Double.valueOf(sorted[Math.max(0, n - 3)]),
          Double.valueOf(three.kthLargest(s)),
          Arrays.toString(s));
    }
  }

  @Test
  void lemmasEqualOpenNlpsLemmatizerOnEveryFourthCorpusText() throws Exception {
    ClassLoader cl = getClass().getClassLoader();
    TokenizerME tokenizer =
        new TokenizerME(
            new TokenizerModel(cl.getResource("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin")));
    POSTaggerME tagger =
        new POSTaggerME(
            new POSModel(cl.getResource("opennlp-en-ud-ewt-pos-1.3-2.5.4.bin")), POSTagFormat.PENN);
    LemmatizerME theirs =
        new LemmatizerME(
            new LemmatizerModel(cl.getResource("opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin")));
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(DEV)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        for (JsonNode o : new YAMLMapper().readTree(f.toFile())) {
          for (String field : List.of("title", "advance", "measure", "timeFrame")) {
            if (o.hasNonNull(field)) {
              texts.add(o.get(field).asText());
            }
          }
        }
      }
    }
    assertTrue(texts.size() > 5000, "corpus texts: " + texts.size());
    // Every fourth text, repeats kept: OpenNLP's own lemmatizer over all 160,000 texts took five of
    // CI's minutes; a quarter of them still spans every file and every kind of field.
    for (int i = 0; i < texts.size(); i += 4) {
      String text = texts.get(i);
      String[] tokens = tokenizer.tokenize(text);
      String[] tags = tagger.tag(tokens);
      assertArrayEquals(theirs.lemmatize(tokens, tags), English.lemmasOf(tokens, tags), text);
    }
  }
}
