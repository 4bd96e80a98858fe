package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.DefinitionKey;
import com.github.victools.jsonschema.generator.naming.DefaultSchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Generates the agent protocol's JSON Schema from the {@link Message} records. */
final class AgentProtocolSchema {

  /** Where the schema sits on the classpath (protocol jar): server tests and, later, a browser. */
  static final String RESOURCE = "org/callobjectives/protocol/agent-protocol.schema.json";

  /** The command that rewrites the committed file; named in the file and in the failing test. */
  static final String REGENERATE =
      "mvn -o -B -q -pl protocol verify -Dtest=AgentProtocolSchemaTest -Dprotocol.schema.update=true";

  private AgentProtocolSchema() {}

  /** Each message record with its {@code type} name, in the order of {@link Message}. */
  static Map<Class<?>, String> typeNames() {
    Map<Class<?>, String> names = new LinkedHashMap<>();
    for (JsonSubTypes.Type t : Message.class.getAnnotation(JsonSubTypes.class).value()) {
      names.put(t.value(), t.name());
    }
    return names;
  }

  /** The schema as committed: pretty-printed, "\n" line ends, a final newline. */
  static String generate() {
    ObjectNode schema = schema();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(indenter)
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    try {
      return Json.mapper().writer(printer).writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print the schema", e);
    }
  }

  /** The schema as a tree: a oneOf over the messages, each record in $defs. */
  static ObjectNode schema() {
    Map<Class<?>, String> names = typeNames();
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(
                Json.mapper().copy(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            // Property names and enum values as Json writes them; the "type" tag is added below,
            // inside each message, so that additionalProperties=false still lets it through.
            .with(
                new JacksonModule(
                    JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
                    JacksonOption.SKIP_SUBTYPE_LOOKUP,
                    JacksonOption.IGNORE_TYPE_INFO_TRANSFORM))
            .with(
                Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
                Option.DEFINITIONS_FOR_ALL_OBJECTS,
                Option.INLINE_NULLABLE_SCHEMAS);
    config
        .forTypesInGeneral()
        .withSubtypeResolver(
            (declared, context) ->
                declared.getErasedType() == Message.class
                    ? names.keySet().stream()
                        .map(c -> context.getTypeContext().resolveSubtype(declared, c))
                        .collect(Collectors.toList())
                    : null)
        // A message under its wire name (a client looks up $defs[type]), anything else by class.
        .withDefinitionNamingStrategy(
            new DefaultSchemaDefinitionNamingStrategy() {
              @Override
              public String getDefinitionNameForKey(
                  DefinitionKey key, SchemaGenerationContext context) {
                String name = names.get(key.getType().getErasedType());
                return name != null ? name : super.getDefinitionNameForKey(key, context);
              }
            })
        // In record order, the order Json writes them in.
        .withPropertySorter(Comparator.comparingInt(AgentProtocolSchema::componentIndex))
        .withTitleResolver(
            scope ->
                names.containsKey(scope.getType().getErasedType())
                    ? scope.getType().getErasedType().getSimpleName()
                    : null)
        .withTypeAttributeOverride(
            (node, scope, context) -> {
              String name = names.get(scope.getType().getErasedType());
              if (name != null) {
                tag(node, name);
              }
            });
    // A primitive is always written and Json.read refuses a message without it.
    config.forFields().withRequiredCheck(f -> f.getType().getErasedType().isPrimitive());
    config.forFields().withNullableCheck(AgentProtocolSchema::nullable);
    ObjectNode generated = new SchemaGenerator(config.build()).generateSchema(Message.class);
    return root(generated, names);
  }

  /** Puts {@code "type": {"const": name}} first in a message's properties and required. */
  private static void tag(ObjectNode message, String name) {
    ObjectNode properties = message.objectNode();
    properties.putObject("type").put("const", name);
    if (message.has("properties")) {
      properties.setAll((ObjectNode) message.remove("properties"));
    }
    ArrayNode required = message.arrayNode().add("type");
    if (message.has("required")) {
      required.addAll((ArrayNode) message.remove("required"));
    }
    JsonNode title = message.remove("title");
    JsonNode additional = message.remove("additionalProperties");
    ObjectNode rest = message.deepCopy();
    message.removeAll();
    message.set("title", title);
    message.setAll(rest);
    message.set("properties", properties);
    message.set("required", required);
    message.set("additionalProperties", additional);
  }

  /** Any message, discriminated by {@code type}: an unknown or missing one fails on its own. */
  private static ObjectNode root(ObjectNode generated, Map<Class<?>, String> names) {
    ObjectNode root = generated.objectNode();
    root.set("$schema", generated.get("$schema"));
    root.put("title", "Call Objectives agent protocol");
    root.put(
        "description",
        "One JSON text frame between the server and an agent client (WebSocket /agent), named by"
            + " its type. Generated from the records of org.callobjectives.protocol; edit those.");
    root.put("$comment", "Regenerate: " + REGENERATE);
    root.put("type", "object");
    root.putArray("required").add("type");
    ArrayNode types = root.putObject("properties").putObject("type").putArray("enum");
    names.values().forEach(types::add);
    root.set("oneOf", generated.get("anyOf"));
    root.set("$defs", generated.get("$defs"));
    return root;
  }

  /**
   * Whether a record keeps a null in this field: boxed values and objects do, primitives never, nor
   * lists that the record's constructor turns from null into empty (so Json never writes null).
   */
  private static boolean nullable(FieldScope field) {
    Class<?> type = field.getType().getErasedType();
    Class<?> owner = field.getDeclaringType().getErasedType();
    if (type.isPrimitive()) {
      return false;
    }
    if (!owner.isRecord()) {
      return true;
    }
    RecordComponent[] components = owner.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = types[i].isPrimitive() ? Array.get(Array.newInstance(types[i], 1), 0) : null;
    }
    try {
      Object empty = owner.getDeclaredConstructor(types).newInstance(args);
      RecordComponent c = components[componentIndex(owner, field.getDeclaredName())];
      return c.getAccessor().invoke(empty) == null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make an empty " + owner.getSimpleName(), e);
    }
  }

  private static int componentIndex(MemberScope<?, ?> member) {
    return componentIndex(member.getDeclaringType().getErasedType(), member.getDeclaredName());
  }

  private static int componentIndex(Class<?> owner, String name) {
    List<String> names =
        owner.isRecord()
            ? Arrays.stream(owner.getRecordComponents()).map(RecordComponent::getName).toList()
            : List.of();
    int i = names.indexOf(name);
    return i < 0 ? Integer.MAX_VALUE : i;
  }
}
