package org.callobjectives.server.objectives.lint;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rewrites the check proposes: the same objective with the customer acting, without hedges,
 * measurable.
 */
final class Rewrites {
  private Rewrites() {}

  /** The customer as the advance names them ("The support director"), else "The customer". */
  static String customer(Reading r) {
    if (r.actor() == Reading.Actor.CUSTOMER
        && r.subject() != null
        && !r.subject().isBlank()
        && r.subject().length() < 60
        && r.verb() != null
        // ("with client about way forward.", "the MD and the": no one a misreading can name)
        && !r.subject().matches("(?is)(?:with|about|on|for|to|in|at|by|from)\\s.*|.*[;:].*|.*\\.")
        && !r.subject().matches("(?s).*\\b(?:the|The|a|an|and|or|of|our|their)")
        // ("Parent talks about how they": a clause misread as the subject)
        && !r.subject().matches("(?is).*\\b(?:how|what|why|where|whether|which|when|that)\\b.*")
        // ("The homeowner's HOA approval letter": a paper of theirs, not a person to act)
        && !r.subject()
            .matches(
                "(?is).*\\b(?:letter|form|document|file|copy|report|pack|approval|agreement|contract|"
                    + "invoice|quote|proposal|list|data|figures|details)")
        // ("We'll get them to ...": a pronoun is no one to start a sentence with)
        && !java.util.Set.of("them", "they", "him", "he", "her", "she", "it")
            .contains(r.subject().toLowerCase(java.util.Locale.ROOT))
        && !instructionOrThing(r.subject())) {
      // ("The executive director personally calls": the adverb belongs to the old step)
      return capital(r.subject().replaceFirst("(?i)\\s+(?:personally|also|then|now|finally)$", ""));
    }
    return "The customer";
  }

  /** The particles of an instruction's verb ("ring back", "touch base", "follow up"). */
  private static final Set<String> PARTICLES = Set.of("back", "base", "up", "in", "out");

  /** Things a misreading may take for the one who acts ("A date", "A catch-up"). */
  private static final java.util.Set<String> NO_ONE =
      java.util.Set.of(
          "date",
          "time",
          "slot",
          "call",
          "meeting",
          "chat",
          "catch-up",
          "demo",
          "visit",
          "session",
          "quote",
          "price",
          "plan",
          "deal",
          "decision",
          "step",
          "follow-up",
          "callback",
          "review");

  /**
   * Whether a subject the reading found is an instruction ("Ring client back for a catch-up",
   * "Touch base with the owner") or a thing ("A date"), not someone to start the rewrite with.
   */
  private static boolean instructionOrThing(String subject) {
    Sentence s = English.analyze(subject);
    if (s.size() == 0) {
      return false;
    }
    // the tagger may read "Ring" or "Touch" as nouns: an instruction's verb with its particle
    // ("Ring client back for ...", "Touch base with ...", "Follow up with ...") is no one
    boolean instruction =
        s.size() > 3
            && !s.is(0, "DET")
            && !s.is(0, "PROPN")
            && !s.is(0, "PRON")
            && s.lower()[0].equals(s.lemmas()[0])
            && (s.wordIn(1, PARTICLES) || s.wordIn(2, PARTICLES))
            && java.util.stream.IntStream.range(2, s.size()).anyMatch(k -> s.is(k, "ADP"));
    boolean thing =
        s.size() == 2 && s.wordIn(0, Set.of("a", "an", "the")) && NO_ONE.contains(s.lower()[1]);
    return instruction || thing;
  }

  /**
   * "&lt;the customer&gt; &lt;verb, third person&gt; &lt;rest&gt;", the verb agreeing with a plural
   * customer ("Parents book ...").
   */
  static String customerDoes(Reading r, String rest) {
    String who = customer(r);
    String verb = r.verb() == null ? "..." : third(r.verb());
    return agreeing(who, who + " " + verb + " " + rest);
  }

