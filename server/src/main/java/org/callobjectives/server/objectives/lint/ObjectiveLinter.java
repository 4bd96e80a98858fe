package org.callobjectives.server.objectives.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Objective;
import org.callobjectives.server.config.Stage;
import org.callobjectives.server.config.YamlSource;

/**
 * Checks that each objective is SMART and an advance: the CUSTOMER takes a step that costs them
 * effort, observable when the call ends, by a stated time, realistic for where the queue's stage
 * sits in the buying process, and short plain text a pop-up can show. The advance is read as a
 * sentence ({@link AdvanceReader}); every finding says what to change and, where it can, proposes a
 * rewrite.
 */
public final class ObjectiveLinter {
  public static final String TOO_GENERAL = "too-general";
  public static final String NOT_AN_ADVANCE = "not-an-advance";
  public static final String NOT_MEASURABLE = "not-measurable";
  public static final String NOT_TIME_BOUND = "not-time-bound";
  public static final String UNREALISTIC = "unrealistic";

  /** The reading failed on this objective; it loads unchecked (a warning, never an error). */
  public static final String UNCHECKED = "unchecked";

  public static final String HEDGED = "hedged";
  public static final String MARKUP = "markup";
  public static final String TOO_LONG = "too-long";

  private final Vocabulary v;
  private final AdvanceReader reader;

  public ObjectiveLinter(LintRules r) {
    v = new Vocabulary(r);
    reader = new AdvanceReader(v);
  }

  /** Forgets the texts analysed so far, so the next check reads everything anew (benchmarks). */
  public static void forgetAnalyses() {
    English.forget();
  }

  /** Every finding for every objective of {@code config}, with lines from the objectives file. */
  public List<LintFinding> lint(Config config, YamlSource objectivesFile) {
    List<LintFinding> out = new ArrayList<>();
    each(config, objectivesFile, (o, lines, file) -> out.addAll(lint(o, config, lines, file)));
    return out;
  }

  /**
   * What the second opinion ({@link Likeness}) sees of each objective, by id, from the reading
   * alone: what its models are trained on.
   */
  public Map<String, String[]> secondOpinionInputs(Config config, YamlSource objectivesFile) {
    Map<String, String[]> out = new java.util.LinkedHashMap<>();
    each(
        config,
        objectivesFile,
        (o, lines, file) -> out.put(o.id(), inputs(o, config, read(o, config, lines, file))));
    return out;
  }

  private interface Each {
    void lint(Objective o, Lines lines, String file);
  }

  /** Each objective of {@code config}, in the file's order, with where its fields are written. */
  private static void each(Config config, YamlSource objectivesFile, Each each) {
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
    for (String id : order) {
      Objective o = config.objectives().get(id);
      if (o != null) {
        Integer i = index.get(id);
        each.lint(
            o,
            field -> i == null ? 0 : objectivesFile.line("/objectives/" + i + "/" + field),
            objectivesFile.file().toString());
      }
    }
  }

  private static final java.util.regex.Pattern LEADING_ATTEMPT =
      java.util.regex.Pattern.compile(
          "(?i)^\\s*(?:we(?:\\s+will|\\s*['’]ll)?\\s+)?(?:(?:try|attempt|aim|endeavou?r)\\s+(?:to|and)|try)\\s+"
              + "(?=(?:get|have|help|ask|invite|let)\\b)"
              // "Will see if customer can share the seat count": the customer's step, hedged
              + "|^\\s*(?:we\\s+)?(?:will|['’]ll)\\s+see\\s+(?:if|whether)\\s+");

  private static final java.util.regex.Pattern HEDGE_BEFORE_VERB =
      java.util.regex.Pattern.compile(
          "(?i)^((?:[\\w'’.-]+\\s+){1,4}?)(?:ideally|hopefully|perhaps|maybe)\\s+(?=[a-z]+s\\b)");

  private static final java.util.regex.Pattern HEDGE_ASIDE =
      java.util.regex.Pattern.compile(
          "(?i)\\s*,\\s*(?:if possible|if they can|where possible|where feasible|if feasible|where practical|"
              + "where practicable|if practical|hopefully|ideally|perhaps|maybe|possibly|"
              + "with luck|if willing|with any luck|all being well|all going well|time permitting|god willing|"
              + "fingers crossed|touch wood|with a fair wind|if all goes well|if at all possible)"
              // (or at the end: "..., time permitting.")
              + "\\s*(?:,\\s*|(?=[.!]?\\s*$))");

