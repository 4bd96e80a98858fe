package org.callobjectives.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callobjectives.protocol.Json;

/** Checks JSON text against the committed agent-protocol schema, the one browser clients get. */
public final class ProtocolSchema {

  /** The schema in the protocol jar; generated from the records and kept current by its tests. */
  public static final String RESOURCE = "org/callobjectives/protocol/agent-protocol.schema.json";

  private static final Schema SCHEMA;

  /** The index of each message type's branch in the schema's top-level oneOf. */
  private static final Map<String, Integer> BRANCHES = new HashMap<>();

  static {
    try (InputStream in = Json.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath: build protocol");
      }
      SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode oneOf = SCHEMA.getSchemaNode().get("oneOf");
    for (int i = 0; i < oneOf.size(); i++) {
      String ref = oneOf.get(i).get("$ref").asText();
      BRANCHES.put(ref.substring(ref.lastIndexOf('/') + 1), i);
    }
  }

  private ProtocolSchema() {}

  /** What makes {@code json} not one valid agent-protocol message; empty when it is one. */
  public static List<String> problems(String json) {
    JsonNode message;
    try {
      message = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return List.of("not JSON: " + e.getOriginalMessage());
    }
    List<Error> errors = SCHEMA.validate(message);
    if (errors.isEmpty()) {
      return List.of();
    }
    // oneOf reports every branch that failed; only the branch named by "type" says what is wrong.
    List<Error> outside = errors.stream().filter(e -> !path(e).startsWith("/oneOf")).toList();
    if (!outside.isEmpty()) {
      return outside.stream().map(ProtocolSchema::describe).toList();
    }
    Integer branch = BRANCHES.get(message.path("type").asText());
    List<Error> inBranch =
        errors.stream()
            .filter(e -> branch != null && path(e).startsWith("/oneOf/" + branch + "/"))
            .filter(e -> !nullAlternative(e))
            .toList();
    return (inBranch.isEmpty() ? errors : inBranch).stream().map(ProtocolSchema::describe).toList();
  }

  /** Fails the test, naming each problem, unless {@code json} is a valid message. */
  public static void assertValid(String json) {
    List<String> problems = problems(json);
    if (!problems.isEmpty()) {
      fail("not a valid agent-protocol message: " + problems + "\n" + json);
    }
  }

  private static String path(Error e) {
    return e.getEvaluationPath().toString();
  }

  /**
   * "object found, null expected": the null side of a nullable object, always beside the real one.
   */
  private static boolean nullAlternative(Error e) {
    return "type".equals(e.getKeyword())
        && path(e).contains("/anyOf/")
        && "null".equals(e.getSchemaNode().asText());
  }

  private static String describe(Error e) {
    String at = e.getInstanceLocation().toString();
    return (at.isEmpty() ? "message" : at) + ": " + e.getMessage();
  }
}
