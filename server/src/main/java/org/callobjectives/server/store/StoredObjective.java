package org.callobjectives.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.ObjectiveView;

/**
 * The objective and codes a call was given, as kept in {@code calls.objective_json}: one format,
 * read and written here.
 */
record StoredObjective(ObjectiveView objective, List<DispositionCode> codes) {
  static final StoredObjective NONE = new StoredObjective(null, List.of());

  static String write(ObjectiveView o, List<DispositionCode> codes) {
    try {
      return Json.mapper().writeValueAsString(new StoredObjective(o, codes));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** NONE for a call without an objective; throws if the stored text is not readable. */
  static StoredObjective read(String json) {
    if (json == null) {
      return NONE;
    }
    try {
      return Json.mapper().readValue(json, StoredObjective.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored objective is not readable", e);
    }
  }
}