  /**
   * "will have a go at filling in the calculator", "takes a shot at booking": an attempt at a step
   * ("has a go at the sample assessment" does the assessment).
   */
  private static final java.util.regex.Pattern ATTEMPT_AT =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:have|has|having|take|takes|taking|give|gives)\\s+(?:it\\s+)?a\\s+(?:go|crack|shot|stab)\\s+"
              + "at\\s+(?:getting|filling|booking|signing|sending|completing|arranging|setting|securing|"
              + "closing|persuading|convincing|finding|organi[sz]ing|scheduling|uploading|returning|"
              + "submitting|sorting|pulling|putting|paying|agreeing)\\b");

  /** Where a field of the objective is written. */
  interface Lines {
    int of(String field);
  }

  List<LintFinding> lint(Objective o, Config config, Lines lines, String file) {
    try {
      Findings out = read(o, config, lines, file);
      secondOpinion(o, config, out);
      // "Le DTI nomme les 5 usagers ...": who acts and how is read in English only
      if (!Language.looksEnglish(o.advance())) {
        String note =
            " (a warning only: the advance is not written in English, and the check reads who acts"
                + " and how in English only)";
        out.demote(NOT_AN_ADVANCE, note);
        out.demote(TOO_GENERAL, note);
      }
      return out.list;
    } catch (RuntimeException e) {
      // One objective the reading cannot handle must not stop the check of the whole file
      LOG.error("The objective check failed on objective {}; it is loaded unchecked", o.id(), e);
      return List.of(
          new LintFinding(
              o.id(),
              Severity.WARNING,
              UNCHECKED,
              "the check could not read this objective ("
                  + e.getClass().getSimpleName()
                  + "); it loads unchecked: please report it with its advance and measure",
              file,
              lines.of("advance")));
    }
  }

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ObjectiveLinter.class);

  /** The findings of the sentence reading, before the second opinion. */
  private Findings read(Objective o, Config config, Lines lines, String file) {
    Findings out = new Findings(o, lines, file);
    boolean markup = plainText(o, out);
    String advanceText = markup ? TextLimits.plain(o.advance()) : o.advance();
    Sentence written = v.read(advanceText);
    // "Enquirer books, if possible, a club tour": the hedge is found in the text as written; the
    // sentence is read without the aside, which would cut it in two.
    String unhedged = HEDGE_ASIDE.matcher(advanceText == null ? "" : advanceText).replaceAll(" ");
    // "All being well, the FM raises ...": read past a leading hedge
    unhedged = LEADING_HEDGE.matcher(unhedged).replaceFirst("");
    // "Try to get the customer to promise £200": read past the attempt to whoever acts
    unhedged = LEADING_ATTEMPT.matcher(unhedged).replaceFirst("");
    // "Employer ideally registers for ...": read without the hedge between subject and verb
    String keptHedge = unhedged;
    unhedged = HEDGE_BEFORE_VERB.matcher(unhedged).replaceFirst("$1");
    Sentence advance = unhedged.equals(advanceText) ? written : v.read(unhedged);
    if (!unhedged.equals(keptHedge) && reader.read(advance).verb() == null) {
      advance = keptHedge.equals(advanceText) ? written : v.read(keptHedge); // no better read
    }
    Sentence measure = v.read(markup ? TextLimits.plain(o.measure()) : o.measure());
    Sentence title = v.read(markup ? TextLimits.plain(o.title()) : o.title());

    // An advance: the customer acts, with effort.
    Reading r = reader.read(advance);
    // "Past-quote homeowner (2023 estimate, never started) books ...": the verb was read in the
    // aside after the subject; read without it
    var subjectAside = SUBJECT_ASIDE.matcher(advance.text());
    if (subjectAside.find() && (r.verb() == null || inBrackets(advance, r.verbAt()))) {
      Sentence plain = v.read(subjectAside.replaceFirst("$1"));
      Reading read = reader.read(plain);
      if (read.verb() != null) {
        advance = plain;
        r = read;
      }
    }
    Sentence withArticle = withArticle(advance, r);
    if (withArticle == null) {
      withArticle = withModal(advance, r);
    }
    if (withArticle != null) {
      advance = withArticle;
      r = reader.read(advance);
    }

    // Hedged: an attempt is not a commitment.
    Phrase hedge = v.hedges.first(written, true);
    if (hedge != null && (indirectQuestion(written, hedge) || inOurPurpose(written, hedge))) {
      hedge = null; // "chooses for each type if they want TEP or MT": a choice asked for
    }
    if (hedge != null
        && written.find(hedge, 0) > 0
        && written.word(written.find(hedge, 0) - 1, "about")) {
      hedge = null; // "talks about maybe reseeding": the topic is open, not the step
    }
    if (hedge != null && partOfAName(written, hedge)) {
      hedge = null; // "The buyer at Ojala Foods signs ...", "the owner of Inshallah Bakery"
    }
    var leading = LEADING_HEDGE.matcher(advanceText == null ? "" : advanceText);
    if (hedge == null && leading.find()) {
      hedge =
          Phrase.of(
              leading
                  .group()
                  .replaceAll("[,\\s]+", " ")
                  .strip()
                  .toLowerCase(java.util.Locale.ROOT));
    }
    var aside = HEDGE_ASIDE.matcher(advanceText == null ? "" : advanceText);
    var attempt = ATTEMPT_AT.matcher(advanceText == null ? "" : advanceText);
    boolean attempted = hedge == null && attempt.find();
    if (attempted) {
      hedge = Phrase.of(attempt.group().toLowerCase(java.util.Locale.ROOT));
    } else if (hedge == null && aside.find()) {
      // "signs, hopefully, the agreement": set off by commas, a hedge wherever it stands
      hedge =
          Phrase.of(
              aside.group().replaceAll("[,\\s]+", " ").strip().toLowerCase(java.util.Locale.ROOT));
    }
    Phrase titleHedge = v.hedges.first(title, true);
    if (titleHedge != null
        && (partOfAName(title, titleHedge)
            // (title "Customer asks next door if they want the same-day slot": a question asked)
            || indirectQuestion(title, titleHedge)
            || written.find(titleHedge, 0) >= 0 && partOfAName(written, titleHedge))) {
      titleHedge =
          null; // (title "Ojala Foods proposal", the advance "The buyer at Ojala Foods ...")
    }
    if (hedge != null || titleHedge != null) {
      String w = hedge != null ? hedge.shown() : titleHedge.shown();
      String rewrite =
          hedge == null
              ? Rewrites.withoutHedges(title, v.hedges)
              : r.customerActs() && r.verb() != null && !attempted
                  // ("Client could maybe send us ...": the modal goes as well)
                  ? r.hedge() != null
                      ? Rewrites.customerDoes(r, advance.span(r.verbAt() + 1, advance.size()))
                      : Rewrites.withoutHedges(advance, v.hedges)
                  : Rewrites.example(advance, Rewrites.customer(r), r);
      out.error(
          hedge != null ? "advance" : "title",
          HEDGED,
          "hedged wording '"
              + w
              + "': an attempt is not a"
              + " commitment; state what the customer does",
          "'" + rewrite + "'");
    }
    if (hedge == null
        && titleHedge == null
        && r.hedge() != null
        && !indirectQuestion(advance, Phrase.of(r.hedge()))) {
      out.error(
          "advance",
          HEDGED,
          "hedged wording '"
              + r.hedge()
              + "': a possibility is not a commitment; state"
              + " what the customer does",
          "'" + Rewrites.customerDoes(r, advance.span(r.verbAt() + 1, advance.size())) + "'");
    }
    // "by Friday if possible", "today hopefully": a deadline hoped for is no deadline agreed
    // (not "Friday or possibly Saturday, at the latest Monday": a firm one comes after)
    Sentence when = v.read(o.timeFrame());
    Phrase timeHedge =
        hedge != null || titleHedge != null || r.hedge() != null || o.timeFrame() == null
            ? null
            : v.hedges.first(when, true);
    if (timeHedge != null && !FIRM_FALLBACK.matcher(o.timeFrame()).find()) {
      out.error(
          "timeFrame",
          HEDGED,
          "hedged wording '"
              + timeHedge.shown()
              + "' in the time frame: a deadline hoped for is not a commitment; state by when"
              + " the customer does it",
          "'"
              + TIME_HEDGE_GLUE.matcher(Rewrites.withoutHedges(when, v.hedges)).replaceAll("")
              + "'");
    }
    // Past the customer's own title ("the architect on their side books ..."), when the sentence is
    // one part
    boolean onePart =
        advance.text().chars().noneMatch(c -> c == ':' || c == ';' || c == '.' || c == '?');
    String vague =
        vagueIn(
            advance,
            r.actor() == Reading.Actor.CUSTOMER && r.verbAt() > 0 && !r.passive() && onePart
                ? verbGroupStart(advance, r.verbAt())
                : 0,
            r.verbAt());
    if (vague == null) {
      vague = vagueMainVerb(advance, r);
    }
    if (vague == null) {
      vague = vagueTelling(advance, r);
    }
    if (vague == null) {
      vague = talkWithUs(advance, r);
    }
    if (vague == null) {
      vague = emptyTalk(advance, r);
    }
    if (vague == null) {
      vague = changeOfMind(r);
    }
    // "becomes more interested" is a change of mind, too general as well
    String mind = changeOfMind(r) != null ? null : mindAsStep(advance, r);
    if (mind != null
        && vague != null
        && !vague.toLowerCase(Locale.ROOT).contains(mind)
        && !MIND_VERBS.contains(r.verb())
        && !leansToward(advance.text(), mind, vague)) {
      mind = null; // "is open to hearing more and agrees to next steps": vague in other words too
    }
    String shown = mind == null ? interestShown(r) : null;
    boolean leaning =
        (mind != null && leaningOnly(mind, advance, r.verbAt()) || shown != null)
            // ("Customer success manager is keen on a quarterly review": ours, still checked)
            && (r.actor() == Reading.Actor.CUSTOMER
                || r.actor() == Reading.Actor.UNKNOWN
                || peopleAsOne(r));
    if (leaning && shown != null && vague == null) {
      vague = shown;
    }
    if (leaning) {
      // "is open to a bigger order next season": a leaning toward something unnamed; authors call
      // it too general rather than a feeling
      vague = vague != null ? vague : asWritten(advance, mind, r.verbAt());
      mind = null;
    }
    if (mind != null) {
      // not-an-advance says it; too general would say the same thing twice
      out.error(
          "advance",
          NOT_AN_ADVANCE,
          "not an advance: '" + mind + "' is a state of mind, not a step the customer takes",
          "'" + Rewrites.example(advance, Rewrites.customer(r), r) + "'");
      vague = null;
    } else if (!leaning) {
      notAnAdvance(r, advance, vague, out);
    }
    if (vague != null) {
      out.error(
          "advance",
          TOO_GENERAL,
          "too general: '" + vague + "' names no concrete outcome",
          "name the step and what it is about, e.g. '"
              + Rewrites.example(advance, Rewrites.customer(r), r)
              + "'");
    }
    String vagueTitle = vagueIn(title);
    if (vagueTitle != null && vague == null) {
      out.warning(
          "title",
          TOO_GENERAL,
          "vague title: '" + vagueTitle + "'",
          "name the customer's step in" + " the title, e.g. 'Demo booked with the decision maker'");
    }

    // M: observable when the call ends.
    notMeasurable(measure, advance, r, out);

    // T: time-bound.
    // A time in the advance stands in for a missing time frame, not for one that says "when
    // convenient": "books a health check to unlock the discount on renewal" names no deadline then.
    Optional<String> vagueTime =
        o.timeFrame() == null || o.timeFrame().isBlank() ? Optional.empty() : v.times.vague(when);
    // A time frame that is not vague is the admin's deadline even when it is an event of theirs
    // ("this visit", "before go-live", "at the consultation"): the agent knows when that is.
    // "Friday at the earliest", "not before the 20th": when it may start, not by when
    boolean startOnly = false;
    if (o.timeFrame() != null
        && (vagueTime.isEmpty() || LOWER_BOUND.matcher(vagueTime.get()).find())) {
      var from = LOWER_BOUND.matcher(o.timeFrame());
      if (from.find() && !DEADLINE.matcher(o.timeFrame()).find()) {
        vagueTime = Optional.of(o.timeFrame().strip());
        startOnly = true;
      }
    }
    // "once calving's done", "once he digs them out": whenever that may be
    if (o.timeFrame() != null && vagueTime.isEmpty()) {
      var once = ONCE_THEY.matcher(o.timeFrame());
      if (once.find() && v.times.find(o.timeFrame().substring(once.end())).isEmpty()) {
        vagueTime = Optional.of(o.timeFrame().strip());
      }
    }
    // "sometime next week", "at some point in June": the week or month ends on a known day
    if (vagueTime.isPresent()
        && INDEFINITE.matcher(vagueTime.get()).find()
        && SHORT_PERIOD.matcher(o.timeFrame()).matches()) {
      vagueTime = Optional.empty();
    }
    boolean stated = o.timeFrame() != null && !o.timeFrame().isBlank() && vagueTime.isEmpty();
    // "at some point in the spring", "sometime next term": a period, but no deadline within it
    boolean indefinite =
        vagueTime.isPresent()
            && INDEFINITE.matcher(vagueTime.get()).find()
            && !BY_THEN.matcher(o.timeFrame()).find()
            && !A_DAY.matcher(o.timeFrame()).find();
    boolean startsOnly = startOnly;
    if (startOnly
        || !stated
            && (indefinite || v.times.find(o.timeFrame()).isEmpty())
            && (vagueTime.isPresent()
                || v.times.find(DATA_PERIOD.matcher(advanceText).replaceAll("$1")).isEmpty())) {
      out.error(
          "timeFrame",
          NOT_TIME_BOUND,
          "not time-bound"
              + vagueTime
                  .map(
                      w ->
                          startsOnly
                              ? " ('" + w + "' says when it may start, not by when)"
                              : " ('" + w + "' is no time" + " frame)")
                  .orElse(
                      o.timeFrame() == null || o.timeFrame().isBlank()
                          ? " (no time frame)"
                          : " ('" + o.timeFrame().strip() + "' names no time)"),
          "say by when: 'during the call', 'before we hang up',"
              + " 'by Friday', 'within 5 working days' or a date such as 2027-03-05");
    }

    // R: realistic for where the customer is.
    // The title and the measure tell the step too ("Flights booked", "Signed licence received");
    // each field is read on its own, so no phrase runs from one into the next.
    // ("signs 3-yr agmt": office shorthand is read as words here too)
    // A step the site placed in lint.yaml counts as placed there
    Optional<BuyingProcess.Found> step =
        v.steps.place(Shorthand.expand(advanceText), advance, true, v.closes, v::read);
    List<String> others =
        List.of(
            markup ? TextLimits.plain(o.title()) : o.title(),
            markup ? TextLimits.plain(o.measure()) : o.measure());
    List<Sentence> read = List.of(title, measure);
    for (int k = 0; k < others.size(); k++) {
      Optional<BuyingProcess.Found> more =
          v.steps.place(Shorthand.expand(others.get(k)), read.get(k), false, v.closes, v::read);
      if (more.isPresent() && (step.isEmpty() || more.get().phase() > step.get().phase())) {
        step = more;
      }
    }
    // "transfers £5,000 into their new savings account": their money stays theirs
    String advanceWords = advanceText == null ? "" : advanceText;
    step =
        step.filter(
            f ->
                !(OWN_ACCOUNT.matcher(advanceWords).find()
                    && f.what().matches(".*(?:payment|paid|purchase).*")));
    step.ifPresent(f -> realism(o, config, f, out));
    String outsized = BuyingProcess.outsized(advanceText);
    if (outsized != null && !out.refused("advance", UNREALISTIC)) {
      out.error(
          "advance",
          UNREALISTIC,
          "unrealistic: '" + outsized + OUTSIZED,
          "ask for a first order that fits them: 'The owner places a trial order for the first"
              + " week and books a review call'");
    }
    String rushed = BuyingProcess.rushed(advanceText, o.timeFrame());
    if (rushed != null && !out.refused("advance", UNREALISTIC)) {
      out.error(
          "advance",
          UNREALISTIC,
          "unrealistic: '" + rushed + TAKES_DAYS,
          "ask for the step that starts it, e.g. 'The customer submits the application and sends"
              + " us the reference' or 'The customer books the visit date', or give it the days it"
              + " takes");
    }
    out.read(
        advanceText,
        markup ? TextLimits.plain(o.measure()) : o.measure(),
        markup ? TextLimits.plain(o.title()) : o.title(),
        advance,
        r);
    return out;
  }

  /** Where a queue uses an objective: the stage, its place in the queue and in the process. */
  private record Use(String queue, Stage stage, int index, int count, Optional<Integer> phase) {}

  private static List<Use> uses(Objective o, Config config) {
    List<Use> out = new ArrayList<>();
    for (var e : config.rules().queueStages().entrySet()) {
      List<Stage> stages = e.getValue();
      for (int i = 0; i < stages.size(); i++) {
        Stage s = stages.get(i);
        if (o.id().equals(s.target().primary()) || o.id().equals(s.target().secondary())) {
          out.add(
              new Use(
                  e.getKey(),
                  s,
                  i,
                  stages.size(),
                  BuyingProcess.ofStage(s.id(), i, stages.size())));
        }
      }
    }
    return out;
  }

  /** The phase of the earliest stage that uses {@code o}, if any. */
  private static Optional<Use> earliestUse(Objective o, Config config) {
    return uses(o, config).stream()
        .filter(u -> u.phase().isPresent())
        .min(java.util.Comparator.comparing(u -> u.phase().get()));
  }

  private static String[] inputs(Objective o, Config config, Findings reading) {
    return Likeness.features(
        reading.titleText,
        reading.advanceText,
        reading.measureText,
        earliestUse(o, config).map(u -> BuyingProcess.name(u.phase().get())).orElse("none"),
        reading.list);
  }

  /**
   * The likeness models' opinion ({@link Likeness}) on the reading's findings: a rule the reading
   * missed is added where a model is sure it applies (unusual wordings that read very like the
   * corpus's refused objectives); a refusal it doubts stays, as a warning (authors mostly judged
   * objectives like it fine).
   */
  private void secondOpinion(Objective o, Config config, Findings out) {
    opinion(o, config, out);
    // "Notes updated" waited for the advance to name a step; with the advance let through, it is
    // the measure's own error again
    if (!out.refused("advance", TOO_GENERAL) && !out.refused("advance", NOT_AN_ADVANCE)) {
      out.list.replaceAll(
          f -> {
            var deferred = DEFERRED_MEASURE.matcher(f.message());
            return f.severity() == Severity.WARNING
                    && f.rule().equals(NOT_MEASURABLE)
                    && deferred.find()
                ? new LintFinding(
                    f.objectiveId(),
                    Severity.ERROR,
                    NOT_MEASURABLE,
                    "not measurable: '"
                        + deferred.group(1)
                        + (deferred.group(2).startsWith("names")
                            ? "' names no fact anyone can check"
                            : "' is our side's own judgement, not something the customer did or"
                                + " gave")
                        + "; say what is recorded (a date, an amount, a reference, a name, a"
                        + " count)",
                    f.file(),
                    f.line(),
                    f.suggestion())
                : f;
          });
    }
  }

  /**
   * Money moved into the customer's own account ("transfers the full amount into the new savings
   * account"): it stays theirs, so no payment to us however "full" it sounds.
   */
  private static final java.util.regex.Pattern OWN_ACCOUNT =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:transfers?|moves?|deposits?|puts?|pays?\\s+in)\\b[^.\\n]{0,40}\\binto\\s+"
              + "(?:the|their|his|her|a)\\s+(?:new\\s+)?(?:savings|current|deposit|checking)\\s+account\\b");

  /**
   * What the reading judges realistic on purpose, whatever the words around it ("pays the full £30
   * for the taster", "the £250 holding fee", "the full £850 arrears", money into their own
   * account): the learned model, which weighs words such as "full" or "first", does not overrule
   * it.
   */
  /** A word of time, which tells when a step happens, not how far along it is. */
  private static final java.util.regex.Pattern WHEN_WORD =
      java.util.regex.Pattern.compile(
          "(?i)(?:weekends?|weeks?|months?|years?|days?|today|tonight|tomorrow|mornings?"
              + "|evenings?|afternoons?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)");

  private static final java.util.regex.Pattern NOT_FOR_THE_MODEL =
      java.util.regex.Pattern.compile(
          OWN_ACCOUNT.pattern()
              + "|(?i)\\b(?:for|of|towards|on)\\s+(?:the|a|an|their|his|her)\\s+(?:[\\w-]+\\s+)?"
              + "(?:taster|trial|samples?)\\b"
              + "|(?i)\\b(?:holding\\s+fee|hold\\s+fee|arrears|overdue|owed|payment\\s+plan|instal+ments?)\\b");

  /**
   * The step agreed is itself the vague words ("agrees to circle back", "commits to touch base"):
   * nothing else in the objective can make it concrete, so no doubt demotes it.
   */
  private static boolean vagueStepAgreed(Findings out) {
    if (out.advance == null) {
      return false;
    }
    for (LintFinding f : out.list) {
      var quoted = QUOTED.matcher(f.message());
      if (f.rule().equals(TOO_GENERAL) && quoted.find()) {
        var agreed =
            java.util.regex.Pattern.compile(
                "(?i)\\b(?:agrees?|commits?|promises?|undertakes?)\\s+to\\s+"
                    + java.util.regex.Pattern.quote(quoted.group(1))
                    + "\\s*(?:$|[.,;]|during\\b|today\\b|on\\s+(?:this|the)\\s+call\\b|before\\b|by\\b)");
        if (agreed.matcher(out.advance.text()).find()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * "Notes logged." beside a concrete step ("picks an installation date"): the measure names no
   * fact of it, whatever authors let pass beside steps they refused for something else.
   */
  private static boolean namesNoFactBesideAStep(Findings out) {
    return !out.refused("advance", TOO_GENERAL)
        && !out.refused("advance", NOT_AN_ADVANCE)
        && out.list.stream()
            .anyMatch(
                f ->
                    f.severity() == Severity.ERROR
                        && f.rule().equals(NOT_MEASURABLE)
                        && NOTES_ONLY.matcher(f.message()).find());
  }

  /** A firm deadline beside a hoped-for one ("or possibly Saturday, at the very latest Monday"). */
  private static final java.util.regex.Pattern FIRM_FALLBACK =
      java.util.regex.Pattern.compile("(?i)\\bat the (?:very )?latest\\b|\\bor possibly\\b");

  /** Commas, semicolons or spaces left at the ends once a hedge is taken out of a time frame. */
  private static final java.util.regex.Pattern TIME_HEDGE_GLUE =
      java.util.regex.Pattern.compile("^[,;\\s]+|[,;\\s]+$");

  /**
   * A measure that only says notes were written or the call logged: "Notes logged.", "Call notes
   * updated", "Call logged".
   */
  private static final java.util.regex.Pattern NOTES_ONLY =
      java.util.regex.Pattern.compile(
          "(?i)^not measurable: '(?:the\\s+|call\\s+|crm\\s+)?(?:notes?|call|activity)\\s+"
              + "(?:logged|added|taken|updated|made|written|entered|saved|noted)\\.?' names no"
              + " fact");

  /**
   * A late step the site itself placed in lint.yaml, or one no wording makes possible (a size, a
   * pace, a completed purchase): not the model's to doubt.
   */
  private static boolean placedBySiteOrPace(Findings out) {
    return out.list.stream()
        .anyMatch(
            f ->
                f.rule().equals(UNREALISTIC)
                    && (f.message().contains(SiteSteps.WHAT)
                        // a size or a pace that no wording makes possible
                        || f.message().contains(TAKES_DAYS)
                        || f.message().contains(OUTSIZED)
                        // the money has moved: no wording makes that an earlier step
                        || f.message().contains(COMPLETED)));
  }

  private static final String COMPLETED = "' is a purchase or loan completed (a close step)";

  private static final String TAKES_DAYS =
      "' takes days (a permit or an authority's approval, a bank's loan decision, a journey,"
          + " building work, a full integration, years of paper scanned, a general meeting's"
          + " notice, dozens of signatures), not the day or less the objective gives it";
  private static final String OUTSIZED = "' is more than a business of that size buys or sends";

  /**
   * "Our team sets up the mats", "Venue sales executive books the show-round": the subject says it
   * is our step, whatever the wording.
   */
  private boolean oursBySubject(Findings out) {
    if (out.reading == null || out.reading.actor() != Reading.Actor.AGENT) {
      return false;
    }
    return OURS.matcher(out.reading.subject()).matches()
        || sellerTitle(out.reading.subject(), out.advance);
  }

  /** Whether a subject is one of our sellers by title ("the renewals coordinator"). */
  private boolean sellerTitle(String subject, Sentence advance) {
    if (subject == null
        || THEIR_SELLER.matcher(subject).find()
        || END_CLIENTS.matcher(advance.text()).find()) {
      return false;
    }
    int at = advance.text().indexOf(subject);
    if (at >= 0 && OF_A_FIRM.matcher(advance.text().substring(at + subject.length())).lookingAt()) {
      return false; // "Sales manager of the chain sends back ...": theirs
    }
    Sentence s = v.read(subject);
    for (int k = 0; k < s.size(); k++) {
      if (Vocabulary.longest(s, v.sellerTitles, k) > 0) {
        return true;
      }
    }
    return false;
  }

  /** A seller of the customer's own: "distributor sales rep", "the agency's account director". */
  private static final java.util.regex.Pattern THEIR_SELLER =
      java.util.regex.Pattern.compile(
          "(?i:\\b(?:"
              + String.join("|", AdvanceReader.OTHER_FIRMS)
              + "|channel|their|his|her|caller|customer"
              + "|prospect|buyer|client(?![- ]services?))\\b|\\b(?:at|from|of)\\s+(?:an?|the)\\b)|['’]s\\b"
              + "|\\b[A-Z][a-z]+-[A-Z]");

  private static final java.util.regex.Pattern OF_A_FIRM =
      java.util.regex.Pattern.compile("(?i)\\s+(?:at|from|of)\\s+(?:an?|the)\\b");

  /** "... adds their end client's procurement lead": a seller with clients of its own is theirs. */
  private static final java.util.regex.Pattern END_CLIENTS =
      java.util.regex.Pattern.compile("(?i)\\bend[- ](?:client|customer|user)s?\\b");

  /** Whether the advance asks for a trial or a pilot and the reading finds no later step in it. */
  private boolean trialOnly(String advance) {
    if (advance == null
        || !TRIAL_STEP.matcher(advance).find()
        || BEYOND_TRIAL.matcher(advance).find()) {
      return false;
    }
    var step = BuyingProcess.ofAdvance(advance, v.closes, v.read(advance));
    return step.isEmpty() || step.get().phase() < 4;
  }

  /** "starts the free 14-day trial", "joins the pilot": the trial is what is asked. */
  private static final java.util.regex.Pattern TRIAL_STEP =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:starts?|begins?|books?|joins?|signs?\\s+up\\s+for|sets?\\s+up|activates?|opens?)"
              + "\\s+(?:[\\w'-]+\\s+){0,4}?(?:trial|pilot)s?\\b");

  /** "takes the pilot live", "upgrades the whole team": past the trial. */
  private static final java.util.regex.Pattern BEYOND_TRIAL =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:live|production|roll-?outs?|upgrades?|full|go-ahead|standardi[sz]es?|switch(?:es)?|"
              + "moves?|converts?|contracts?|orders?|buys?|ends?|after|results?)\\b");

  private static final java.util.regex.Pattern OURS =
      java.util.regex.Pattern.compile("(?i)our\\s+[\\w -]{1,40}");

  private static final java.util.regex.Pattern QUOTED =
      java.util.regex.Pattern.compile("^too general: '([^']+)'");

  /** The measure's warning that waits for the advance to name the customer's step. */
  private static final java.util.regex.Pattern DEFERRED_MEASURE =
      java.util.regex.Pattern.compile(
          "^'(.*)' (names no fact|is our side's own mark); once the advance names");

  /** How a deferred lead mark reads: {@link #DEFERRED_MEASURE} finds it again. */
  private static final String JUDGED_LATER =
      " is our side's own mark; once the advance names the customer's step";

  /** How a deferred record without a fact reads. */
  private static final String NO_FACT_YET =
      " names no fact; once the advance names the customer's step";

  /**
   * A measure's refusal that waits for the advance to name a step (a warning until then; {@link
   * #secondOpinion} makes it an error again if the advance is let through).
   */
  private static void deferMeasure(Findings out, Reading r, String words, String why) {
    out.warning(
        "measure",
        NOT_MEASURABLE,
        "'"
            + words
            + "'"
            + why
            + ", say what is recorded of it (a date, an amount, a reference, a name, a count)",
        Rewrites.measureFor(r));
  }

  /** "Lead marked Warm", "Prospect status set to hot": a mark on the lead, not on the call. */
  private static final java.util.regex.Pattern LEAD_MARK =
      java.util.regex.Pattern.compile(
          "(?i)(?:lead|prospect|deal|account|opportunity|opp|contact)\\b(?!(?:'s|’s))");

  private void opinion(Objective o, Config config, Findings out) {
    String[] features = inputs(o, config, out);
    String who = Rewrites.customer(out.reading);
    for (String rule : Likeness.RULES) {
      double p = Likeness.of(rule, features);
      if (out.refusedFor(rule)) {
        if (p < Likeness.DOUBT
            && !(TOO_GENERAL.equals(rule) && vagueStepAgreed(out))
            && !(NOT_AN_ADVANCE.equals(rule) && oursBySubject(out))
            && !(UNREALISTIC.equals(rule) && placedBySiteOrPace(out))
            && !(NOT_MEASURABLE.equals(rule) && namesNoFactBesideAStep(out))) {
          out.demote(
              rule,
              " (a warning only: objectives worded and read like this one were mostly judged"
                  + " fine)");
        }
        continue;
      }

      // words alone add best what the reading missed; the stage needs the full model
      java.util.function.ToDoubleFunction<String[]> model =
          Likeness.WORD_RULES.contains(rule)
              ? f -> Likeness.ofWords(rule, f)
              : f -> Likeness.of(rule, f);
      if (model.applyAsDouble(features) < Likeness.sure(rule)) {
        continue;
      }
      // "has all six clinics start the free 14-day trial": a trial read as such is no late step
      if (UNREALISTIC.equals(rule) && trialOnly(o.advance())) {
        continue;
      }
      String word = Likeness.mostTelling(model, features, NOT_MEASURABLE.equals(rule) ? "m" : "a");
      String telling = word == null ? "the wording" : word;
      switch (rule) {
        case NOT_AN_ADVANCE ->
            out.error(
                "advance",
                NOT_AN_ADVANCE,
                "not an advance, most likely: worded like objectives where the customer takes no real"
                    + " step ('"
                    + telling
                    + "' above all); write the one step that costs the CUSTOMER effort during or right"
                    + " after the call",
                "'" + Rewrites.example(out.advance, who, out.reading) + "'");
        case TOO_GENERAL ->
            out.error(
                "advance",
                TOO_GENERAL,
                "too general, most likely: worded like objectives that name no concrete outcome ('"
                    + telling
                    + "' above all)",
                "name the step and what it is about, e.g. '"
                    + Rewrites.example(out.advance, who, out.reading)
                    + "'");
        case NOT_MEASURABLE -> {
          if (out.measureText != null && !out.measureText.isBlank()) {
            out.error(
                "measure",
                NOT_MEASURABLE,
                "not measurable, most likely: worded like measures nobody can check when the call"
                    + " ends ('"
                    + telling
                    + "' above all); say what is recorded (a date, an amount, a reference, a"
                    + " name, a count)",
                Rewrites.measureFor(out.reading));
          }
        }
        default ->
            earliestUse(o, config)
                .filter(u -> u.phase().get() <= 2)
                .filter(u -> !NOT_FOR_THE_MODEL.matcher(out.advance.text()).find())
                // ("to cover the Lisbon weekend": a word of when, without which the wording
                // reads as no late step, tells nothing of the step)
                .filter(
                    u ->
                        word == null
                            || !WHEN_WORD.matcher(word).matches()
                            || model.applyAsDouble(Likeness.withoutWord(features, "a", word))
                                >= Likeness.sure(rule))
                .ifPresent(
                    u ->
                        out.error(
                            "advance",
                            UNREALISTIC,
                            "unrealistic, most likely: worded like objectives that ask more than"
                                + " stage "
                                + u.stage().id()
                                + " of queue "
                                + u.queue()
                                + " ("
                                + BuyingProcess.name(u.phase().get())
                                + ") can get ('"
                                + telling
                                + "' above all)",
                            "ask for the next step that fits "
                                + BuyingProcess.name(u.phase().get())
                                + ": '"
                                + Rewrites.forPhase(u.phase().get())
                                + "'"));
      }
    }
  }

  /**
   * Phrases that start with a verb: "check in" is no finding in "the eligibility check in the app".
   */
  private static final java.util.Set<String> VERB_FIRST =
      java.util.Set.of(
          "keep",
          "maintain",
          "touch",
          "check",
          "build",
          "strengthen",
          "do",
          "sell",
          "move",
          "raise",
          "get",
          "gather",
          "learn",
          "find",
          "see",
          "make",
          "create",
          "generate",
          "sort",
          "resolve",
          "take",
          "go",
          "think",
          "explore",
          "discuss",
          "look",
          "be",
          "warm",
          "feel",
          "decide",
          "stay",
          "improve",
          "engage",
          "nurture");

  private static final java.util.Set<String> REASONS = java.util.Set.of("so", "because");

  private static final java.util.Set<String> CHOICES =
      java.util.Set.of("pick", "choose", "select", "opt");

  /** Noun endings: "the eligibility check in the app" is a noun even when tagged as a verb. */
  private static final java.util.regex.Pattern NOUN_ENDING =
      java.util.regex.Pattern.compile("\\p{L}{3,}(?:ity|tion|sion|ment|ness|ance|ence|ship)");

  private static boolean verbBetween(Sentence s, int from, int to) {
    for (int k = Math.max(0, from); k < to; k++) {
      if (s.is(k, "VERB")) {
        return true;
      }
    }
    return false;
  }

  /** Things booked that a purpose clause ("to explore ...") can be about. */
  private static final java.util.Set<String> MEETINGS =
      java.util.Set.of(
          "call",
          "meeting",
          "meetings",
          "session",
          "demo",
          "workshop",
          "appointment",
          "slot",
          "visit",
          "review",
          "walkthrough",
          "walk-through",
          "consultation",
          "webinar",
          "tour",
          "chat",
          "video");

  /** Talks that are only as concrete as what they are for ("a catch-up", "an alignment call"). */
  private static final java.util.Set<String> CATCH_UPS =
      java.util.Set.of(
          "catch-up",
          "catchup",
          "check-in",
          "sync",
          "sync-up",
          "touch-base",
          "touchpoint",
          "huddle",
          "alignment",
          "regroup");

  /**
   * Where "to" starts the purpose of a talk named at {@code [start, end)} ("a catch-up call next
   * week to go over the renewal quote"), or -1 when the phrase names no talk or no purpose follows.
   */
  private static int purposeOfTalk(Sentence s, int start, int end) {
    boolean talk = false;
    for (int k = start; k <= Math.min(end, s.size() - 1); k++) {
      String w = s.lower()[k];
      talk |=
          CATCH_UPS.contains(w)
              || CATCH_UPS.contains(s.lemmas()[k])
              || MEETINGS.contains(s.lemmas()[k]);
    }
    if (!talk) {
      return -1;
    }
    for (int k = end; k < Math.min(s.size() - 1, end + 10); k++) {
      if (s.word(k, ".") || s.word(k, ";") || s.wordIn(k, REASONS)) {
        return -1;
      }
      if (s.word(k, "to") && s.is(k + 1, "VERB")) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Whether the words at {@code i} say something of a thing just named ("names one thing we could
   * have done better", "what we could improve"): a clause about it, not the customer's outcome.
   */
  private static boolean saysOfNamed(Sentence s, int i) {
    int j = i - 1;
    while (j > 0 && (s.is(j, "AUX") || s.is(j, "PART") && !s.word(j, "to"))) {
      j--;
    }
    return j > 0
        && s.wordIn(j, java.util.Set.of("we", "i", "you"))
        && s.wordIn(
            j - 1,
            java.util.Set.of(
                "thing",
                "things",
                "what",
                "one",
                "something",
                "area",
                "areas",
                "part",
                "parts",
                "point",
                "points",
                "where"));
  }

  /** Whether a booked thing is named between {@code from} and {@code to}. */
  private static boolean meetingBefore(Sentence s, int from, int to) {
    for (int k = Math.max(from, to - 8); k < to; k++) {
      // "agreed to meeting to discuss": shorthand drops the article, the tagger reads a verb
      boolean bareMeeting = s.word(k, "meeting") && s.word(k - 1, "to");
      if ((s.is(k, "NOUN") || bareMeeting)
          && (MEETINGS.contains(s.lemmas()[k]) || MEETINGS.contains(s.lower()[k]))) {
        return true;
      }
    }
    return false;
  }

  /** Record and document nouns a vague word can describe ("the next steps document"). */
  private static final java.util.Set<String> DOCUMENTS =
      java.util.Set.of(
          "document",
          "doc",
          "plan",
          "template",
          "map",
          "form",
          "sheet",
          "letter",
          "email",
          "workshop",
          "session",
          "report",
          "tracker",
          "checklist",
          "list",
          "deck",
          "recording",
          "analytics",
          "export",
          "data");

  /** Verbs of coming back to us ("circles back", "follows up", "gets back"). */
  private static final java.util.Set<String> RETURNING =
      java.util.Set.of("circle", "come", "get", "follow", "revert", "report", "loop");

  /** Verbs that give us a mandate ("instructs us to", "authorises us to"). */
  private static final java.util.Set<String> INSTRUCTING =
      java.util.Set.of("instruct", "authorise", "authorize", "mandate", "appoint", "engage");

  /** Papers the customer hands over ("with the signed NDA", "with the completed form"). */
  private static final java.util.Set<String> PAPERS =
      java.util.Set.of(
          "nda",
          "contract",
          "agreement",
          "form",
          "forms",
          "document",
          "documents",
          "file",
          "invoice",
          "invoices",
          "statement",
          "statements",
          "po",
          "order",
          "mandate",
          "figures",
          "numbers",
          "quote",
          "spreadsheet",
          "photos",
          "photo",
          "pictures",
          "list");

  /**
   * A vague word or phrase at {@code i} that the words around it make concrete: "engages their
   * legal team by forwarding the draft" names the step in its means; "the onboarding journey
   * template", "a customer journey workshop" and "the next steps document" are documents and
   * events; "each step of the customer journey" is part of a named thing; "next steps with dates:
   * legal review by 3 May" lists them.
   */
  private static boolean namedConcretely(Sentence s, int i, int n) {
    int end = i + n;
    if (AdvanceReader.stepByDoing(s, end)) {
      return true;
    }
    if (s.is(end - 1, "NOUN") && s.is(end, "NOUN") && DOCUMENTS.contains(s.lemmas()[end])) {
      return true;
    }
    // "circles back with our NDA signed", "follows up with the completed form": a paper brought
    // back (not "moves forward with the agreement": no paper handed over)
    if (s.word(end, "with") && RETURNING.contains(s.lemmas()[i])) {
      for (int k = end + 1; k < Math.min(s.size(), end + 5); k++) {
        if (PAPERS.contains(s.lemmas()[k]) || PAPERS.contains(s.lower()[k])) {
          return true;
        }
        if (s.is(k, "VERB") || s.is(k, "ADP") || s.is(k, "PUNCT")) {
          break;
        }
      }
    }
    if (n == 1 && s.is(i, "NOUN") && i >= 3 && s.is(i - 1, "NOUN")) {
      for (int k = i - 2; k >= Math.max(0, i - 4); k--) {
        if (s.word(k, "of") || s.word(k, "for")) {
          return s.is(k - 1, "NOUN");
        }
      }
    }
    boolean steps = s.lower()[end - 1].startsWith("step");
    return steps
        && (s.word(end, ":")
            || s.word(end, "with")
                && (s.word(end + 1, "dates") || s.word(end + 1, "date"))
                && (s.word(end + 2, ":") || figureWithin(s, end + 2, end + 8)));
  }

  /** Whether a number (a date, a count) stands between {@code from} and {@code to}. */
  private static boolean figureWithin(Sentence s, int from, int to) {
    for (int k = from; k < Math.min(s.size(), to); k++) {
      if (s.is(k, "NUM")) {
        return true;
      }
    }
    return false;
  }

  /** "five-year", "30-minute", "two-page": a count in a compound word. */
  private static final java.util.regex.Pattern NUMBERED =
      java.util.regex.Pattern.compile(
          "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty)-\\p{L}+");

  /** Comparatives that promise "more" of something without saying how much. */
  private static final java.util.Set<String> COMPARATIVES =
      java.util.Set.of(
          "closer",
          "firmer",
          "better",
          "further",
          "more",
          "wider",
          "deeper",
          "stronger",
          "greater",
          "higher",
          "bigger",
          "broader",
          "clearer");

  /** "we demonstrate": the agent acting beside the customer's step, or null. */
  private String agentAside(Sentence s) {
    for (int i = 0; i + 1 < s.size(); i++) {
      // "so we can size the plan" is the reason for the customer's step, not the agent's part of it
      if (Vocabulary.longest(s, v.agentActors, i) > 0
          && !s.word(i, "us")
          && !s.word(i, "our")
          && !s.wordIn(i - 1, AdvanceReader.WOULD_BE) // "the prospective agent uploads": theirs
          // "while we're screensharing", "before we hang up": when the step happens, not the
          // agent's part of it
          && !s.wordIn(
              i - 1,
              java.util.Set.of(
                  "so", "that", "because", "which", "where", "until", "till", "while", "whilst",
                  "as", "when", "before", "time"))
          && (s.is(i + 1, "VERB") || s.is(i + 1, "AUX") && s.is(i + 2, "VERB"))) {
        return s.span(i, s.is(i + 1, "AUX") ? i + 3 : i + 2);
      }
    }
    return null;
  }

  /** The first vague phrase in {@code s}, as written, or null. */
  private String vagueIn(Sentence s) {
    return vagueIn(s, 0, -1);
  }

  /**
   * From word {@code from} (past the customer's title: "the architect on their side") to a reason
   * ("so ...").
   */
  private String vagueIn(Sentence s, int from, int verbAt) {
    int real = realOutcomeAt(s, from);
    for (int i = headingEnd(s, Math.max(0, from)); i < s.size(); i++) {
      if (i > from && s.wordIn(i, REASONS) && i > 0 && !s.is(i - 1, "VERB")) {
        return null; // "so we can keep in touch": the reason for the step, not the step
      }
      if (i > from + 2
          && (s.is(i, "SCONJ") || s.word(i, "when") && (s.is(i + 1, "PRON") || s.is(i + 1, "DET")))
          && s.wordIn(i, java.util.Set.of("once", "when", "whenever", "after", "until", "before"))
          && verbBetween(s, from, i)) {
        return null; // "confirms the upgrade once he has had a chat with his wife": its condition
      }
      if (i > from + 2
          && s.lower()[i].equals(",")
          && i + 1 < s.size()
          && s.lower()[i + 1].endsWith("ing")
          && s.is(i + 1, "VERB")
          && verbBetween(s, from, i)) {
        // "pays the deposit, crystallising their commitment": a comment on a step already named
        return null;
      }
      if (s.lower()[i].endsWith("ing") && s.is(i + 1, "NOUN") && s.is(i - 1, "CCONJ")) {
        continue; // "a fun and engaging lesson": a word describing the lesson
      }
      if (s.word(i, "to") && s.is(i + 1, "VERB") && meetingBefore(s, from, i)) {
        // "agrees to a call on Tuesday to explore the options": what the call is for
        return emptyPurpose(s, i);
      }
      if (i > from + 2
          && s.word(i, "to")
          && (s.word(i - 1, ",") || s.word(i - 1, "order") && s.word(i - 2, "in"))
          && verbBetween(s, from, i - 1)) {
        return null; // "forms are submitted by all four, to sort out referencing": what it is for
      }
      for (Phrase p : v.vague.candidates(s, i)) {
        int n = s.matchAt(p, i);
        if (n > 0 && (namedConcretely(s, i, n) || spelledOut(s, i, i + n) || saysOfNamed(s, i))) {
          continue;
        }
        // "instructs us to firm up the renewal": what they empower us to do, not their outcome
        // (not "asks us to touch base again": nothing of theirs named)
        if (n > 0
            && i > 3
            && s.word(i - 1, "to")
            && s.word(i - 2, "us")
            && INSTRUCTING.contains(s.lemmas()[i - 3])) {
          continue;
        }
        int purpose = n > 0 ? purposeOfTalk(s, i, i + n) : -1;
        if (purpose >= 0) {
          // "a check-in call on Tuesday to confirm the go-live date": the purpose decides
          String empty = emptyPurpose(s, purpose);
          if (empty != null) {
            return empty;
          }
          continue;
        }
        // "with the captain on board": aboard, not agreeing
        if (n == 2
            && s.word(i, "on")
            && s.is(i - 1, "NOUN")
            && s.is(i - 2, "DET")
            && s.word(i - 3, "with")
            && !reader.isActorWord(s, i - 1)) {
          continue;
        }
        // "looks into the camera for the selfie check": looking, not weighing something up
        if (n == 2
            && s.lemmas()[i].equals("look")
            && s.word(i + 1, "into")
            && s.wordIn(i + 3, java.util.Set.of("camera", "lens", "webcam", "screen", "mirror"))) {
          continue;
        }
        // "units that need power on board": aboard, unless someone gets or is on board
        if (n == 2 && s.word(i, "on") && s.word(i + 1, "board") && aboard(s, i)) {
          continue;
        }
        if (n > 0 && real >= 0 && i < real) {
          continue; // "build a good relation and, more concretely, she sends ...": the lead-in
        }
        boolean verbFirst = p.words().length > 1 && VERB_FIRST.contains(p.words()[0]);
        // "the eligibility check in the app" is a noun: a verb-first phrase needs a verb there
        // ("the partnership moves forward": the sentence's own verb after its subject)
        if (n > 0
            && !(verbFirst
                && i != verbAt
                && (s.is(i, "DET")
                    || s.is(i - 1, "DET")
                    || s.is(i - 1, "ADJ")
                    || s.is(i - 1, "NOUN") && !reader.isActorWord(s, i - 1)
                    || i > 0 && NOUN_ENDING.matcher(s.lower()[i - 1]).matches()))) {
          return s.span(i, i + n);
        }
      }
    }
    return null;
  }

  /**
   * Where the writer marks what follows as the real outcome ("and, more concretely, she sends ...",
   * "and most importantly gets ..."), with a step after the mark; else the sentence's end.
   */
  private static int realOutcomeAt(Sentence s, int from) {
    for (int i = Math.max(1, from + 2); i + 2 < s.size(); i++) {
      int n = 0;
      if (s.wordIn(i, java.util.Set.of("more", "most"))
          && s.wordIn(
              i + 1, java.util.Set.of("concrete", "concretely", "important", "importantly"))) {
        n = 2;
      } else if (s.word(i, "above") && s.word(i + 1, "all")) {
        n = 2;
      } else if (s.wordIn(i, java.util.Set.of("concretely", "specifically"))) {
        n = 1;
      }
      if (n == 0 || !s.wordIn(i - 1, java.util.Set.of(",", "and", "but", ":", "-", "–"))) {
        continue;
      }
      for (int k = i + n; k < s.size(); k++) {
        if (s.is(k, "VERB")) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The first phrase from word {@code from} on that names nothing even as what a call is for ("to
   * keep things rolling", "to go through things": {@code emptyPurposes} in lint.yaml), or null.
   */
  private String emptyPurpose(Sentence s, int from) {
    for (int i = from; i < s.size(); i++) {
      if (s.word(i, ".") || s.word(i, ";")) {
        return null;
      }
      for (Phrase p : v.emptyPurposes.candidates(s, i)) {
        int n = s.matchAt(p, i);
        if (n > 0) {
          return s.span(i, i + n);
        }
      }
    }
    return talkAboutNothing(s, from);
  }

  /** Verbs of talking or looking things over ("to see where things are", "to chat"). */
  private static final java.util.Set<String> TALKING =
      java.util.Set.of(
          "see",
          "talk",
          "chat",
          "discuss",
          "go",
          "review",
          "look",
          "catch",
          "touch",
          "round",
          "wrap",
          "know",
          "hear",
          "check",
          "reconnect",
          "connect",
          "sync",
          "meet",
          "explore",
          "share",
          "exchange",
          "align",
          "reflect",
          "recap",
          "debrief",
          "get",
          "clarify");

  /** Nouns that name no subject of their own ("things", "the situation", "where we are"). */
  private static final java.util.Set<String> NOTHING_IN_PARTICULAR =
      java.util.Set.of(
          "thing",
          "stuff",
          "everything",
          "anything",
          "something",
          "situation",
          "progress",
          "option",
          "idea",
          "way",
          "matter",
          "relationship",
          "partnership",
          "cooperation",
          "collaboration",
          "opportunity",
          "possibility",
          "update",
          "bit",
          "other",
          "year",
          "month",
          "week",
          "time",
          "today",
          "status",
          "life",
          "general",
          "each",
          "need",
          "thought",
          "feeling",
          "project",
          "side",
          "end",
          "point",
          "question",
          "detail",
          "item",
          "topic",
          "step");

  /**
   * "To see where things are at", "to round things off", "to talk about the projects in general": a
   * purpose that talks or looks and names nothing it is about, or null.
   */
  private String talkAboutNothing(Sentence s, int to) {
    if (!s.word(to, "to")
        || to + 1 >= s.size()
        || !s.is(to + 1, "VERB")
        || !TALKING.contains(s.lemmas()[to + 1])) {
      return null;
    }
    for (int k = 0; k < to; k++) {
      if (s.word(k, "with") && theirPeopleAt(s, k + 1)) {
        return null; // "a meeting with the operations director to explore the options"
      }
    }
    int end = to + 2;
    for (; end < s.size(); end++) {
      if (s.wordIn(
              end, java.util.Set.of(".", ";", ",", ":", "before", "after", "when", "once", "so"))
          || s.wordIn(end, REASONS)) {
        break;
      }
      if (s.word(end, "in") && s.word(end + 1, "general")) {
        return s.span(to + 1, end + 2);
      }
      boolean named =
          s.is(end, "NUM")
              || s.is(end, "PROPN") && Vocabulary.longest(s, v.agentActors, end) == 0
              || s.is(end, "NOUN")
                  && !NOTHING_IN_PARTICULAR.contains(s.lemmas()[end])
                  && !BARE_TALKS.contains(s.lower()[end])
                  && Vocabulary.longest(s, v.agentActors, end) == 0;
      if (named) {
        return null;
      }
    }
    return s.span(to + 1, end);
  }

  /**
   * "Moves forward by emailing us the invoices", "sorts out their lessons: books two slots",
   * "agrees the next step is sending the file", "stays with us and signs the renewal": the vague
   * words are followed at once by the concrete step they stand for.
   */
  private static boolean spelledOut(Sentence s, int start, int end) {
    if (AdvanceReader.stepByDoing(s, end)) {
      return true; // "explores GF demand with us by pulling up the till report"
    }
    // "sorts out who handles cyber and gives the producer's line", "explore the split and the
    // lead tenant emails who takes which room": a step of the customer's after "and"
    for (int k = end; k < s.size() - 1; k++) {
      if (s.word(k, ".") || s.word(k, ";") || s.wordIn(k, REASONS)) {
        break;
      }
      if (s.word(k, "and")) {
        for (int j = k + 1; j < Math.min(s.size(), k + 5); j++) {
          if (AdvanceReader.isStepVerb(s.lower()[j])
              && (j + 1 < s.size()
                  && (s.is(j + 1, "DET")
                      || s.is(j + 1, "NUM")
                      || s.is(j + 1, "PRON")
                      || s.wordIn(j + 1, java.util.Set.of("who", "which", "how", "what"))))) {
            return true;
          }
          // (only the first verb after "and": "and says someone can call them" is no step)
          if (s.is(j, "VERB") || s.is(j, "AUX") || s.is(j, "PRON")) {
            break;
          }
        }
      }
    }
    for (int k = end; k < Math.min(s.size() - 1, end + 10); k++) {
      if (s.word(k, ":") || s.word(k, "—") || s.word(k, "–")) {
        // (not a heading: "Sell more add-ons: the customer agrees to buy" stays vague)
        return start > 0
            && (verbBetween(s, k + 1, s.size()) || AdvanceReader.isStepVerb(s.lower()[k + 1]));
      }
      // "Get a feel for the job, meaning the groundsman gives us the metres of hedging"
      if (s.word(k, ",") && s.wordIn(k + 1, AdvanceReader.EXPLAINING)) {
        return verbBetween(s, k + 2, s.size());
      }
      if (s.word(k, ",") || s.word(k, ";") || s.word(k, ".")) {
        return false;
      }
    }
    String after = end + 1 < s.size() ? s.lower()[end + 1] : "";
    return s.wordIn(end, java.util.Set.of("is", "being", "=")) && after.endsWith("ing");
  }

  /**
   * Past a short heading before a colon when a whole step follows ("Grow share of wallet: the buyer
   * sends their April forecast ..."): the heading is the manager's label, the step is what is
   * checked.
   */
  private static int headingEnd(Sentence s, int from) {
    // "To move the quote forward, the broker returns ...", "As next step, the director gives ...":
    // the purpose in front, then the step
    if (from == 0 && (s.word(0, "to") && s.is(1, "VERB") || s.word(0, "as"))) {
      for (int c = 2; c < Math.min(s.size(), 9); c++) {
        if (s.word(c, ",")) {
          return stepAfter(s, c) ? c + 1 : from;
        }
      }
    }
    for (int c = from + 1; c < Math.min(s.size(), from + 12); c++) {
      if (s.word(c, ":")) {
        // (a long one: "Sell more add-ons: the customer agrees to buy during the call" stays vague)
        return s.size() - c > 10 && stepAfter(s, c) ? c + 1 : from;
      }
    }
    return from;
  }

  /** Whether a verb follows {@code c} (past the word right after it). */
  private static boolean stepAfter(Sentence s, int c) {
    for (int k = c + 2; k < s.size(); k++) {
      if (s.is(k, "VERB") || AdvanceReader.isStepVerb(s.lower()[k])) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code p} is written inside a name: capitalised mid-sentence, a capital after it. */
  private static boolean partOfAName(Sentence s, Phrase p) {
    int at = s.find(p, 0);
    if (at <= 0) {
      return false;
    }
    int end = at + s.matchAt(p, at);
    return Character.isUpperCase(s.tokens()[at].charAt(0))
        && end < s.size()
        && Character.isUpperCase(s.tokens()[end].charAt(0));
  }

  /** States of mind a "step" may grow into: "becomes more interested", "shows interest". */
  private static final java.util.Set<String> MIND =
      java.util.Set.of("interest", "interested", "excited", "aware", "keen", "curious");

  /** Verbs of a change of mind, or of showing it. */
  private static final java.util.Set<String> GROWING =
      java.util.Set.of(
          "become",
          "becomes",
          "became",
          "becoming",
          "get",
          "gets",
          "got",
          "getting",
          "grow",
          "grows",
          "grew",
          "growing",
          "show",
          "shows",
          "showed",
          "showing",
          "express",
          "expresses",
          "expressed",
          "expressing");

  /**
   * "Becomes more interested", "shows interest", "considers the MBA": a change of mind names
   * nothing anyone could see happen, too general as well as no advance. (A state such as "is happy"
   * is no advance, but names what it means.)
   */
  private String changeOfMind(Reading r) {
    if (r.lowEffort() == null) {
      return null;
    }
    // the words as written: reading the phrase again would tag it a second time
    String[] low = r.lowEffort().toLowerCase(Locale.ROOT).split("\\s+");
    if (low[0].startsWith("consider")) {
      return r.lowEffort();
    }
    boolean growing = false;
    for (String w : low) {
      growing |= GROWING.contains(w);
      if (growing && MIND.contains(w)) {
        return r.lowEffort();
      }
    }
    return null;
  }

  private static final java.util.Set<String> FEELING_WORDS =
      java.util.Set.of(
          "feel",
          "feels",
          "felt",
          "feeling",
          "frustrated",
          "happy",
          "unhappy",
          "things",
          "thing",
          "annoyed",
          "upset",
          "worried",
          "concerned",
          "satisfied",
          "dissatisfied",
          "keen");

  /** Whether the three words from {@code k} ask about feelings or "how things are". */
  private static boolean aboutFeelings(Sentence s, int k) {
    if (s.wordIn(k, java.util.Set.of("much", "many", "long", "often", "soon", "far"))) {
      return false; // "how much they feel they can spend": a figure
    }
    for (int j = k; j < Math.min(s.size(), k + 3); j++) {
      if (FEELING_WORDS.contains(s.lower()[j])) {
        return true;
      }
    }
    return false;
  }

  /**
   * "Payroll lead names ...", "Farmer shares ...": the tagger reads a bare first noun as a verb and
   * the verb as a noun, where "The payroll lead names ..." reads right. That reading, when the
   * written one finds no customer acting and the other finds a plain noun phrase of the customer's
   * before a verb; else null.
   */
  private Sentence withArticle(Sentence s, Reading r) {
    if (!misread(s, r)
        || s.size() < 3
        || r.customerActs()
        || r.passive()
        || s.is(0, "DET")
        || s.is(0, "PRON") && !s.tokens()[0].equals("IT")
        || s.word(0, "to")
        || !Character.isUpperCase(s.tokens()[0].charAt(0))) {
      return null;
    }
    Sentence alt = v.read("The " + lowerFirst(s.text())); // "IT administrator" keeps its capitals
    Reading ra = reader.read(alt);
    if (ra.actor() != Reading.Actor.CUSTOMER
        || ra.verb() == null
        || ra.imperative()
        || ra.passive()
        || ra.verbAt() < 2
        || ra.verbAt() > 5) {
      return null;
    }
    for (int k = 1; k < ra.verbAt(); k++) {
      boolean plain =
          alt.is(k, "NOUN")
              || alt.is(k, "ADJ")
              || alt.is(k, "PROPN")
              || alt.lower()[k].equals("'s")
              || k == 1; // the word the tagger misread, whatever it took it for
      if (!plain || alt.is(k, "DET")) {
        return null; // "The help the client complete ...": not one noun phrase
      }
    }
    return alt;
  }

  /**
   * "Shipper email details ...", "Customer revert which rates ...", "Head RVN to email over ...": a
   * bare verb after the customer (clipped or non-native English) is read as a noun, where "The
   * shipper will email details ..." reads right. That reading, when the written one finds no
   * customer acting and a customer of up to four words is followed by the verb; else null.
   */
  private Sentence withModal(Sentence s, Reading r) {
    if (!misread(s, r)
        || r.imperative() && s.is(0, "VERB") // "Help client to upload ...": the agent's task
        || r.customerActs() && r.verb() != null
        || r.passive()
        || s.size() < 3
        || s.is(0, "DET")
        || s.is(0, "PRON")
        || !Character.isUpperCase(s.tokens()[0].charAt(0))) {
      return null;
    }
    for (int j = 1; j <= 4 && j + 1 < s.size(); j++) {
      String next = s.tokens()[j];
      if (s.is(j, "CCONJ")
          || Character.isUpperCase(next.charAt(0)) && !next.equals("RSVP") && !s.is(j, "DET")
          // "Head of Engineering signs": a title with its department
          || s.word(j, "of")
              && j + 1 < s.size()
              && Character.isUpperCase(s.tokens()[j + 1].charAt(0))) {
        continue; // "Alum and spouse RSVP", "Head RVN to email", "Mrs Okafor books"
      }
      if (!Character.isLetter(next.charAt(0))
          || s.is(j, "DET")
          || s.is(j, "AUX")
          || s.is(j, "ADP") && !s.word(j, "to")) {
        return null; // past the subject
      }
      if (s.is(j, "NOUN") && NOUN_SUFFIX.matcher(s.lower()[j]).matches()) {
        continue; // "Increase patient engagement with ...": a noun that is never a clipped verb
      }
      // "Mrs Okafor books two places": after "will" the verb takes its bare form
      String bare =
          s.word(j, "to") || !(s.is(j, "NOUN") || s.is(j, "VERB"))
              ? null
              : s.is(j, "VERB") ? s.lemmas()[j] : Rewrites.base(s.lower()[j]);
      String rest =
          s.word(j, "to")
              ? s.span(j + 1, s.size())
              : bare != null ? bare + " " + s.span(j + 1, s.size()) : s.span(j, s.size());
      // a name or a title stays as written ("Mrs Okafor will book"), a role takes "The"
      boolean named = s.is(0, "PROPN") || s.wordIn(0, TITLES);
      String subject = named ? s.span(0, j) : "The " + lowerFirst(s.span(0, j));
      Sentence alt = v.read(subject + " will " + rest);
      Reading ra = reader.read(alt);
      int will = named ? j : j + 1;
      if (alt.word(will, "will")
          && ra.actor() == Reading.Actor.CUSTOMER
          && ra.verb() != null
          && !ra.passive()
          && !ra.imperative()
          && ra.verbAt() == will + 1) {
        return alt;
      }
    }
    return null;
  }

  private static final java.util.Set<String> TITLES = java.util.Set.of("mr", "mrs", "ms", "dr");

  /** Endings that make a noun, never a verb ("engagement", "retention", "awareness"). */
  private static final java.util.regex.Pattern NOUN_SUFFIX =
      java.util.regex.Pattern.compile(
          "(?!(?:mention|question|position|function|auction|caution|commission|implement|document"
              + "|comment|supplement|complement|experiment|augment|compliment)s?$)"
              + "[a-z]{3,}(?:ment|tion|sion|ness|ity)s?");

  /** Whether the tagger may have misread who acts: no verb, no actor, or an unlikely one. */
  private boolean misread(Sentence s, Reading r) {
    return s.size() > 0 && s.tokens()[0].equals("IT") // "IT contact creates": never the pronoun
        || r.verb() == null
        || r.imperative()
            && r.agentVerb() == null
            && !agentVerbFirst(s)
            && !s.wordIn(0, java.util.Set.of("keep", "make")) // "Keep HO engaged": ours
        || r.actor() == Reading.Actor.NONE
        || r.actor() == Reading.Actor.THING
        || r.actor() == Reading.Actor.UNKNOWN
        // "Listing agent books ...": a trade's own agent, read as ours
        || r.actor() == Reading.Actor.AGENT
            && !r.imperative()
            && !s.wordIn(0, java.util.Set.of("we", "our", "i", "us"))
            && !sellerTitle(r.subject(), s)
            // ("Branch manager calls the lead": ours by whom it calls, not by a misread word)
            && AdvanceReader.addressesTheCustomer(s, r.verbAt()) < 0
            && AdvanceReader.informsTheCustomer(s, r.verbAt(), AdvanceReader.SERVED) < 0;
  }

  /** Whether the first word is one of the agent's verbs ("Present", "Walk ... through"). */
  private boolean agentVerbFirst(Sentence s) {
    for (Phrase p : v.agentVerbs) {
      if (s.matchAt(p, 0) > 0) {
        return true;
      }
    }
    return false;
  }

  /** "Payroll lead" -> "payroll lead"; "GM", "IT" and other capitals stay as written. */
  private static String lowerFirst(String t) {
    // "Jones Builders", "Ops Manager": a name in capitals keeps them
    String[] words = t.split("\\s+", 3);
    if (words.length > 1 && !words[1].isEmpty() && Character.isUpperCase(words[1].charAt(0))) {
      return t;
    }
    return t.length() > 1 && Character.isLowerCase(t.charAt(1))
        ? Character.toLowerCase(t.charAt(0)) + t.substring(1)
        : t;
  }

  /** Where the verb group of the verb at {@code at} starts: "gets excited", "is aligned". */
  private static int verbGroupStart(Sentence s, int at) {
    int k = at;
    java.util.Set<String> gets = java.util.Set.of("get", "gets", "getting", "got");
    while (k > 0
        && (s.is(k - 1, "AUX")
            || s.wordIn(k - 1, gets)
            // "gets on board": the tagger's verb is "board"
            || k >= 2 && s.is(k - 1, "ADV") && (s.is(k - 2, "AUX") || s.wordIn(k - 2, gets)))) {
      k--;
    }
    return k;
  }

  /** A state of mind read as "be keen", as written: "is keen on", "becomes more open to". */
  private static String asWritten(Sentence s, String mind, int from) {
    String[] w = mind.toLowerCase(Locale.ROOT).split("\\s+");
    int at = indexOfWord(s, w[w.length - 1], from, s.size());
    if (at < 1) {
      return mind;
    }
    int start = s.is(at - 1, "ADV") && at >= 2 ? at - 2 : at - 1;
    int end = s.wordIn(at + 1, java.util.Set.of("to", "on", "about")) ? at + 2 : at + 1;
    return s.span(start, end);
  }

  /**
   * "shows interest", "expresses some interest": a leaning shown, as the light step read; or null.
   */
  private static String interestShown(Reading r) {
    String low = r.lowEffort();
    if (low == null || r.actor() == Reading.Actor.AGENT || r.imperative()) {
      return null;
    }
    Sentence shown = English.analyze(low);
    return AdvanceReader.leaningShownAt(shown, 0) == shown.size() ? low : null;
  }

  /**
   * Whether a state of mind is only a leaning ("is open", "be receptive", "is keen on"), not a
   * feeling.
   */
  private static boolean leaningOnly(String mind, Sentence s, int from) {
    String[] w = mind.toLowerCase(Locale.ROOT).split("\\s+");
    if (w.length == 2 && w[1].equals("keen")) {
      int at = indexOfWord(s, "keen", from, s.size());
      return at >= 0 && s.word(at + 1, "on"); // "is keen on a staff benefit", not "keen to book"
    }
    if (w.length == 2 && (w[0].equals("stays") || w[0].equals("remains"))) {
      return true; // "stays engaged", "remains interested": no step, only staying as they are
    }
    if (w.length == 2
        && java.util.Set.of("is", "are", "be").contains(w[0])
        && w[1].equals("interested")
        && from >= 0
        && s.lemmas()[from].equals("be")) { // (not "says she is interested": telling us)
      return true; // "is interested in our cloves": a leaning, too general as dev's authors say
    }
    return (w.length == 2
            || w.length == 3 && w[1].endsWith("ly")
            || w.length == 3 && w[1].equals("more"))
        && java.util.Set.of(
                "is", "are", "be", "stays", "remains", "becomes", "seems", "sounds", "gets",
                "grows")
            .contains(w[0])
        && java.util.Set.of("open", "receptive").contains(w[w.length - 1]);
  }

  /** Verbs of a state of mind: "appreciates the value", "trusts our advice". */
  private static final java.util.Set<String> MIND_VERBS =
      java.util.Set.of(
          "appreciate",
          "recognise",
          "recognize",
          "realise",
          "realize",
          "understand",
          "value",
          "trust",
          "warm",
          "believe",
          "feel",
          "love",
          "favour",
          "favor",
          "regard",
          "care");

  /** States a customer may be in: "is aligned on", "becomes excited about". */
  private static final java.util.Set<String> MIND_STATES =
      java.util.Set.of(
          "aligned",
          "excited",
          "aware",
          "keen",
          "interested",
          "convinced",
          "confident",
          "comfortable",
          "enthusiastic",
          "reassured",
          "open",
          "curious",
          "positive",
          "conviction",
          "confidence",
          "comfort",
          "peace",
          "ease");

  /** How a customer stays with us without doing anything: "stays engaged", "remains involved". */
  private static final java.util.Set<String> STAYING_STATES =
      java.util.Set.of("engaged", "involved", "connected", "committed", "warm", "onboard");

  /**
   * The words of an advance whose step is a state of mind ("appreciates why ...", "warms to the
   * idea", "becomes excited"), or null.
   */
  private String mindAsStep(Sentence s, Reading r) {
    for (int k = Math.max(0, r.verbAt()); k + 1 < s.size(); k++) {
      if (s.is(k, "CCONJ")
          && (s.is(k + 1, "VERB") || s.lower()[k + 1].endsWith("s") && s.is(k + 1, "NOUN"))
          && !MIND_VERBS.contains(s.lemmas()[k + 1])
          // ("stays engaged and keeps moving forward": what follows names no step either)
          && !(("stay".equals(r.verb()) || "remain".equals(r.verb()))
              && v.vague.first(s.slice(k + 1, s.size())) != null)) {
        return null; // "loves the range and introduces us to the buyer": a step follows
      }
    }
    if (r.verb() == null
        || r.imperative()
        || r.passive()
        || r.actor() == Reading.Actor.AGENT
        || r.actor() == Reading.Actor.NONE) {
      return null;
    }
    if (MIND_VERBS.contains(r.verb())) {
      return s.lower()[r.verbAt()];
    }
    // "gets excited about the college", "stays engaged and excited"
    int at = r.verbAt();
    if (at > 0
        && (MIND_STATES.contains(s.lower()[at]) || s.word(at, "engaged"))
        && java.util.Set.of("get", "become", "grow", "stay", "remain", "feel")
            .contains(s.lemmas()[at - 1])) {
      return s.span(at - 1, at + 1);
    }
    // "stays engaged with us", "remains interested": the linking verb read as the step
    if (java.util.Set.of("stay", "remain").contains(r.verb())
        && (s.wordIn(at + 1, MIND_STATES) || s.wordIn(at + 1, STAYING_STATES))) {
      return s.span(at, at + 2);
    }
    // "sees the value of the plan", "sees us as a credible alternative"
    if (r.verb().equals("see")) {
      for (int k = r.verbAt() + 1; k < Math.min(s.size(), r.verbAt() + 5); k++) {
        if (s.wordIn(k, java.util.Set.of("value", "benefit", "benefits", "point", "as"))) {
          return s.span(r.verbAt(), k + 1);
        }
      }
    }
    if (r.lowEffort() != null) {
      String[] low = r.lowEffort().toLowerCase(Locale.ROOT).split("\\s+");
      for (String w : low) {
        if (MIND_STATES.contains(w) || MIND_VERBS.contains(w)) {
          return r.lowEffort();
        }
      }
    }
    return null;
  }

  /** Verbs by which the customer tells us something (an understanding objective). */
  private static final java.util.Set<String> TELLING =
      java.util.Set.of(
          "tell",
          "share",
          "describe",
          "discuss",
          "explain",
          "walk",
          "talk",
          "chat",
          "outline",
          "give",
          "provide");

  /** What is on someone's mind ("the things that matter to them", "that worry her"). */
  private static final java.util.Set<String> MINDFUL =
      java.util.Set.of(
          "matter",
          "matters",
          "mattered",
          "worry",
          "worries",
          "bother",
          "bothers",
          "concern",
          "concerns",
          "interest",
          "interests",
          "excite",
          "excites",
          "like",
          "likes",
          "want",
          "wants",
          "need",
          "needs",
          "think",
          "feel",
          "feels",
          "count",
          "counts",
          "help",
          "helps",
          "make",
          "makes",
          "could",
          "would",
          "might",
          "should",
          "can");

  /** Words before what is told ("their", "some honest"). */
  private static final java.util.Set<String> OPENERS =
      java.util.Set.of(
          "his", "her", "their", "its", "the", "some", "any", "honest", "first", "initial",
          "general", "overall", "own", "a", "an", "his/her");

  /** What someone thinks of something, whatever it is: told, it names no outcome. */
  private static final java.util.Set<String> MUSINGS =
      java.util.Set.of("thought", "impression", "feeling");

  /**
   * "how things are going", "how the pilot went", "how she found the quote", "how the kids have
   * been doing": how something went for them, not a fact ("how they do payroll", "how they go about
   * hiring" are facts).
   */
  private static boolean howItWent(Sentence s, int k) {
    for (int j = k; j < Math.min(s.size(), k + 6); j++) {
      if (s.wordIn(j, java.util.Set.of(",", ";", ".", "and", "what", "which", "whether"))
          || s.wordIn(j, java.util.Set.of("much", "many", "long", "often"))) {
        return false;
      }
      String w = s.lower()[j];
      boolean end =
          j + 1 >= s.size()
              || s.is(j + 1, "ADP") && !s.word(j + 1, "about")
              || s.is(j + 1, "ADV")
              || s.is(j + 1, "PUNCT")
              || s.is(j + 1, "CCONJ")
              || s.is(j + 1, "SCONJ");
      // ("how invoices go through approval", "how their orders go out": facts, not how it went)
      boolean settled =
          j + 1 >= s.size()
              || s.is(j + 1, "PUNCT")
              || s.wordIn(
                  j + 1,
                  java.util.Set.of("well", "badly", "so", "ok", "okay", "smoothly", "since"));
      if (java.util.Set.of("went", "going", "gone", "travelling", "traveling", "experienced")
                  .contains(w)
              && end
          || (w.equals("go") || w.equals("goes")) && settled && j > k
          || w.equals("doing") && end
          || w.equals("working") && s.word(j + 1, "out")
          || w.equals("found")
              && j > k
              && s.wordIn(j + 1, java.util.Set.of("the", "our", "it", "this", "that"))
              && (s.word(j + 1, "it") || s.wordIn(j + 2, OUR_SHOWINGS))) {
        return true;
      }
    }
    return false;
  }

  /** What we show or send a customer, as they may have found it ("how she found the quote"). */
  private static final java.util.Set<String> OUR_SHOWINGS =
      java.util.Set.of(
          "quote",
          "demo",
          "proposal",
          "offer",
          "trial",
          "pilot",
          "visit",
          "session",
          "tour",
          "service",
          "price",
          "pricing",
          "sample",
          "samples",
          "tasting",
          "course",
          "class",
          "app",
          "platform",
          "product",
          "machine");

  /** What someone feels or thinks, told: no fact named. */
  private static final java.util.Set<String> IMPRESSIONS =
      java.util.Set.of(
          "feedback",
          "impression",
          "thought",
          "feeling",
          "frustration",
          "worry",
          "experience",
          "story",
          "dream",
          "view",
          "opinion",
          "take",
          "reaction",
          "sentiment",
          "perspective",
          "vision",
          "hope",
          "fear",
          "mood",
          "vibe");

  /** Words that make what the customer tells precise ("how many", "which", "when", a number). */
  private static final java.util.Set<String> PRECISE =
      java.util.Set.of("how", "which", "when", "whether", "why", "who", "where");

  /**
   * "Tells us about their energy use", "describes what good looks like": the customer talks, but
   * what they tell is not named; null when a number or a precise question word names it.
   */
  private String vagueTelling(Sentence s, Reading r) {
    if (r.verb() == null || r.verbAt() < 0 || !TELLING.contains(r.verb())) {
      return null;
    }
    int i = r.verbAt() + 1;
    while (i < s.size()
        && (s.wordIn(
                i,
                java.util.Set.of(
                    "us",
                    "me",
                    "through",
                    "info",
                    "information",
                    "details",
                    "some",
                    "more",
                    "a",
                    "bit"))
            || s.is(i, "ADP") && !s.word(i, "about"))) {
      i++;
    }
    int told = i;
    while (told < s.size() && s.wordIn(told, OPENERS)) {
      told++;
    }
    // "shares his frustration", "gives feedback on the platform": an impression, told
    boolean impression = told < s.size() && IMPRESSIONS.contains(s.lemmas()[told]);
    // "general feedback on the estimate": no point of it named
    boolean general = told > i && s.wordIn(told - 1, java.util.Set.of("general", "overall"));
    // "shares his thoughts on the pricing", "gives her impressions of the oils": what they think
    // of it, whatever "it" is ("shares his thoughts by picking the config" names a step)
    boolean musing =
        impression
            && MUSINGS.contains(s.lemmas()[told])
            && java.util.stream.IntStream.range(told, s.size())
                .noneMatch(
                    k ->
                        s.word(k, "by")
                            && k + 1 < s.size()
                            && s.is(k + 1, "VERB")
                            && s.lower()[k + 1].endsWith("ing"));
    for (int k = told + 1; impression && !general && !musing && k < s.size(); k++) {
      // "gives feedback on the cabin sample": an impression of a named thing, not too general
      impression =
          IMPRESSIONS.contains(s.lemmas()[k])
              || s.wordIn(k, java.util.Set.of("and", "with", "us", "me", ".", "!"));
    }
    if (musing) {
      return s.span(r.verbAt(), Math.min(s.size(), told + 1));
    }
    if (!(impression
        || s.word(i, "about")
        || s.word(i, "what")
        || s.word(i, "how") && (aboutFeelings(s, i + 1) || howItWent(s, i + 1)))) {
      return null;
    }
    // "what share of the bill", "what other vendors they evaluate": "what" before a noun asks
    // for one fact
    if (s.word(i, "what") && (s.is(i + 1, "NOUN") || s.is(i + 1, "ADJ") && s.is(i + 2, "NOUN"))) {
      return null;
    }
    // "what went wrong on last year's charter", "what happened with the old supplier": an event
    // of theirs, told
    if (s.word(i, "what") && i + 2 < s.size()) {
      String verb = s.lemmas()[i + 1];
      int about = verb.equals("happen") ? i + 2 : verb.equals("go") ? i + 3 : -1;
      if (about > 0 && s.wordIn(about, EVENT_PREPOSITIONS)) {
        return null;
      }
    }
    // "what they paid per tray", "what they spend a month": an amount asked for
    if (s.word(i, "what")
        && s.is(i + 1, "PRON")
        && s.wordIn(
            i + 2,
            java.util.Set.of(
                "pay", "spend", "charge", "cost", "earn", "ship", "buy", "order", "owe"))) {
      return null;
    }
    if (s.word(i, "about") && namedList(s, i + 1)) {
      return null; // "tells about past surgeries, allergies and current medicine"
    }
    for (int k = i; k < s.size(); k++) {
      if (s.is(k, "NUM") || s.is(k, "PROPN") && k > i + 1) {
        return null;
      }
      // "what has changed since: any new drivers, ...", "any loan, with the lender, balance and
      // monthly amount": the facts wanted are listed
      if ((s.lower()[k].equals(":") || s.word(k, "with")) && listFollows(s, k + 1)) {
        return null;
      }
      // "how many staff" asks for a fact; "how she feels", "how frustrated they are" do not
      if (s.wordIn(k, PRECISE)
          && !aboutFeelings(s, k + 1)
          && !(s.word(k, "how") && howItWent(s, k + 1))) {
        return null;
      }
    }
    return s.span(r.verbAt(), Math.min(s.size(), i + 4));
  }

  /** Nouns too broad to name a fact told ("the business, the team and the customers"). */
  private static final java.util.Set<String> GENERAL_NOUNS =
      java.util.Set.of(
          "business",
          "team",
          "customer",
          "company",
          "staff",
          "people",
          "operation",
          "organisation",
          "organization",
          "product",
          "service",
          "market",
          "industry",
          "history",
          "background",
          "family",
          "life",
          "work",
          "goal",
          "plan",
          "side",
          "world",
          "day",
          "setup",
          "set-up");

  /**
   * Whether three or more things are named from {@code from} on, with a comma among them ("past
   * surgeries, allergies and current medicine"), none of them a word that names nothing.
   */
  private boolean namedList(Sentence s, int from) {
    int named = 0;
    boolean comma = false;
    for (int k = from; k < s.size(); k++) {
      if (s.wordIn(k, java.util.Set.of(".", ";", ":"))) {
        break;
      }
      comma |= s.word(k, ",");
      if (s.is(k, "VERB")) {
        break; // "... and then asks": the list ends
      }
      if (s.is(k, "NOUN") && !s.is(k + 1, "NOUN")) {
        if (v.abstractObjects.contains(s.lemmas()[k])
            || GENERAL_NOUNS.contains(s.lemmas()[k])
            || IMPRESSIONS.contains(s.lemmas()[k])
            || NOTHING_IN_PARTICULAR.contains(s.lemmas()[k])) {
          return false;
        }
        named++;
      }
    }
    return named >= 3 && comma;
  }

  /** "what happened on", "what went wrong with": the event they tell about is named after these. */
  private static final java.util.Set<String> EVENT_PREPOSITIONS =
      java.util.Set.of("on", "with", "at", "during", "in");

  /** Talking a topic over, as written (the tagger reads "discusses" as a noun at times). */
  private static final java.util.Set<String> TALKING_OVER =
      java.util.Set.of(
          "discuss",
          "discusses",
          "discussed",
          "review",
          "reviews",
          "reviewed",
          "chat",
          "chats",
          "talk",
          "talks");

  /** "has a chat", "has a conversation": talking as a noun. */
  private static final java.util.Set<String> TALKS =
      java.util.Set.of("chat", "conversation", "discussion", "talk");

  /**
   * "Client reviews the proposal with RM", "Member has a chat with us about their finances": a talk
   * with our side, and nothing decided, given or named in it.
   */
  private static String talkWithUs(Sentence s, Reading r) {
    if (r.verbAt() < 0 || r.actor() != Reading.Actor.CUSTOMER) {
      return null;
    }
    int at = -1;
    for (int k = Math.max(0, r.verbAt() - 1); k <= Math.min(s.size() - 2, r.verbAt() + 1); k++) {
      boolean goesOver =
          s.wordIn(k, java.util.Set.of("goes", "go", "went"))
              && s.wordIn(k + 1, java.util.Set.of("over", "through"));
      boolean hasATalk =
          s.wordIn(k, java.util.Set.of("has", "have", "had"))
              && s.is(k + 1, "DET")
              && k + 2 < s.size()
              && TALKS.contains(s.lower()[k + 2]);
      if (TALKING_OVER.contains(s.lower()[k]) || goesOver || hasATalk) {
        at = k;
        break;
      }
    }
    if (at < 0 || spelledOut(s, at, at + 1) || listedAfter(s, at + 1)) {
      return null;
    }
    int with = -1;
    for (int k = at + 1; k < s.size(); k++) {
      // a figure, a second step, a purpose or "line by line" names something
      if (s.is(k, "NUM")
          || s.word(k, "to")
          || s.wordIn(k, java.util.Set.of("and", ",")) && secondStep(s, k + 1)
          || s.word(k, "by") && k + 1 < s.size() && s.lower()[k - 1].equals(s.lower()[k + 1])) {
        return null;
      }
      if (s.word(k, "with") && with < 0) {
        with = k;
      }
    }
    if (with < 0 || with + 1 >= s.size() || !OUR_SIDE.contains(s.lower()[with + 1])) {
      return null;
    }
    return s.span(at, with + 2);
  }

  /** Talks that name nothing by themselves ("a chat", "a coffee"): what they are for has to. */
  private static final java.util.Set<String> BARE_TALKS =
      java.util.Set.of(
          "chat",
          "conversation",
          "talk",
          "coffee",
          "catch-up",
          "catchup",
          "get-together",
          "check-in",
          "touch-base",
          "sync",
          "huddle",
          "meet-up",
          "meetup",
          "sit-down",
          "sitdown");

  /** A meeting or call of these kinds names nothing either ("a general meeting"). */
  private static final java.util.Set<String> EMPTY_KINDS =
      java.util.Set.of(
          "general",
          "informal",
          "casual",
          "social",
          "friendly",
          "courtesy",
          "get-to-know",
          "relationship",
          "wrap-up",
          "catch-up",
          "check-in",
          "touch-base",
          "base",
          "sync",
          "coffee");

  /** Words before a chat that say only what kind of chat it is ("an intro chat"). */
  private static final java.util.Set<String> CHAT_KINDS =
      java.util.Set.of(
          "intro",
          "introductory",
          "introduction",
          "quick",
          "short",
          "brief",
          "follow-up",
          "further",
          "another",
          "second",
          "next",
          "first",
          "new",
          "phone",
          "video",
          "teams",
          "zoom",
          "annual",
          "quarterly",
          "monthly",
          "weekly",
          "regular",
          "little",
          "proper",
          "final",
          "initial",
          "personal",
          "online",
          "virtual",
          "in-person",
          "wee",
          "good",
          "nice");

  /** Meetings and calls, which a kind above leaves empty. */
  private static final java.util.Set<String> MEETING_WORDS =
      java.util.Set.of("meeting", "meetings", "call", "calls", "session", "sessions", "videocall");

  /** Words that open a clause of its own ("after talking to his wife"). */
  private static final java.util.Set<String> CLAUSE_OPENERS =
      java.util.Set.of(
          "after",
          "before",
          "because",
          "since",
          "while",
          "although",
          "though",
          "unless",
          "until",
          "once",
          "when",
          "whenever",
          "if",
          "as");

  /** Verbs that book or attend a talk ("books", "agrees to", "hops on", "meets"). */
  private static final java.util.Set<String> TAKING_PART =
      java.util.Set.of(
          "book",
          "schedule",
          "set",
          "arrange",
          "agree",
          "accept",
          "attend",
          "join",
          "hop",
          "jump",
          "take",
          "make",
          "have",
          "meet",
          "grab",
          "plan",
          "fix",
          "pencil",
          "lock",
          "come",
          "get",
          "sit",
          "do",
          "say",
          "pick",
          "go",
          "organise",
          "organize",
          "confirm");

  /**
   * "Books an intro chat with one of our managers", "agrees to meet up for a coffee and a general
   * chat": a talk booked or attended, and nothing named that it is for, done in it or brought to
   * it.
   */
  private String emptyTalk(Sentence s, Reading r) {
    if (r.verbAt() < 0
        || r.actor() != Reading.Actor.CUSTOMER && r.actor() != Reading.Actor.UNKNOWN
        || r.passive()
        || !TAKING_PART.contains(r.verb())) {
      return null;
    }
    int talk = -1;
    for (int k = r.verbAt(); k < s.size(); k++) {
      if (s.wordIn(k, java.util.Set.of(",", ".", ";", ":"))
          || s.wordIn(k, REASONS)
          || k > r.verbAt() && s.wordIn(k, CLAUSE_OPENERS)) {
        return null; // "confirms the upgrade after talking to his wife": a clause of its own
      }
      if (s.wordIn(k, java.util.Set.of("about", "re", "regarding"))) {
        return null; // "a call with the deputy head about catch-up tutoring"
      }
      if (s.word(k, "to") && s.wordIn(k + 1, java.util.Set.of("talk", "chat"))) {
        return talkAboutNothing(s, k); // "to talk budget": what follows is what they talk about
      }
      // "syncs their calendar", "a coffee order": a verb or a word describing a noun is no talk
      boolean talkWord =
          (BARE_TALKS.contains(s.lower()[k]) || BARE_TALKS.contains(s.lemmas()[k]))
                  && !(s.is(k, "VERB") && (s.word(k - 1, "to") || s.is(k - 1, "AUX")))
                  && !(s.is(k + 1, "NOUN") && !MEETING_WORDS.contains(s.lower()[k + 1]))
              || MEETING_WORDS.contains(s.lower()[k]) && s.wordIn(k - 1, EMPTY_KINDS);
      if (talkWord && k > r.verbAt()) {
        talk = k;
        break;
      }
      // "sends the minutes of the call": only a talk the verb books or joins
      if (k > r.verbAt()
          && s.is(k, "VERB")
          && !TAKING_PART.contains(s.lemmas()[k])
          && !s.wordIn(k, java.util.Set.of("chat", "talk"))) {
        return null;
      }
    }
    if (talk < 0) {
      return null;
    }
    // "a pricing chat", "a renewal check-in": the kind of talk names its subject
    if (talk > 0
        && s.is(talk - 1, "NOUN")
        && !EMPTY_KINDS.contains(s.lower()[talk - 1])
        && !CHAT_KINDS.contains(s.lower()[talk - 1])
        && !BARE_TALKS.contains(s.lower()[talk - 1])
        && !reader.isActorWord(s, talk - 1)) {
      return null;
    }
    for (int k = talk + 1; k < s.size(); k++) {
      if (s.word(k, "to") && k + 1 < s.size() && s.is(k + 1, "VERB")) {
        return emptyPurpose(s, k);
      }
      if (s.wordIn(k, java.util.Set.of("about", "on", "re", "regarding", "over", "around"))
          && k + 1 < s.size()
          && !s.is(k + 1, "NUM")
          && !s.wordIn(k + 1, java.util.Set.of("things", "stuff", "everything", "it"))
          && !dayOrTime(s, k + 1)
          && !mediumAt(s, k + 1)) {
        return null; // "a call about the renewal quote"
      }
      if (s.word(k, "for")
          && k + 1 < s.size()
          && !s.is(k + 1, "NUM")
          && !dayOrTime(s, k + 1)
          && !talkAfter(s, k + 1)) {
        return null; // "meets our tech for the free inspection"
      }
      if (s.wordIn(k, java.util.Set.of("and", ",", "where", "then"))
          && secondStep(s, k + 1)
          && !s.wordIn(k + 1, java.util.Set.of("chat", "talk", "meet", "catch"))) {
        return null; // "joins a call and signs the mandate"
      }
      if (s.wordIn(k, java.util.Set.of("with", "and")) && theirPeopleAt(s, k + 1)) {
        return null; // "with their CFO": brings someone of theirs to it
      }
      if (s.wordIn(k, java.util.Set.of("when", "once"))) {
        return null; // "a catch-up in 12 months when their contract ends": tied to their renewal
      }
    }
    // "books an intro chat", "a coffee and a general chat": the talk as written, not the clause
    return s.span(Math.max(r.verbAt(), talk - 3), talk + 1);
  }

  /**
   * Whether people of the customer's are named from {@code k} ("their CFO", "all 12 branch
   * managers", "the operations director"), not ours ("our rep", "one of the contracts managers").
   */
  private boolean theirPeopleAt(Sentence s, int k) {
    int j = k;
    while (j < Math.min(s.size(), k + 3)
        && (s.wordIn(j, java.util.Set.of("all", "the", "both", "their", "his", "her", "its"))
            || s.is(j, "NUM"))) {
      j++;
    }
    if (j >= s.size() || s.wordIn(k, OUR_SIDE) || s.word(k, "one") || s.is(j, "PRON")) {
      return false;
    }
    // "the operations director", "branch managers": the role's last word names it
    for (int n = j; n < Math.min(s.size(), j + 3) && (n == j || s.is(n, "NOUN")); n++) {
      if (Vocabulary.longest(s, v.agentActors, n) > 0) {
        return false; // "the account manager": ours
      }
      if (Vocabulary.longest(s, v.customerActors, n) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Where a talk takes place rather than what it is about ("over coffee", "on the phone"). */
  private static final java.util.Set<String> MEDIA =
      java.util.Set.of(
          "coffee",
          "tea",
          "lunch",
          "breakfast",
          "drink",
          "drinks",
          "zoom",
          "teams",
          "phone",
          "video",
          "webex",
          "skype",
          "whatsapp",
          "line",
          "site");

  /**
   * Whether a medium or a place of talk ("the phone", "Zoom", "a coffee") is named at {@code k}.
   */
  private static boolean mediumAt(Sentence s, int k) {
    int j = s.wordIn(k, java.util.Set.of("the", "a", "an")) ? k + 1 : k;
    return s.wordIn(j, MEDIA);
  }

  /** Whether the word at {@code k} starts a day, date or time ("Thursday", "next week"). */
  private static boolean dayOrTime(Sentence s, int k) {
    if (s.is(k, "NUM") || s.wordIn(k, DAYS)) {
      return true;
    }
    // "next week", "the first week of May", "a date that suits": an opener and a noun of time
    if (!s.wordIn(k, java.util.Set.of("next", "this", "the", "a", "an", "early", "late", "mid"))) {
      return false;
    }
    for (int j = k + 1; j < Math.min(s.size(), k + 4); j++) {
      if (TIME_NOUNS.contains(s.lemmas()[j]) || s.wordIn(j, DAYS)) {
        return true;
      }
      if (!s.is(j, "ADJ") && !s.is(j, "NUM") && !s.is(j, "DET")) {
        return false;
      }
    }
    return false;
  }

  /** Days and months by name, and "today", "tomorrow", "tonight". */
  private static final java.util.Set<String> DAYS =
      java.util.stream.Stream.of(
              java.util.Arrays.stream(java.time.DayOfWeek.values()).map(Enum::name),
              java.util.Arrays.stream(java.time.Month.values()).map(Enum::name),
              java.util.stream.Stream.of("today", "tomorrow", "tonight"))
          .flatMap(x -> x)
          .map(d -> d.toLowerCase(Locale.ROOT))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** Nouns of time ("the week", "a date"). */
  private static final java.util.Set<String> TIME_NOUNS =
      java.util.Set.of(
          "week",
          "day",
          "month",
          "morning",
          "afternoon",
          "evening",
          "date",
          "time",
          "slot",
          "minute",
          "hour",
          "quarter",
          "year");

  /** Whether a talk ("a chat", "a coffee") is what follows at {@code k}. */
  private static boolean talkAfter(Sentence s, int k) {
    for (int j = k; j < Math.min(s.size(), k + 4); j++) {
      if (BARE_TALKS.contains(s.lower()[j]) || BARE_TALKS.contains(s.lemmas()[j])) {
        return true;
      }
      if (s.is(j, "NOUN") && !EMPTY_KINDS.contains(s.lower()[j])) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether a step of its own starts at {@code k} ("and sends the PO"), not another topic ("usage
   * and budget") or another party ("internally and with us").
   */
  private static boolean secondStep(Sentence s, int k) {
    if (k >= s.size()) {
      return false;
    }
    boolean verbInS =
        s.is(k, "NOUN")
            && s.lower()[k].endsWith("s")
            && k + 1 < s.size()
            && (s.is(k + 1, "DET") || s.is(k + 1, "PRON") || s.is(k + 1, "NUM"));
    return s.is(k, "VERB") || s.is(k, "AUX") || verbInS || s.is(k, "ADV") && s.is(k + 1, "VERB");
  }

  /** Who is ours right after "with". */
  private static final java.util.Set<String> OUR_SIDE =
      java.util.Set.of("us", "me", "our", "rm", "agent", "rep", "csr", "adviser", "advisor");

  /** Whether a list of two or more items ("X, Y and Z") follows {@code from}. */
  private static boolean listFollows(Sentence s, int from) {
    boolean comma = false;
    for (int k = from; k < s.size(); k++) {
      // "good or bad", "whatever they are happy to share": no facts named
      if (s.wordIn(k, java.util.Set.of("whatever", "bad", "anything", "feel", "feels", "how"))) {
        return false;
      }
      if (s.lower()[k].equals(",")) {
        comma = true;
      } else if (comma && s.wordIn(k, java.util.Set.of("and", "or"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A main verb that names no step, or a step on an abstract object, when nothing concrete is
   * named.
   */
  private static final java.util.regex.Pattern VEHICLES =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:tractor|car|van|truck|lorry|vehicle|machine|trailer|loader|bus|boat|caravan|"
              + "motorhome|bike|excavator|digger|forklift|mower)s?\\b");

  /** Where {@code word} is from {@code from} up to {@code to}, or -1. */
  private static int indexWithin(Sentence s, String word, int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(s.size(), to); i++) {
      if (s.word(i, word)) {
        return i;
      }
    }
    return -1;
  }

  private String vagueMainVerb(Sentence s, Reading r) {
    if (r.verb() == null
        || r.verbAt() < 0
        || r.lowEffort() != null
        || r.agentVerb() != null && !r.imperative()
        // "keeps the conversation going and, more importantly, emails a photo": the marked step
        || realOutcomeAt(s, r.verbAt()) >= 0) {
      return null;
    }
    boolean concrete = false;
    // a name in the subject ("The VP of Customer Experience") says nothing about the step
    for (int i = r.verbAt(); i < s.size(); i++) {
      // a number or a name ("Tuesday", "Rotterdam"); acronyms such as "IT" name no outcome
      if (s.is(i, "NUM")
          || NUMBERED.matcher(s.lower()[i]).matches()
          || s.is(i, "PROPN")
              && i > 0
              && !s.tokens()[i].equals(s.tokens()[i].toUpperCase(Locale.ROOT))) {
        concrete = true;
      }
    }
    if (concrete) {
      return null;
    }
    for (int i = r.verbAt(); i < s.size(); i++) {
      if (COMPARATIVES.contains(s.lower()[i])
          && !s.word(i + 1, "than")
          && !spelledOut(s, r.verbAt(), i + 1)) {
        return s.span(Math.max(r.verbAt(), i - 1), Math.min(s.size(), i + 3));
      }
    }
    // "works out the gap between their dates": working something out is a calculation
    // ("works out which plan is right" names no outcome)
    boolean workOut =
        r.verb().equals("work")
            && s.word(r.verbAt() + 1, "out")
            && !s.wordIn(
                r.verbAt() + 2, java.util.Set.of("which", "what", "how", "whether", "if", "where"));
    // "drives the trade-in tractor to the yard": driving somewhere is a trip, not a push
    boolean driveTo =
        r.verb().equals("drive")
            && indexWithin(s, "to", r.verbAt() + 1, r.verbAt() + 7) > 0
            && VEHICLES.matcher(s.span(r.verbAt(), Math.min(s.size(), r.verbAt() + 5))).find();
    if (v.vagueVerbs.contains(r.verb())
        && !workOut
        && !driveTo
        && !namedConcretely(s, r.verbAt(), 1)
        && !spelledOut(s, r.verbAt(), r.verbAt() + 1)) {
      int end = r.verbAt() + 1;
      while (end < s.size() && !s.is(end, "NOUN") && end < r.verbAt() + 4) {
        end++;
      }
      return s.span(r.verbAt(), Math.min(s.size(), end + 1));
    }
    int from = r.verbAt() + 1;
    if (s.word(
        from,
        "by")) { // "Resolution by the account holder of outstanding matters": the object follows
      // "of"
      for (int k = from; k < s.size(); k++) {
        if (s.word(k, "of")) {
          from = k + 1;
          break;
        }
      }
    }
    for (int i = from; i < Math.min(s.size(), from + 5); i++) {
      if (s.is(i, "NOUN")) {
        int head = i; // "their payroll plans": the last noun of the phrase is what it is about
        while (s.is(head + 1, "NOUN")) {
          head++;
        }
        // "the support contract" is a contract: the head decides
        // "a second viewing" is an event, not a "view": a noun in -ing is compared as written
        boolean abstractObject =
            !s.lower()[head].endsWith("ing") && v.abstractObjects.contains(s.lemmas()[head])
                || v.abstractObjects.contains(s.lower()[head]);
        // "gives his decision about renewing the policy", "their position on the rent-free
        // period": a stand taken on something named ("gets closer to a decision" is caught above)
        if (s.wordIn(head, java.util.Set.of("decision", "position", "answer", "verdict"))
            && s.wordIn(head + 1, java.util.Set.of("on", "about", "for", "regarding", "re"))
            && namedThingAt(s, head + 2)) {
          abstractObject = false;
        }
        // "goes through our offer position by position": item by item, nothing left vague
        if (s.wordIn(head, LINE_ITEMS)
            && s.word(head + 1, "by")
            && s.lower()[head].equals(s.lower()[Math.min(s.size() - 1, head + 2)])) {
          abstractObject = false;
        }
        // "the estate value", "their order value": a value of something named is a figure
        if (s.word(head, "value") && head > i) {
          abstractObject = false;
        }
        // "the floor plans", "a seating plan": a drawing or a schedule, not someone's plans
        if (s.lemmas()[head].equals("plan")
            && head > i
            && !s.wordIn(
                head - 1,
                java.util.Set.of(
                    "growth",
                    "business",
                    "expansion",
                    "future",
                    "strategy",
                    "strategic",
                    "development",
                    "action",
                    "long-term"))) {
          abstractObject = false;
        }
        // "sends the value and end date of the contract": a figure handed over
        if (s.word(head, "value")
            && TELLING_FIGURES.contains(r.verb())
            && s.wordIn(head + 1, java.util.Set.of("of", "and", ","))) {
          abstractObject = false;
        }
        // "lists the things that broke last winter": events of theirs, not what is on their mind
        if (abstractObject
            && s.lemmas()[head].equals("thing")
            && s.wordIn(head + 1, java.util.Set.of("that", "which"))
            && (s.is(head + 2, "VERB") || s.is(head + 2, "AUX") && s.is(head + 3, "VERB"))
            && !s.wordIn(head + 2, MINDFUL)
            && !s.wordIn(head + 3, MINDFUL)) {
          abstractObject = false;
        }
        // "enters the opportunity in their procurement portal": a record made in a system
        if (abstractObject && recordPlaceAfter(s, head + 1)) {
          abstractObject = false;
        }
        // "settles the prorated upgrade charge": a fee paid (not "takes charge")
        if (s.lemmas()[head].equals("charge")
            && (head > i || PAYING.contains(r.verb()))
            && !s.wordIn(head - 1, java.util.Set.of("in", "of"))) {
          abstractObject = false;
        }
        // "picks a deductible option": a choice made is the outcome
        if (CHOICES.contains(r.verb())) {
          abstractObject = false;
        }
        // "the VP of Customer Experience": a name; "tells us who owns the decision": a person
        String headWord = s.tokens()[head];
        boolean name =
            Character.isUpperCase(headWord.charAt(0))
                && !headWord.equals(headWord.toUpperCase(Locale.ROOT)); // "ROI", "CX" are no names
        if (name || indexOfWord(s, "who", from, i) >= 0 || indexOfWord(s, "which", from, i) >= 0) {
          abstractObject = false;
        }
        // "shares his thoughts by picking the config he wants quoted": the step that says it
        if (abstractObject && spelledOut(s, r.verbAt(), head + 1)) {
          abstractObject = false;
        }
        // "walks us through the open reqs: title, headcount, pay rate ...": listed one by one
        if (abstractObject && listedAfter(s, head + 1)) {
          abstractObject = false;
        }
        return abstractObject ? s.span(r.verbAt(), head + 1) : null;
      }
    }
    return null;
  }

  /** The parts a paper is gone through by ("position by position", "line by line"). */
  private static final java.util.Set<String> LINE_ITEMS =
      java.util.Set.of("position", "line", "item", "clause", "page", "section", "room", "site");

  /**
   * Whether a named thing starts at {@code k} ("the 3-year term", "renewing the health policy"),
   * not a pronoun, a question or a word that names nothing ("it", "what to do", "the matter").
   */
  private boolean namedThingAt(Sentence s, int k) {
    for (int j = k; j < Math.min(s.size(), k + 6); j++) {
      if (s.is(j, "PRON")
          || s.is(j, "PUNCT")
          || s.wordIn(j, Sentence.CLAUSE_WORDS)
          || s.wordIn(j, java.util.Set.of("that", "this", "these", "those"))
              && !s.is(j + 1, "NOUN")) {
        return false;
      }
      if (s.is(j, "NOUN") || s.is(j, "PROPN") || s.is(j, "NUM")) {
        int last = j;
        while (s.is(last + 1, "NOUN") || s.is(last + 1, "PROPN")) {
          last++;
        }
        return !s.wordIn(last, NOTHING_IN_PARTICULAR)
            && !v.abstractObjects.contains(s.lemmas()[last])
            && !v.abstractObjects.contains(s.lower()[last]);
      }
    }
    return false;
  }

  /** Verbs that pay a sum ("settles the charge", "clears the balance"). */
  private static final java.util.Set<String> PAYING =
      java.util.Set.of("pay", "settle", "clear", "cover", "prepay", "refund", "dispute");

  /** A colon or dash within a few words of {@code from}, a list following it. */
  private static boolean listedAfter(Sentence s, int from) {
    for (int k = from; k < Math.min(s.size() - 1, from + 3); k++) {
      if (s.word(k, ":") || s.word(k, "—") || s.word(k, "–")) {
        return true;
      }
    }
    return false;
  }

  /** Verbs that hand a figure over ("sends the value of the contract"). */
  private static final java.util.Set<String> TELLING_FIGURES =
      java.util.Set.of(
          "send", "give", "share", "tell", "provide", "confirm", "state", "quote", "email",
          "forward", "enter", "list", "write", "note", "read", "pass", "text", "upload", "submit");

  /** Systems a record is made in. */
  private static final java.util.Set<String> SYSTEMS =
      java.util.Set.of(
          "portal",
          "system",
          "crm",
          "erp",
          "tool",
          "platform",
          "database",
          "spreadsheet",
          "sap",
          "salesforce",
          "hubspot");

  /** Whether "in/into/on ... a system" follows at {@code from}. */
  private static boolean recordPlaceAfter(Sentence s, int from) {
    if (!s.wordIn(from, java.util.Set.of("in", "into", "on", "onto"))) {
      return false;
    }
    for (int k = from + 1; k < Math.min(s.size(), from + 5); k++) {
      if (SYSTEMS.contains(s.lower()[k])) {
        return true;
      }
    }
    return false;
  }

  private static int indexOfWord(Sentence s, String word, int from, int to) {
    for (int k = Math.max(0, from); k < Math.min(to, s.size()); k++) {
      if (s.word(k, word)) {
        return k;
      }
    }
    return -1;
  }

  private void notAnAdvance(Reading r, Sentence advance, String vague, Findings out) {
    String who = Rewrites.customer(r);
    String aside;
    if (!r.imperative() && receivedFromThem(advance, r)) {
      return; // "We receive from the Head of Procurement the export of all bookings": they send it
    }
    if (r.imperative() || r.actor() == Reading.Actor.AGENT && !r.passive()) {
      String said =
          r.verb() == null
              ? ""
              : " ('"
                  + advance.span(r.verbAt(), Math.min(advance.size(), r.verbAt() + 3))
                  + " ...')";
      out.error(
          "advance",
          NOT_AN_ADVANCE,
          "not an advance: this is the agent's task"
              + said
              + "; write what the"
              + " CUSTOMER does during or right after the call",
          "make the customer the actor: '"
              + who
              + " agrees to"
              + " ...', e.g. '"
              + Rewrites.example(advance, who, r)
              + "'");
    } else if (r.passive()) {
      // "A live demo of the workflow builder is given": the thing given is no one to act
      String actor = r.subject() != null && r.subject().contains(" of ") ? "The customer" : who;
      out.error(
          "advance",
          NOT_AN_ADVANCE,
          "not an advance: the passive ('"
              + passiveWords(advance, r.verbAt())
              + "') hides who acts, and it is not the customer",
          "make the customer the actor: '" + Rewrites.example(advance, actor, r) + "'");
    } else if (r.agentVerb() != null) {
      out.error(
          "advance",
          NOT_AN_ADVANCE,
          "not an advance: '"
              + r.agentVerb()
              + "' is the agent's work, not a"
              + " step the customer takes",
          "'" + Rewrites.example(advance, who, r) + "'");
    } else if (r.lowEffort() != null && vague == null) {
      out.error(
          "advance",
          NOT_AN_ADVANCE,
          "not an advance: '"
              + r.lowEffort()
              + "' costs the customer no effort"
              + " and moves nothing forward",
          "ask for a step that costs the customer effort: '"
              + Rewrites.notEchoing(Rewrites.example(advance, who, r), r.lowEffort(), who)
              + "'");
    } else if (r.lowEffort() != null) {
      out.error(
          "advance",
          NOT_AN_ADVANCE,
          "not an advance: '" + r.lowEffort() + "' is no commitment",
          "'" + Rewrites.example(advance, who, r) + "'");
    } else if (r.verb() == null && vague != null) {
      return;
    } else if (r.verb() == null) {
      out.error(
          "advance",
          NOT_AN_ADVANCE,
          "not an advance: no action in it; say what the customer does",
          "'" + Rewrites.example(advance, who, r) + "'");
    } else if (vague != null && r.actor() == Reading.Actor.NONE) {
      return; // "Advancement of the relationship": too general says it all
    } else if (r.actor() == Reading.Actor.NONE
        || r.actor() == Reading.Actor.THING
            && !peopleAsOne(r)
            && java.util.Set.of("be", "have", "go", "get", "become", "remain", "stay", "come")
                .contains(r.verb())) {
      out.error(
          "advance",
          NOT_AN_ADVANCE,
          "not an advance: '"
              + (r.subject().isBlank() ? "nobody" : r.subject())
              + "' is not the customer; the customer must be the one who acts",
          "'" + Rewrites.example(advance, "The customer", r) + "'");
    } else if (r.customerActs() && (aside = agentAside(advance)) != null) {
      out.warning(
          "advance",
          NOT_AN_ADVANCE,
          "'" + aside + "' is the agent's part; the objective is the" + " customer's step",
          "'" + Rewrites.customerDoes(r, advance.span(r.verbAt() + 1, advance.size())) + "'");
    } else if (r.actor() == Reading.Actor.UNKNOWN && ON_BEHALF.matcher(advance.text()).find()) {
      // "Broker negotiates 10% off with the operator on the client's behalf": whoever acts for
      // the customer is us
      out.error(
          "advance",
          NOT_AN_ADVANCE,
          "not an advance: '"
              + r.subject()
              + "' acts on the customer's behalf, which is our side's work; write what the"
              + " CUSTOMER does",
          "'" + Rewrites.example(advance, "The customer", r) + "'");
    } else if (r.actor() == Reading.Actor.UNKNOWN || r.actor() == Reading.Actor.THING) {
      out.warning(
          "advance",
          NOT_AN_ADVANCE,
          "is '"
              + r.subject()
              + "' the customer? Name the customer's role"
              + " (or add it to customerActors in lint.yaml)",
          null);
    }
  }

  /**
   * Whether the vague words are what the leaning leans toward ("is open to spreading the word"),
   * not a step of their own after it ("is open to hearing more and agrees to next steps").
   */
  private static boolean leansToward(String text, String mind, String vague) {
    String t = text.toLowerCase(Locale.ROOT);
    int m = t.indexOf(mind.toLowerCase(Locale.ROOT));
    int v = t.indexOf(vague.toLowerCase(Locale.ROOT));
    if (m < 0 || v < m + mind.length()) {
      return false;
    }
    String between = t.substring(m + mind.length(), v);
    return between.split("\\s+").length <= 3
        && !between.matches("(?s).*(?:\\band\\b|,|;|\\bthen\\b).*");
  }

  /** Words for people acting as one: "the technical team", "the HOA board", "the household". */
  private static final java.util.Set<String> GROUPS =
      java.util.Set.of(
          "team",
          "teams",
          "board",
          "committee",
          "council",
          "department",
          "dept",
          "family",
          "household",
          "staff",
          "crew",
          "group",
          "trustees",
          "governors",
          "management",
          "partners",
          "directors",
          "office",
          "practice",
          "firm",
          "company",
          "co-operative",
          "cooperative",
          "co-op",
          "coop",
          // an organisation that says or feels something is its people ("the farm is open to")
          "factory",
          "chain",
          "farm",
          "store",
          "shop",
          "school",
          "club",
          "hotel",
          "clinic",
          "mill",
          "business",
          "agency",
          "church",
          "parish",
          "charity",
          "heirs");

  /** A subject read as a thing that is a group of people ("the deli team"): whose, unsaid. */
  private static boolean peopleAsOne(Reading r) {
    if (r.actor() != Reading.Actor.THING || r.subject() == null || r.subject().isBlank()) {
      return false;
    }
    String[] words = r.subject().trim().toLowerCase(Locale.ROOT).split("\\s+");
    return GROUPS.contains(words[words.length - 1].replaceAll("[^a-z-]", ""));
  }

  /**
   * Our side receives something "from" the customer's person ("We receive from the Head of
   * Procurement the export ...", "Account manager receives from the client's travel coordinator the
   * list ..."): the customer sends it, the effort is theirs. Only "receive": "gets the postcode
   * from the caller" or "collects the pallets from the shipper" stay ours.
   */
  private boolean receivedFromThem(Sentence s, Reading r) {
    if (r.actor() != Reading.Actor.AGENT
        || r.passive()
        || r.verb() == null
        || !r.verb().equals("receive")
        || s.text()
            .matches(
                "(?is).*\\b(?:postcode|zip|e-?mail address|phone|mobile|address|name|dob|"
                    + "date of birth|contact details)\\b.*")) {
      return false; // (contact details received are a light step all the same)
    }
    for (int k = r.verbAt() + 1; k < Math.min(s.size() - 1, r.verbAt() + 12); k++) {
      if (s.is(k, "CCONJ") || s.word(k, ",") || s.word(k, ";")) {
        return false;
      }
      if (s.word(k, "from")) {
        int np = s.wordIn(k + 1, java.util.Set.of("the", "their", "his", "her")) ? k + 2 : k + 1;
        int head = np;
        while (head + 1 < s.size()
            && (s.is(head + 1, "NOUN")
                || s.is(head + 1, "PROPN")
                || s.is(head + 1, "ADJ")
                || s.word(head + 1, "'s")
                || s.word(head + 1, "’s")
                || s.word(head, "'s")
                || s.word(head, "’s"))) {
          head++;
        }
        // the head of what follows "from": "the Head (of Procurement)", "the client's travel
        // coordinator"; not "customer's systems", "their old provider" or "lenders for the client"
        String w = s.lower()[head];
        boolean role = Vocabulary.longest(s, v.customerActors, head) > 0;
        boolean person =
            w.matches(".*(?:or|er|ist|ant|ian)") && !NOT_PEOPLE.contains(s.lemmas()[head]);
        return (role || person) && !DEPARTMENTS.contains(w);
      }
    }
    return false;
  }

  /** Nouns in -er or -or that name things or third parties, not the customer's people. */
  private static final java.util.Set<String> NOT_PEOPLE =
      java.util.Set.of(
          "server",
          "order",
          "provider",
          "supplier",
          "folder",
          "computer",
          "register",
          "ledger",
          "letter",
          "paper",
          "number",
          "printer",
          "router",
          "container",
          "trailer",
          "calendar",
          "counter",
          "monitor",
          "indicator",
          "calculator",
          "lender",
          "insurer",
          "carrier",
          "vendor",
          "competitor",
          "meter",
          "filter",
          "scanner",
          "tracker",
          "browser",
          "driver");

  /** Departments: what we receive "from finance" is an approval of ours as often as theirs. */
  private static final java.util.Set<String> DEPARTMENTS =
      java.util.Set.of(
          "finance",
          "procurement",
          "legal",
          "hr",
          "ops",
          "it",
          "marketing",
          "purchasing",
          "accounts",
          "payables",
          "lead",
          "team",
          "desk",
          "office",
          "department");

  /** A field value in a record ("disposition set to engaged") is observable whatever the word. */
  private static final java.util.regex.Pattern RECORD_VALUE =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:set to|status|field|flag|marked as|recorded as|logged as|tagged)\\b");

  /**
   * The passive's own words: "is given", "gets couriered"; a bare participle with what follows
   * ("sent to procurement", not "card sent").
   */
  private static String passiveWords(Sentence s, int verb) {
    if (verb > 0
        && (s.is(verb - 1, "AUX") || s.wordIn(verb - 1, java.util.Set.of("get", "gets", "got")))) {
      return s.span(verb - 1, verb + 1);
    }
    int end = verb + 1; // through whom it goes to: "emailed to the customer"
    for (int k = verb + 1; k < Math.min(s.size(), verb + 6); k++) {
      if (s.is(k, "NOUN") || s.is(k, "PROPN") || s.is(k, "PRON")) {
        end = k + 1;
        break;
      }
    }
    return s.span(verb, end);
  }

  /**
   * "sends the volume forecast for next year": the period the figures cover, not a deadline (group
   * 1 is what stays).
   */
  private static final java.util.regex.Pattern DATA_PERIOD =
      java.util.regex.Pattern.compile(
          "(?i)(\\b(?:forecasts?|budgets?|volumes?|plans?|figures|numbers|estimates?|projections?|"
              + "requirements|needs|demand|targets?|tenders?|headcount|spend|usage|per\\s+(?:month|week|year|quarter))"
              + "(?:\\s+(?!(?:meeting|review|call|visit|session|workshop|demo|presentation|appointment|discussion|chat)\\b)"
              + "[\\w-]+){0,3}?)\\s+for\\s+(?:the\\s+)?(?:next|coming|following|upcoming)\\s+"
              + "(?:(?:financial|fiscal|calendar|school|academic)\\s+)?(?:year|quarter|season|fy|term|\\d+\\s+(?:months|years|quarters))\\b");

  /** When a step may start at the soonest ("at the earliest", "not before"). */
  private static final java.util.regex.Pattern LOWER_BOUND =
      java.util.regex.Pattern.compile("(?i)\\bat the earliest\\b|\\bnot before\\b[^,;]{0,30}");

  /** A time frame that waits for something of theirs, not for the call or a meeting. */
  private static final java.util.regex.Pattern ONCE_THEY =
      java.util.regex.Pattern.compile(
          "(?i)^\\s*(?:(?:right|straight|only|sometime|some\\s+time)\\s+)?"
              + "(?:once|when(?:ever)?|(?:the\\s+)?(?:day|week|morning|evening)\\s+after\\s+the)\\s+"
              + "(?![^,;]*\\b(?:call|zoom|teams|meeting|demo|visit|survey|tour|assessment|appointment|"
              + "consultation|session|webinar|viewing|inspection|(?:hang|hung|hangs)\\s+up|rings?\\s+off|"
              + "rung\\s+off|off\\s+the\\s+(?:phone|line|call)|done\\s+here|finish(?:ed)?\\s+talking|"
              + "we\\s+(?:finish|end|are\\s+done|'re\\s+done))\\b)");

  /** A measure that says there is none ("—", "N/A", "tbc"). */
  private static final java.util.regex.Pattern NO_MEASURE =
      java.util.regex.Pattern.compile(
          "(?i)\\s*(?:[^\\p{L}\\p{N}]*|n\\s?/\\s?a|n\\.a\\.?|na|none|nil|nothing|tbc|tbd|to be (?:confirmed|decided)|"
              + "not applicable|-+)\\s*\\.?\\s*(?:[-—–,(]\\s*see\\b.*)?");

  /** "on the client's behalf", "on behalf of the customer". */
  private static final java.util.regex.Pattern ON_BEHALF =
      java.util.regex.Pattern.compile(
          "(?i)\\bon\\s+(?:the\\s+|their\\s+|his\\s+|her\\s+)?(?:customer|client|caller|prospect|buyer|member|"
              + "tenant|borrower|patient|family)(?:'s|’s|s'|s’)\\s+behalf\\b|\\bon\\s+behalf\\s+of\\s+(?:the\\s+)?"
              + "(?:customer|client|caller|prospect|buyer|member|tenant|borrower|patient|family)s?\\b");

  /** Words that leave the moment open within whatever period follows them. */
  private static final java.util.regex.Pattern INDEFINITE =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:some\\s*time|some\\s+point|one\\s+day|some\\s*day|later"
              // ("now in a minute": Welsh English for some time later, not within a minute)
              + "|now\\s+in\\s+a\\s+minute)\\b");

  /** "by", "before", "end of next week", "EOD": a deadline within the period. */
  private static final java.util.regex.Pattern BY_THEN =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:by|before|until|till|within|latest|(?:no|not)\\s+later\\s+than|end\\s+of|close\\s+of|eod|eow|eom|cob|eob)\\b");

  /**
   * Whether "on board" at {@code i} means aboard: its verb is not one of getting or being there.
   */
  private boolean aboard(Sentence s, int i) {
    // "needs her husband on board", "gets the partners who own the firm on board": someone is
    if (i < 1
        || !s.is(i - 1, "NOUN")
        || reader.isActorWord(s, i - 1)
        || ON_BOARD_PEOPLE.contains(s.lemmas()[i - 1])) {
      return false;
    }
    for (int k = i - 1; k >= Math.max(0, i - 5); k--) {
      if (s.wordIn(k, Sentence.CLAUSE_WORDS) || s.word(k, "that")) {
        return false;
      }
      if (s.is(k, "VERB") || s.is(k, "AUX")) {
        return !ON_BOARD_VERBS.contains(s.lemmas()[k]);
      }
    }
    return false;
  }

  private static final java.util.Set<String> ON_BOARD_VERBS =
      java.util.Set.of(
          "get", "bring", "have", "keep", "come", "be", "stay", "remain", "jump", "hop", "climb",
          "want", "take", "seem");

  private static final java.util.Set<String> ON_BOARD_PEOPLE =
      java.util.Set.of(
          "husband",
          "wife",
          "spouse",
          "partner",
          "co-director",
          "director",
          "team",
          "family",
          "everyone",
          "everybody",
          "boss",
          "colleague",
          "staff",
          "board",
          "son",
          "daughter",
          "kid",
          "parent",
          "owner",
          "manager",
          "people",
          "stakeholder",
          "cfo",
          "ceo",
          "md");

  /**
   * "Sometime next week", "at some point in June", "later this month": one week or one named month,
   * short enough to end on a known day (the whole time frame, so not "in May or June").
   */
  private static final java.util.regex.Pattern SHORT_PERIOD =
      java.util.regex.Pattern.compile(
          "(?i)^\\s*(?:(?:some\\s*time|at\\s+some\\s+point|later)\\s+)?(?:(?:in|during|within)\\s+)?"
              + "(?:(?:the\\s+)?(?:this|next|coming|following)\\s+(?:week|month)"
              + "|(?:early|mid|late)?[\\s-]*"
              + TimeExpressions.ANY_MONTH_NAME
              + "\\.?"
              + "(?:\\s+(?:20\\d{2}|this\\s+year|next\\s+year))?)"
              + "(?:\\s+(?:some\\s*time|at\\s+some\\s+point))?\\s*[.!]?\\s*$");

  /** A day, a date or a clock time ("on Friday 14 March", "between 2pm and 4pm"). */
  private static final java.util.regex.Pattern A_DAY =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\b"
              + "|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b"
              + "|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\s+\\d{1,2}(?:st|nd|rd|th)?\\b"
              + "|\\b\\d{1,2}(?::\\d{2})?\\s?(?:am|pm)\\b|\\b\\d{1,2}:\\d{2}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b"
              + "|\\b\\d{1,2}/\\d{1,2}\\b|\\b(?:today|tomorrow|tonight)\\b|\\bthe\\s+\\d{1,2}(?:st|nd|rd|th)\\b");

  /** By when it must be done. */
  private static final java.util.regex.Pattern DEADLINE =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:by|before|until|till|within|latest|no later than|during|on this call|today|tonight)\\b"
              + "(?<!\\bnot before)");

  /** "With a fair wind, ...", "If it is possible, ...": a condition in front of the whole step. */
  private static final java.util.regex.Pattern LEADING_HEDGE =
      java.util.regex.Pattern.compile(
          "(?i)^\\s*(?:with\\s+(?:a\\s+fair\\s+wind|any\\s+luck)|all\\s+(?:being|going)\\s+well|"
              + "(?:if|should)\\s+(?:all|everything|things)\\s+go(?:es)?\\s+(?:well|fine|ok|okay|to\\s+plan|smoothly)|"
              + "in\\s+an\\s+ideal\\s+world|if\\s+we(?:'re|’re|\\s+are)\\s+lucky|where\\s+practical|"
              + "we(?:'re|’re|\\s+are)\\s+hoping(?:\\s+that)?|"
              + "where\\s+(?:feasible|practicable)|if\\s+(?:at\\s+all\\s+)?(?:possible|doable|feasible|practicable)|"
              + "if\\s+it\\s*(?:is|'s|’s|be)\\s+(?:at\\s+all\\s+)?(?:possible|doable|feasible)|god\\s+willing|"
              + "touch\\s+wood|time\\s+permitting|if\\s+time\\s+(?:allows|permits)|"
              + "(?:we|i)\\s+hope(?:\\s+that)?|"
              // "With a bit of luck", "No promises, but", "If the stars line up", "Should the gods
              // smile", "In a perfect world", "If she's feeling brave", "Should Mom be up to it"
              + "with\\s+(?:a\\s+(?:bit|little)\\s+of\\s+|some\\s+)luck|no\\s+promises\\s*,?\\s+but|"
              + "if\\s+the\\s+stars\\s+(?:line\\s+up|align)|should\\s+the\\s+gods\\s+smile|the\\s+gods\\s+willing|"
              + "in\\s+a\\s+perfect\\s+world|"
              + "if\\s+(?:[\\w'’-]+\\s+){0,2}?[\\w-]+(?:'s|’s|'re|’re|\\s+is|\\s+are)\\s+"
              + "(?:feeling\\s+(?:brave|generous|bold|keen|up\\s+to\\s+it)|up\\s+(?:for|to)\\s+it|game|in\\s+the\\s+mood)|"
              + "should\\s+(?:[\\w'’-]+\\s+){0,2}?be\\s+(?:up\\s+(?:for|to)\\s+it|willing|feeling\\s+brave|in\\s+the\\s+mood)|"
              // the same in Portuguese, Spanish, French and Arabic loan words
              + "se\\s+(?:der|poss[ií]vel|puder)|quem\\s+sabe|oxal[aá]|ojal[aá]|na\\s+medida\\s+do\\s+poss[ií]vel|"
              + "si\\s+(?:es\\s+posible|se\\s+puede|possible)|talvez|tal\\s+vez|quiz[aá]s?|peut[- ][eê]tre|"
              + "insh?a'?\\s*allah)\\s*,?\\s+");

  /** Conditions that are hedges after any verb ("confirms, if possible, ..."). */
  private static final java.util.Set<String> FIXED_CONDITIONS =
      java.util.Set.of(
          "if possible",
          "if willing",
          "if at all possible",
          "if feasible",
          "if doable",
          "if they can");

  /** The verbs that ask for a choice or an answer: "if" after them is "whether", no hedge. */
  private static final java.util.Set<String> ASKING =
      java.util.Set.of(
          "choose",
          "decide",
          "say",
          "tell",
          "confirm",
          "check",
          "ask",
          "know",
          "indicate",
          "state",
          "let",
          "advise",
          "clarify",
          "specify",
          "select",
          "tick",
          "mark",
          "answer");

  /** Whether {@code hedge} is an "if" after a verb asking for a choice, in the same clause. */
  /** "sends the dates so we can see if the residence has beds": our check, after their step. */
  private static boolean inOurPurpose(Sentence s, Phrase hedge) {
    int at = s.find(hedge, 0);
    for (int k = at - 1; at > 0 && k >= Math.max(0, at - 5); k--) {
      if (s.word(k, "so")
          && java.util.stream.IntStream.range(k + 1, at)
              .anyMatch(j -> s.wordIn(j, java.util.Set.of("we", "i")))
          && java.util.stream.IntStream.range(k + 1, at)
              .anyMatch(j -> s.wordIn(j, java.util.Set.of("can", "could", "may", "might")))) {
        return true;
      }
    }
    return false;
  }

  private static boolean indirectQuestion(Sentence s, Phrase hedge) {
    if (!hedge.text().startsWith("if ") || FIXED_CONDITIONS.contains(hedge.text())) {
      return false;
    }
    int at = s.find(hedge, 0);
    if (at < 0) {
      return false;
    }
    int budget = 8;
    for (int k = at - 1; k >= 0 && budget > 0; k--, budget--) {
      // "asks next door (who's got a log burner too) if they want ...": the aside does not count
      if (s.word(k, ")")) {
        int open = k - 1;
        while (open > 0 && !s.word(open, "(") && k - open < 16) {
          open--;
        }
        if (s.word(open, "(")) {
          k = open;
          continue;
        }
      }
      if (s.wordIn(k, java.util.Set.of(",", ";", ":", ".", "and", "or", "then"))) {
        return false;
      }
      // ("Client chooses for each type if ...": "chooses" is often tagged as a noun)
      if (ASKING.contains(s.lemmas()[k]) && !(k > 0 && s.is(k - 1, "DET"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether token {@code i} stands between the first brackets of {@code s}. */
  private static boolean inBrackets(Sentence s, int i) {
    int open = -1;
    for (int k = 0; k < s.size(); k++) {
      if (s.word(k, "(")) {
        open = k;
      } else if (s.word(k, ")") && open >= 0) {
        return i > open && i < k;
      }
    }
    return false;
  }

  /** An aside in brackets right after the subject, before a lower-case word (a verb). */
  private static final java.util.regex.Pattern SUBJECT_ASIDE =
      java.util.regex.Pattern.compile(
          "^(\\s*[^(),.;:]{1,60}?)\\s*\\([^()]{1,100}\\)(?=\\s+\\p{Ll})");

  /** Our side's own guess about the customer, however it is recorded. */
  private static final java.util.regex.Pattern JUDGEMENT =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:interest|commitment|confidence|urgency|buying)\\s+(?:level|score|rating)\\b"
              // "comfort level with the portal logged as 'high'", "stress level ticked 'low'": a
              // mood given a value (not "the GAD-7 anxiety score", "a comfort rating of -5C")
              + "|\\b(?:comfort|stress|trust|enthusiasm|excitement|mood|warmth)\\s+level\\b[^.\\n]{0,40}\\b"
              + "(?:logged|ticked|marked|set|rated|recorded|noted)\\s+(?:as\\s+|to\\s+|at\\s+)?['\"]?"
              + "(?:high|medium|low|good|ok|poor|hot|warm|cold)\\b"
              // "appetite for credit rated Hot/Warm/Cold", "pipeline set to 80% likely", "Agent
              // judges we're the front-runner", "rates the client's trust 8/10"
              + "|\\b(?:appetite|interest|lead|prospect|caller|customer|client|contact|deal|opportunity|opp|"
              + "candidate|applicant|enquirer|inquirer|supporter|donor|parent|student)\\b"
              + "[^.\\n]{0,40}\\b(?:rated|marked|logged|ticked|tagged|flagged|status\\s+set\\s+to)\\s+(?:as\\s+)?['\"]?"
              + "(?:hot|warm|cold)\\b(?![-‐])"
              // ("tagged hot tub as a must-have", "ticked hot dinners": a thing, not a mark)
              + "(?!\\s+(?!(?:in|on|at|by|for|after|from|per|and|lead|prospect|status|via|to|with)\\b)[a-z])"
              + "|\\b\\d{1,3}\\s?%\\s+(?:likely|probable|sure|certain|confident)\\b"
              + "|\\b(?:agent|rep|we|i|sdr|bdr|ae|adviser|advisor|caller)\\s+(?:judges?|reckons?|"
              + "senses?|believes?)\\b"
              + "|\\brates?\\s+(?:the\\s+)?(?:[\\w-]+(?:'s|’s)\\s+|(?:call|conversation|meeting|customer|client|caller)\\s+)?"
              + "(?:trust|comfort|mood|interest|enthusiasm|"
              + "confidence|stress|warmth|rapport|sincerity|honesty|willingness)\\b"
              + "|\\blevel\\s+of\\s+(?:interest|commitment|confidence|urgency)\\b"
              + "|\\b(?:agent|rep|sdr|bdr|ae|kam|csm|consultant|adviser|advisor|caller)(?:'s|’s)?\\s+"
              + "(?:% chance|impression|view|opinion|feel(?:ing)?|sense|gut|confidence|estimate|assessment|"
              + "judge?ment|read)\\b"
              + "|\\bimpression\\s+(?:of|that)\\b"
              // "Culture fit: Strong (recruiter's view)": a value that is someone's opinion, not
              // theirs
              + "|\\((?:(?:the|our|my)\\s+)?(?:[\\w-]+\\s+)?(?:agent|rep|recruiter|scheduler|sdr|bdr|ae|csm|kam|"
              + "consultant|adviser|advisor|officer|coordinator|caller|closer|salesperson)(?:'s|’s|s')?\\s+"
              + "(?:own\\s+)?(?:view|assessment|opinion|impression|judge?ment|read|take|gut|sense|estimate|feel)\\)"
              + "|\\(per\\s+(?:the\\s+|our\\s+)?(?:[\\w-]+\\s+)?(?:agent|rep|recruiter|scheduler|sdr|bdr|ae|csm|kam|"
              + "consultant|adviser|advisor|officer|coordinator|closer)\\)"
              + "|\\b(?:commitment|buying|deal|close|closing|purchase|signing)\\s+confidence\\b"
              + "|\\b(?:\\d{1,3}\\s?%|\\d{1,3}\\s?percent)\\s+(?:chance|probability|likelihood)\\b"
              + "|\\b(?:chance|probability|likelihood)\\s+(?:of|that|to)\\b[^.\\n]{0,40}(?:\\b\\d{1,3}\\s?%|\\b(?:high|low|good)\\b)"
              // "puts the stage to 90% in the CRM", "sets opp probability to 75%": a pipeline guess
              + "|\\b(?:sets?|puts?|moves?|updates?|changes?|bumps?|raises?)\\s+(?:the\\s+)?"
              + "(?:(?!their\\b|his\\b|her\\b|its\\b)[\\w-]+\\s+){0,2}?"
              + "(?:stage|probability|likelihood|forecast)\\s+(?:to|at|as)\\s+\\d{1,3}\\s?%"
              // "Presales rates the lead as 'A - Hot'": whoever grades the lead, it is our grade
              + "|\\b(?:rates?|rated|grades?|graded|scores?|scored)\\s+(?:the\\s+|this\\s+)?(?:lead|prospect|deal|opp|"
              + "opportunity)\\s+(?:as|at)\\s+['\"‘“]?(?:[a-d]\\s*[-–:]\\s*)?(?:hot|warm|cold|high|medium|low|strong|weak|keen)\\b"
              + "|\\b(?:estimates?|estimated|guess(?:es|ed)?|gauges?|gauged)\\b[^.\\n]{0,40}\\b(?:chance|probability|"
              + "likelihood)\\b"
              + "|\\b(?:chance|probability|likelihood|potential|interest|commitment|confidence)\\b[^.\\n]{0,30}"
              + "\\b(?:rated|estimated|judged|gauged|scored)\\b"
              + "|\\b(?:handled|went|done|managed)\\s+(?:successfully|well|properly|effectively)\\b[^.\\n]{0,30}"
              + "\\b(?:ticked|marked|noted|checked)\\s+by\\b"
              + "|\\b(?:conviction|impression)\\s+(?:noted|logged|recorded|captured)\\b"
              // "Win probability field updated to 60% by the rep", "forecast category set to
              // Commit",
              // "SDR marks the lead as Hot"
              + "|\\b(?:win|close|closing|deal|opportunity|opp|pipeline|sales)\\s+probability\\b|\\bforecast\\s+category\\b"
              + "|\\b(?:marks?|marked|flags?|flagged|tags?|tagged)\\s+(?:the\\s+)?(?:lead|prospect|deal|account|"
              + "caller|customer|client|contact|opportunity|opp|them|him|her)\\s+as\\s+['\"]?"
              + "(?:hot|warm|cold|keen|interested)\\b"
              // "SDR rates the meeting likelihood as 'high'", "Manager's gut says they'll buy"
              + "|\\b(?:meeting|decision|buying|purchase|close|closing|conversion|show|attendance|deal|win|"
              + "signing)\\s+likelihood\\b|\\bgut\\s+(?:feel(?:ing)?|says|tells|instinct|sense|call)\\b|\\b[\\w-]+(?:'s|’s)\\s+gut\\b"
              + "(?!\\s+(?:test|health|microbiome|kit|biome|flora|bacteria|check|issues?|problems?))"
              // (ours who rate: "Experian rates the business as low risk" is a record of theirs)
              + "|\\b(?:agent|rep|we|i|sdr|bdr|ae|adviser|advisor|supervisor|manager|caller|csm|kam)\\s+"
              + "(?:rates?|rated|grades?|graded)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:as|at)\\s+['\"]?"
              + "(?:hot|warm|cold|high|medium|low|very good|good|strong|weak|keen)\\b"
              // "Adviser marks referral likelihood as High", "marks patient readiness as 'high'"
              + "|\\b(?:agent|rep|sdr|bdr|ae|adviser|advisor|csm|kam|consultant|coordinator|counsell?or|caller|"
              + "recruiter|scheduler|we|i)\\s+(?:marks?|sets?|rates?|puts?|logs?|scores?|flags?)\\s+"
              + "(?:the\\s+|their\\s+|his\\s+|her\\s+)?(?:[\\w-]+\\s+){0,2}?(?:likelihood|probability|readiness|propensity|"
              + "willingness|motivation|seriousness|intent)\\s+(?:as|to|at)\\s+['\"‘“]?(?:high|medium|low|strong|weak|hot|"
              + "warm|cold|good|\\d{1,3}\\s?%)(?![\\w-])"
              // "Probability set to 60% in CRM", "sets lead status to 'Hot - 90%'": our guess
              + "|\\b(?:probability|likelihood)\\s+(?:field\\s+)?(?:is\\s+)?(?:set|put|updated|changed|moved|raised|bumped)\\s+"
              + "(?:to|at|as)\\s+\\d{1,3}\\s?%"
              + "|\\b(?:lead|prospect|deal|opportunity|opp)\\s+(?:status|stage|rating|temperature|temp)\\s+(?:is\\s+)?"
              + "(?:(?:set|marked|changed|updated|moved)\\s+)?(?:to|as|at)\\s+['\"‘“]?(?:hot|warm|cold|keen)\\b"
              + "(?=\\s*(?:$|['\"’”]|[-–(,.;]|in\\b|on\\b|by\\b|after\\b))"
              + "|\\b(?:lead|prospect|deal|account)\\s+(?:is\\s+)?(?:marked|flagged|tagged|set|rated|scored)\\s+(?:as\\s+|to\\s+)?"
              + "['\"]?(?:hot|warm|cold|keen|interested)\\b"
              // "'buying signal' score set to 4/5 by the AE", "relationship status changed to
              // 'strong' by me", "risk flag set to low after gauging how they reacted"
              + "|\\bbuying\\s+signals?\\b|\\brelationship\\s+(?:status|strength|score|health|temperature)\\b"
              + "|\\b(?:after|by|from)\\s+gauging\\b"
              + "|\\b(?:deal|lead|prospect|opportunity)\\s+(?:temperature|temp|grade|heat)\\b"
              + "|\\b(?:score[sd]?|scoring|rated|rating|flag(?:ged)?|sentiment)\\b[^.\\n]{0,40}\\bby\\s+(?:the\\s+)?"
              + "(?:our\\s+)?(?:sales\\s+)?(?:me|agent|rep|ae|sdr|bdr|adviser|advisor|csm|consultant|caller|kam)\\b"
              // "records buying intent as 'high'", "summary states he is fully committed", "QA
              // sheet scores the save as 'strong' based on customer tone"
              // "'Very interested' in the Interest field", "'Keen as mustard' ticked in the Lead
              // Mood
              // field", "seemed happy wi it, so pipeline set to 'Warm'", "Probability to 90%",
              // "'pt likely to show' in the no-show risk field", "from his tone of voice"
              // (not "status set to 'Engaged'": a status anyone can read)
              + "|['\"‘“](?:(?:very|really|quite)\\s+(?:interested|keen|motivated|serious|engaged)|"
              + "keen(?:\\s+as\\s+mustard)?|motivated|enthusiastic)['\"’”]"
              + "|\\b(?:interest|mood|seriousness|motivation|readiness|propensity|posture|no-show\\s+risk)\\s+"
              + "(?:field|score|level|rating)\\b"
              + "(?![^.\\n]{0,40}\\b(?:tool|computed|calculated|questionnaire|assessment|quiz|test)\\b)"
              + "|\\b(?:sets?|puts?|picks?|ticks?|marks?|selects?)\\s+(?:the\\s+)?(?:probability|likelihood)\\b"
              // "RM marks case as 'Hot - 95%'", "flags the deal as hot": a temperature is our guess
              + "|\\b(?:marks?|marked|tags?|tagged|flags?|flagged|sets?|puts?|moves?|moved)\\s+(?:the\\s+|this\\s+)?"
              + "(?:case|lead|deal|opp(?:ortunity)?|prospect|account|contact|client|customer)\\s+(?:as|to|at)\\s+"
              + "['\"‘“]?(?:hot|warm|cold|lukewarm)\\b(?!\\s+(?:storage|store|tier|transfer|call|calls|calling|chain|room|water))"
              + "|\\b(?:seemed|seems|sounded|sounds|looked)\\s+(?:[\\w-]+\\s+){0,2}?(?:happy|keen|interested|positive|"
              + "warm|ready|serious|committed|sold)\\b"
              + "|\\blikely\\s+to\\s+(?:show|buy|sign|convert|renew|proceed|close|attend|enrol|enroll)\\b"
              + "|\\bfrom\\s+(?:his|her|their|the)\\s+(?:tone|manner)\\b|\\btone\\s+of\\s+voice\\b"
              + "|\\b(?:motivation|seriousness|readiness)\\b[^.\\n]{0,30}:\\s*(?:high|medium|low|strong|weak)\\b"
              // "Premium tier interest logged as strong"
              + "|\\b(?:interest|appetite|enthusiasm|intent|keenness|commitment)\\b[^.\\n]{0,30}\\b(?:rated|marked|logged|"
              + "noted|recorded|tagged|flagged|set)\\s+(?:as\\s+|at\\s+|to\\s+)?['\"]?(?:high|medium|low|strong|weak|moderate|"
              + "very\\s+high|good)\\b"
              + "|\\b(?:buying|purchase|purchasing)\\s+intent\\b(?!\\s+(?:form|letter|survey|questionnaire|notice))"
              + "|\\b(?:is|are|was|seems?|sounds?)\\s+(?:fully|truly|really|totally|genuinely|100%|very)\\s+"
              + "(?:committed|convinced|sold|engaged|on\\s+board|bought\\s+in)\\b"
              + "|\\bbased\\s+on\\s+(?:the\\s+)?(?:(?:customer|client|caller|prospect)(?:'s|’s)?\\s+|their\\s+|his\\s+|her\\s+)?"
              + "(?:tone|voice|mood|feel|impression|sense|vibe|enthusiasm)\\b(?=\\s*(?:$|[.,;)]|and\\b|on\\b|during\\b|in\\b))"
              + "|\\b(?:qa|quality)\\s+(?:sheet|form|scorecard)\\s+(?:scores?|rates?|grades?|marks?)\\b[^.\\n]{0,40}\\bas\\s+['\"]?"
              + "(?:strong|weak|good|great|excellent|poor|high|low)\\b"
              // "from my read of the conversation", "based on how the chat went", "as per agent
              // note", "Caller rates alum's affinity 1-5", "SDR gives the demo an engagement
              // score",
              // "SDR feels pain is strong", "'Willingness to Pay' = High", "ticks 'Confident of
              // go-live'", "Buy-in noted by caller"
              + "|\\b(?:from|on|by|per)\\s+(?:my|the\\s+(?:agent|rep|sdr|ae)(?:'s|’s)?)\\s+(?:own\\s+)?"
              + "(?:read|impression|sense|feel|judge?ment|assessment|gut)\\b(?!\\s+of\\s+the\\s+(?:meter|photo|document|form|plan))"
              + "|\\b(?:from|on|by|per)\\s+our\\s+(?:own\\s+)?(?:read|impression|sense|feel|judge?ment|gut)\\b"
              + "|\\b(?:based\\s+on|from|judging\\s+by|on)\\s+how\\s+(?:(?:the|our)\\s+(?:call|chat|conversation|talk|meeting)|it)\\s+"
              + "(?:went|sounded|felt)\\b"
              + "|\\b(?:as\\s+per|according\\s+to)\\s+(?:the\\s+)?(?:agent|rep|caller|sdr|ae|my|our)(?:'s|’s)?\\s+(?:own\\s+)?"
              + "(?:notes?|view|read|feel|sense)\\b(?!\\s+(?:template|format|form|checklist)\\b)"
              + "|\\b(?:agent|rep|sdr|bdr|ae|adviser|advisor|csm|kam|recruiter|i|we)\\s+(?:rates?|scores?|grades?)\\s+"
              + "(?!(?:the\\s+)?(?:[\\w-]+\\s+)?(?:quote|price|cost|delivery|date|volume|total|invoice|bill|amount|shipping|test|"
              + "exam|quiz|assessment|answers|paper|submission|task)\\b)"
              + "(?![^.\\n]{0,60}\\b(?:engine|tool|system|calculator|test|exam|quiz|against\\s+the|marketo|hubspot|"
              + "salesforce|crm|model|form\\s+fields|output|screener|results?)\\b)"
              + "|\\b(?:agent|rep|sdr|bdr|ae|adviser|advisor|csm|kam|recruiter|i|we)\\s+estimates?\\s+(?:the\\s+|their\\s+)?"
              + "(?:chance|likelihood|probability|potential|propensity|intent|interest|fit|readiness|appetite)\\b"
              + "|\\b(?:agent|rep|sdr|bdr|ae|adviser|advisor|csm|kam|recruiter)\\s+gives?\\s+(?![^.\\n]{0,40}\\b(?:credit|epc|energy|fico|risk|safety|hygiene|star|from|pulled|register|bureau)\\b)(?:the\\s+\\w+\\s+|it\\s+|them\\s+)?"
              + "(?:an?\\s+)?(?:[\\w-]+\\s+){0,2}?(?:score|rating|grade|mark)\\b"
              + "|\\b(?:agent|rep|sdr|bdr|ae|adviser|advisor|csm|kam|recruiter)\\s+(?:feels?|thinks?)\\b"
              + "|(?<!(?:'s|’s|their|his|her)\\s)\\bwillingness\\s+to\\s+(?:pay|buy|commit|proceed|sign|change)\\b(?!\\s+(?:amount|figure|price|sum|budget|in\\s+[£$€]|of\\s+[£$€]))"
              + "|['\"‘“](?:confident\\s+(?:of|that|in|about)|likely\\s+to|promising)\\b[^'\"’”]{0,30}['\"’”]"
              + "|\\bbuy-?in\\s+(?:noted|felt|sensed)\\b|\\bbuy-?in\\s+logged\\s+by\\b"
              // "health score set to green if the vibe on the call is positive", "Likelihood-to-buy
              // field set to 'high'"
              + "|\\b(?:the|a|good|bad|positive|negative|overall|general)\\s+vibes?\\b(?!\\s+(?:boards?|interactive|display|screen|s|wellness|package|programme|program|events?|day|festival)\\b)"
              + "|\\bvibes?\\s+(?:on|of|from|was|is|were|felt)\\b|\\blikelihood[- ]to[- ](?:buy|sign|proceed|renew|convert|close|attend|enrol+)\\b"
              + "|\\b(?:affinity|giving\\s+capacity)\\s+(?:score|rating|level|grade)\\b"
              + "(?![^.\\n]{0,30}\\b(?:computed|calculated|generated|modell?ed|returned|from\\s+(?:the\\s+)?(?:tool|model|screening))\\b)"
              // (not "engagement score in HubSpot": the tool counts it)
              + "|\\b(?:rates?|estimates?|scores?)\\s+(?:the\\s+)?(?:[\\w-]+(?:'s|’s)\\s+)?(?:affinity|giving\\s+capacity)\\b"
              // "Our take on the call logged", "Rapport level recorded", "Rep's verdict on the
              // demo"
              + "|\\brapport\\s+(?:level|score|rating)\\b(?![^.\\n]{0,40}\\b(?:tool|gong|analysis|analytics|survey|computed|"
              + "calculated)\\b)"
              + "|\\bour\\s+take\\s+on\\s+(?:the\\s+)?(?:call|chat|conversation|meeting|demo|them|him|her|customer|client|"
              + "prospect|lead|deal|their\\s+(?:interest|mood|intent))\\b|\\benthusiasm\\s+shown\\b"
              + "|\\b(?:rep|agent|ae|sdr|closer|adviser|advisor)(?:'s|’s)\\s+(?:verdict|hunch|take)\\b"
              // "Broker's feeling of his seriousness (1-5)", "Account lead's read on her tone",
              // "marks the deal 'likely' by his feeling", "based on how serious she sounded",
              // "Rep-estimated NPS (our guess)", "'Trouble level' that sales decides", "comes
              // across as serious", "Broker perceives him as more open"
              + "|\\b(?:rep|agent|ae|sdr|bdr|closer|adviser|advisor|broker|trader|salesperson|account\\s+(?:lead|manager|exec))"
              + "(?:'s|’s)\\s+(?:own\\s+)?(?:feeling|read|sense|impression|guess|gut|perception|instinct)\\b"
              + "(?!\\s+of\\s+the\\s+(?:meter|photo|document|form|plan))"
              + "|\\bread\\s+on\\s+(?:his|her|their|the\\s+(?:customer|client|caller|prospect)(?:'s|’s)?)\\s+(?:tone|mood|"
              + "interest|intent|urgency|appetite|temperature|commitment|seriousness)\\b"
              + "|\\bby\\s+(?:his|her|my|our|their)\\s+(?:own\\s+)?(?:feeling|gut|instinct|hunch|impression)\\b"
              + "|\\bhow\\s+(?:serious|keen|interested|committed|motivated|genuine|sincere|ready)\\s+(?:she|he|they|the\\s+\\w+)"
              + "\\s+(?:sounded|seemed|sounds|seems|came\\s+across)\\b"
              + "|\\bour\\s+(?:own\\s+)?guess\\b|\\b(?:rep|agent|sales|ae|broker|adviser|advisor)-(?:estimated|assessed|judged|"
              + "rated|scored|set)\\b"
              + "|\\bthat\\s+(?:sales|the\\s+(?:rep|agent|broker|ae)|we|i)\\s+(?:decides?|judges?|assigns?|picks?)\\b"
              + "|\\b(?:comes?|came|coming)\\s+across\\s+as\\b"
              + "|\\b(?:rep|agent|ae|sdr|bdr|broker|trader|adviser|advisor|we|i)\\s+perceives?\\b"
              // "Sales engineer fills 'Client satisfaction' field as Excellent"
              + "|\\b(?:fills?|sets?|marks?|ticks?|enters?)\\s+(?:in\\s+)?(?:the\\s+)?['\"‘“]?(?:client|customer|caller|patient)\\s+"
              + "(?:satisfaction|happiness|mood|sentiment|experience)\\b"
              // "writes 'parent very enthusiast'", "sets sentiment 'satisfied'", "Family health
              // score we assign", "logs client confidence as 'high'", "health score (set by the
              // account manager)"
              + "|['\"‘“][^'\"’”]{0,25}\\b(?:very|really|quite|super)\\s+(?:interested|keen|motivated|serious|engaged|"
              + "enthusiast(?:ic)?|happy|excited|positive|warm|committed)\\b[^'\"’”]{0,25}['\"’”]"
              + "|\\b(?:sets?|logs?|records?|marks?|enters?|picks?)\\s+(?:the\\s+)?(?:[\\w-]+\\s+)?sentiment\\b"
              + "|\\b(?:score|rating|grade|health|level|status|flag)\\s+(?:that\\s+|which\\s+)?(?:we|i|sales|the\\s+(?:rep|agent|ae))\\s+"
              + "(?:assign|set|give|decide|pick)s?\\b"
              + "|\\b(?:logs?|rates?|marks?|records?|notes?|sets?)\\s+(?:the\\s+)?(?:(?:client|customer|prospect|lead|their|his|her)\\s+)?"
              + "(?:confidence|interest|appetite|enthusiasm|intent|keenness|commitment|warmth|temperature)\\s+(?:as|at|to)\\s+['\"]?"
              + "(?:high|medium|low|strong|weak|moderate|good|hot|warm|cold)\\b"
              + "|\\b(?:set|assigned|decided|judged)\\s+by\\s+(?:the\\s+|our\\s+)?(?:account\\s+(?:manager|lead|exec)|rep|agent|ae|csm|"
              + "sdr|bdr|kam|sales\\s+(?:rep|team))\\b"
              + "|\\bfit\\s+(?:rated|scored|marked)\\s+as\\s+(?!\\d)(?![^.\\n]{0,30}\\b(?:engine|tool|model|system)\\b)");

  /**
   * "a confidence rating of 8 given by the customer in the survey": their answer, not our guess.
   */
  private static final java.util.regex.Pattern THEIR_OWN_SCORE =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:given|stated|chosen|picked|scored|rated|entered|said|reported)\\s+by\\s+(?:the\\s+)?"
              + "(?:customer|client|caller|buyer|prospect|patient|member|owner|respondent|applicant)\\b"
              + "|\\b(?:customer|client|caller|buyer|prospect|patient|member|owner|applicant)(?:-reported|-stated)"
              // "the customer's rating of 9", not "the customer's stress level ticked 'low'"
              + "|\\b(?:customer|client|caller|buyer|prospect|patient|member|owner|applicant)(?:'s|’s)\\s+"
              + "(?:own\\s+)?(?:[\\w-]+\\s+)?(?:scores?|ratings?|answers?|reply|replies|figures?|estimates?|"
              + "numbers?|words|choice|pick)\\b"
              + "|\\b(?:customer|client|caller|buyer|prospect)\\s+(?:gives|gave)\\b"
              + "|\\b(?:customer|client|caller|buyer|prospect|patient|member|owner|respondent)\\s+"
              + "(?:rates?|scores?|grades?)\\s+(?:us|our|it|the\\s+(?:call|service|demo|product|visit|session|"
              + "course|stay|experience))\\b"
              + "|\\b(?:stated|self-reported|self-rated|self-assessed)\\b"
              + "|\\bfrom\\s+(?:the|their)\\s+(?:[\\w-]+\\s+)?(?:form|survey|questionnaire|client|customer|accountant)\\b"
              + "|\\b(?:poll|survey|questionnaire)\\s+(?:answers?|responses?|results?)\\b|\\b(?:saved|scored)\\s+by\\s+the\\s+"
              + "(?:poll|survey|quiz|questionnaire)\\b|\\bset\\s+by\\s+the\\s+(?:customer|client|caller|buyer|prospect)\\b"
              + "|\\breceived\\s+from\\b|\\bsigned\\s+(?:po|order|contract|agreement|purchase order)\\b");

  /** A not-measurable finding: the words of the measure, then why they cannot be checked. */
  private static void refuseMeasure(Findings out, Reading r, String words, String why) {
    out.error(
        "measure", NOT_MEASURABLE, "not measurable: '" + words + "'" + why, Rewrites.measureFor(r));
  }

  private void notMeasurable(Sentence measure, Sentence advance, Reading r, Findings out) {
    // "Interest level marked 'High' by the agent", "AE estimates a 70% chance": our own guess,
    // even when a field holds it
    var judged = JUDGEMENT.matcher(measure.text());
    if (judged.find() && !THEIR_OWN_SCORE.matcher(measure.text()).find()) {
      String words = judged.group().strip().replaceAll("^['\"‘“]|['\"’”]$", "");
      if (LEAD_MARK.matcher(words).lookingAt() && out.refused("advance", TOO_GENERAL)) {
        // "shows interest" / "Lead marked Warm": the mark only mirrors the vague step; authors
        // refuse the step, and the mark waits for the step to be named
        deferMeasure(out, r, words, JUDGED_LATER);
        return;
      }
      refuseMeasure(
          out,
          r,
          words, // ("'Very interested'" is quoted once, by the message)
          " is our side's own judgement, not something the customer did or gave; say what is"
              + " recorded of their step (a date, an amount, a reference, a name, a count)");
      return;
    }
    // "Lead status set to Engaged" is a field anyone can read; a vague value is too-general's
    if (RECORD_VALUE.matcher(measure.text()).find()) {
      return;
    }
    if (measure.size() == 0 || NO_MEASURE.matcher(measure.text()).matches()) {
      out.error(
          "measure",
          NOT_MEASURABLE,
          "not measurable: the measure is empty",
          Rewrites.measureFor(r));
      return;
    }
    boolean record = false;
    for (int i = 0; i < measure.size(); i++) {
      record |= measure.wordIn(i, v.recordWords);
    }
    String feeling = subjective(measure, record);
    if (feeling != null
        && record
        && feelingRecorded(
            measure,
            indexOfWord(
                measure, feeling.split("\\s+")[0].toLowerCase(Locale.ROOT), 0, measure.size()))
        && (out.refused("advance", TOO_GENERAL) || out.refused("advance", NOT_AN_ADVANCE))) {
      // "Interest logged" after "shows interest": the record mirrors the vague step
      deferMeasure(out, r, measure.text().strip().replaceAll("[.;]+$", ""), NO_FACT_YET);
      return;
    }
    if (feeling != null && saysTheyLean(measure, feeling) && out.refused("advance", TOO_GENERAL)) {
      // "FM says he's interested" after "shows interest": they said it, so the measure mirrors
      // the vague step, which authors refuse; the measure waits for the step to be named
      deferMeasure(out, r, measure.text().strip().replaceAll("[.;]+$", ""), SAID_LEANING);
      return;
    }
    if (feeling != null) {
      refuseMeasure(
          out,
          r,
          feeling,
          " is how someone" + " feels or thinks, which nobody can check when the call ends");
      return;
    }
    // "The homeowner is leaning toward our policy": a person's state of mind, with no record named.
    String mind = stateOfMind(measure);
    if (mind != null) {
      refuseMeasure(
          out,
          r,
          mind,
          " is a state of mind, not a record,"
              + " a state or a number anyone can check when the call ends");
      return;
    }
    // "Notes updated", "Interest logged in HubSpot": a record that names no fact of this call.
    String empty = emptyRecord(measure);
    if (empty != null
        && (out.refused("advance", TOO_GENERAL) || out.refused("advance", NOT_AN_ADVANCE))) {
      // The advance names no step yet: "Notes updated" follows it; a measure comes with the step
      deferMeasure(out, r, empty, NO_FACT_YET);
      return;
    }
    if (empty != null) {
      refuseMeasure(
          out,
          r,
          empty,
          " names no fact anyone can check; say what is recorded (a date, an amount, a"
              + " reference, a name, a count)");
      return;
    }
    // "Advisory package positioned", "Opportunities explored": the agent's work as done, nothing to
    // check.
    String done = agentWorkDone(measure);
    if (done != null) {
      refuseMeasure(
          out,
          r,
          done,
          " says the agent did something, not" + " what anyone can check when the call ends");
    }
  }

  /** Whether a system of record is named at {@code k} ("DMS", "the CRM", "our POS"). */
  private static boolean systemAt(Sentence s, int k) {
    int j = s.wordIn(k, java.util.Set.of("the", "our", "their")) ? k + 1 : k;
    if (j >= s.size()) {
      return false;
    }
    String w = s.tokens()[j];
    return w.length() >= 2
            && w.equals(w.toUpperCase(Locale.ROOT))
            && Character.isLetter(w.charAt(0))
        || s.wordIn(
            j,
            java.util.Set.of(
                "system",
                "crm",
                "dms",
                "erp",
                "salesforce",
                "hubspot",
                "pos",
                "till",
                "portal",
                "database",
                "tracker",
                "ledger",
                "register"));
  }

  /** Words of feeling or opinion in a measure, or null; nouns are skipped in a named record. */
  private String subjective(Sentence measure, boolean record) {
    for (int i = 0; i < measure.size(); i++) {
      if (record
          && measure.is(i, "NOUN")
          && !participle(measure, i)
          && !feelingRecorded(measure, i)) {
        continue; // "Relationship stage updated in the CRM" names a field
      }
      if (measure.word(i, "progress") && measure.word(i - 1, "in")) {
        continue; // "an application in progress": a state the system shows
      }
      if (measure.lower()[i].equals("sold")
          && (measure.wordIn(i - 1, java.util.Set.of("marked", "shown", "flagged", "recorded"))
              || measure.is(i - 2, "NUM")
              || measure.is(i - 1, "NUM")
              // "Sold in DMS", "Vehicle sold on 12/03": a status in a system ("sold on the
              // idea" is a mood)
              || (i == 0 || measure.is(i - 1, "NOUN") || measure.is(i - 1, "PROPN"))
                  && (measure.wordIn(i + 1, java.util.Set.of("-", ":"))
                      || measure.wordIn(i + 1, java.util.Set.of("in", "via"))
                          && systemAt(measure, i + 2))
              || i == 0 && measure.size() == 1)) {
        continue; // "240 passes sold", "unit marked sold": a count or a status, not a mood
      }
      if (measure.word(i, "trust") && measure.word(i + 1, "in")) {
        return measure.span(i, i + 2); // "Customer trust in our guarantee increased": a feeling
      }
      if (measure.word(i, "trust") && measure.wordIn(i + 1, TRUST_RECORDS)) {
        continue; // "trust ledger shows $10,000": money held in trust, a record
      }
      if (measure.word(i, "happy") && measure.wordIn(i + 1, java.util.Set.of("path", "paths"))) {
        continue; // "happy path confirmed": the usual run through a process, tested
      }
      if (measure.lower()[i].equals("interested")
          && measure.wordIn(i + 1, java.util.Set.of("party", "parties"))) {
        continue; // "interested parties noted on the policy": a legal term, not a mood
      }
      if (measure.word(i, "relationship")
          && (measure.wordIn(i - 1, java.util.Set.of("+", "and", "&", ","))
                  && measure.word(i - 2, "name")
              || measure.word(i + 1, "to"))) {
        continue; // "guardian name + relationship", "relationship to the patient": a fact
      }
      if (measure.wordIn(i, java.util.Set.of("successful", "failed", "unsuccessful"))
          && systemShows(measure, i)) {
        continue; // "API log shows a successful call from their sandbox key": the system's state
      }
      for (Phrase p : v.subjective.candidates(measure, i)) {
        int n = measure.matchAt(p, i);
        boolean asWritten =
            n > 1
                || measure.lower()[i].equals(p.words()[0])
                || Phrase.stem(measure.lower()[i]).equals(p.words()[0])
                || measure.is(i, "VERB");
        boolean compound = measure.is(i, "NOUN") && measure.is(i + 1, "NOUN"); // "interest rate"
        if (n > 0
            && asWritten
            && (n > 1
                || !measure.is(i, "NOUN")
                || participle(measure, i)
                || NOUN_FEELINGS.contains(measure.lemmas()[i]) && !compound)
            && (n > 1 || !measure.is(i, "PROPN")) // ("Advisor is sure": a capital read as a name)
            && Vocabulary.longest(measure, v.evidence, i) == 0) {
          return measure.span(i, i + n);
        }
      }
    }
    return null;
  }

  /** "Strategy understood": a participle the tagger read as a noun. */
  private static boolean participle(Sentence m, int i) {
    return m.lower()[i].equals("understood") || m.lower()[i].endsWith("ed") && i > 0;
  }

  /** "Openness noted", "Confidence logged": a feeling written down, not a field of a record. */
  /** Leanings that someone can say aloud ("says he is open to it"). */
  private static final java.util.Set<String> SAYABLE_LEANINGS =
      java.util.Set.of("interested", "open", "keen", "willing");

  /**
   * "Manager says he is open to it", "Bride says she's interested": the customer says where they
   * lean (not our rep's guess: "Rep's gut says he's interested").
   */
  private boolean saysTheyLean(Sentence m, String feeling) {
    String first = feeling.split("\\s+")[0].toLowerCase(Locale.ROOT);
    int at = indexOfWord(m, first, 0, m.size());
    if (at < 0 || !SAYABLE_LEANINGS.contains(first)) {
      return false;
    }
    boolean said = false;
    for (int i = 0; i < at; i++) {
      if (Vocabulary.longest(m, v.agentActors, i) > 0
          || m.wordIn(i, java.util.Set.of("gut", "feeling", "sense", "we", "i", "our"))) {
        return false;
      }
      said |= m.lemmas()[i].equals("say") || m.lemmas()[i].equals("tell");
    }
    return said;
  }

  /** How a deferred leaning that the customer said reads. */
  private static final String SAID_LEANING =
      " is what they say of their leaning; once the advance names the customer's step";

  private static boolean feelingRecorded(Sentence m, int i) {
    return i >= 0
        && i + 1 < m.size()
        && NOUN_FEELINGS.contains(m.lemmas()[i])
        && !m.is(i + 1, "NOUN")
        && m.wordIn(i + 1, java.util.Set.of("note", "log", "record", "capture"))
        && m.lower()[i + 1].endsWith("ed");
  }

  /** What money held in trust is kept in. */
  private static final java.util.Set<String> TRUST_RECORDS =
      java.util.Set.of(
          "ledger",
          "account",
          "accounts",
          "fund",
          "funds",
          "deed",
          "balance",
          "deposit",
          "transfer");

  /** Whether a log, report or system "shows" what stands at {@code i}. */
  private static boolean systemShows(Sentence m, int i) {
    for (int k = 1; k < i; k++) {
      if (m.wordIn(k, java.util.Set.of("shows", "show", "displays", "records", "logs"))
          && m.wordIn(
              k - 1,
              java.util.Set.of(
                  "log", "logs", "report", "dashboard", "console", "system", "portal"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Nouns that name no particular fact: what is in "the notes" or "the interest" nobody can check.
   */
  private static final java.util.Set<String> GENERIC_NOUNS =
      java.util.Set.of(
          "note",
          "notes",
          "call",
          "profile",
          "record",
          "opportunity",
          "option",
          "vision",
          "interest",
          "intent",
          "intention",
          "progress",
          "plan",
          "plans",
          "need",
          "needs",
          "step",
          "steps",
          "dialogue",
          "dialog",
          "conversation",
          "discussion",
          "awareness",
          "enthusiasm",
          "confidence",
          "engagement",
          "level",
          "update",
          "summary",
          "thought",
          "thoughts",
          "relationship",
          "rapport",
          "crm",
          "system",
          "log",
          "activity",
          "touchpoint",
          "outcome",
          "feedback",
          "sentiment",
          "situation",
          "requirement",
          "requirements",
          "information",
          "info",
          "detail",
          "details",
          "understanding",
          "picture",
          "view",
          "idea",
          "ideas",
          "account",
          "decision",
          "follow-up",
          "followup",
          "file",
          "case",
          "folder");

  /** Verbs that only say something was written down or talked about. */
  private static final java.util.Set<String> GENERIC_DONE =
      java.util.Set.of(
          "update",
          "log",
          "note",
          "capture",
          "discuss",
          "agree",
          "raise",
          "improve",
          "identify",
          "make",
          "open",
          "record",
          "document",
          "hold",
          "have",
          "explore",
          "share",
          "understand",
          "increase",
          "build",
          "establish",
          "gather",
          "collect",
          "review",
          "add",
          "complete",
          "enter",
          "save",
          "register",
          "create",
          "achieve",
          "gain",
          "take",
          "cover",
          "highlight",
          "sort",
          "plan",
          "maintain",
          "finalise",
          "finalize",
          "select",
          "tick",
          "choose",
          "mark",
          "flag");

  /**
   * A short measure whose nouns name no particular fact and whose verb only says it was written
   * down ("Notes updated", "Interest logged in HubSpot", "Next steps agreed"), or null.
   */
  private String emptyRecord(Sentence m) {
    if (m.wordIn(0, REFERRING)
        && (m.is(1, "VERB") || m.lower().length > 1 && m.lower()[1].endsWith("ed"))) {
      return null; // "Both recorded in CRM": the things the advance names ("All notes updated" is
      // no fact)
    }
    boolean verb = false;
    int words = 0;
    for (int i = 0; i < m.size(); i++) {
      if (m.is(i, "PUNCT")
          || m.is(i, "DET")
          || m.is(i, "ADP")
          || m.is(i, "PRON")
          || m.is(i, "CCONJ")
          || m.is(i, "AUX")
          || m.is(i, "PART")
          || m.is(i, "SCONJ")) {
        continue;
      }
      words++;
      if (m.is(i, "NUM") || m.tokens()[i].matches(".*\\d.*")) {
        return null;
      }
      String lemma = m.lemmas()[i];
      String low = m.lower()[i];
      if (low.equals("opened") && m.wordIn(i - 1, java.util.Set.of("account", "accounts"))) {
        return null; // "Account opened": a new account, which the bank's system shows
      }
      boolean doneWord = low.endsWith("ed") || m.is(i, "VERB");
      if (doneWord
          && (GENERIC_DONE.contains(lemma)
              || GENERIC_DONE.contains(Phrase.stem(low))
              || GENERIC_DONE.contains(undoubled(low)) && m.size() <= 3)) {
        verb = true;
      } else if (m.is(i, "PROPN") && i > 0 && (m.word(i - 1, "in") || m.word(i - 1, "on"))) {
        continue; // the system it is kept in: "in HubSpot"
      } else if (m.is(i, "ADJ") && !doneWord && (m.is(i + 1, "NOUN") || m.is(i + 1, "ADJ"))) {
        continue; // "shared vision", "discovery notes"
      } else if (!(GENERIC_NOUNS.contains(lemma) || GENERIC_NOUNS.contains(low))) {
        return null;
      }
    }
    return verb && words <= 7 ? m.span(0, m.size()) : null;
  }

  private static final java.util.Set<String> REFERRING =
      java.util.Set.of("both", "each", "all", "every");

  /**
   * "logged" to "log": a past form with its last consonant doubled. Used for the barest measures
   * only ("Call logged"); "Upgrade conversation logged" at least names what was talked about.
   */
  private static String undoubled(String w) {
    int n = w.length();
    return n > 4 && w.endsWith("ed") && w.charAt(n - 3) == w.charAt(n - 4)
        ? w.substring(0, n - 3)
        : w;
  }

  /**
   * A short measure that only says an agent's or vague verb was done ("Opportunities explored"), or
   * null.
   */
  private String agentWorkDone(Sentence m) {
    int words = 0;
    for (int i = 0; i < m.size(); i++) {
      if (m.wordIn(i, v.recordWords) || m.is(i, "NUM") || m.is(i, "PROPN")) {
        return null;
      }
      words += m.is(i, "PUNCT") ? 0 : 1;
    }
    int last = m.size() - 1;
    while (last > 0 && m.is(last, "PUNCT")) {
      last--;
    }
    if (words > 5 || last < 1 || !m.lower()[last].endsWith("ed")) {
      return null;
    }
    // "Proposal presented" is an event anyone can check; "Package positioned" is not
    return v.vagueVerbs.contains(m.lemmas()[last]) ? m.span(0, last + 1) : null;
  }

  /** The person-and-state-of-mind part of a measure, or null. */
  private String stateOfMind(Sentence m) {
    for (int i = 0; i < m.size(); i++) {
      if (m.wordIn(i, v.recordWords) || m.is(i, "NUM")) {
        return null;
      }
    }
    Reading x = reader.read(m);
    if (x.verb() == null
        || x.passive()
        || x.actor() != Reading.Actor.CUSTOMER && x.actor() != Reading.Actor.UNKNOWN) {
      return null;
    }
    if (v.mentalVerbs.contains(x.verb())) {
      return m.span(x.verbAt(), Math.min(m.size(), x.verbAt() + 3));
    }
    // "Client says they like the platform": a feeling reported is still a feeling ("says they would
    // like a quote" asks for something, and "says they prefer Tuesdays" names a fact)
    if (SAYING.contains(x.verb())) {
      for (int k = x.verbAt() + 1; k < m.size(); k++) {
        // "they like" is often tagged as a preposition: after a pronoun it is the verb
        if ((m.is(k, "VERB") || m.is(k - 1, "PRON") && !m.word(k - 1, "it"))
            && (REPORTED_FEELINGS.contains(m.lemmas()[k])
                || REPORTED_FEELINGS.contains(m.lower()[k]))
            && !m.wordIn(k - 1, java.util.Set.of("would", "'d", "to"))) {
          return m.span(x.verbAt(), Math.min(m.size(), k + 1));
        }
      }
    }
    // ("is open to changing supplier": the words as written, "is", not the lemma)
    if (x.verb().equals("be")
        && x.lowEffort() != null
        && x.lowEffort().matches("(?i)(?:be|is|are|was|were|am)\\s.*")) {
      return x.lowEffort();
    }
    return null;
  }

  private static final java.util.Set<String> SAYING =
      java.util.Set.of("say", "tell", "mention", "state", "comment", "admit", "agree");

  private static final java.util.Set<String> REPORTED_FEELINGS =
      java.util.Set.of("like", "love", "feel", "enjoy", "think", "believe", "trust");

  private static final java.util.Set<String> NOUN_FEELINGS =
      java.util.Set.of(
          "rapport",
          "buy-in",
          "go-to",
          "relationship",
          "progress",
          "sense",
          "understanding",
          "faith",
          "regard",
          "worry",
          "feeling",
          "confidence",
          "comfort",
          "satisfaction",
          "loyalty",
          "engagement",
          "consideration",
          "enthusiasm",
          "excitement",
          "happiness",
          "goodwill",
          "impression",
          "sentiment",
          "perception",
          "opinion",
          "attitude",
          "mood",
          "vibe",
          "tone",
          "curiosity",
          "appetite",
          "awareness",
          "love",
          "interest",
          "alignment",
          "momentum",
          "openness");

  /** "'signs the contract' is a signed contract or order (a close step)". */
  private static String stepOf(BuyingProcess.Found f) {
    return "'" + f.words() + "' is " + f.what() + " (a " + BuyingProcess.name(f.phase()) + " step)";
  }

  /** "accepts the quote and pays ...", "goes ahead and pays ...": the acceptance is asked too. */
  private static final java.util.regex.Pattern ACCEPTED =
      java.util.regex.Pattern.compile(
          "\\b(?:accepts?|accepted|approves?|(?<!\\b(?:is|are|was|were|been|be|gets?|got)\\s)(?:signs?|signed)(?!\\s+(?:off\\s+)?(?:the|a|their)\\s+"
              + "(?:certificate\\s+of\\s+completion|completion\\s+certificate|delivery\\s+note|handover))|e-signs?|countersigns?|executes?|renews?|upgrades?|"
              + "joins?|enrol+s?|commits?|buys?|confirms?\\s+(?:the\\s+|their\\s+)?order|goes?\\s+ahead|"
              + "(?:chooses?|selects?|picks?)\\s+(?:option|package|plan|tier)|"
              + "says?\\s+yes|takes?\\s+out|places?\\s+(?:the|an?|their)\\s+order|agrees?\\s+to\\s+(?:go\\s+ahead|proceed|"
              + "the\\s+(?:quote|quotation|proposal|offer|terms|price)))\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private void realism(Objective o, Config config, BuyingProcess.Found f, Findings out) {
    boolean flagged = false;
    for (Use u : uses(o, config)) {
      Optional<Integer> at = u.phase();
      // From the proposal on, a close is the next thing to ask for: only earlier stages can be
      // asked too much, and a proposal only what comes after the signature
      boolean early = at.isPresent() && at.get() <= 2 && f.phase() - at.get() >= 2;
      boolean pastSignature =
          at.isPresent()
              && at.get() == 3
              && f.afterSignature()
              && !ACCEPTED.matcher(o.advance()).find();
      if (early || pastSignature) {
        flagged = true;
        String where =
            "unrealistic: "
                + stepOf(f)
                + ", but queue "
                + u.queue()
                + " uses this objective at stage "
                + u.stage().id()
                + " ("
                + BuyingProcess.name(at.get())
                + ", "
                + (u.index() + 1)
                + " of "
                + u.count()
                + ")";
        if (early) {
          out.error(
              "advance",
              UNREALISTIC,
              where,
              "ask for the next step that fits "
                  + BuyingProcess.name(at.get())
                  + ": '"
                  + Rewrites.forPhase(at.get())
                  + "'");
        } else {
          out.error(
              "advance",
              UNREALISTIC,
              where + ", and it comes after the customer accepts the proposal",
              "ask for the acceptance first: 'The customer accepts the proposal and signs the order"
                  + " form during the call'");
        }
      }
    }
    // "On this cold call, the homeowner signs the contract": the objective says where it stands
    String first = BuyingProcess.statesFirstContact(o.advance());
    if (!flagged && first != null && f.phase() >= 4) {
      flagged = true;
      out.error(
          "advance",
          UNREALISTIC,
          "unrealistic: "
              + stepOf(f)
              + ", but the objective itself says the call is a '"
              + first
              + "'",
          "ask for the next step that fits a first contact: '" + Rewrites.forPhase(0) + "'");
    }
    // "Caller ringing about a PTO shaft buys every tractor in the yard": absurd at any stage, and
    // the only realism an objective without a stage gets
    String absurd =
        f.what().equals(BuyingProcess.ABSURD)
            ? f.words()
            : f.phase() >= 4 ? BuyingProcess.absurd(o.advance()) : null;
    if (!flagged && absurd != null) {
      flagged = true;
      out.error(
          "advance",
          UNREALISTIC,
          "unrealistic: '" + absurd + "' is " + BuyingProcess.ABSURD,
          "ask for a step one call can get: '" + Rewrites.forPhase(2) + "'");
    }
    var outbound = config.outbound();
    boolean firstContact =
        o.id().equals(outbound.defaultObjective())
            || outbound.byAgent().containsValue(o.id())
            || outbound.byGroup().containsValue(o.id());
    if (firstContact && !flagged && f.phase() >= 4) {
      out.warning(
          "advance",
          UNREALISTIC,
          "'"
              + f.words()
              + "' is "
              + f.what()
              + " on an outbound rule, where a"
              + " call is often a first contact",
          "'" + Rewrites.forPhase(0) + "'");
    }
  }

  /**
   * Markup and length limits; true when some text had markup (the rest of the check reads it
   * without).
   */
  private boolean plainText(Objective o, Findings out) {
    boolean any = false;
    String[][] fields = {
      {"title", o.title()},
      {"advance", o.advance()},
      {"measure", o.measure()},
      {"timeFrame", o.timeFrame()},
      {"followUp", o.followUp()}
    };
    int[] limits = {
      TextLimits.TITLE,
      TextLimits.ADVANCE,
      TextLimits.MEASURE,
      TextLimits.TIME_FRAME,
      TextLimits.FOLLOW_UP
    };
    for (int i = 0; i < fields.length; i++) {
      String name = fields[i][0];
      String text = fields[i][1] == null ? "" : fields[i][1];
      Optional<String> m = TextLimits.markup(text);
      if (m.isPresent()) {
        any = true;
        out.error(
            name,
            MARKUP,
            "markup in the " + name + " ('" + m.get() + "'): the pop-up shows plain text" + " only",
            "'" + TextLimits.plain(text) + "'");
      }
      int len = text.strip().length();
      if (len > limits[i]) {
        out.error(
            name,
            TOO_LONG,
            "the " + name + " has " + len + " characters; the pop-up shows at most " + limits[i],
            "keep the one step and its date in the "
                + name
                + " and move the detail to the"
                + " checklist or the call notes");
      }
    }
    List<ChecklistItem> items = o.checklist();
    for (int i = 0; i < items.size(); i++) {
      String text = items.get(i).text() == null ? "" : items.get(i).text();
      Optional<String> m = TextLimits.markup(text);
      if (m.isPresent()) {
        out.error(
            "checklist/" + i,
            MARKUP,
            "markup in checklist item "
                + items.get(i).id()
                + " ('"
                + m.get()
                + "'): the pop-up shows plain text only",
            "'" + TextLimits.plain(text) + "'");
      }
      if (text.strip().length() > TextLimits.CHECKLIST) {
        out.error(
            "checklist/" + i,
            TOO_LONG,
            "checklist item "
                + items.get(i).id()
                + " has "
                + text.strip().length()
                + " characters; the pop-up shows at most "
                + TextLimits.CHECKLIST,
            "one short check per item");
      }
    }
    return any;
  }

  /** The findings of one objective. */
  private static final class Findings {
    final List<LintFinding> list = new ArrayList<>();
    final Objective o;
    final Lines lines;
    final String file;

    Findings(Objective o, Lines lines, String file) {
      this.o = o;
      this.lines = lines;
      this.file = file;
    }

    private final java.util.Set<String> refused = new java.util.HashSet<>();

    /** The texts as read, and the reading of the advance: for the second opinion. */
    String advanceText;

    String measureText;
    String titleText;
    Sentence advance;
    Reading reading;

    void read(String advanceText, String measureText, String titleText, Sentence s, Reading r) {
      this.advanceText = advanceText;
      this.measureText = measureText;
      this.titleText = titleText;
      this.advance = s;
      this.reading = r;
    }

    /** Whether some field was refused for {@code rule}. */
    boolean refusedFor(String rule) {
      return list.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.rule().equals(rule));
    }

    /** Turns the errors of {@code rule} into warnings, each message followed by {@code note}. */
    void demote(String rule, String note) {
      list.replaceAll(
          f ->
              f.severity() == Severity.ERROR && f.rule().equals(rule)
                  ? new LintFinding(
                      f.objectiveId(),
                      Severity.WARNING,
                      f.rule(),
                      f.message() + note,
                      f.file(),
                      f.line(),
                      f.suggestion())
                  : f);
      refused.removeIf(k -> k.endsWith(" " + rule));
    }

    void error(String field, String rule, String message, String suggestion) {
      // (the error says it instead of the reading's warning of that field: not both)
      int at = lines.of(field);
      list.removeIf(
          f -> f.severity() == Severity.WARNING && f.rule().equals(rule) && f.line() == at);
      refused.add(field + " " + rule);
      add(Severity.ERROR, field, rule, message, suggestion);
    }

    void warning(String field, String rule, String message, String suggestion) {
      add(Severity.WARNING, field, rule, message, suggestion);
    }

    /** Whether {@code field} was refused for {@code rule}. */
    boolean refused(String field, String rule) {
      return refused.contains(field + " " + rule);
    }

    private void add(Severity s, String field, String rule, String message, String suggestion) {
      int line = lines.of(field);
      if (line <= 0 && field.contains("/")) {
        line = lines.of(field.substring(0, field.indexOf('/')));
      }
      list.add(new LintFinding(o.id(), s, rule, message, file, line, suggestion));
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
