package org.callobjectives.server.objectives.lint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a step sits in the buying process (first contact, discovery, demo, proposal, commitment,
 * close), for a queue stage (by its name, else its place in the chain) and for an advance (by what
 * it asks: a site visit, a budget approval, a signed contract).
 */
final class BuyingProcess {
  static final List<String> PHASES =
      List.of("first contact", "discovery", "demo", "proposal", "commitment", "close");

  private static final List<List<String>> STAGE_WORDS =
      List.of(
          List.of(
              "first",
              "firstcontact",
              "intro",
              "introduction",
              "prospect",
              "prospecting",
              "outbound",
              "cold",
              "lead",
              "leads",
              "new",
              "enquiry",
              "inquiry",
              "welcome",
              "contact",
              "opening",
              "reach",
              "outreach",
              "callback",
              "recall",
              "winback",
              "win"),
          List.of(
              "discovery",
              "discover",
              "qualify",
              "qualification",
              "qualifying",
              "needs",
              "assessment",
              "research",
              "factfind",
              "fact",
              "understand",
              "diagnosis",
              "survey"),
          List.of(
              "demo",
              "demonstration",
              "trial",
              "evaluation",
              "evaluate",
              "pilot",
              "presentation",
              "visit",
              "test",
              "poc"),
          List.of(
              "proposal", "quote", "quotation", "pricing", "offer", "solution", "tender", "bid"),
          List.of(
              "commitment",
              "commit",
              "negotiation",
              "negotiate",
              "approval",
              "decision",
              "legal",
              "procurement",
              "review"),
          List.of(
              "close",
              "closing",
              "contract",
              "sign",
              "signature",
              "signing",
              "order",
              "purchase",
              "won",
              "deal",
              "onboarding"));

  /** Steps of an advance with their phase (index into {@link #PHASES}); the latest found wins. */
  private record Step(int phase, String what, Pattern pattern) {}

  private static final String MONEY_BIG =
      "(?:(?:six|seven|eight)-figure|\\d+(?:\\.\\d+)?-?\\s?(?:megawatt|mw)\\b|[$€£]\\s?\\d[\\d,.]*\\s?(?:m|mn|million|bn|billion|k)\\b"
          + "|\\d[\\d,.]*\\s?(?:m|mn|million|bn|billion)\\s*(?:usd|eur|gbp|dollars?|euros?|pounds?)?\\b"
          + "|(?:usd|eur|gbp)\\s?\\d[\\d,.]*\\s?(?:m|mn|million|bn|billion)\\b|\\d{1,3}(?:,\\d{3}){2,}"
          + "|(?:[$€£]\\s?|(?:usd|eur|gbp)\\s?)?\\d{3}(?:,\\d{3})(?:\\s?(?:usd|eur|gbp|dollars?|euros?|pounds?))?)";

  /**
   * An amount of a thousand or more, in figures or words ("£8,000", "$12k", "twenty-five thousand
   * pounds").
   */
  private static final String MONEY_THOUSANDS =
      "(?:[$€£]\\s?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|[$€£]\\s?\\d{4,}(?:\\.\\d+)?"
          + "|[$€£]\\s?\\d+(?:\\.\\d+)?\\s?(?:k|m|mn|million|bn|billion)\\b"
          + "|\\b\\d{1,3}(?:,\\d{3})+\\s?(?:pounds?|dollars?|euros?|gbp|usd|eur)\\b"
          + "|\\b\\d+(?:\\.\\d+)?\\s?k\\s?(?:pounds?|dollars?|euros?|gbp|usd|eur)\\b"
          + "|\\b(?:[a-z]+[- ])?(?:thousand|million)\\s+(?:pounds?|dollars?|euros?)\\b)";

  /** Ten thousand or more ("$96,000", "£50k", "forty thousand euros"). */
  private static final String MONEY_TENS_OF_THOUSANDS =
      "(?:[$€£]\\s?\\d{2,3}(?:,\\d{3})+(?:\\.\\d+)?|[$€£]\\s?\\d{5,}(?:\\.\\d+)?"
          + "|[$€£]\\s?\\d{2,}(?:\\.\\d+)?\\s?k\\b|[$€£]\\s?\\d+(?:\\.\\d+)?\\s?(?:m|mn|million|bn|billion)\\b"
          + "|\\b\\d{2,3}(?:,\\d{3})+\\s?(?:pounds?|dollars?|euros?|gbp|usd|eur)\\b"
          + "|\\b(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)[- a-z]*\\s+thousand\\s+"
          + "(?:pounds?|dollars?|euros?)\\b)";

