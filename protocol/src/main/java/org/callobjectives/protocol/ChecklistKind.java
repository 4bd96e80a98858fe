package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a checklist item is about: compliance adherence, call quality, or an upsell opportunity. */
public enum ChecklistKind {
  COMPLIANCE,
  QUALITY,
  UPSELL;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ChecklistKind parse(String value) {
    if (value == null) {
      throw new IllegalArgumentException("kind is required (compliance, quality or upsell)");
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown kind '" + value + "': use compliance, quality or upsell");
    }
  }
}
