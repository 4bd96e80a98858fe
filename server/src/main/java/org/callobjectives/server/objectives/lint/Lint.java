package org.callobjectives.server.objectives.lint;

import java.nio.file.Path;
import java.util.List;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.config.ConfigGate;
import org.callobjectives.server.config.ConfigLoader;
import org.callobjectives.server.config.YamlSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the objective lint: as a gate on every load, and as a report (CLI {@code lint}, admin page).
 */
public final class Lint {
  private static final Logger log = LoggerFactory.getLogger(Lint.class);

  private Lint() {}

  /** Loads {@code dir} as the server does: refused when the objectives have lint errors. */
  public static ConfigLoader loader(Path dir) {
    return new ConfigLoader(dir, Lint::enforce);
  }

  /** What a config folder gives: the findings, or the error that stops it from loading at all. */
  public record Report(
      List<LintFinding> findings, String loadError, String loadErrorFile, int loadErrorLine) {
    public long errors() {
      return (loadError == null ? 0 : 1)
          + findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
      return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }
  }

  /** The findings for an already loaded configuration of {@code dir}. */
  public static List<LintFinding> findings(Path dir, Config config) throws ConfigException {
    return new ObjectiveLinter(LintRules.load(dir))
        .lint(config, YamlSource.read(dir.resolve("objectives.yaml")));
  }

  /** Loads {@code dir} without the gate and lints it. */
  public static Report report(Path dir) {
    try {
      Config c = new ConfigLoader(dir, ConfigGate.NONE).load();
      return new Report(findings(dir, c), null, null, 0);
    } catch (ConfigException e) {
      return new Report(List.of(), e.getMessage(), String.valueOf(e.file()), e.line());
    }
  }

  /** Throws for lint errors (naming each with file and line); logs warnings. */
  public static void enforce(Path dir, Config config) throws ConfigException {
    List<LintFinding> all = findings(dir, config);
    List<LintFinding> errors = all.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    for (LintFinding w : all) {
      if (w.severity() == Severity.WARNING) {
        log.warn("{}", w);
      }
    }
    if (!errors.isEmpty()) {
      StringBuilder sb =
          new StringBuilder(
              "objective lint found " + errors.size() + " error(s): " + errors.get(0).message());
      for (LintFinding e : errors) {
        sb.append("\n  ").append(e);
      }
      throw new ConfigException(
          dir.resolve("objectives.yaml"), errors.get(0).line(), sb.toString());
    }
  }
}
