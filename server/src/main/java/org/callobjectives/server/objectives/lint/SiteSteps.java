package org.callobjectives.server.objectives.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The site's own buying-process steps ({@code steps} in lint.yaml), each at the stage it names. */
final class SiteSteps {
  /** The keys of {@code steps}, in the order of the buying process. */
  static final List<String> STAGES =
      BuyingProcess.PHASES.stream().map(p -> p.replace(' ', '-')).toList();

  /** The keys {@code steps} accepts: the stages, and outbound prospecting as a first contact. */
  static final List<String> KEYS =
      List.of(
          "first-contact",
          "outbound-prospecting",
          "discovery",
          "demo",
          "proposal",
          "commitment",
          "close");

  static final String WHAT = "a step this site places in lint.yaml";

  private final List<Phrases> byPhase = new ArrayList<>();
  private final boolean empty;
  private final List<BuyingProcess.Step> authorities;

  /** With the site's own outside authorities, whose approval of a purchase is a late step. */
  SiteSteps(Map<String, List<String>> steps, List<String> outsideAuthorities) {
    authorities = BuyingProcess.approvalByOneOf(outsideAuthorities).stream().toList();
    boolean none = true;
    for (String stage : STAGES) {
      List<String> words = new ArrayList<>(words(steps, stage));
      if (stage.equals("first-contact")) {
        words.addAll(words(steps, "outbound-prospecting"));
      }
      none &= words.isEmpty();
      byPhase.add(new Phrases(words));
    }
    empty = none;
  }

  private static List<String> words(Map<String, List<String>> steps, String key) {
    List<String> words = steps == null ? null : steps.get(key);
    return words == null
        ? List.of()
        : words.stream().filter(w -> w != null && !w.isBlank()).toList();
  }

  boolean isEmpty() {
    return empty;
  }

  /** The furthest site step in the main clause of {@code s}, with the words that name it. */
  private Optional<BuyingProcess.Found> furthest(Sentence s) {
    if (empty || s == null) {
      return Optional.empty();
    }
    for (int phase = STAGES.size() - 1; phase >= 0; phase--) {
      Phrase p = byPhase.get(phase).first(s, true);
      if (p != null) {
        int at = s.find(p, 0);
        String said = at < 0 ? p.text() : s.span(at, at + s.matchAt(p, at));
        return Optional.of(new BuyingProcess.Found(phase, WHAT, said.strip()));
      }
    }
    return Optional.empty();
  }

  /**
   * The step {@code text} names: the built-in reading's, or the site's where it places the step
   * further; where their words overlap ("signs the test-drive agreement", with "test-drive
   * agreement" placed at demo) the site decides for its words and the rest is read as usual.
   *
   * @param s the text as read
   * @param advance whether {@code s} is the advance, whose close words are read too
   */
  Optional<BuyingProcess.Found> place(
      String text, Sentence s, boolean advance, Phrases closes, Function<String, Sentence> read) {
    Optional<BuyingProcess.Found> builtIn =
        BuyingProcess.ofAdvance(text, closes, advance ? s : null, authorities);
    if (empty) {
      return builtIn;
    }
    Optional<BuyingProcess.Found> site = furthest(s);
    if (site.isEmpty()) {
      return builtIn;
    }
    if (builtIn.isPresent() && overlap(builtIn.get().words(), site.get().words())) {
      String rest = without(text == null ? "" : text, site.get().words());
      builtIn =
          BuyingProcess.ofAdvance(rest, closes, advance ? read.apply(rest) : null, authorities);
    }
    return builtIn.isPresent() && builtIn.get().phase() > site.get().phase() ? builtIn : site;
  }

  private static boolean overlap(String a, String b) {
    String x = letters(a);
    String y = letters(b);
    return !x.isEmpty() && !y.isEmpty() && (x.contains(y) || y.contains(x));
  }

  /** {@code text} with the site's words blanked, whatever the spacing of their hyphens. */
  private static String without(String text, String words) {
    List<String> parts = List.of(words.split("[^\\p{L}\\p{N}]+"));
    String regex =
        parts.stream()
            .filter(w -> !w.isEmpty())
            .map(Pattern::quote)
            .collect(Collectors.joining("[^\\p{L}\\p{N}]*"));
    return regex.isEmpty()
        ? text
        : Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
            .matcher(text)
            .replaceAll(" ");
  }

  private static String letters(String words) {
    return words.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
