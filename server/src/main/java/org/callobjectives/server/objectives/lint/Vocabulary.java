package org.callobjectives.server.objectives.lint;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The word lists of {@link LintRules}, compiled once for matching by lemma. */
final class Vocabulary {
  final Phrases vague;
  final Phrases emptyPurposes;
  final Phrases agentVerbs;
  final Phrases agentActors;
  final Phrases sellerTitles;
  final Phrases customerActors;
  final Phrases lowEffort;
  final Phrases subjective;
  final Phrases commitments;
  final Phrases evidence;
  final Phrases closes;
  final SiteSteps steps;
  final Phrases hedges;
  final List<Pattern> products;
  final java.util.Set<String> vagueVerbs;
  final java.util.Set<String> abstractObjects;
  final java.util.Set<String> mentalVerbs;
  final java.util.Set<String> recordWords;
  final TimeExpressions times;

  Vocabulary(LintRules r) {
    vague = new Phrases(r.vaguePhrases());
    emptyPurposes = new Phrases(r.emptyPurposes());
    agentVerbs = new Phrases(r.agentVerbs());
    sellerTitles = new Phrases(r.sellerTitles());
    agentActors = new Phrases(both(r.agentActors(), r.sellerTitles()));
    customerActors = new Phrases(r.customerActors());
    lowEffort = new Phrases(r.lowEffortPhrases());
    subjective = new Phrases(r.subjectiveWords());
    commitments = new Phrases(r.commitmentVerbs());
    evidence = new Phrases(r.evidenceWords());
    closes = new Phrases(r.closeWords());
    steps = new SiteSteps(r.steps(), r.outsideAuthorities());
    hedges = new Phrases(r.hedges());
    products =
        r.productNames() == null
            ? List.of()
            : r.productNames().stream()
                .filter(p -> p != null && !p.isBlank())
                .map(
                    p ->
                        Pattern.compile(
                            "(?<![\\p{L}\\p{N}])" + Pattern.quote(p.strip()) + "(?![\\p{L}\\p{N}])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    vagueVerbs = words(r.vagueVerbs());
    abstractObjects = words(r.abstractObjects());
    mentalVerbs = words(r.mentalVerbs());
    recordWords = words(r.recordWords());
    times = new TimeExpressions(r.timePatterns(), r.timePhrases(), r.vagueTimeWords());
  }

  /** Our sellers are our side: their titles are agent actors too. */
  private static List<String> both(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a == null ? List.of() : a);
    all.addAll(b == null ? List.of() : b);
    return all;
  }

  /** {@code text} read as English, product names standing in as the plain noun "product". */
  private static final int MAX_READ = 2_000;

  Sentence read(String text) {
    String t = text == null ? "" : text;
    if (t.length() > MAX_READ) {
      t = t.substring(0, MAX_READ); // far beyond any limit: refused as too long, read only so far
    }
    t = Shorthand.expand(t);
    for (Pattern p : products) {
      t = p.matcher(t).replaceAll("product");
    }
    return English.analyze(t);
  }

  /** The length of the longest phrase of {@code list} at token {@code i}, or 0. */
  static int longest(Sentence s, Phrases list, int i) {
    return list.longest(s, i);
  }

  /** Single words, lower case, for lookup by lemma. */
  private static java.util.Set<String> words(List<String> list) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : list == null ? List.<String>of() : list) {
      if (w != null && !w.isBlank()) {
        out.add(lower(w.strip()));
      }
    }
    return java.util.Set.copyOf(out);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