  /** The text with its hedges taken out. */
  static String withoutHedges(Sentence s, Phrases hedges) {
    StringBuilder kept = new StringBuilder();
    int i = 0;
    while (i < s.size()) {
      int n = Vocabulary.longest(s, hedges, i);
      if (n > 0) {
        i += n;
        if (i < s.size() && s.lower()[i].equals(",")) {
          i++;
        }
        // ("sends the plans, inshallah, by Friday": the comma before it goes too)
        if (kept.length() > 0 && kept.charAt(kept.length() - 1) == ',') {
          kept.setLength(kept.length() - 1);
        }
        continue;
      }
      if (kept.length() > 0 && !",.;:!?)'".contains(s.tokens()[i].substring(0, 1))) {
        kept.append(' ');
      }
      kept.append(s.tokens()[i]);
      i++;
    }
    String t = kept.toString().replaceAll("\\bwill (\\w+)", "$1").strip();
    return capital(t);
  }

  /**
   * An advance the customer would take, close to what was written: for the agent's own step on
   * something ("Present the premium plan"), the customer's next step on that same thing.
   */
  static String example(Sentence s, String who, Reading r) {
    return agreeing(who, exampleFor(s, who, r));
  }

  /**
   * {@code rewrite}, unless it only repeats the low-effort step {@code low} ("Get the receptionist
   * to confirm they got the email" -> "The receptionist confirms they got the email"): then a step
   * with effort in it for {@code who}.
   */
  static String notEchoing(String rewrite, String low, String who) {
    String[] words = low == null ? new String[0] : low.strip().split("\\s+", 2);
    if (words.length < 2
        || !java.util.regex.Pattern.compile(
                "(?iu)(?<![\\p{L}\\p{N}])"
                    + java.util.regex.Pattern.quote(words[1])
                    + "(?![\\p{L}\\p{N}])")
            .matcher(rewrite)
            .find()) {
      return rewrite;
    }
    return agreeing(who, who + " " + EFFORTFUL);
  }

  /** "Parents agrees to ..." -> "Parents agree to ...": the verb agrees with a plural subject. */
  static String agreeing(String who, String text) {
    if (who == null || !text.startsWith(who + " ") || !plural(who)) {
      return text;
    }
    String rest = text.substring(who.length() + 1);
    int space = rest.indexOf(' ');
    String verb = space < 0 ? rest : rest.substring(0, space);
    String base = base(verb);
    if (base == null) {
      return text;
    }
    // "... a demo and invites the decision maker": the suggestions' second verbs agree too
    String after =
        SECOND_VERB
            .matcher(rest.substring(verb.length()))
            .replaceAll(m -> "and " + base(m.group(1)));
    return who + " " + base + after;
  }

  private static final java.util.regex.Pattern SECOND_VERB =
      java.util.regex.Pattern.compile(
          "\\band (invites|books|sends|authori[sz]es|brings|names|gives|signs|pays|emails|shares)"
              + "(?= (?:the|a|an|their|his|her|its|our|us|them)\\b)");

  /** "books" -> "book", "copies" -> "copy", "pushes" -> "push"; null if not a third-person form. */
  static String base(String verb) {
    if (verb.endsWith("ies") && verb.length() > 4) {
      return verb.substring(0, verb.length() - 3) + "y";
    } else if (verb.matches(".*(?:ss|sh|ch|x|z|o)es")) {
      return verb.substring(0, verb.length() - 2);
    } else if (verb.endsWith("s") && !verb.endsWith("ss") && verb.length() > 2) {
      return verb.substring(0, verb.length() - 1);
    }
    return null;
  }

