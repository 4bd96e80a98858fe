package org.callobjectives.server.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a label's values to a bounded set: queue names come from Asterisk, and a series per
 * unexpected value would grow the scrape without end. Past the limit new values read "other".
 */
final class LabelValues {
  static final String OTHER = "other";
  static final String NONE = "none";

  private final int limit;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  LabelValues(int limit) {
    this.limit = limit;
  }

  /** The values given out so far (not "other" or "none"). */
  java.util.List<String> known() {
    return java.util.List.copyOf(seen);
  }

  /** {@code value} itself while the set has room or knows it; "none" for no value. */
  String of(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    if (seen.contains(value)) {
      return value;
    }
    synchronized (this) {
      if (seen.size() < limit) {
        seen.add(value);
        return value;
      }
    }
    return OTHER;
  }
}