  private static final List<Step> STEPS =
      List.of(
          new Step(
              3,
              "a trip",
              p(
                  "\\b(?:fl(?:y|ies|ew|ying)|travel(?:s|led|ling)?|trips?|journeys?)\\s+(?:\\w+\\s+){0,4}?to\\b"
                      + "|\\bflights?\\s+(?:are\\s+|is\\s+)?(?:booked|confirmed|paid)\\b"
                      + "|\\b(?:two|three|four|five|six|seven|multi|\\d)-day\\s+(?:\\w+\\s+){0,2}?(?:visit|trip|"
                      + "inspection|tour|review|workshop|audit|assessment|familiari[sz]ation)\\b"
                      + "|\\bfamiliari[sz]ation (?:trip|visit|tour)\\b")),
          new Step(
              4,
              "a large commitment",
              p(
                  "\\b(?:signs?|commits?|approves?|initiates?|pledges?|invests?|rolls? over|agrees? to)\\b"
                      + "[^.\\n]{0,50}"
                      + MONEY_TENS_OF_THOUSANDS)),
          new Step(
              2,
              "a site visit",
              p(
                  "\\b(?:site visit|site tour|plant tour|factory tour|visit (?:to )?our "
                      + "(?:\\w+ )?(?:plant|factory|hub|headquarters|hq|site|facility|facilities|warehouse|lab|office|offices|"
                      + "reference site|campus)|(?:visit|tour)s? (?:of )?(?:the |our )?reference (?:site|plant|customer))\\b")),
          new Step(
              3,
              "a site visit that needs travel",
              p(
                  "\\b(?:fl(?:y|ies|ew|ying)|flight|travel(?:s|ling|ing)?|abroad|"
                      + "overseas|international|two-day|three-day|multi-day|overnight|\\d-day)\\b[^\\n]{0,60}\\b(?:site visit|site tour|"
                      + "(?:our|the vendor's|the supplier's)\\s+(?:\\w+\\s+){0,2}(?:plant|factory|hub|site|headquarters|hq|facility|"
                      + "campus|offices?|reference site|warehouse|event|conference|summit|showcase))\\b|\\b(?:site visit|site tour|visit (?:to )?our\\s+(?:\\w+\\s+){0,2}"
                      + "(?:plant|factory|hub|site|headquarters|hq|facility|campus|offices?|warehouse))\\b[^\\n]{0,60}\\b(?:fl(?:y|ies|ew|ying)|"
                      + "flight|travel(?:s|ling|ing)?|abroad|overseas|two-day|three-day|multi-day|overnight|\\d-day)\\b"
                      + "|\\b(?:two|three|multi|\\d)-day\\s+(?:site\\s+)?(?:visit|tour)\\b"
                      + "|\\b(?:site visit|site tour|site audit|plant tour|factory tour|visits?|tours?)\\b[^.\\n]{0,50}\\b"
                      + countries()
                      + "\\b|\\b"
                      + countries()
                      + "\\b[^.\\n]{0,30}\\b(?:site visit|site tour|site audit|visit|tour)\\b")),
          new Step(
              4,
              "a budget approval",
              p(
                  "\\b(?:approves?|approved|approving|signs? off|secures?|gets?|"
                      + "obtains?|wins?)\\b[^.\\n]{0,60}\\b(?:budget|capex|capital|spend|investment|funding|board approval)\\b"
                      + "|\\bboard approval\\b|\\bbudget approval\\b")),
          new Step(
              4,
              "a large payment",
              p(
                  "\\b(?:pays?|paying|clears?|settles?|transfers?|deposits?)\\b[^.\\n]{0,70}"
                      + MONEY_THOUSANDS)),
          new Step(
              5,
              "a payment in full",
              p(
                  "\\b(?:pays?|paying|clears?|settles?)\\b[^.\\n]{0,50}"
                      + MONEY_THOUSANDS
                      + "[^.\\n]{0,40}\\b(?:up ?front|in full|in (?:one|a single) (?:payment|go|lump sum))\\b"
                      + "|\\b(?:pays?|clears?|settles?)\\s+(?:off\\s+)?(?:the|their|his|her)\\s+(?:full|entire|whole|total)\\b[^.\\n]{0,20}"
                      + MONEY_THOUSANDS)),
          new Step(
              4,
              "a large financial commitment",
              p(
                  "\\b(?:approves?|approval|commits?|signs?|pays?|prepays?|invests?|"
                      + "transfers?|moves?|switch(?:es)?|deposits?|authori[sz]es?)\\b[^.\\n]{0,60}"
                      + MONEY_BIG)),
          new Step(
              5,
              "a signed contract or order",
              p(
                  "\\b(?:signs?|signed|signing|e-signs?|countersigns?|executes?)"
                      + "\\b[^.]{0,60}\\b(?:contract|agreement|programme|program|deal|msa|mandate|purchase order|order form|policy|scheme|lease|licence|license|retainer|"
                      + "treatment plan contract)\\b|\\b(?:binds?|bound)\\b[^.]{0,30}\\b(?:cover|programme|policy|program)\\b"
                      + "|\\bprepays?\\b|\\bdraws? down\\b|\\bcompletes? on (?:the|their|his|her) (?:mortgage|purchase|sale|house|"
                      + "property|flat|home)\\b|\\bsigns?\\b[^.]{0,30}\\b(?:codicil|deed|lasting power of attorney)\\b|\\bplaces? (?:an?|the) (?:\\w+ )?order\\b|\\bcloses? the deal\\b"
                      + "|\\b(?:signs?|buys?|purchases?)\\b[^.]{0,40}\\b(?:multi-year|three-year|five-year|enterprise)\\b"
                      + "|\\b(?:multi-year|three-year|five-year|\\d+-year)\\b[^.]{0,30}\\b(?:contract|agreement|deal)\\b"
                      + "|\\b(?:orders?|buys?|purchases?)\\b[^.]{0,60}"
                      + MONEY_BIG
                      + "|\\bpays? (?:an? |the )?(?:\\w+[- ]?)?(?:percent|per cent|%) deposit\\b"
                      + "|\\bpays?\\b[^.\\n]{0,30}\\b(?:years?|\\d+ months)\\b[^.\\n]{0,15}\\b(?:up ?front|in advance)\\b")));

