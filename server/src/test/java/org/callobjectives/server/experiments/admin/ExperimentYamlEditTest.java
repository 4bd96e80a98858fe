package org.callobjectives.server.experiments.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.callobjectives.server.config.YamlSource;
import org.junit.jupiter.api.Test;

/** The line edits behind the start and end buttons keep the admin's text and mean what they say. */
class ExperimentYamlEditTest {
  static final String FILE =
      """
      # our objectives
      queues:
        support:
          objectives: [old-one, second]   # keep this comment
          maxWaitSeconds: 60
        sales:
          stages:
            - {id: demo, objective: "demo-old"}
            - id: close
              objective: close-old
      experiments: []
      outbound:
        default: x
      """;

  static final ExperimentYamlEdit.StartSpec SPEC =
      new ExperimentYamlEdit.StartSpec(
          "ask-1",
          "sales",
          "close",
          List.of(
              new ExperimentYamlEdit.VariantSpec("A", "close-old", 50),
              new ExperimentYamlEdit.VariantSpec("B", "close: \"new\"", 50)),
          LocalDate.of(2026, 12, 2),
          null);

  private static JsonNode tree(String text) throws Exception {
    return YamlSource.parse(Path.of("objectives.yaml"), text).tree();
  }

  @Test
  void startingTurnsAnEmptyListIntoTheExperimentAndQuotesEveryValue() throws Exception {
    String text = ExperimentYamlEdit.start(FILE, SPEC);
    JsonNode x = tree(text).get("experiments").get(0);
    assertEquals("ask-1", x.get("id").asText());
    assertEquals("close", x.get("stage").asText());
    assertEquals("close: \"new\"", x.get("variants").get(1).get("objective").asText());
    assertEquals(50, x.get("variants").get(1).get("weight").asInt());
    assertEquals("x", tree(text).get("outbound").get("default").asText(), "the rest stays");
    assertTrue(text.startsWith("# our objectives\n"));
    String second =
        ExperimentYamlEdit.start(
            text,
            new ExperimentYamlEdit.StartSpec(
                "ask-2", "support", null, SPEC.variants(), LocalDate.of(2026, 12, 3), null));
    assertEquals(2, tree(second).get("experiments").size());
    assertEquals("ask-2", tree(second).get("experiments").get(1).get("id").asText());
  }

  @Test
  void endingMarksTheExperimentAndMapsTheStageOrTheQueueToTheRolledOutObjective() throws Exception {
    String started = ExperimentYamlEdit.start(FILE, SPEC);
    String ended =
        ExperimentYamlEdit.end(started, "ask-1", LocalDate.of(2026, 12, 20), "B", "close-new");
    JsonNode t = tree(ended);
    assertEquals("2026-12-20", t.get("experiments").get(0).get("ended").asText());
    assertEquals("B", t.get("experiments").get(0).get("rolledOut").asText());
    assertEquals("close-new", t.at("/queues/sales/stages/1/objective").asText());
    assertEquals("demo-old", t.at("/queues/sales/stages/0/objective").asText());

    String flow =
        FILE.replace("experiments: []", "experiments:\n  - {id: q, queue: support, start: x}");
    String q = ExperimentYamlEdit.end(flow, "q", LocalDate.of(2026, 12, 20), "B", "new-one");
    JsonNode u = tree(q);
    assertEquals("B", u.at("/experiments/0/rolledOut").asText());
    assertEquals("new-one", u.at("/queues/support/objectives/0").asText());
    assertEquals("second", u.at("/queues/support/objectives/1").asText());
    assertTrue(q.contains("# keep this comment"));

    assertThrows(
        IllegalArgumentException.class,
        () -> ExperimentYamlEdit.end(ended, "ask-1", LocalDate.of(2026, 12, 21), "A", "close-old"),
        "ended already");
    assertThrows(
        IllegalArgumentException.class,
        () -> ExperimentYamlEdit.end(started, "nope", LocalDate.of(2026, 12, 21), "A", "x"));
  }
}
