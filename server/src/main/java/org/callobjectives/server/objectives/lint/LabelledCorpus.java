package org.callobjectives.server.objectives.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.config.ConfigGate;
import org.callobjectives.server.config.ConfigLoader;
import org.callobjectives.server.config.YamlSource;

/**
 * The check's labelled corpus (server/src/test/resources/checker): its objectives, and configs that
 * put each on a queue at its stage, as the harness measures and the likeness models learn.
 */
public final class LabelledCorpus {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private LabelledCorpus() {}

  /** One labelled objective. */
  public record Entry(
      String id,
      String stage,
      String title,
      String advance,
      String measure,
      String timeFrame,
      boolean good,
      Set<String> rules) {}

  /** The objectives of every {@code .yaml} file under {@code dir}, files in name order. */
  public static List<Entry> load(Path dir) throws IOException {
    List<Entry> out = new ArrayList<>();
    for (Path f : files(dir)) {
      out.addAll(loadFile(f));
    }
    return out;
  }

  /** The corpus files under {@code dir}, in name order (one batch, one author, each). */
  public static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** The objectives of one corpus file. */
  public static List<Entry> loadFile(Path f) throws IOException {
    List<Entry> out = new ArrayList<>();
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
    return out;
  }

  /**
   * Objectives per generated config file: the loader caps a config file's size (as it does an
   * admin's), so a large slice is checked in several files.
   */
  public static final int CHUNK = 2_000;

  /** One generated config with its objectives file, ready to lint. */
  public record Prepared(Config config, YamlSource source, int objectives) {}

  /** Writes {@code entries} into one config, each on a queue at its stage. */
  public static Prepared prepare(
      List<Entry> entries, Path shipped, Map<String, Set<String>> refused)
      throws IOException, ConfigException {
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
    try {
      Config config = new ConfigLoader(dir, ConfigGate.NONE).load();
      return new Prepared(
          config, YamlSource.read(dir.resolve("objectives.yaml")), objectives.size());
    } finally {
      // (read into memory: findings keep only the file's name)
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** {@code entries} in configs of at most {@link #CHUNK} objectives each. */
  public static List<Prepared> prepareAll(
      List<Entry> entries, Path shipped, Map<String, Set<String>> refused)
      throws IOException, ConfigException {
    List<Prepared> parts = new ArrayList<>();
    for (int from = 0; from < entries.size(); from += CHUNK) {
      parts.add(
          prepare(entries.subList(from, Math.min(entries.size(), from + CHUNK)), shipped, refused));
    }
    return parts;
  }

  /**
   * What the likeness models learn from {@code entries}: what the reading gives the second opinion
   * for each objective the loader accepts, with its labels, in corpus order.
   */
  public static List<Likeness.Example> examples(List<Entry> entries, Path shipped)
      throws IOException, ConfigException {
    Map<String, String[]> inputs = new LinkedHashMap<>();
    ObjectiveLinter linter = new ObjectiveLinter(LintRules.defaults());
    for (Prepared part : prepareAll(entries, shipped, new LinkedHashMap<>())) {
      inputs.putAll(linter.secondOpinionInputs(part.config(), part.source()));
    }
    List<Likeness.Example> out = new ArrayList<>();
    for (Entry e : entries) {
      String[] features = inputs.get(e.id());
      if (features != null) {
        out.add(new Likeness.Example(e.id(), features, e.rules()));
      }
    }
    return out;
  }
}
