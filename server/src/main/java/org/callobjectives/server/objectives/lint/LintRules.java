package org.callobjectives.server.objectives.lint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.config.YamlSource;

/**
 * The site vocabulary of the objective check: built-in lists plus {@code lint.yaml} in the config
 * folder, which adds to them (customer roles, product names, time phrases, ...). The sentence
 * analysis itself (OpenNLP, the time grammar, the buying-process steps) is not configured here;
 * {@code replaceDefaults: true} replaces the built-in word lists only.
 */
public record LintRules(
    Boolean replaceDefaults,
    List<String> vaguePhrases,
    List<String> emptyPurposes,
    List<String> agentVerbs,
    List<String> agentActors,
    List<String> sellerTitles,
    List<String> customerActors,
    List<String> lowEffortPhrases,
    List<String> subjectiveWords,
    List<String> commitmentVerbs,
    List<String> evidenceWords,
    List<String> timePhrases,
    List<String> timePatterns,
    List<String> vagueTimeWords,
    List<String> closeWords,
    List<String> hedges,
    List<String> productNames,
    List<String> vagueVerbs,
    List<String> abstractObjects,
    List<String> mentalVerbs,
    List<String> recordWords,
    List<String> outsideAuthorities,
    Map<String, List<String>> steps) {
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
        throw src.error(
            "/timePatterns/" + i, "not a valid regular expression: " + e.getDescription());
      }
    }
    if (own.steps() != null) {
      for (var e : own.steps().entrySet()) {
        if (!SiteSteps.KEYS.contains(e.getKey())) {
          throw src.error(
              "/steps/" + e.getKey(),
              "'"
                  + e.getKey()
                  + "' is no stage of the buying process; use one of "
                  + String.join(", ", SiteSteps.KEYS));
        }
      }
    }
    return Boolean.TRUE.equals(own.replaceDefaults()) ? own.orEmpty() : d.plus(own);
  }

  private LintRules orEmpty() {
    return new LintRules(
        true,
        n(vaguePhrases),
        n(emptyPurposes),
        n(agentVerbs),
        n(agentActors),
        n(sellerTitles),
        n(customerActors),
        n(lowEffortPhrases),
        n(subjectiveWords),
        n(commitmentVerbs),
        n(evidenceWords),
        n(timePhrases),
        n(timePatterns),
        n(vagueTimeWords),
        n(closeWords),
        n(hedges),
        n(productNames),
        n(vagueVerbs),
        n(abstractObjects),
        n(mentalVerbs),
        n(recordWords),
        n(outsideAuthorities),
        steps(steps, Map.of()));
  }

  private LintRules plus(LintRules o) {
    return new LintRules(
        false,
        u(vaguePhrases, o.vaguePhrases),
        u(emptyPurposes, o.emptyPurposes),
        u(agentVerbs, o.agentVerbs),
        u(agentActors, o.agentActors),
        u(sellerTitles, o.sellerTitles),
        u(customerActors, o.customerActors),
        u(lowEffortPhrases, o.lowEffortPhrases),
        u(subjectiveWords, o.subjectiveWords),
        u(commitmentVerbs, o.commitmentVerbs),
        u(evidenceWords, o.evidenceWords),
        u(timePhrases, o.timePhrases),
        u(timePatterns, o.timePatterns),
        u(vagueTimeWords, o.vagueTimeWords),
        u(closeWords, o.closeWords),
        u(hedges, o.hedges),
        u(productNames, o.productNames),
        u(vagueVerbs, o.vagueVerbs),
        u(abstractObjects, o.abstractObjects),
        u(mentalVerbs, o.mentalVerbs),
        u(recordWords, o.recordWords),
        u(outsideAuthorities, o.outsideAuthorities),
        steps(steps, o.steps));
  }

  /** The steps of {@code a} and {@code b} together, stage by stage. */
  private static Map<String, List<String>> steps(
      Map<String, List<String>> a, Map<String, List<String>> b) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String stage : SiteSteps.KEYS) {
      List<String> both = u(a == null ? null : a.get(stage), b == null ? null : b.get(stage));
      if (!both.isEmpty()) {
        out.put(stage, List.copyOf(both));
      }
    }
    return Map.copyOf(out);
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
