package org.callobjectives.amisim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An action packet a client sent, as received.
 *
 * @param connection the 1-based number of the client connection it arrived on
 * @param headers the headers in wire order, keys as the client spelled them
 */
public record AmiAction(int connection, Map<String, String> headers) {

  /** Copies the headers so the record stays immutable. */
  public AmiAction {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** The value of a header, matched case-insensitively as Asterisk does; null if absent. */
  public String get(String key) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(key)) {
        return header.getValue();
      }
    }
    return null;
  }

  /** The action name (the {@code Action} header), or null. */
  public String name() {
    return get("Action");
  }

  /** Whether this is the named action (case-insensitive). */
  public boolean is(String actionName) {
    String name = name();
    return name != null
        && name.toLowerCase(Locale.ROOT).equals(actionName.toLowerCase(Locale.ROOT));
  }
}
