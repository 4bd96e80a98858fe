package org.callobjectives.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads a scrape with the Prometheus Python client's own text parser (Debian's {@code
 * python3-prometheus-client}, installed by bin/test): what a real scraper understands, not what our
 * writer meant.
 */
public final class PrometheusParser {
  private static final String SCRIPT =
      """
      import json, sys
      from prometheus_client.parser import text_string_to_metric_families
      out = []
      for f in text_string_to_metric_families(sys.stdin.read()):
          out.append({"name": f.name, "type": f.type, "help": f.documentation,
                      "samples": [{"name": s.name, "labels": s.labels, "value": s.value}
                                  for s in f.samples]})
      print(json.dumps(out))
      """;

  /** One metric family: its name (without _total for counters), type, help and samples. */
  public record Family(String name, String type, String help, List<Sample> samples) {}

  public record Sample(String name, Map<String, String> labels, double value) {}

  private PrometheusParser() {}

  /** The families in {@code text}; fails the test when the parser refuses it. */
  public static List<Family> parse(String text) throws Exception {
    String python =
        Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    Process p = new ProcessBuilder(python, "-c", SCRIPT).start();
    p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(
          "the Prometheus text parser refused the scrape (python3-prometheus-client installed?"
              + " bin/test installs it): "
              + err);
    }
    List<Family> families = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(out)) {
      List<Sample> samples = new ArrayList<>();
      for (JsonNode s : f.get("samples")) {
        Map<String, String> labels = new java.util.TreeMap<>();
        s.get("labels")
            .fields()
            .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        samples.add(new Sample(s.get("name").asText(), labels, s.get("value").asDouble()));
      }
      families.add(
          new Family(
              f.get("name").asText(), f.get("type").asText(), f.get("help").asText(), samples));
    }
    return families;
  }

  /** The value of the sample {@code name} with exactly {@code labels}, or NaN when absent. */
  public static double value(List<Family> families, String name, Map<String, String> labels) {
    for (Family f : families) {
      for (Sample s : f.samples()) {
        if (s.name().equals(name) && s.labels().equals(labels)) {
          return s.value();
        }
      }
    }
    return Double.NaN;
  }
}