  /** "Parents", "Both directors", "The owner and her son"; not "James" after a first name. */
  private static boolean plural(String who) {
    // the head comes before "of", "for", "at" ...: "The head of operations" is one person
    String head = who.split("\\s+(?:of|for|at|in|from|with|on)\\s+", 2)[0];
    String[] words = head.split("\\s+");
    String last = words[words.length - 1];
    if (head.contains(" and ") || head.contains(" & ")) {
      return true;
    }
    return last.length() > 3
        && last.endsWith("s")
        && !last.matches(".*(?:ss|us|is|'s|’s)")
        && (words.length == 1 || Character.isLowerCase(last.charAt(0)));
  }

  private static String exampleFor(Sentence s, String who, Reading r) {
    String base = example(s, who);
    if (!base.endsWith(GENERIC) && !base.contains("accepts the renewal offer")) {
      return base;
    }
    boolean agents =
        r != null
            && r.verbAt() >= 0
            && (r.imperative() || r.agentVerb() != null || r.actor() == Reading.Actor.AGENT);
    if (agents) {
      int from = r.verbAt() + 1;
      while (from < s.size()
          && (s.is(from, "ADP") || s.is(from, "PART") || s.wordIn(from, PARTICLES))) {
        from++; // "walk through the options", "gets back to us"
      }
      int to = from;
      while (to < s.size()
          && to < from + 7
          && !s.is(to, "ADP")
          && !s.is(to, "PUNCT")
          && !(s.is(to, "CCONJ") && !modifier(s, to + 1))
          && !s.word(to, "to")
          && !(s.word(to, "and") && !modifier(s, to + 1))) { // "a fun and engaging lesson"
        to++;
      }
      String object = s.span(from, to);
      boolean verbInside = false;
      for (int k = from; k < to; k++) {
        verbInside |= s.is(k, "VERB"); // "attempt to get the architect": no topic to name
        verbInside |= s.wordIn(k, NO_TOPIC); // "show some interest": nothing to follow up on
        verbInside |= s.wordIn(k, PEOPLE); // "persuade the customer": a person is no topic
      }
      // "have a follow-up call with the family": a meeting, not what it is about (not "the
      // call-back policy")
      verbInside |= to > from && s.wordIn(to - 1, MEETINGS);
      // "call again tomorrow", "go over everything", "present this": no thing named
      verbInside |=
          s.is(from, "ADV")
              || s.is(from, "PRON")
              || s.wordIn(
                  from,
                  Set.of(
                      "this",
                      "that",
                      "these",
                      "those",
                      "everything",
                      "anything",
                      "something",
                      "again",
                      "over",
                      "all"));
      if (to > from
          && !verbInside
          && !object.isBlank()
          && !s.wordIn(
              from, java.util.Set.of("the customer", "customer", "them", "him", "her", "it"))) {
        return who
            + " books a 20-minute follow-up on "
            + lowerFirst(object)
            + " with the decision maker for a"
            + " named date";
      }
    }
    return base;
  }

  /** An adjective or a participle before a noun: "engaging" in "a fun and engaging lesson". */
  private static boolean modifier(Sentence s, int k) {
    return s.is(k, "ADJ")
        || s.lower()[Math.min(k, s.size() - 1)].endsWith("ing") && s.is(k + 1, "NOUN");
  }

  private static final Set<String> PEOPLE =
      Set.of(
          "customer",
          "client",
          "enquirer",
          "prospect",
          "lead",
          "caller",
          "patient",
          "member",
          "homeowner",
          "owner",
          "buyer",
          "tenant",
          "landlord",
          "parent",
          "family",
          "donor",
          // "gives the student a tour": the people our side serves are no topic either
          "student",
          "learner",
          "couple",
          "guest",
          "bride",
          "groom",
          "supporter",
          "alum",
          "applicant",
          "borrower",
          "policyholder",
          "resident",
          "subscriber",
          "ho",
          "cx",
          "cust",
          // "reach out to the procurement director": a person of theirs by title
          "director",
          "manager",
          "head",
          "cfo",
          "ceo",
          "coo",
          "cto",
          "cio",
          "vp",
          "president",
          "officer",
          "md",
          "gm",
          "supervisor",
          "administrator",
          "partner",
          "principal",
          "chair",
          // "locks a technician for the route": our own staff are no topic either
          "technician",
          "engineer",
          "installer",
          "fitter",
          "specialist",
          "consultant",
          "adviser",
          "advisor",
          "rep",
          "representative",
          "colleague",
          "surveyor",
          "inspector",
          "crew",
          "driver",
          "courier",
          "coordinator",
          "scheduler");

