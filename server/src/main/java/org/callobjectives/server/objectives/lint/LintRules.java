package org.callobjectives.server.objectives.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.config.YamlSource;

/**
 * The word lists the lint rules use: built-in defaults plus {@code lint.yaml} in the config folder,
 * which admins extend (or replace with {@code replaceDefaults: true}).
 */
public record LintRules(Boolean replaceDefaults, List<String> vaguePhrases, List<String> agentVerbs,
    List<String> customerActors, List<String> commitmentVerbs, List<String> evidenceWords,
    List<String> timePatterns, List<String> vagueTimeWords, List<String> closeWords, List<String> hedges) {
  public static final String FILE = "lint.yaml";
  private static final String DEFAULTS = "lint-defaults.yaml";

  /** The built-in lists only. */
  public static LintRules defaults() {
    try (InputStream in = LintRules.class.getResourceAsStream(DEFAULTS)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return YamlSource.parse(Path.of("(built-in) " + DEFAULTS), text).bind(LintRules.class);
    } catch (IOException | ConfigException e) {
      throw new IllegalStateException("built-in lint lists unreadable", e);
    }
  }

  /** Defaults plus the folder's lint.yaml when there is one; a bad pattern names its line. */
  public static LintRules load(Path configDir) throws ConfigException {
    LintRules d = defaults();
    Path file = configDir.resolve(FILE);
    if (!Files.exists(file)) {
      return d;
    }
    YamlSource src = YamlSource.read(file);
    LintRules own = src.bind(LintRules.class);
    List<String> patterns = own.timePatterns() == null ? List.of() : own.timePatterns();
    for (int i = 0; i < patterns.size(); i++) {
      try {
        Pattern.compile(patterns.get(i));
      } catch (PatternSyntaxException e) {
        throw src.error("/timePatterns/" + i, "not a valid regular expression: " + e.getDescription());
      }
    }
    return Boolean.TRUE.equals(own.replaceDefaults()) ? own.orEmpty() : d.plus(own);
  }

  private LintRules orEmpty() {
    return new LintRules(true, n(vaguePhrases), n(agentVerbs), n(customerActors), n(commitmentVerbs),
        n(evidenceWords), n(timePatterns), n(vagueTimeWords), n(closeWords), n(hedges));
  }

  private LintRules plus(LintRules o) {
    return new LintRules(false, u(vaguePhrases, o.vaguePhrases), u(agentVerbs, o.agentVerbs),
        u(customerActors, o.customerActors), u(commitmentVerbs, o.commitmentVerbs),
        u(evidenceWords, o.evidenceWords), u(timePatterns, o.timePatterns), u(vagueTimeWords, o.vagueTimeWords),
        u(closeWords, o.closeWords), u(hedges, o.hedges));
  }

  private static List<String> n(List<String> l) {
    return l == null ? List.of() : List.copyOf(l);
  }

  private static List<String> u(List<String> a, List<String> b) {
    Set<String> s = new LinkedHashSet<>(n(a));
    s.addAll(n(b));
    return new ArrayList<>(s);
  }
}
