package org.callobjectives.server.objectives.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Objective;
import org.callobjectives.server.config.Stage;
import org.callobjectives.server.config.YamlSource;

/**
 * Checks that each objective is SMART and an advance (a commitment of the CUSTOMER). Errors: too
 * general, not an advance, not measurable, not time-bound, unrealistic (a close before the last
 * stage). Warnings: hedged or vague wording elsewhere, agent actions beside the customer's.
 */
public final class ObjectiveLinter {
  public static final String TOO_GENERAL = "too-general";
  public static final String NOT_AN_ADVANCE = "not-an-advance";
  public static final String NOT_MEASURABLE = "not-measurable";
  public static final String NOT_TIME_BOUND = "not-time-bound";
  public static final String UNREALISTIC = "unrealistic";
  public static final String HEDGED = "hedged";

  private final List<Pattern> vague;
  private final List<Pattern> agentVerbs;
  private final Pattern agentFirst;
  private final Pattern agentActs;
  private final List<Pattern> actors;
  private final List<Pattern> commitments;
  private final List<Pattern> evidence;
  private final List<Pattern> times;
  private final List<Pattern> vagueTimes;
  private final List<Pattern> closes;
  private final List<Pattern> hedges;

  public ObjectiveLinter(LintRules r) {
    vague = words(r.vaguePhrases(), true);
    agentVerbs = words(r.agentVerbs(), true);
    String verbs = alternation(r.agentVerbs());
    // "Present the product", "To explain ...", "Agent demonstrates ...", "We show ..."
    agentFirst = Pattern.compile("^\\W*(?:to\\s+|(?:the\\s+)?agents?\\s+(?:will\\s+)?|we\\s+(?:will\\s+)?|i\\s+(?:will\\s+)?)?"
        + "(?:" + verbs + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    agentActs = Pattern.compile("(?<![\\p{L}\\p{N}])(?:agents?|we)\\s+(?:will\\s+)?(?:" + verbs + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    actors = words(r.customerActors(), true);
    commitments = words(r.commitmentVerbs(), true);
    evidence = words(r.evidenceWords(), true);
    times = new ArrayList<>();
    for (String t : n(r.timePatterns())) {
      times.add(Pattern.compile(t, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    vagueTimes = words(r.vagueTimeWords(), false);
    closes = words(r.closeWords(), true);
    hedges = words(r.hedges(), false);
  }

  /** Every finding for every objective of {@code config}, with lines from the objectives file. */
  public List<LintFinding> lint(Config config, YamlSource objectivesFile) {
    Map<String, Integer> index = new HashMap<>();
    JsonNode tree = objectivesFile.tree();
    List<String> order = new ArrayList<>();
    if (tree != null && tree.path("objectives").isArray()) {
      int i = 0;
      for (JsonNode o : tree.path("objectives")) {
        String id = o.path("id").asText(null);
        if (id != null) {
          index.putIfAbsent(id, i);
          order.add(id);
        }
        i++;
      }
    }
    for (String id : config.objectives().keySet()) {
      if (!order.contains(id)) {
        order.add(id);
      }
    }
    List<LintFinding> out = new ArrayList<>();
    for (String id : order) {
      Objective o = config.objectives().get(id);
      if (o != null) {
        Integer i = index.get(id);
        out.addAll(lint(o, config, field -> i == null ? 0 : objectivesFile.line("/objectives/" + i + "/" + field),
            objectivesFile.file().toString()));
      }
    }
    return out;
  }

  /** Where a field of the objective is written. */
  interface Lines {
    int of(String field);
  }

  List<LintFinding> lint(Objective o, Config config, Lines lines, String file) {
    List<LintFinding> out = new ArrayList<>();
    String advance = o.advance();
    // S: specific, an outcome rather than vague activity.
    find(vague, advance).ifPresent(w -> out.add(f(o, Severity.ERROR, TOO_GENERAL, "too general: '" + w
        + "' names no concrete outcome; say what the customer commits to (e.g. agrees to a demo on a date)",
        file, lines.of("advance"))));
    find(vague, o.title()).ifPresent(w -> out.add(f(o, Severity.WARNING, TOO_GENERAL, "vague title: '" + w + "'",
        file, lines.of("title"))));
    find(vague, o.measure()).ifPresent(w -> out.add(f(o, Severity.WARNING, TOO_GENERAL, "vague measure: '" + w
        + "'", file, lines.of("measure"))));
    // An advance: the CUSTOMER acts.
    Matcher first = agentFirst.matcher(advance);
    Optional<String> commitment = find(commitments, advance);
    if (first.find()) {
      out.add(f(o, Severity.ERROR, NOT_AN_ADVANCE, "not an advance: the actor is the agent ('" + first.group().strip()
          + "'); write what the CUSTOMER commits to during or right after the call", file, lines.of("advance")));
    } else if (commitment.isEmpty()) {
      out.add(f(o, Severity.ERROR, NOT_AN_ADVANCE, "not an advance: no customer action (agree, book, send, sign, ...)"
          + "; an advance is something the customer commits to", file, lines.of("advance")));
    } else {
      if (find(actors, advance).isEmpty()) {
        out.add(f(o, Severity.WARNING, NOT_AN_ADVANCE, "say who commits: name the customer as the one who acts",
            file, lines.of("advance")));
      }
      Matcher acts = agentActs.matcher(advance);
      if (acts.find()) {
        out.add(f(o, Severity.WARNING, NOT_AN_ADVANCE, "'" + acts.group() + "' is the agent's part; the objective"
            + " is the customer's commitment", file, lines.of("advance")));
      }
    }
    // M: measurable at the end of the call.
    if (find(evidence, o.measure()).isEmpty()) {
      out.add(f(o, Severity.ERROR, NOT_MEASURABLE, "not measurable: the measure names nothing to check at the end of"
          + " the call (a date confirmed, a form sent, an entry in the calendar or ticket)", file, lines.of("measure")));
    }
    find(hedges, advance + " \n " + o.measure()).ifPresent(w -> out.add(f(o, Severity.WARNING, HEDGED,
        "hedged wording '" + w + "': state the commitment, not an attempt", file, lines.of("advance"))));
    // T: time-bound.
    String when = o.timeFrame() + " \n " + advance;
    if (times.stream().noneMatch(p -> p.matcher(when).find())) {
      String vagueTime = find(vagueTimes, o.timeFrame()).map(w -> " ('" + w + "' is no time frame)").orElse("");
      out.add(f(o, Severity.ERROR, NOT_TIME_BOUND, "not time-bound" + vagueTime + ": give a time frame such as"
          + " 'during the call', 'by 2026-12-01' or 'within 5 days'", file, lines.of("timeFrame")));
    }
    // R: realistic for where the customer is in the sales cycle.
    Optional<String> close = find(closes, advance + " \n " + o.title());
    if (close.isPresent()) {
      for (var e : config.rules().queueStages().entrySet()) {
        List<Stage> stages = e.getValue();
        for (int i = 0; i < stages.size() - 1; i++) {
          Stage s = stages.get(i);
          if (o.id().equals(s.target().primary()) || o.id().equals(s.target().secondary())) {
            out.add(f(o, Severity.ERROR, UNREALISTIC, "unrealistic: '" + close.get() + "' is a close, but queue "
                + e.getKey() + " uses it at stage " + s.id() + " (" + (i + 1) + " of " + stages.size()
                + "); a close fits only the last stage (" + stages.get(stages.size() - 1).id() + ")", file,
                lines.of("advance")));
          }
        }
      }
    }
    return out;
  }

  private static LintFinding f(Objective o, Severity s, String rule, String msg, String file, int line) {
    return new LintFinding(o.id(), s, rule, msg, file, line);
  }

  private static Optional<String> find(List<Pattern> patterns, String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        return Optional.of(m.group().strip());
      }
    }
    return Optional.empty();
  }

  /** Whole words or phrases; with {@code inflect}, the first word may end in up to three more letters. */
  private static List<Pattern> words(List<String> list, boolean inflect) {
    List<Pattern> out = new ArrayList<>();
    for (String w : n(list)) {
      out.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + phrase(w, inflect) + "(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    return out;
  }

  private static String phrase(String w, boolean inflect) {
    String[] parts = w.strip().split("\\s+");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append("\\s+");
      }
      sb.append(Pattern.quote(parts[i]));
      if (i == 0 && inflect) {
        sb.append("\\p{L}{0,3}");
      }
    }
    return sb.toString();
  }

  private static String alternation(List<String> list) {
    List<String> alts = new ArrayList<>();
    for (String w : n(list)) {
      alts.add(phrase(w, true));
    }
    return alts.isEmpty() ? "(?!)" : String.join("|", alts);
  }

  private static List<String> n(List<String> l) {
    return l == null ? List.of() : l;
  }
}
