package org.callobjectives.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/** The one JSON mapping both sides use, so a message means the same thing at either end. */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          // A lone surrogate ("\\ud800") in a message would be stored as '?' on one database and
          // refused by another, a disposition sent again forever: it becomes U+FFFD on the way in.
          .addModule(
              new SimpleModule("well-formed-strings")
                  .addDeserializer(String.class, new WellFormedStrings()))
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(64 * 1024).build());
  }

  private Json() {}

  /** Reads strings as Jackson does, each lone surrogate replaced by U+FFFD. */
  private static final class WellFormedStrings extends StdScalarDeserializer<String> {
    WellFormedStrings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return Utf16.wellFormed(StringDeserializer.instance.deserialize(p, ctxt));
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Message message) {
    try {
      return MAPPER.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + message.getClass().getSimpleName(), e);
    }
  }

  /** Parses one message; the exception's message says what was wrong, for the error reply. */
  public static Message read(String text) throws MalformedMessageException {
    try {
      Message m = MAPPER.readValue(text, Message.class);
      if (m == null) {
        throw new MalformedMessageException("empty message");
      }
      return m;
    } catch (JsonProcessingException e) {
      throw new MalformedMessageException(describe(e), requestIdOf(text));
    }
  }

  /**
   * Our own refusal (an unknown answer or kind) with the field it is in; Jackson's words otherwise.
   */
  private static String describe(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m
        && m.getCause() instanceof IllegalArgumentException bad
        && bad.getMessage() != null) {
      String field =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .reduce((a, b) -> a + "." + b)
              .orElse("message");
      return field + ": " + bad.getMessage();
    }
    return e.getOriginalMessage();
  }

  /** The frame's requestId when it is at least JSON with a text requestId, else null. */
  private static String requestIdOf(String text) {
    try {
      com.fasterxml.jackson.databind.JsonNode id = MAPPER.readTree(text).get("requestId");
      return id != null && id.isTextual() ? id.asText() : null;
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }
}
