package org.callobjectives.server.experiments.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.config.YamlSource;

/**
 * Edits objectives.yaml's text for the admin page's experiment buttons, line by line, so that the
 * admin's comments and layout stay as they were; the result is validated and saved like any edit.
 */
final class ExperimentYamlEdit {
  private static final Path FILE = Path.of("objectives.yaml");
  private static final Pattern TOP_KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*\\s*:.*");

  private ExperimentYamlEdit() {}

  /** One variant as the start form gives it. */
  record VariantSpec(String id, String objective, int weight) {}

  /** What the start form gives. */
  record StartSpec(
      String id,
      String queue,
      String stage,
      List<VariantSpec> variants,
      LocalDate start,
      LocalDate end) {}

  /** The text with the experiment added at the end of {@code experiments:} (made if missing). */
  static String start(String text, StartSpec s) {
    List<String> item = new ArrayList<>();
    item.add("  - id: " + quote(s.id()));
    item.add("    queue: " + quote(s.queue()));
    if (s.stage() != null) {
      item.add("    stage: " + quote(s.stage()));
    }
    item.add("    start: " + quote(s.start().toString()));
    if (s.end() != null) {
      item.add("    end: " + quote(s.end().toString()));
    }
    item.add("    variants:");
    for (VariantSpec v : s.variants()) {
      item.add(
          "      - {id: "
              + quote(v.id())
              + ", objective: "
              + quote(v.objective())
              + ", weight: "
              + v.weight()
              + "}");
    }
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int key = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("^experiments\\s*:.*")) {
        key = i;
      }
    }
    if (key < 0) {
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
        lines.remove(lines.size() - 1);
      }
      lines.add("");
      lines.add(
          "# Objective experiments: a queue's (or stage's) callers split between objectives;");
      lines.add("# the first variant is the control. Started from the admin page.");
      lines.add("experiments:");
      lines.addAll(item);
      lines.add("");
      return String.join("\n", lines);
    }
    String head = lines.get(key).replaceFirst("#.*$", "").strip();
    if (head.endsWith("[]")) {
      // "experiments: []" (none yet): the list becomes a block list.
      lines.set(key, "experiments:");
    } else if (!head.equals("experiments:")) {
      throw new IllegalArgumentException(
          "objectives.yaml writes experiments: on one line (flow style); edit it on the"
              + " Configuration tab instead");
    }
    int end = key + 1;
    int lastItem = key;
    while (end < lines.size() && !TOP_KEY.matcher(lines.get(end)).matches()) {
      String l = lines.get(end);
      if (!l.isBlank() && !l.stripLeading().startsWith("#")) {
        lastItem = end;
      }
      end++;
    }
    lines.addAll(lastItem + 1, item);
    return String.join("\n", lines);
  }

  /**
   * The text with the experiment marked ended on {@code day} with {@code variant} rolled out, and
   * its queue (or stage) mapped to {@code objective}, the rolled-out variant's.
   */
  static String end(String text, String id, LocalDate day, String variant, String objective)
      throws ConfigException {
    YamlSource src = YamlSource.parse(FILE, text);
    JsonNode root = src.tree();
    JsonNode list = root == null ? null : root.path("experiments");
    int index = -1;
    for (int i = 0; list != null && i < list.size(); i++) {
      if (id.equals(list.get(i).path("id").asText(null))) {
        index = i;
      }
    }
    if (index < 0) {
      throw new IllegalArgumentException("objectives.yaml has no experiment '" + id + "'");
    }
    JsonNode x = list.get(index);
    if (x.has("ended")) {
      throw new IllegalArgumentException("experiment " + id + " has already ended");
    }
    String queue = x.path("queue").asText();
    String stage = x.hasNonNull("stage") ? x.path("stage").asText() : null;
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    // The mapping first: its line is above or below the experiment, and inserting lines would move
    // the one after.
    String pointer = mappingPointer(root, queue, stage);
    JsonNode mapped = root.at(pointer);
    if (!mapped.isTextual()) {
      throw new IllegalArgumentException("cannot find " + pointer + " in objectives.yaml");
    }
    int mapLine = src.line(pointer) - 1;
    int idLine = src.line("/experiments/" + index + "/id") - 1;
    if (!mapped.asText().equals(objective)) {
      lines.set(mapLine, replaceValue(lines.get(mapLine), mapped.asText(), objective));
    }
    String at = lines.get(idLine);
    int brace = at.indexOf('{');
    int idKey = at.indexOf("id:");
    if (brace >= 0 && brace < idKey) {
      lines.set(
          idLine,
          at.substring(0, brace + 1)
              + "ended: "
              + quote(day.toString())
              + ", rolledOut: "
              + quote(variant)
              + ", "
              + at.substring(brace + 1).stripLeading());
    } else {
      String indent = " ".repeat(idKey);
      lines.add(idLine + 1, indent + "rolledOut: " + quote(variant));
      lines.add(idLine + 1, indent + "ended: " + quote(day.toString()));
    }
    return String.join("\n", lines);
  }

  /** Where the queue's (or stage's) primary objective sits in the tree. */
  private static String mappingPointer(JsonNode root, String queue, String stage) {
    String q = "/queues/" + escape(queue);
    if (stage == null) {
      return root.at(q + "/objective").isTextual() ? q + "/objective" : q + "/objectives/0";
    }
    JsonNode stages = root.at(q + "/stages");
    for (int i = 0; i < stages.size(); i++) {
      if (stage.equals(stages.get(i).path("id").asText(null))) {
        String s = q + "/stages/" + i;
        return root.at(s + "/objective").isTextual() ? s + "/objective" : s + "/objectives/0";
      }
    }
    throw new IllegalArgumentException("queue " + queue + " has no stage '" + stage + "'");
  }

  /** Replaces the first whole-word {@code old} after the line's key (if it has one). */
  private static String replaceValue(String line, String old, String replacement) {
    Matcher key = Pattern.compile("objectives?\\s*:").matcher(line);
    int from = key.find() ? key.end() : 0;
    Matcher m =
        Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(old) + "(?![A-Za-z0-9_.-])")
            .matcher(line);
    if (!m.find(from)) {
      throw new IllegalArgumentException("cannot find objective " + old + " on its line: " + line);
    }
    boolean quoted =
        m.start() > 0 && (line.charAt(m.start() - 1) == '"' || line.charAt(m.start() - 1) == '\'');
    return line.substring(0, m.start())
        + (quoted ? replacement : quote(replacement))
        + line.substring(m.end());
  }

  private static String escape(String pointerPart) {
    return pointerPart.replace("~", "~0").replace("/", "~1");
  }

  /** A YAML double-quoted scalar (JSON's string syntax), safe for any text. */
  static String quote(String s) {
    try {
      return Json.mapper().writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
