package org.callobjectives.amisim;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Locates the shared captures and reads the ground truth the tests compare against. */
final class Traces {
  private static final Pattern EVENT_COUNTS =
      Pattern.compile("\"event_counts\"\\s*:\\s*\\{([^}]*)}");
  private static final Pattern COUNT = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\\d+)");

  private Traces() {}

  /** The trace directory, or the test is skipped with a message saying where it looked. */
  static Path directory() {
    Path directory = AmiTrace.defaultDirectory();
    assumeTrue(
        Files.isDirectory(directory),
        "AMI traces not found at "
            + directory.toAbsolutePath()
            + " (set -Dshared.dir); skipping trace tests");
    return directory;
  }

  static AmiTrace load(String name) throws IOException {
    return AmiTrace.load(directory(), name);
  }

  /**
   * {@code observed.event_counts} from {@code NAME.truth.json}; a flat object, so a regex is
   * enough.
   */
  static Map<String, Integer> truthEventCounts(String name) throws IOException {
    String json = Files.readString(directory().resolve(name + ".truth.json"));
    Matcher block = EVENT_COUNTS.matcher(json);
    if (!block.find()) {
      throw new IllegalStateException("no observed.event_counts in " + name + ".truth.json");
    }
    Map<String, Integer> counts = new TreeMap<>();
    Matcher count = COUNT.matcher(block.group(1));
    while (count.find()) {
      counts.put(count.group(1), Integer.parseInt(count.group(2)));
    }
    return counts;
  }

  /** Counts per event type, sorted, for comparing with the truth. */
  static Map<String, Integer> countTypes(Iterable<String> types) {
    Map<String, Integer> counts = new TreeMap<>();
    types.forEach(type -> counts.merge(type, 1, Integer::sum));
    return counts;
  }
}