  private static final Set<String> MEETINGS =
      Set.of(
          "call",
          "meeting",
          "chat",
          "catch-up",
          "follow-up",
          "callback",
          "call-back",
          "session",
          "conversation",
          "check-in",
          "touchpoint");

  private static final Set<String> NO_TOPIC =
      Set.of(
          "interest",
          "momentum",
          "relationship",
          "rapport",
          "awareness",
          "value",
          "enthusiasm",
          "openness",
          "alignment",
          // idioms: "move the needle", "get the ball rolling", "push things along"
          "needle",
          "ball",
          "dial",
          "thing",
          "trust",
          "confidence",
          "engagement",
          // "get a feel for how serious he is": a sense of theirs, no topic to meet on
          "feel",
          "sense",
          "idea",
          "picture",
          "understanding",
          "clarity");

  /** A step with effort in it, for whoever the objective names. */
  private static final String EFFORTFUL =
      "sends their current figures and books a dated review call to go through them";

  private static final String GENERIC =
      "agrees to a follow-up call on a named date with the decision maker";

  private static String lowerFirst(String s) {
    return s.length() > 1
            && Character.isUpperCase(s.charAt(0))
            && Character.isLowerCase(s.charAt(1))
        ? s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1)
        : s;
  }

  /** What we visit or call someone to do ourselves: "to demo the scanner". */
  private static final Set<String> OUR_PURPOSES =
      Set.of(
          "demo",
          "demonstrate",
          "present",
          "pitch",
          "show",
          "showcase",
          "explain",
          "walk",
          "upsell",
          "persuade",
          "convince",
          "remind",
          "introduce",
          "reassure",
          "update",
          "inform");

  /** An advance the customer would take, close to what was written. */
  static String example(Sentence s, String who) {
    // "Persuade the customer to upgrade to the annual plan" -> "The customer upgrades to the annual
    // plan"
    for (int i = 0; i + 1 < s.size(); i++) {
      boolean verbNext =
          s.is(i + 1, "VERB")
              || s.is(i + 1, "NOUN")
                  && (s.is(i + 2, "ADP")
                      || s.is(i + 2, "DET")
                      || i + 2 == s.size()
                      || s.is(i + 2, "PUNCT"));
      if (s.lower()[i].equals("to")
          && i > 1
          && verbNext
          && !s.lower()[i + 1].endsWith("ing") // "open to talking": no infinitive
          // ("spreading the word to neighbours": a plural, whatever its tag, is no infinitive)
          && !s.lower()[i + 1].matches(".*[^su]s")
          && !AdvanceReader.SERVED.contains(s.lower()[i + 1]) // "sends login to client"
          // ("visits the clinic to demo the scanner": our purpose, not their step)
          && !OUR_PURPOSES.contains(s.lemmas()[i + 1])
          // ("shows some readiness to switch": a leaning is no one to act)
          && !s.wordIn(i - 1, AdvanceReader.LEANINGS)
          && isActorBefore(s, i)) {
        String rest = s.span(i + 2, s.size());
        boolean noTopic = false;
        for (int k = i + 1; k < s.size(); k++) {
          noTopic |= s.wordIn(k, NO_TOPIC);
        }
        if (noTopic) {
          break; // "rings the enquirer back to keep the momentum going": nothing to keep of it
        }
        String actor = actorBefore(s, i).replaceFirst("\\s+(?:back|up|out|over)$", "");
        return capital(actor)
            + " "
            + (actor.contains(" and ") ? s.lower()[i + 1] : third(s.lower()[i + 1]))
            + (rest.isEmpty() ? "" : " " + rest);
      }
    }
    Set<String> words = new java.util.HashSet<>(List.of(s.lemmas()));
    if (any(words, "quote", "proposal", "offer", "price", "pricing", "estimate")) {
      return who
          + " reviews the "
          + first(words, "quote", "proposal", "offer", "price", "pricing", "estimate")
          + " with the decision maker and books a decision call on a named date";
    }
    if (any(
        words,
        "brochure",
        "booklet",
        "leaflet",
        "guide",
        "pack",
        "newsletter",
        "material",
        "information")) {
      return who
          + " books a 15-minute follow-up call on a named date to go through the "
          + first(
              words,
              "brochure",
              "booklet",
              "leaflet",
              "guide",
              "pack",
              "newsletter",
              "material",
              "information");
    }
    // the trade's own next step before the generic ones ("explain the hardship options")
    if (any(words, "arrears", "debt", "hardship", "overdue", "repayment")) {
      return who + " sets up a dated repayment plan or makes a payment during the call";
    }
    if (any(words, "patient", "treatment", "appointment", "clinic", "check-up", "dental")) {
      return who + " books a dated appointment while on the line";
    }
    if (any(words, "enrolment", "enrollment", "admission", "admissions", "intake", "course")) {
      return who + " submits the application form and books a dated visit or interview";
    }
    if (any(
        words,
        "demo",
        "demonstration",
        "walkthrough",
        "presentation",
        "overview",
        "roadmap",
        "benefit",
        "feature",
        "option",
        "service",
        "product",
        "bundle",
        "tariff")) {
      return who + " agrees to a 30-minute demo on a named date and invites the decision maker";
    }
    if (any(words, "payment", "balance", "arrears", "debt", "invoice", "reminder", "hardship")) {
      return who + " sets up a dated repayment plan or makes a payment during the call";
    }
    if (any(words, "detail", "address", "email", "postcode", "identity", "birth", "number")) {
      return who + " completes the form while on the line and books the next appointment";
    }
    if (any(words, "discount", "loyalty", "renewal", "contract", "plan")) {
      return who + " accepts the renewal offer and authorises the first payment during the call";
    }
    if (any(words, "ticket", "issue", "fix", "problem", "device", "router", "patch")) {
      return who + " runs the fix with the agent on the line and confirms the result code";
    }
    return who + " " + GENERIC;
  }

  /** A measure that fits what the customer does. */
  static String measureFor(Reading r) {
    String v = r.verb() == null ? "" : r.verb();
    String m =
        switch (v) {
          case "book", "schedule", "agree", "accept", "attend", "join", "reserve" ->
              "Booking with date and time visible in the calendar";
          case "send",
              "email",
              "upload",
              "export",
              "forward",
              "submit",
              "return",
              "share",
              "provide" ->
              "File received in the shared inbox and attached to the account";
          case "sign", "e-sign", "countersign", "authorise", "authorize" ->
              "Signed document stored on the account";
          case "pay", "prepay", "settle" -> "Payment posted to the account";
          case "name", "tell", "list", "give", "describe", "read", "state" ->
              "Answers written in the CRM fields";
          case "invite", "bring", "introduce" -> "Invite accepted by the named attendee";
          case "set",
              "switch",
              "activate",
              "reactivate",
              "install",
              "upgrade",
              "complete",
              "register" ->
              "New state visible on the account (active, completed)";
          default ->
              "a record anyone can check when the call ends, e.g. 'Booking visible in the calendar'";
        };
    return m.startsWith("a record") ? "name " + m : "'" + m + "'";
  }

  /** A typical advance for a phase of the buying process. */
  static String forPhase(int phase) {
    return switch (phase) {
      case 0 -> "The customer agrees to a 30-minute discovery call on a named date";
      case 1 -> "The customer names their top two needs and agrees to a demo on a named date";
      case 2 -> "The customer invites the decision maker to a demo on a named date";
      case 3 ->
          "The customer reviews the proposal with the decision maker and books a decision call";
      case 4 -> "The customer confirms who signs and books the signing call for a named date";
      default -> "The customer signs the order form during the call";
    };
  }

  /** Verbs of trying or wanting the tagger may take for a noun before "to" ("X tries to"). */
  private static final Set<String> ATTEMPTS =
      Set.of("try", "tries", "attempt", "hope", "want", "aim", "wish", "seek", "intend", "need");

  /** Verbs whose object before "to" is a thing given for a purpose, not a person to move. */
  private static final Set<String> GIVEN_FOR_A_PURPOSE =
      Set.of(
          "offer",
          "give",
          "send",
          "provide",
          "issue",
          "apply",
          "approve",
          "grant",
          "waive",
          "share",
          "email",
          "post",
          "use",
          "authorise",
          "authorize",
          "extend");

  private static boolean isActorBefore(Sentence s, int to) {
    return !actorBefore(s, to).isEmpty();
  }

  /**
   * The noun phrase just before {@code to} when it names a person ("the customer" in "persuade the
   * customer to").
   */
  private static String actorBefore(Sentence s, int to) {
    int k = to - 1;
    while (k >= 1
        && (s.is(k, "NOUN")
            || s.is(k, "PROPN")
            || s.is(k, "ADJ")
            || s.is(k, "DET")
            || s.word(k, "and") && k < to - 1 // "the architect and their security lead"
            || s.is(k, "PRON") && !s.lower()[k].equals("it"))) {
      k--;
    }
    // "Persuade the customer to ...": a verb before the person ("Customer commits to going ahead"
    // has none)
    if (k == to - 1
        || k < 0
        || !(s.is(k, "VERB") || k == 0 && !s.is(0, "NOUN") && !s.is(0, "PROPN"))
        // "offers a loyalty discount to stop the cancellation": a thing given for a purpose
        || s.wordIn(k, GIVEN_FOR_A_PURPOSE)) {
      return "";
    }
    String np = s.span(k + 1, to);
    boolean person = false;
    for (int j = k + 1; j < to; j++) {
      person |= s.is(j, "NOUN") || s.is(j, "PROPN") || s.is(j, "PRON");
    }
    if (!person
        || NO_ONE.contains(s.lower()[to - 1])
        || NO_ONE.contains(s.lemmas()[to - 1])
        || ATTEMPTS.contains(s.lemmas()[to - 1])) {
      return ""; // "stays open to ...", "agrees to next steps to ...", "tries to ...": no one named
    }
    for (int j = k + 1; j < to; j++) {
      if (s.wordIn(j, Set.of("us", "we", "me", "i", "our", "enough"))) {
        return ""; // "trusts us enough to open up": we are not who acts next
      }
    }
    if (np.equalsIgnoreCase("them") || np.equalsIgnoreCase("him") || np.equalsIgnoreCase("her")) {
      return "The customer";
    }
    return np;
  }

  static String third(String verb) {
    if (verb.endsWith("y")
        && verb.length() > 2
        && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0) {
      return verb.substring(0, verb.length() - 1) + "ies";
    }
    if (verb.endsWith("s")
        || verb.endsWith("sh")
        || verb.endsWith("ch")
        || verb.endsWith("x")
        || verb.endsWith("o")
        || verb.endsWith("z")) {
      return verb + "es";
    }
    return verb + "s";
  }

  private static boolean any(Set<String> words, String... wanted) {
    for (String w : wanted) {
      if (words.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static String first(Set<String> words, String... wanted) {
    for (String w : wanted) {
      if (words.contains(w)) {
        return w;
      }
    }
    return wanted[0];
  }

  static String capital(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
