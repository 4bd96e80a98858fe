package org.callobjectives.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The committed agent-protocol.schema.json is what the records give now, so neither can drift. */
class AgentProtocolSchemaTest {

  static final Path COMMITTED =
      Path.of(System.getProperty("basedir", "."), "src", "main", "resources")
          .resolve(AgentProtocolSchema.RESOURCE);

  @Test
  void theCommittedSchemaIsTheOneTheRecordsGive() throws IOException {
    String generated = AgentProtocolSchema.generate();
    // A checkout that turned line ends into CRLF still holds the same schema.
    String committed =
        Files.exists(COMMITTED)
            ? Files.readString(COMMITTED, StandardCharsets.UTF_8).replace("\r\n", "\n")
            : "";
    if (generated.equals(committed)) {
      return;
    }
    if (Boolean.getBoolean("protocol.schema.update")) {
      // Asked for: rewrite it, then the diff is reviewed and committed with the record change.
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
      return;
    }
    fail(
        COMMITTED
            + " is not what the records in org.callobjectives.protocol give now (a message or a"
            + " field was added, removed or retyped). Regenerate it with\n  "
            + AgentProtocolSchema.REGENERATE
            + "\nthen review the diff and commit it: the browser client reads this schema.\n"
            + firstDifference(committed, generated));
  }

  /** The first line that differs, so the failure alone says what changed. */
  private static String firstDifference(String committed, String generated) {
    List<String> was = committed.lines().toList();
    List<String> now = generated.lines().toList();
    int i = 0;
    while (i < was.size() && i < now.size() && was.get(i).equals(now.get(i))) {
      i++;
    }
    return "line "
        + (i + 1)
        + ": committed "
        + (i < was.size() ? was.get(i).strip() : "<end>")
        + " | records give "
        + (i < now.size() ? now.get(i).strip() : "<end>");
  }

  @Test
  void theSchemaIsOnTheClasspathWhereClientsLookForIt() throws IOException {
    try (InputStream in =
        Message.class.getClassLoader().getResourceAsStream(AgentProtocolSchema.RESOURCE)) {
      assertNotNull(in, AgentProtocolSchema.RESOURCE);
      JsonNode schema = Json.mapper().readTree(in);
      assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
    }
  }

  @Test
  void everyMessageIsInTheSchemaUnderItsTypeName() {
    // Jackson reads the names from @JsonSubTypes, the compiler the permits list: they must agree.
    Map<Class<?>, String> names = AgentProtocolSchema.typeNames();
    assertEquals(
        Set.of(Message.class.getPermittedSubclasses()), names.keySet(), "permits vs @JsonSubTypes");
    JsonNode schema = AgentProtocolSchema.schema();
    List<String> oneOf = new ArrayList<>();
    schema.get("oneOf").forEach(ref -> oneOf.add(ref.get("$ref").asText()));
    List<String> expected = new ArrayList<>();
    for (Map.Entry<Class<?>, String> e : names.entrySet()) {
      expected.add("#/$defs/" + e.getValue());
      JsonNode def = schema.get("$defs").get(e.getValue());
      assertNotNull(def, e.getValue());
      assertEquals(e.getValue(), def.at("/properties/type/const").asText());
      assertEquals(e.getKey().getSimpleName(), def.get("title").asText());
    }
    assertEquals(expected, oneOf);
    List<String> typeEnum = new ArrayList<>();
    schema.at("/properties/type/enum").forEach(n -> typeEnum.add(n.asText()));
    assertEquals(List.copyOf(names.values()), typeEnum);
  }

  @Test
  void everyRecordFieldIsAPropertyAndOnlyPrimitivesAreRequired() {
    JsonNode defs = AgentProtocolSchema.schema().get("$defs");
    Map<Class<?>, String> names = AgentProtocolSchema.typeNames();
    List<Class<?>> records =
        List.of(ObjectiveView.class, ChecklistItem.class, LastCall.class, DispositionCode.class);
    Set<Class<?>> all = new LinkedHashSet<>(names.keySet());
    all.addAll(records);
    for (Class<?> record : all) {
      String key = names.getOrDefault(record, record.getSimpleName());
      JsonNode def = defs.get(key);
      assertNotNull(def, key);
      Set<String> expectedProperties = new LinkedHashSet<>();
      Set<String> expectedRequired = new HashSet<>();
      if (names.containsKey(record)) {
        expectedProperties.add("type");
        expectedRequired.add("type");
      }
      for (RecordComponent c : record.getRecordComponents()) {
        expectedProperties.add(c.getName());
        if (c.getType().isPrimitive()) {
          expectedRequired.add(c.getName());
        }
        JsonNode property = def.get("properties").get(c.getName());
        assertNotNull(property, key + "." + c.getName());
        assertTrue(
            accepts(property, c.getType()), key + "." + c.getName() + " is " + property.toString());
      }
      assertEquals(
          List.copyOf(expectedProperties), fieldNames(def.get("properties")), key + " properties");
      Set<String> required = new HashSet<>();
      def.path("required").forEach(n -> required.add(n.asText()));
      assertEquals(expectedRequired, required, key + " required");
      assertEquals(false, def.get("additionalProperties").asBoolean(true), key);
    }
    List<String> kinds = new ArrayList<>();
    defs.get("ChecklistKind").get("enum").forEach(n -> kinds.add(n.asText()));
    assertEquals(Arrays.stream(ChecklistKind.values()).map(ChecklistKind::wire).toList(), kinds);
  }

  /** Whether a property's schema has the JSON type a Java field of {@code type} is written as. */
  private static boolean accepts(JsonNode property, Class<?> type) {
    String json =
        switch (type.getName()) {
          case "boolean", "java.lang.Boolean" -> "boolean";
          case "int", "long", "java.lang.Integer", "java.lang.Long" -> "integer";
          case "double", "java.lang.Double" -> "number";
          case "java.lang.String" -> "string";
          case "java.util.List" -> "array";
          default -> null;
        };
    if (json == null) {
      return property.toString().contains("\"$ref\":\"#/$defs/");
    }
    JsonNode t = property.get("type");
    boolean typed = t != null && (t.asText().equals(json) || t.toString().contains('"' + json));
    boolean nullable = t != null && t.toString().contains("\"null\"");
    return typed && (!type.isPrimitive() || !nullable);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
