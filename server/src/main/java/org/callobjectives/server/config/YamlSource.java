package org.callobjectives.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** One YAML file read with Jackson, remembering the line of every value for error messages. */
public final class YamlSource {
  static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final Path file;
  private final String text;
  private final Map<String, Integer> lines;

  private YamlSource(Path file, String text, Map<String, Integer> lines) {
    this.file = file;
    this.text = text;
    this.lines = lines;
  }

  public static YamlSource read(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file, 0, "cannot read file: " + e.getMessage());
    }
    return parse(file, text);
  }

  public static YamlSource parse(Path file, String text) throws ConfigException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = new YAMLFactory().createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME) {
          continue;
        }
        String pointer = p.getParsingContext().pathAsPointer().toString();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          pointer =
              p.getParsingContext().getParent() == null
                  ? ""
                  : p.getParsingContext().getParent().pathAsPointer().toString();
        }
        lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
      }
    } catch (IOException e) {
      throw new ConfigException(file, lineOf(e), "not valid YAML: " + message(e));
    }
    return new YamlSource(file, text, lines);
  }

  /** Binds the whole file to {@code type}; unknown keys and wrong types name their line. */
  public <T> T bind(Class<T> type) throws ConfigException {
    try {
      T value = YAML.readValue(text, type);
      if (value == null) {
        throw new ConfigException(file, 1, "the file is empty");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          file,
          lineFor(e),
          "unknown key '"
              + e.getPropertyName()
              + "' at "
              + e.getPathReference()
              + "; known keys: "
              + e.getKnownPropertyIds());
    } catch (JsonMappingException e) {
      throw new ConfigException(file, lineFor(e), "wrong value at " + path(e) + ": " + plain(e));
    } catch (JsonProcessingException e) {
      throw new ConfigException(file, lineOf(e), message(e));
    }
  }

  public Path file() {
    return file;
  }

  /**
   * The parsed tree (for lookups such as which index an objective id has); null for an empty file.
   */
  public com.fasterxml.jackson.databind.JsonNode tree() {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("already parsed once", e);
    }
  }

  /**
   * Line of the value at a JSON pointer such as {@code /queues/sales/objective}, or of its parent.
   */
  public int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int cut = p.lastIndexOf('/');
      if (cut < 0) {
        return 0;
      }
      p = p.substring(0, cut);
    }
  }

  public ConfigException error(String pointer, String message) {
    return new ConfigException(file, line(pointer), message + " (at " + pointer + ")");
  }

  /** The line of the offending key from our own index; Jackson's location can be a token later. */
  private int lineFor(JsonMappingException e) {
    Integer exact = lines.get(path(e));
    return exact != null ? exact : lineOf(e);
  }

  private static int lineOf(IOException e) {
    if (!(e instanceof JsonProcessingException jpe)) {
      return 0;
    }
    JsonLocation loc = jpe.getLocation();
    return loc == null ? 0 : loc.getLineNr();
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      sb.append('/')
          .append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
    }
    return sb.length() == 0 ? "/" : sb.toString();
  }

  /**
   * A value of the wrong shape in the admin's words ("expected a list, e.g. [first, second], found
   * keys and values"); anything else as Jackson says it.
   */
  private static String plain(JsonMappingException e) {
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      Class<?> t = m.getTargetType();
      String want =
          java.util.Collection.class.isAssignableFrom(t) || t.isArray()
              ? "a list, e.g. [first, second]"
              : Map.class.isAssignableFrom(t)
                  ? "keys and values, e.g. {key: value}"
                  : t == Boolean.class || t == boolean.class
                      ? "true or false"
                      : Number.class.isAssignableFrom(t) || t.isPrimitive()
                          ? "a number"
                          : t == String.class ? "a single value" : null;
      if (want != null) {
        String said = message(e);
        String found =
            said.contains("from Object value")
                ? ", found keys and values"
                : said.contains("from Array value")
                    ? ", found a list"
                    : said.contains("from String") ? ", found text" : "";
        return "expected " + want + found;
      }
    }
    return message(e);
  }

  private static String message(IOException e) {
    String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }
}