  private static final Pattern EMBEDDED =
      Pattern.compile("\\b(?:who|whom|whose|which|whether|why|how|where|what)\\b");

  private BuyingProcess() {}

  /**
   * Every country's English name, longest first: a visit "at their plant in Brazil" means travel.
   */
  private static String countries() {
    java.util.TreeSet<String> names =
        new java.util.TreeSet<>(
            java.util.Comparator.comparingInt(String::length)
                .reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
    for (String code : Locale.getISOCountries()) {
      names.add(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT));
    }
    return names.stream()
        .map(Pattern::quote)
        .collect(java.util.stream.Collectors.joining("|", "(?:", ")"));
  }

  /** The phase of a queue stage: by its name, else by its place among {@code count} stages. */
  static Optional<Integer> ofStage(String id, int index, int count) {
    String norm = id == null ? "" : id.toLowerCase(Locale.ROOT);
    for (String part : norm.split("[^a-z]+")) {
      for (int ph = 0; ph < STAGE_WORDS.size(); ph++) {
        if (STAGE_WORDS.get(ph).contains(part)) {
          return Optional.of(ph);
        }
      }
    }
    String joined = norm.replaceAll("[^a-z]", "");
    for (int ph = 0; ph < STAGE_WORDS.size(); ph++) {
      if (STAGE_WORDS.get(ph).contains(joined)) {
        return Optional.of(ph);
      }
    }
    if (count < 2) {
      return Optional.empty();
    }
    return Optional.of((int) Math.round(5.0 * index / (count - 1)));
  }

  /** The furthest step an advance asks for, with its phase, if it names one. */
  static Optional<Found> ofAdvance(String text, Phrases closeWords, Sentence s) {
    String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
    Found best = null;
    for (Step st : STEPS) {
      var m = st.pattern().matcher(t);
      // "names who signs off the budget": a step someone else takes, later; the rest is as embedded
      if (m.find()
          && !EMBEDDED.matcher(t.substring(0, m.start())).find()
          && (best == null || st.phase() > best.phase())) {
        best = new Found(st.phase(), st.what(), m.group().strip());
      }
    }
    if (s != null && (best == null || best.phase() < 5)) {
      Phrase close = closeWords.first(s, true);
      if (close != null) {
        best = new Found(5, "a close", close.text());
      }
    }
    return Optional.ofNullable(best);
  }

  record Found(int phase, String what, String words) {}

  static String name(int phase) {
    return PHASES.get(Math.max(0, Math.min(PHASES.size() - 1, phase)));
  }

  private static Pattern p(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
