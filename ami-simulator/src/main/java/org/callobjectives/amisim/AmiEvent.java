package org.callobjectives.amisim;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable AMI packet (event or response): ordered {@code Key: Value} fields, rendered as CRLF
 * lines.
 */
public final class AmiEvent {
  private final Map<String, String> fields;

  private AmiEvent(Map<String, String> fields) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * Wraps ordered fields as they are (the first field is normally {@code Event} or {@code
   * Response}).
   */
  public static AmiEvent of(Map<String, String> orderedFields) {
    return new AmiEvent(Objects.requireNonNull(orderedFields, "orderedFields"));
  }

  /** Starts an event packet whose first field is {@code Event: type}. */
  public static Builder event(String type) {
    return new Builder().put("Event", type);
  }

  /**
   * Starts a response packet whose first field is {@code Response: status}, then the echoed
   * ActionID if any.
   */
  public static Builder response(String status, String actionId) {
    Builder builder = new Builder().put("Response", status);
    return actionId == null ? builder : builder.put("ActionID", actionId);
  }

  /** The {@code Event} field, or null for responses. */
  public String type() {
    return fields.get("Event");
  }

  /** The value of a field (exact key), or null. */
  public String get(String key) {
    return fields.get(key);
  }

  /** The ordered, unmodifiable fields. */
  public Map<String, String> fields() {
    return fields;
  }

  /**
   * A copy with {@code ActionID} placed right after the first field, as Asterisk does in list
   * events.
   */
  public AmiEvent withActionId(String actionId) {
    if (actionId == null) {
      return this;
    }
    Map<String, String> copy = new LinkedHashMap<>();
    boolean inserted = false;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (field.getKey().equals("ActionID")) {
        continue;
      }
      copy.put(field.getKey(), field.getValue());
      if (!inserted) {
        copy.put("ActionID", actionId);
        inserted = true;
      }
    }
    if (!inserted) {
      copy.put("ActionID", actionId);
    }
    return new AmiEvent(copy);
  }

  /** The wire form: one {@code Key: Value\r\n} line per field and a terminating empty line. */
  public String toWire() {
    StringBuilder wire = new StringBuilder(fields.size() * 32);
    fields.forEach((key, value) -> wire.append(key).append(": ").append(value).append("\r\n"));
    return wire.append("\r\n").toString();
  }

  /** The wire form as UTF-8 bytes. */
  public byte[] toBytes() {
    return toWire().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AmiEvent && ((AmiEvent) other).fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "AmiEvent" + fields;
  }

  /** Collects ordered fields for an {@link AmiEvent}. */
  public static final class Builder {
    private final Map<String, String> fields = new LinkedHashMap<>();

    private Builder() {}

    /** Adds or replaces a field; null values are written as empty, like Asterisk's blank fields. */
    public Builder put(String key, Object value) {
      fields.put(Objects.requireNonNull(key, "key"), value == null ? "" : value.toString());
      return this;
    }

    /** Adds every field of the map in its iteration order. */
    public Builder putAll(Map<String, String> more) {
      more.forEach(this::put);
      return this;
    }

    /** Builds the immutable packet. */
    public AmiEvent build() {
      return new AmiEvent(fields);
    }
  }
}
