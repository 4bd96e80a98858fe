package org.callobjectives.server.objectives.lint;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.callobjectives.server.objectives.lint.Reading.Actor;

/**
 * Reads an advance sentence: skips a leading hedge, tells an instruction to the agent ("Present the
 * product") from a clause with a subject, finds the subject and its main verb (also past a
 * mis-tagged third-person verb such as "forwards"), tells the passive voice and its "by" phrase,
 * and matches the agent's verbs and the customer's low-effort steps by lemma.
 */
final class AdvanceReader {
  /**
   * Verbs that hand the action to the one named after them: "get the tenant to book", "have them
   * sign".
   */
  private static final Set<String> CAUSATIVE =
      Set.of("get", "have", "help", "let", "ask", "invite", "enable", "allow", "bring");

  private static final Set<String> MODALS =
      Set.of(
          "will",
          "shall",
          "can",
          "must",
          "should",
          "would",
          "could",
          "may",
          "might",
          "to",
          "also",
          "then",
          "now",
          "immediately",
          "personally",
          "actually",
          "successfully",
          "still",
          "finally",
          "already",
          "not",
          "n't",
          "both",
          "each",
          "all",
          "themselves",
          "directly");
  private static final Set<String> IRREGULAR_PARTICIPLES =
      Set.of(
          "given",
          "sent",
          "shown",
          "done",
          "made",
          "paid",
          "told",
          "brought",
          "taken",
          "written",
          "held",
          "set",
          "put",
          "sold",
          "bought",
          "run",
          "read",
          "offered",
          "spent",
          "kept",
          "left",
          "met",
          "found",
          "built",
          "won",
          "got",
          "gotten",
          "seen",
          "drawn",
          "signed",
          "booked",
          "emailed",
          "e-mailed",
          "mailed",
          "posted",
          "provided",
          "applied",
          "explained",
          "presented",
          "delivered",
          "dispatched",
          "completed",
          "returned",
          "issued",
          "processed",
          "arranged",
          "laid",
          "lent",
          "led",
          "fed",
          "dealt",
          "taught",
          "hung");
  private static final Set<String> STATE_VERBS =
      Set.of(
          "be", "have", "feel", "seem", "become", "remain", "stay", "look", "sound", "appear",
          "get");
  private static final Set<String> LEADING_CLAUSE =
      Set.of(
          "after", "once", "when", "before", "as", "if", "while", "since", "following", "having");

  /** Participles that, after "be" and before "to", lay a duty on the subject. */
  private static final Set<String> OBLIGED =
      Set.of("expected", "supposed", "required", "obliged", "due", "scheduled", "meant", "asked");

  /** Lemmas a tagger may rightly call auxiliary. */
  private static final Set<String> REAL_AUX = Set.of("be", "have", "do", "get", "need", "dare");

  /**
   * Modals in front of the main verb that make it a possibility, not a commitment ("would" states
   * what they will do: "Caller would book the service on this call").
   */
  private static final Set<String> MODAL_HEDGES = Set.of("could", "might", "may");

  /** Nouns ending like a person's role that are things. */
  private static final Set<String> THINGS =
      Set.of(
          "reminder",
          "order",
          "letter",
          "number",
          "offer",
          "voucher",
          "router",
          "computer",
          "printer",
          "flyer",
          "poster",
          "transfer",
          "folder",
          "paper",
          "answer",
          "error",
          "sensor",
          "monitor",
          "meter",
          "counter",
          "register",
          "server",
          "browser",
          "trailer",
          "container",
          "banner",
          "newsletter",
          "brochure",
          "payment",
          "agreement",
          "document",
          "statement",
          "account",
          "amount",
          "equipment",
          "appointment",
          "investment",
          "settlement",
          "indicator",
          "calculator",
          "elevator",
          "generator",
          "dialler",
          "dialer",
          "autodialler",
          "autodialer",
          "mailer",
          "emailer",
          "chatbot",
          "scanner",
          "tracker");

  private static final Set<String> TOWARD_US = Set.of("us", "me", "our");

  /** Where our side keeps its customers: "the owner from our sales list" is a customer. */
  private static final Set<String> OUR_RECORDS =
      Set.of(
          "list",
          "database",
          "record",
          "books",
          "book",
          "waitlist",
          "register",
          "file",
          "crm",
          "ledger",
          "roster",
          "mailing",
          "newsletter");

  /** Ways a paper reaches our office by hand or by carrier ("couriered back to our office"). */
  private static final Set<String> HANDED_IN = Set.of("drop", "courier", "fax", "hand", "bring");

  /** Verbs of sending whose passive may name the sender after "from". */
  private static final Set<String> SENT_FROM =
      Set.of("send", "email", "e-mail", "forward", "return", "upload", "submit", "post", "mail");

  private final Vocabulary v;

  AdvanceReader(Vocabulary v) {
    this.v = v;
  }

  Reading read(Sentence s) {
    // "Which depot is short of drivers? The supervisor names it": the part where the customer acts.
    // ("Lay of the land = AP manager tells us ...", "Get a feel for the job, meaning the
    // groundsman gives us ...": a label, then what it means)
    int start = 0;
    boolean afterExplaining = false;
    for (int k = 0; k < s.size() - 1; k++) {
      boolean explained = s.word(k, ",") && s.wordIn(k + 1, EXPLAINING) && k + 2 < s.size();
      if ((s.wordIn(k, Set.of(".", "?", "!", ":", ";", "=")) && !abbreviationEnd(s, k) || explained)
          && k > start) {
        Reading part = readOne(s.slice(start, k));
        if (part.customerActs() && part.verb() != null) {
          return part.shifted(start); // (positions are the whole sentence's)
        }
        start = explained ? k + 2 : k + 1;
        afterExplaining = explained;
      }
    }
    if (start > 0) {
      Reading last = readOne(s.slice(start, s.size()));
      if (last.customerActs() || last.actor() == Actor.CUSTOMER) {
        return last.shifted(start);
      }
      // "Action item for the caller, specifically: she uploads ...": the one named before;
      // "Get a feel for the job, meaning the groundsman gives us ...": the one named after
      if (last.actor() == Actor.UNKNOWN
          && (afterExplaining
              || Set.of("she", "he", "they")
                      .contains(last.subject().toLowerCase(java.util.Locale.ROOT))
                  && actorOf(s, 0, start) == Actor.CUSTOMER)
          && last.agentVerb() == null
          && last.lowEffort() == null
          && !last.passive()) {
        return last.by(Actor.CUSTOMER, last.subject()).shifted(start);
      }
    }
    Reading whole = readOne(s);
    if (whole.actor() == Actor.AGENT || whole.actor() == Actor.THING) {
      Reading then = theirStepAfterOurs(s, whole);
      if (then != null) {
        return then;
      }
    }
    return whole;
  }

  /**
   * "Our helpdesk resets the login, then the buyer creates the two sub-logins": after our part, a
   * clause in which the customer takes a real step (not "and the buyer receives the mail"); else
   * null.
   */
  private Reading theirStepAfterOurs(Sentence s, Reading ours) {
    for (int k = Math.max(1, ours.verbAt() + 1); k + 2 < s.size(); k++) {
      if (!s.wordIn(k, Set.of(",", "and", "then"))) {
        continue;
      }
      int j = k + 1;
      while (j < s.size()
          && (s.wordIn(j, AFTER_OUR_PART) || s.word(j, "that") && s.word(j - 1, "after"))) {
        j++; // (", after that the buyer creates ...")
      }
      if (s.word(j - 1, "after")
          || j >= s.size() - 1
          || s.wordIn(j, Sentence.CLAUSE_WORDS)
          || s.wordIn(j, SUBORDINATE)) {
        continue; // ("after" opens a clause of when; "and how to get the CFO to join" is ours)
      }
      // ("... and let them have a read": our instruction goes on; not "let them sign the form")
      if (s.wordIn(j, Set.of("let", "allow"))
          && s.is(j + 1, "PRON")
          && s.wordIn(
              j + 2, Set.of("have", "think", "look", "read", "consider", "mull", "digest"))) {
        continue;
      }
      Sentence rest = s.slice(j, s.size());
      Reading part = readOne(rest);
      // ("get the architect and their security lead to schedule": one object of our "get")
      if (s.word(k, "and") && part.verbAt() > 0 && rest.word(part.verbAt() - 1, "to")) {
        continue;
      }
      // ("and the investor moves in the right direction": no step named)
      if (part.verb() != null
          && part.verbAt() < rest.size() - 1 // (not "Discuss the offer and buyer needs")
          && v.vague.first(rest) == null
          && !v.vagueVerbs.contains(part.verb())
          && !part.passive()
          && part.agentVerb() == null
          && part.lowEffort() == null
          && part.hedge() == null
          && !part.imperative()
          && !LITTLE_STEPS.contains(part.verb())
          && part.actor() == Actor.CUSTOMER) {
        return part.by(Actor.CUSTOMER, part.subject()).shifted(j);
      }
    }
    return null;
  }

  /** Words that join our part to the customer's: ", then", "and after that", "and next". */
  private static final Set<String> AFTER_OUR_PART =
      Set.of("and", "then", "after", "afterwards", "next", ",");

  /** Words that open a clause of when, why or what ("and while the buyer tests them ..."). */
  private static final Set<String> SUBORDINATE =
      Set.of(
          "if",
          "to",
          "that",
          "while",
          "whilst",
          "because",
          "once",
          "when",
          "since",
          "until",
          "till",
          "so",
          "as",
          "although",
          "though",
          "unless",
          "before",
          "whereas");

  /** Words after a comma that say what the words before it mean. */
  static final Set<String> EXPLAINING =
      Set.of("meaning", "i.e.", "i.e", "ie", "namely", "specifically", "concretely");

  /** "2 p.m. device demo": a full stop before a word in lower case ends an abbreviation. */
  private static boolean abbreviationEnd(Sentence s, int k) {
    // (not "We recap the pricing. owner then picks ...": a sentence that ends in lower case)
    return s.word(k, ".")
        && k + 1 < s.size()
        && Character.isLowerCase(s.tokens()[k + 1].charAt(0))
        && (s.lower()[k - 1].matches("\\p{L}(?:\\.\\p{L})*\\.?")
            || ABBREVIATIONS.contains(s.lower()[k - 1]));
  }

  /** Words shortened with a full stop. */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "st", "mgr", "co", "inc", "ltd", "approx", "no", "nos", "vs",
          "etc", "jr", "sr", "dept", "est", "min", "max", "ref", "tel", "ext", "hr", "hrs", "wk",
          "wks", "mo", "yr", "yrs", "am", "pm", "corp", "bros", "mfg", "intl");

  private Reading readOne(Sentence s) {
    int i = skipLead(s, 0);
    if (i >= s.size()) {
      return new Reading(Actor.NONE, "", null, -1, false, false, null, null, null);
    }
    // "Could get the champion to share ...": an instruction behind a hedging modal
    if (s.wordIn(i, MODAL_HEDGES) && s.is(i + 1, "VERB") && !isActorWord(s, i + 1)) {
      Reading theirs = readOne(s.slice(i + 1, s.size())).shifted(i + 1);
      if (theirs.actor() == Actor.CUSTOMER && !theirs.imperative()) {
        return theirs.hedged(s.lower()[i]);
      }
    }
    // "Mike Alvarez, the lender's senior processor, places ...": read past the apposition
    int[] aside = apposition(s, i);
    if (aside != null) {
      Reading r = clause(s, i, aside[0], aside[1]);
      // "Sophie, our conversion lead, sends ...": the apposition says whose side they are on
      Actor side =
          r.actor() != Actor.CUSTOMER && r.actor() != Actor.UNKNOWN
              ? r.actor()
              : s.word(aside[0] + 1, "our") ? Actor.AGENT : Actor.CUSTOMER;
      return r.by(side, s.span(i, aside[0]));
    }
    Reading nominal = nominal(s, i);
    if (nominal != null) {
      return nominal;
    }
    // "Visit rebooked for Thu 7pm by Mrs Ali": what was done, and by the customer
    int by = reducedPassiveBy(s, i);
    if (by > 0) {
      return Reading.customerStep(
          s.span(by + 1, Math.min(s.size(), by + 3)), s.lemmas()[i + 1], i + 1);
    }
    // ("Elektron send ...": a name the tagger took for a leading adverb)
    int nameAt = i == 1 && s.is(0, "ADV") ? 0 : i;
    int named = verbAfterAName(s, nameAt);
    if (named > 0) {
      Reading r = clause(s, nameAt, named, named);
      return r.actor() != Actor.NONE && r.actor() != Actor.THING
          ? r
          : r.by(Actor.UNKNOWN, r.subject());
    }
    // "Supply chain head will sign ...": a title whose first word the tagger took for a verb
    int title = titleReadAsVerb(s, i);
    if (title > 0) {
      return clause(s, i, title, title);
    }
    if (startsInstruction(s, i)) {
      int verb = s.word(i, "to") ? i + 1 : i;
      String lemma = s.lemmas()[verb];
      if (CAUSATIVE.contains(lemma)) {
        Reading handed = handedOver(s, verb);
        if (handed != null) {
          return handed;
        }
      }
      // "Ask the plant manager about the sister plant, and get him to give us the name": the
      // instruction ends in the customer's step
      Reading then = handedOverLater(s, verb + 2);
      if (then != null) {
        return then;
      }
      // "Get the technical drawing from the customer": the customer gives it
      if (Set.of("get", "obtain", "collect").contains(lemma) && namesData(s, verb + 1)) {
        int giver = fromTheCustomer(s, verb + 1);
        if (giver > 0) {
          return Reading.customerStep(s.span(giver, nounPhraseEnd(s, giver)), "give", verb);
        }
      }
      // "Token amount of Rs 5,000 paid by parent": a noun the tagger took for an imperative,
      // then a participle whose "by" names the customer
      Reading byThem = reducedPassiveByTheCustomer(s, verb);
      if (byThem != null) {
        return byThem;
      }
      return new Reading(
          Actor.AGENT, "", lemma, verb, true, false, agentVerbAt(s, verb), null, null);
    }
    // "We'll get them to dig out the deed", "Agent gets the homeowner to book the survey": what
    // we get them to do is theirs
    int ours =
        s.wordIn(i, Set.of("we", "i")) || s.wordIn(i, AGENT_TITLES)
            ? i + 1
            : s.wordIn(i, Set.of("our", "the")) && s.wordIn(i + 1, AGENT_TITLES) ? i + 2 : -1;
    if (ours > 0) {
      int v = ours;
      while (v < s.size() && (s.wordIn(v, MODALS) || s.wordIn(v, Set.of("'ll", "’ll")))) {
        v++;
      }
      if (v < s.size() && s.wordIn(v, Set.of("get", "have"))) {
        Reading handed = handedOver(s, v);
        // (not "we'll get them booked in": what is done to them is ours)
        if (handed != null
            && handed.verbAt() > 0
            && (s.word(handed.verbAt() - 1, "to")
                || s.word(v, "have") && !s.lower()[handed.verbAt()].endsWith("ed"))) {
          return handed;
        }
      }
    }
    int verb = findVerb(s, i);
    // "Their Lebensmittelchemiker checks our label text and returns it": an earlier verb in -s
    // the tagger took for a noun, right after the subject's noun and before an object
    int earlier = verb > 0 ? earlierStepInS(s, i, verb) : -1;
    if (earlier > 0) {
      verb = earlier;
    }
    // "Tasting notes of our samples returned by their QA panel": done, and by the customer
    int doneBy = verb > 0 ? reducedPassiveByThem(s, verb) : -1;
    if (doneBy > 0) {
      return Reading.customerStep(s.span(doneBy, nounPhraseEnd(s, doneBy)), s.lemmas()[verb], verb);
    }
    if (verb < 0) {
      verb = verbAfterShortSubject(s, i);
    }
    if (verb < 0) {
      verb = verbAfterOfPhrase(s, i);
    }
    if (verb < 0) {
      verb = verbInSAfterTheSubject(s, i);
    }
    if (verb < 0) {
      verb = stepVerbAfterTheSubject(s, i);
    }
    // "Import manager we've never spoken to signs ...": "we" right after the subject's noun opens a
    // clause about the subject; the sentence's own verb comes after it, in the third person.
    int we = ourClauseInSubject(s, i, verb < 0 ? s.size() - 1 : verb);
    if (verb < 0 && we > 0) {
      int main = thirdPersonVerbAfter(s, we + 1);
      if (main > 0) {
        return clause(s, i, we, main);
      }
    }
    // "Target grade and exam dates, from the parent, on this call": what the customer gives
    int giver = verb < 0 && namesData(s, i) ? fromTheCustomer(s, i + 1) : -1;
    if (giver > 0) {
      return Reading.customerStep(s.span(giver, nounPhraseEnd(s, giver)), "give", giver - 1);
    }
    if (verb < 0) {
      return new Reading(
          actorOf(s, i, s.size()), s.span(i, s.size()), null, -1, false, false, null, null, null);
    }
    if (we > 0) {
      int main = thirdPersonVerbAfter(s, verb + 1);
      // "Homeowners who got the door hanger could call back": a modal and its verb after the clause
      int modal = modalAfter(s, verb + 1);
      if (modal > 0 && (main < 0 || modal < main)) {
        main = modal;
      }
      if (main > 0) {
        return clause(s, i, we, main);
      }
    }
    // "Shipper to email the volumes": the note-taking future, subject before "to"
    return clause(s, i, s.word(verb - 1, "to") && verb - 1 > i ? verb - 1 : verb, verb);
  }

  /**
   * A later "and get &lt;the customer&gt; to &lt;step&gt;" in an instruction ("Ask ... and more
   * important get homeowner to email a pic"): the customer's step; else null.
   */
  private Reading handedOverLater(Sentence s, int from) {
    for (int k = Math.max(1, from); k + 3 < s.size(); k++) {
      if (!s.wordIn(k, Set.of("get", "have")) || s.is(k - 1, "AUX") || s.is(k - 1, "PRON")) {
        continue;
      }
      boolean joined = false;
      boolean asked = false;
      for (int b = k - 1; b >= Math.max(0, k - 4) && !joined; b--) {
        joined = s.wordIn(b, Set.of("and", "then", "also"));
        // "Ask the owner ... and how to get the CFO to join": our question, not their step
        asked |= s.wordIn(b, Sentence.CLAUSE_WORDS) || s.wordIn(b, Set.of("if", "to"));
      }
      if (!joined || asked) {
        continue;
      }
      Reading handed = handedOver(s, k);
      if (handed == null || handed.actor() != Actor.CUSTOMER || handed.verbAt() <= 0) {
        continue;
      }
      boolean afterTo = s.word(handed.verbAt() - 1, "to");
      // "and have him sign the order form": after "have", the bare verb
      boolean bare = s.word(k, "have") && !afterTo && !s.lower()[handed.verbAt()].endsWith("ed");
      if (s.word(k, "get") ? afterTo : bare) {
        return handed;
      }
    }
    return null;
  }

  /**
   * "Get the tenant to book a visit", "We'll get them to dig out the deed": the one named after the
   * causative verb at {@code verb} acts; null when no one is.
   */
  private Reading handedOver(Sentence s, int verb) {
    // "Get the tenant to book a visit": the tenant acts.
    int np = verb + 1;
    int end = nounPhraseEnd(s, np);
    // "Have the manager complete and return the form": the last "noun" is the verb
    if (end - 1 > np
        && (s.is(end - 1, "NOUN") || s.is(end - 1, "ADJ"))
        && !s.word(end, "to")
        && (s.is(end, "DET") || s.is(end, "CCONJ") && isVerb(s, end + 1))
        && simpleNounPhrase(s, np, end - 1)
        && actorOf(s, np, end - 1) == Actor.CUSTOMER) {
      end--;
    }
    Actor who = actorOf(s, np, end);
    int k = end;
    // "get the daughter (attorney under the LPA) to email": past an aside on who they are
    int close = s.word(k, "(") ? indexOf(s, ")", k + 1) : -1;
    if (close > 0 && close < k + 12 && s.word(close + 1, "to")) {
      k = close + 1;
    }
    // "Have the client's son, who holds POA, look over the quote": past what is said of them
    if (k == end && s.word(k, ",") && s.wordIn(k + 1, Set.of("who", "who's", "whose", "which"))) {
      int comma = indexOf(s, ",", k + 2);
      if (comma > 0 && comma < k + 12) {
        k = comma + 1;
      }
    }
    // "get the netmaker at the fishing company to approve": past where they work
    if (k == end && s.wordIn(k, Set.of("at", "from", "of", "in", "with"))) {
      for (int t = k + 1; t < Math.min(s.size() - 1, k + 6); t++) {
        if (s.is(t, "VERB") || s.is(t, "AUX") || s.word(t, ",")) {
          break;
        }
        if (s.word(t, "to") && isVerb(s, t + 1)) {
          k = t;
          break;
        }
      }
    }
    int to = k;
    if (s.word(k, "to")) {
      k++;
    }
    // "Get the homeowner to maybe pick a time": the hedge is its own finding
    while (k < s.size() - 1 && s.wordIn(k, HEDGING_ADVERBS)) {
      k++;
    }
    // ("get the farm to send": an organisation that does something is the customer)
    boolean person =
        who == Actor.CUSTOMER
            || (who == Actor.UNKNOWN || who == Actor.THING && s.wordIn(k, ACTING_VERBS_AFTER_TO))
                && s.word(to, "to");
    // "Have the manager complete and return the form": a bare verb the tagger took for a noun
    // "Get the customer to promise £200": after "to", the word is the verb whatever its tag
    boolean bareVerb =
        (s.is(k, "NOUN") || s.is(k, "ADJ"))
            && (s.is(k + 1, "DET")
                || s.is(k + 1, "CCONJ") && isVerb(s, k + 2)
                || s.word(k - 1, "to")
                    && (!s.is(k + 1, "ADP") || s.wordIn(k + 1, Set.of("over", "back", "across"))));
    if (person && k < s.size() && (isVerb(s, k) || bareVerb)) {
      return clause(s, np, end, k);
    }
    // "Get the balance fee paid by the student": done, and by the customer
    for (int t = np + 1; t + 2 < s.size() && t <= np + 6; t++) {
      int byEnd = t + 2 < s.size() ? nounPhraseEnd(s, t + 2) : -1;
      if (s.is(t, "VERB")
          && s.word(t + 1, "by")
          && (s.lower()[t].endsWith("ed") || !s.lower()[t].equals(s.lemmas()[t]))
          // (a person, not "by the customer's deadline")
          && byEnd > t + 2
          && (isActorWord(s, byEnd - 1)
              || s.is(byEnd - 1, "PROPN")
              || personLike(s.lower()[byEnd - 1]))
          && theCustomersPeople(s, t + 2, byEnd, false)) {
        return Reading.customerStep(s.span(t + 2, nounPhraseEnd(s, t + 2)), s.lemmas()[t], t);
      }
      if (s.is(t, "VERB") || s.word(t, ",")) {
        break;
      }
    }
    return null;
  }

  /** Our people named by their job, who can get the customer to do something. */
  private static final Set<String> AGENT_TITLES =
      Set.of("agent", "rep", "adviser", "advisor", "sdr", "ae", "csr", "consultant", "coordinator");

  /** Adverbs that hedge a step without changing who takes it. */
  private static final Set<String> HEDGING_ADVERBS =
      Set.of("maybe", "hopefully", "possibly", "perhaps", "ideally");

  /** Steps an organisation takes after "get the farm to ...". */
  private static final Set<String> ACTING_VERBS_AFTER_TO =
      Set.of(
          "send",
          "sign",
          "book",
          "email",
          "return",
          "complete",
          "share",
          "forward",
          "submit",
          "upload",
          "pay",
          "confirm",
          "agree",
          "join",
          "start",
          "switch",
          "order",
          "place",
          "give",
          "name",
          "introduce",
          "pick",
          "choose",
          "schedule",
          "fill",
          "provide",
          "trial",
          "fix",
          "release",
          "approve",
          "raise",
          "issue",
          "transfer",
          "wire",
          "register",
          "accept",
          "reserve",
          "commit",
          "countersign",
          "authorise",
          "authorize",
          "lock");

  /**
   * Where ", the lender's senior processor," sits after a name at {@code i} and before its verb:
   * {from, to} to leave out, or null.
   */
  private int[] apposition(Sentence s, int i) {
    int n = i;
    boolean name = false;
    // ("Mike Alvarez": a first name the tagger took for a verb, capitalised all the same)
    while (n < s.size()
        && n < i + 3
        && !s.tokens()[n].isEmpty()
        && Character.isUpperCase(s.tokens()[n].charAt(0))
        && !s.is(n, "PUNCT")) {
      name |= s.is(n, "PROPN");
      n++;
    }
    if (!name || !s.word(n, ",") || n + 1 >= s.size()) {
      return null;
    }
    boolean determined = s.wordIn(n + 1, Set.of("the", "our", "their", "his", "her"));
    // "Sarah Jenkins, CTO, books ...": a bare title, capitalised or a role of theirs
    if (!determined
        && !(Character.isUpperCase(s.tokens()[n + 1].charAt(0)) && !s.is(n + 1, "VERB"))
        && Vocabulary.longest(s, v.customerActors, n + 1) == 0) {
      return null;
    }
    for (int c = determined ? n + 2 : n + 1; c < Math.min(s.size() - 1, n + 10); c++) {
      if (s.is(c, "AUX") || s.is(c, "VERB") && s.lower()[c].endsWith("s")) {
        return null;
      }
      if (s.word(c, ",")) {
        String next = s.lower()[c + 1];
        return s.is(c + 1, "VERB") || next.endsWith("s") && s.is(c + 1, "NOUN")
            ? new int[] {n, c + 1}
            : null;
      }
    }
    return null;
  }

  /** Figures and documents one can hand over (not "a commitment", "a yes", "details"). */
  private static final Set<String> DATA =
      Set.of(
          "data",
          "figure",
          "number",
          "usage",
          "drawing",
          "file",
          "invoice",
          "statement",
          "bill",
          "report",
          "list",
          "photo",
          "spreadsheet",
          "export",
          "reading",
          "measurement",
          "spec",
          "specification",
          "plan",
          "grade",
          "date",
          "volume",
          "log",
          "record",
          "certificate",
          "cert",
          "po",
          "transfer",
          "copy",
          "reference",
          "approval",
          "signature",
          "payment",
          "nda",
          "contract",
          "form",
          "document",
          "decision",
          "no-go",
          "yes",
          "go-ahead",
          "sign-off",
          "signoff",
          "letter",
          "loi",
          "age",
          "size",
          "app",
          "application",
          "w-9");

  /** Whether the words from {@code start} up to "from" name figures or documents. */
  private static boolean namesData(Sentence s, int start) {
    for (int k = start;
        k < Math.min(s.size(), start + 20) && !s.word(k, "from") && !s.word(k, "off");
        k++) {
      // ("A yes from the director": however the tagger reads "yes")
      if ((s.is(k, "NOUN")
              || s.is(k, "PROPN")
              || s.wordIn(k, Set.of("yes", "go-ahead", "sign-off")))
          && (DATA.contains(s.lemmas()[k]) || DATA.contains(s.lower()[k]))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the customer's people start after "from" or "off" ("from the parent", "off their finance
   * team", "from the hospital's purchasing dept"), or -1.
   */
  private int fromTheCustomer(Sentence s, int start) {
    for (int k = start; k < Math.min(s.size() - 1, start + 20); k++) {
      boolean participle = // "the signed NDA"
          s.lower()[k].endsWith("ed") && (s.is(k + 1, "NOUN") || s.is(k + 1, "PROPN"));
      if (s.is(k, "VERB") && !participle || s.is(k, "AUX")) {
        return -1;
      }
      if (s.word(k, "from") || s.word(k, "off")) {
        int np = k + 1;
        return theCustomersPeople(s, np, nounPhraseEnd(s, np), true) ? np : -1;
      }
    }
    return -1;
  }

  /**
   * Whether the words from {@code np} to {@code end} name the customer's side: a customer word, or
   * a person, team or company of theirs ("their finance team", "the bride's mother", "Aurora
   * Travel").
   */
  private boolean theCustomersPeople(Sentence s, int np, int end, boolean companyByName) {
    if (end <= np) {
      return false;
    }
    Actor who = actorOf(s, np, end);
    if (who == Actor.CUSTOMER) {
      return true;
    }
    boolean theirs =
        s.wordIn(np, Set.of("their", "his", "her", "its"))
            || end > np + 1 && s.span(np, end).contains("'s ");
    boolean named = companyByName && IntStream.range(np, end).allMatch(j -> s.is(j, "PROPN"));
    return (who == Actor.UNKNOWN || who == Actor.THING)
        && (namesAPerson(s, np, end) || theirs || named);
  }

  /** A subject from {@code from} to {@code to}, its verb group starting at {@code verb}. */
  private Reading clause(Sentence s, int from, int to, int verb) {
    // "Encik Zul might upload ...": a modal the tagger took for part of the subject
    // (not "before 1 May is booked": the month)
    if (verb - 1 > from
        && to == verb
        && s.wordIn(verb - 1, MODAL_VERBS)
        && Character.isLowerCase(s.tokens()[verb - 1].charAt(0))
        && !s.is(verb - 1, "AUX")) {
      return clause(s, from, verb - 1, verb - 1);
    }
    Actor actor = actorOf(s, from, to);
    String subject = s.span(from, to);
    int k = verb;
    boolean passive = false;
    boolean perfect = false;
    String hedge = null;
    while (k < s.size()
        && (s.is(k, "AUX") && !mainVerbTaggedAux(s, k)
            || s.wordIn(k, MODALS)
            || s.is(k, "ADV") && k + 1 < s.size() && (isVerb(s, k + 1) || s.is(k + 1, "AUX")))) {
      if (s.wordIn(k, MODAL_HEDGES) && hedge == null) {
        hedge = s.lower()[k];
      }
      // "would sign the order if we match the price": a condition, not a commitment
      if (s.word(k, "would") && hedge == null && indexOf(s, "if", k + 1) > 0) {
        hedge = "would";
      }
      if (s.lemmas()[k].equals("have") && s.is(k, "AUX")) {
        perfect = true;
      }
      if (s.lemmas()[k].equals("be") || s.lower()[k].equals("get") && participle(s, k + 1)) {
        passive =
            !perfect
                && (participle(s, k + 1)
                    || s.is(k + 1, "ADJ")
                        && s.lower()[k + 1].endsWith("ed")
                        && indexOf(s, "by", k + 2) > 0)
                && !s.word(k + 1, "going")
                && !s.word(k + 1, "able");
      }
      k++;
    }
    // "Rate card sent to procurement", "A sample box gets couriered out to the buyer": a thing
    // handed to someone, the giver left unsaid, is a passive of ours
    // ("Recap and pricing one-pager emailed to Okonkwo": a thing, though the reader may not know
    // it)
    if (!passive
        && (actor == Actor.THING || actor == Actor.UNKNOWN && !namesAPerson(s, from, to))
        && k == verb
        && handedToThem(s, verb)) {
      passive = true;
      k = s.wordIn(verb, Set.of("get", "gets", "got")) ? verb + 1 : verb;
    }
    int lightFrom = verb; // where a light step is looked for
    // "Customer is expected to ship 25 wafers": an obligation of theirs, not a passive of ours
    // (not "The proposal is expected to reach the buyer")
    if (k > verb
        && actor == Actor.CUSTOMER
        && s.lemmas()[k - 1].equals("be")
        && s.wordIn(k, OBLIGED)
        && s.word(k + 1, "to")
        && isVerb(s, k + 2)) {
      passive = false;
      k += 2;
      lightFrom = k;
    }
    // "Store manager is likely to agree a survey date": a guess at their step, a hedge
    if (k > verb
        && s.lemmas()[k - 1].equals("be")
        && s.wordIn(k, Set.of("likely", "unlikely"))
        && s.word(k + 1, "to")
        && isVerb(s, k + 2)) {
      hedge = hedge == null ? s.lower()[k] + " to" : hedge;
      passive = false;
      k += 2;
      lightFrom = k;
    }
    // "may be able to tell us", "might be willing to share": the step is what they would do
    if (k > verb
        && (s.wordIn(k, Set.of("able", "willing", "prepared"))
            // "might be happy to look over the plan": the hedge says it, not a feeling
            || k >= 2
                && s.wordIn(k, Set.of("happy", "glad", "keen"))
                && s.wordIn(k - 2, Set.of("may", "might", "could", "would")))
        && s.word(k + 1, "to")
        && s.lemmas()[k - 1].equals("be")
        && isVerb(s, k + 2)) {
      k += 2;
      lightFrom = k; // "be happy" is the hedge's wording, not the step
    }
    // "The customer is happy with ...", "is more certain": a state, not an action.
    while (k < s.size()
        && s.is(k, "ADV")
        && s.is(k + 1, "ADJ")
        && k > verb
        && s.lemmas()[k - 1].equals("be")) {
      k++;
    }
    // "The prospect seems interested", "feels comfortable with": a state of mind, not a step
    if (k == verb
        && k + 1 < s.size()
        && COPULAS.contains(s.lemmas()[k])
        && (s.is(k + 1, "ADJ") || s.is(k + 1, "ADV") && s.is(k + 2, "ADJ"))) {
      return new Reading(
          actor,
          subject,
          s.lemmas()[k],
          k,
          false,
          false,
          null,
          // "remains available after the call and emails the bills": the state leads to a step
          stepAfterState(s, k, s.is(k + 1, "ADV") ? k + 2 : k + 1)
              ? null
              : s.span(k, s.is(k + 1, "ADV") ? k + 3 : k + 2),
          hedge);
    }
    if (k < s.size()
        && s.is(k, "ADJ")
        && k > verb
        && (s.lemmas()[k - 1].equals("be") || s.is(k - 1, "ADV") && s.lemmas()[k - 2].equals("be"))
        && !(s.lower()[k].endsWith("ed") && indexOf(s, "by", k + 1) > 0)) {
      String low = lowEffortFrom(s, verb);
      low = low != null ? low : "be " + s.lower()[k];
      // "Buyer is open to a pilot and books the kickoff call for 9 May": the state leads to a step
      return new Reading(
          actor,
          subject,
          "be",
          verb,
          false,
          false,
          null,
          stepAfterState(s, verb, k) ? null : low,
          hedge);
    }
    int main = Math.min(k, s.size() - 1);
    // "The PT Sawit Lestari engineering team emails us the log": whoever sends "us" something is
    // not us, whatever their team is called
    if (actor == Actor.AGENT
        && !passive
        && s.word(main + 1, "us")
        && s.wordIn(main, SERVING)
        && IntStream.range(from, Math.min(to, s.size()))
            .noneMatch(j -> s.wordIn(j, Set.of("we", "i", "our", "us")))) {
      actor = Actor.CUSTOMER;
    }
    // "The advisor emails an intro to the firm's attorney, copying us": who copies us in is not us
    if (actor == Actor.AGENT
        && !passive
        && IntStream.range(main + 1, s.size() - 1)
            .anyMatch(
                j ->
                    s.wordIn(j, Set.of("copying", "copies", "cc'ing", "ccing", "cc's", "ccs"))
                        && s.word(j + 1, "us"))
        && IntStream.range(from, Math.min(to, s.size()))
            .noneMatch(j -> s.wordIn(j, Set.of("we", "i", "our", "us")))) {
      actor = Actor.CUSTOMER;
    }
    if (passive) {
      int by = indexOf(s, "by", main + 1);
      // "Three sample files are sent from the client to our mailbox": who sends, after "from"
      // (by a deadline too: "... by Friday"; not "forwarded from the dealer to the prospect": sent
      // on to the customer)
      if (SENT_FROM.contains(s.lemmas()[main])) {
        int sender = indexOf(s, "from", main + 1);
        int sentTo = indexOf(s, "to", main + 1);
        boolean toThem = false;
        for (int j = sentTo + 1; sentTo > 0 && j <= sentTo + 3 && j < s.size(); j++) {
          toThem |= Vocabulary.longest(s, v.customerActors, j) > 0;
        }
        if (sender > main && sender <= main + 3 && (by < 0 || by > sender) && !toThem) {
          by = sender;
        }
      }
      // "sent to the buyer's QA team by express courier": how it goes, not who sends it
      if (by >= 0
          && by + 1 < s.size()
          && !s.is(by + 1, "DET")
          && !s.is(by + 1, "PRON")
          && s.wordIn(nounPhraseEnd(s, by + 1) - 1, BY_MEANS)) {
        by = -1;
      }
      // "sent to the homeowners by the project advisor": who sends to the customer is not the
      // customer, unless named as theirs
      boolean toTheCustomer = false;
      int toAt = indexOf(s, "to", main + 1);
      if (SENT_FROM.contains(s.lemmas()[main])
          && toAt > main
          && toAt <= main + 3
          && (by < 0 || toAt < by)) {
        for (int j = toAt + 1; j <= toAt + 3 && j < s.size(); j++) {
          toTheCustomer |= Vocabulary.longest(s, v.customerActors, j) > 0;
        }
      }
      // "The signed contract is sent back to us", "cheques are dropped off at our office": only
      // their side hands us their paper, whoever is left unsaid
      boolean toUs = false;
      if (by < 0
          && (SENT_FROM.contains(s.lemmas()[main]) || HANDED_IN.contains(s.lemmas()[main]))) {
        int j = main + 1;
        while (j < s.size() && j <= main + 3 && s.wordIn(j, Set.of("back", "off", "over", "in"))) {
          j++;
        }
        toUs =
            s.wordIn(j, Set.of("to", "at", "into"))
                && (s.word(j + 1, "us") || s.word(j + 1, "our"))
                && IntStream.range(from, Math.min(to, s.size()))
                    .noneMatch(q -> s.wordIn(q, Set.of("we", "i", "our", "us")));
      }
      // "by the bride's mother", "by their QA panel": someone on the customer's side
      Actor agent =
          toUs
              ? Actor.CUSTOMER
              : by < 0
                  ? Actor.NONE
                  : theCustomersPeople(s, by + 1, nounPhraseEnd(s, by + 1), false)
                          || !toTheCustomer && someoneElse(s, by + 1, nounPhraseEnd(s, by + 1))
                      ? Actor.CUSTOMER
                      : actorOf(s, by + 1, nounPhraseEnd(s, by + 1));
      if (toTheCustomer && by > 0) {
        int end = nounPhraseEnd(s, by + 1);
        boolean theirs =
            IntStream.range(by + 1, end)
                .anyMatch(j -> s.wordIn(j, Set.of("their", "his", "her", "its", "'s")));
        // ("by the project advisor": a title of ours, whatever precedes it)
        if (agent == Actor.UNKNOWN
            || !theirs && end > by + 1 && Vocabulary.longest(s, v.agentActors, end - 1) > 0) {
          agent = Actor.AGENT;
        }
      }
      if (agent == Actor.CUSTOMER) {
        return new Reading(
            Actor.CUSTOMER,
            toUs ? subject : s.span(by + 1, nounPhraseEnd(s, by + 1)),
            s.lemmas()[main],
            main,
            false,
            false,
            agentVerbAt(s, main),
            lowEffortFrom(s, main + 1),
            hedge);
      }
      return new Reading(
          agent == Actor.NONE ? actor : agent,
          subject,
          s.lemmas()[main],
          main,
          false,
          true,
          null,
          null,
          hedge);
    }
    String low = lowEffortFrom(s, lightFrom);
    if (low == null
        && main >= 2
        && (s.word(main - 1, "not") || s.word(main - 1, "n't") || s.word(main - 1, "never"))) {
      low = s.span(main - 2, main + 1); // "does not cancel": leaving something undone is no step
    }
    if (low != null && anotherEffortfulVerb(s, main, low)) {
      low = null;
    }
    // "The caller explains why the payments were missed": telling us about themselves is the
    // customer's part
    String agentVerb =
        (actor == Actor.CUSTOMER
                    || actor == Actor.UNKNOWN
                        && (!PRESENTING.contains(s.lemmas()[main]) || aboutThemselves(s, main)))
                && INFORMING.contains(s.lemmas()[main])
                && !toACustomer(s, main)
            ? null
            : agentVerbAt(s, main);
    // "Homeowner shows interest in the doorbell": the light phrase says what the verb is
    if (agentVerb != null
        && (actor == Actor.CUSTOMER || actor == Actor.UNKNOWN)
        && low != null
        && low.toLowerCase(java.util.Locale.ROOT).startsWith(s.lower()[main] + " ")) {
      agentVerb = null;
    }
    // "Customer makes sure her husband is at home for the demo": what they see to on their side
    if (agentVerb != null
        && actor == Actor.CUSTOMER
        && Set.of("make", "ensure").contains(s.lemmas()[main])) {
      int whom = s.word(main + 1, "sure") ? main + 2 : main + 1;
      if (s.word(whom, "that")) {
        whom++;
      }
      if (s.wordIn(whom, Set.of("their", "his", "her"))
          && (s.is(whom + 1, "NOUN") || s.is(whom + 1, "PROPN"))) {
        agentVerb = null;
      }
    }
    // Only for a subject of unknown side, or a job title that names no relation to us: a
    // customer's manager may well call or brief their own people.
    boolean ourSideUnsure =
        actor == Actor.UNKNOWN || actor == Actor.CUSTOMER && !relationInSubject(s, from, to);
    int addressed = ourSideUnsure ? addressesTheCustomer(s, main) : -1;
    if (addressed < 0 && actor == Actor.UNKNOWN && !relationInSubject(s, from, to)) {
      addressed = informsTheCustomer(s, main, INFORMED);
    }
    // "Area sales manager sends samples to the customer": no one of theirs informs "the customer"
    if (addressed < 0 && ourSideUnsure) {
      addressed = informsTheCustomer(s, main, SERVED);
    }
    // "Implementation team creates sandbox account and sends login to client": a crew of ours
    // that then hands the customer what it made
    if (addressed < 0
        && (actor == Actor.UNKNOWN || actor == Actor.THING)
        && !relationInSubject(s, from, to)
        && to > from
        && s.wordIn(to - 1, CREWS)) {
      addressed = crewHandsTheCustomer(s, main);
    }
    // "Tech team activate the customer's unit remotely": a crew that works on the customer's
    // things and calls them "the customer's" is ours (not "Broker emails the client's claims
    // history": a broker acts for the client)
    if (addressed < 0
        && (actor == Actor.UNKNOWN || actor == Actor.THING)
        && !relationInSubject(s, from, to)
        && to > from
        && s.wordIn(to - 1, CREWS)
        && s.word(main + 1, "the")
        && s.wordIn(main + 2, SERVED_PEOPLE)
        && s.wordIn(main + 3, Set.of("'s", "’s"))) {
      addressed = main + 4;
    }
    // "Home manager gives the family a tour", "Front desk emails the estimate to parent", "Route
    // manager calls the customer to remind them": a job title that gives, sends or tells the
    // customer's people something works for us
    // "Retention team leader offers a loyalty discount", "Pharmacy supervisor approves a shipping
    // credit": whoever grants a price concession is the seller
    if (addressed < 0
        && (ourSideUnsure || actor == Actor.THING)
        && !s.wordIn(from, Set.of("their", "his", "her", "its"))
        && !namesTheirPeople(s, from, to)) {
      addressed = grantsAConcession(s, main);
    }
    // A title that serves the customer's people is ours when it serves "the prospect" or "the
    // caller", words only a seller uses ("The community manager gives the prospect a
    // walkthrough"), when it is a desk named after whom it serves ("The supporter care team lead
    // calls the supporter back"), or when it is an outbound caller ("The caller thanks the
    // supporter")
    if (addressed < 0
        && actor == Actor.CUSTOMER
        && !s.wordIn(from, Set.of("their", "his", "her", "its"))) {
      int np = servesTheirPeople(s, main);
      boolean sellerWord =
          np > 0
              && ADDRESSED.contains(s.lower()[np - 1])
              && !relationInSubject(s, from, to)
              && !namesTheirPeople(s, from, to);
      if (np > 0
          && (sellerWord
              || deskFor(s, from, to, s.lemmas()[np - 1])
              || callerServing(s, from, to, np))) {
        addressed = np;
      }
    }
    int served = main;
    // ("Our academic lead phones the applicant back": "our" with a title that is also a sales
    // lead's)
    boolean ours = s.word(from, "our") && to > from + 1 && !s.wordIn(to - 1, SERVED);
    if (addressed < 0
        && (actor == Actor.UNKNOWN || actor == Actor.THING || ours)
        && to > from
        && (ours || !relationInSubject(s, from, to))
        && !s.wordIn(from, Set.of("their", "his", "her", "its"))
        && !namesTheirPeople(s, from, to)) {
      addressed = servesTheirPeople(s, main);
      // "Install scheduler locks the route and sends the homeowner a confirmation text"
      // (not after a purchase from us: "Installer orders 12 panels and sends the homeowner the
      // date" is our customer serving theirs)
      // ("The bank has us on file and mails the client the letter": it deals with us)
      boolean dealsWithUs = s.wordIn(main, BUYING) || s.wordIn(main + 1, Set.of("us", "our", "we"));
      for (int v = main + 2;
          addressed < 0 && !dealsWithUs && v < s.size() && !s.wordIn(v, CLAUSE_BREAK);
          v++) {
        dealsWithUs = s.wordIn(v, Set.of("us", "our", "we")) || s.wordIn(v, BUYING);
        if (!dealsWithUs && s.is(v - 1, "CCONJ") && s.is(v, "VERB")) {
          addressed = servesTheirPeople(s, v);
          served = v;
        }
      }
    }
    if (addressed > 0) {
      // "Treatment coordinator rings the enquirer back": whoever calls the customer is us
      return new Reading(
          Actor.AGENT,
          subject,
          s.lemmas()[main],
          main,
          false,
          false,
          s.span(addressed > served ? served : main, addressed),
          null,
          hedge);
    }
    return new Reading(actor, subject, s.lemmas()[main], main, false, false, agentVerb, low, hedge);
  }

  /** What a desk serving someone is called after them: "supporter care", "member services". */
  private static final Set<String> DESKS =
      Set.of(
          "care",
          "service",
          "services",
          "support",
          "success",
          "relations",
          "experience",
          "retention",
          "liaison",
          "engagement",
          "desk",
          "line",
          "helpline");

  /** Whether the subject is a desk named after {@code served} ("the member-services rep"). */
  private static boolean deskFor(Sentence s, int from, int to, String served) {
    for (int k = Math.max(0, from); k < Math.min(to, s.size()) - 1; k++) {
      String w = s.lower()[k];
      boolean named = s.lemmas()[k].equals(served) && s.wordIn(k + 1, DESKS);
      boolean hyphenated =
          (w.startsWith(served + "-") || w.startsWith(served + "s-"))
              && DESKS.contains(w.substring(w.indexOf('-') + 1));
      if (named || hyphenated) {
        return true;
      }
    }
    return false;
  }

  /** "The caller thanks the supporter": a caller serving someone else of theirs is our caller. */
  private static boolean callerServing(Sentence s, int from, int to, int servedEnd) {
    return to - 1 >= from
        && s.word(to - 1, "caller")
        && !s.word(servedEnd - 1, "caller")
        && !namesTheirPeople(s, from, to - 1);
  }

  /** Verbs of a state or a wish, not a step ("and believes in the project", "and wants ..."). */
  private static final Set<String> NO_STEP_AFTER_STATE =
      Set.of(
          "believe",
          "want",
          "feel",
          "love",
          "like",
          "trust",
          "seem",
          "appreciate",
          "understand",
          "value",
          "agree",
          "hope",
          "wish",
          "look",
          "sound",
          "stay",
          "remain",
          "become",
          "get");

  /**
   * Whether the state "is X" at {@code verb} (the sentence's first verb) is followed by the
   * subject's own step joined by "and" ("is open to a pilot and books the kickoff call").
   */
  private boolean stepAfterState(Sentence s, int verb, int state) {
    for (int k = 0; k < verb; k++) {
      if (isVerb(s, k) || s.is(k, "AUX") || s.word(k, "that") || s.is(k, "SCONJ")) {
        return false; // ("Prospect confirms that evenings are best and gives ...")
      }
    }
    for (int k = state + 1; k < s.size(); k++) {
      boolean inS =
          s.lower()[k].endsWith("s")
              && (isVerb(s, k) || s.is(k, "NOUN") && (s.is(k + 1, "DET") || s.is(k + 1, "NUM")));
      if (s.is(k - 1, "CCONJ")
          && inS
          && !NO_STEP_AFTER_STATE.contains(s.lemmas()[k])
          && !STATE_VERBS.contains(s.lemmas()[k])
          && !(s.lemmas()[k].equals("let") && s.word(k + 1, "go")) // ("and lets go of ...")
          && lowEffortFrom(s, k) == null) {
        return true;
      }
    }
    return false;
  }

  /** Buying or committing to buy from us. */
  private static final Set<String> BUYING =
      Set.of(
          "buy",
          "order",
          "purchase",
          "sign",
          "pay",
          "subscribe",
          "renew",
          "rent",
          "lease",
          "hire",
          "license",
          "reorder",
          "prepay");

  /** Granting something: the verbs a seller uses for a concession on its own price. */
  private static final Set<String> GRANTING =
      Set.of(
          "offer",
          "approve",
          "apply",
          "give",
          "grant",
          "issue",
          "authorise",
          "authorize",
          "extend",
          "waive",
          "honour",
          "honor");

  /** A concession on our price ("a loyalty discount", "a goodwill credit", "the late fee"). */
  private static final Set<String> CONCESSIONS =
      Set.of(
          "discount",
          "refund",
          "rebate",
          "waiver",
          "concession",
          "compensation",
          "goodwill",
          "credit",
          "price-match");

  /**
   * What follows "credit" when it is the customer's own finance ("credit line", "credit check").
   */
  private static final Set<String> THEIR_CREDIT =
      Set.of(
          "line",
          "limit",
          "application",
          "check",
          "card",
          "facility",
          "terms",
          "account",
          "agreement",
          "score",
          "report",
          "union",
          "rating",
          "insurance",
          "control",
          "approval");

  /**
   * Where the concession ends when the verb at {@code main} grants one ("offers a 30-pound loyalty
   * discount", "waives the late fee"); else -1. Not a code the customer applies ("applies the
   * discount code"), nor one given to their own people or to us.
   */
  private static int grantsAConcession(Sentence s, int main) {
    if (main < 0 || !s.wordIn(main, GRANTING)) {
      return -1;
    }
    for (int k = main + 1; k < s.size(); k++) {
      if (s.wordIn(k, Set.of("us", "our", "we"))
          || s.wordIn(k, Set.of("their", "his", "her")) && s.wordIn(k + 1, PEOPLE_SERVED_BY_THEM)) {
        return -1; // "offers a discount to their members", "gives us the discount code"
      }
    }
    boolean waive = s.word(main, "waive");
    for (int k = main + 1; k < Math.min(s.size(), main + 7); k++) {
      boolean concession =
          waive
              ? s.wordIn(k, Set.of("fee", "charge", "penalty", "excess"))
              : s.wordIn(k, CONCESSIONS) && !(s.word(k, "credit") && s.wordIn(k + 1, THEIR_CREDIT));
      boolean modifier = s.lower()[k].endsWith("ing") && s.is(k + 1, "NOUN"); // "shipping credit"
      if (!concession
          && (s.is(k, "VERB") && !modifier
              || s.is(k, "ADP")
              || s.is(k, "CCONJ")
              || s.is(k, "PUNCT")
              // "gives tenants a rent discount": a concession of theirs to their own people
              || s.is(k, "NOUN")
                  && !s.is(k + 1, "NOUN")
                  && s.lower()[k].endsWith("s")
                  && !s.lower()[k].endsWith("ss"))) {
        return -1;
      }
      if (!concession) {
        continue;
      }
      int end = k + 1;
      // "a goodwill gesture", "a refund payment"; not "a refund request", "the rebate form"
      if (s.is(end, "NOUN")) {
        if (!s.wordIn(end, Set.of("gesture", "payment", "amount")) && !s.wordIn(end, CONCESSIONS)) {
          return -1;
        }
        end++;
      }
      // "offers a volume rebate to resellers": to many, so theirs
      int to =
          s.word(end, "to")
              ? (s.wordIn(end + 1, Set.of("the", "all", "its")) ? end + 2 : end + 1)
              : -1;
      if (to > 0
          && s.is(to, "NOUN")
          && s.lower()[to].endsWith("s")
          && !s.lower()[to].endsWith("ss")) {
        return -1;
      }
      return end;
    }
    return -1;
  }

  /** The people a customer's business serves, as it names them ("their members"). */
  private static final Set<String> PEOPLE_SERVED_BY_THEM =
      Set.of(
          "members",
          "staff",
          "employees",
          "customers",
          "clients",
          "tenants",
          "team",
          "residents",
          "students",
          "patients",
          "users",
          "drivers",
          "guests",
          "resellers",
          "dealers",
          "buyers");

  /** Ways of handing something over, as a bare participle ("sent to", "couriered out to"). */
  private static final Set<String> HANDED =
      Set.of(
          "send",
          "give",
          "provide",
          "courier",
          "post",
          "mail",
          "email",
          "e-mail",
          "ship",
          "deliver",
          "present",
          "show",
          "issue",
          "dispatch",
          "forward",
          "hand",
          "share",
          "offer",
          "explain");

  /**
   * Whether the verb at {@code verb} (or after "gets") is a bare participle of handing over, to
   * someone who is not us ("sent to procurement"; not "sent to us", "sent to our analyst").
   */
  private boolean handedToThem(Sentence s, int verb) {
    int p = s.wordIn(verb, Set.of("get", "gets", "got")) ? verb + 1 : verb;
    if (p >= s.size()
        || !participle(s, p)
        || !s.lower()[p].endsWith("ed") && !IRREGULAR_PARTICIPLES.contains(s.lower()[p])
        || !HANDED.contains(s.lemmas()[p])) {
      return false;
    }
    for (int k = p + 1; k < Math.min(s.size() - 1, p + 5); k++) {
      if (s.word(k, "to")) {
        int np = k + 1;
        return !s.wordIn(np, Set.of("us", "our", "me", "my", "we"))
            && actorOf(s, np, nounPhraseEnd(s, np)) != Actor.AGENT;
      }
      if (!s.is(k, "ADP") && !s.is(k, "ADV") && !s.is(k, "PART")) {
        return false;
      }
    }
    return false;
  }

  /** Ways of telling or showing someone something. */
  private static final Set<String> INFORMING_THEM =
      Set.of(
          "present",
          "explain",
          "walk",
          "talk",
          "take",
          "demonstrate",
          "show",
          "share",
          "send",
          "email",
          "e-mail",
          "brief",
          "update",
          "guide",
          "educate",
          "advise",
          "go");

  /** Whom our side informs ("the family", "the Owners"): the customer's people, named as such. */
  private static final Set<String> INFORMED =
      Set.of(
          "customer",
          "client",
          "prospect",
          "lead",
          "enquirer",
          "caller",
          "borrower",
          "homeowner",
          "applicant",
          "patient",
          "member",
          "policyholder",
          "couple");

  /** Whom only our side serves, by these very words. */
  static final Set<String> SERVED =
      Set.of("customer", "client", "prospect", "enquirer", "inquirer", "caller");

  /** Teams that work on a customer's things ("tech team", "install crew", "engineer"). */
  private static final Set<String> CREWS =
      Set.of(
          "team",
          "crew",
          "tech",
          "techs",
          "installer",
          "installers",
          "support",
          "ops",
          "operations",
          "dispatch",
          "backoffice",
          "back-office");

  /** The customer by any name a crew of ours would use ("the patient's transport"). */
  private static final Set<String> SERVED_PEOPLE =
      with(
          SERVED,
          "patient",
          "homeowner",
          "tenant",
          "member",
          "policyholder",
          "borrower",
          "resident",
          "subscriber");

  /** {@code words} and {@code more}, as one set. */
  private static Set<String> with(Set<String> words, String... more) {
    return java.util.stream.Stream.concat(words.stream(), java.util.stream.Stream.of(more))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Words that name a person by their relation to us or to the customer. */
  private static final Set<String> RELATIONS =
      with(
          INFORMED,
          "family",
          "parent",
          "parents",
          "buyer",
          "owner",
          "owners",
          "partner",
          "daughter",
          "son",
          "candidate");

  /** Ranks of a partner in a firm. */
  private static final Set<String> PARTNER_RANKS =
      Set.of(
          "senior",
          "managing",
          "equity",
          "salaried",
          "engagement",
          "audit",
          "tax",
          "founding",
          "junior",
          "supervising",
          "lead",
          "relationship");

  /**
   * Whether the subject is named by its relation to us ("the client's CFO", "Customer"), not by a
   * job title alone.
   */
  private static boolean relationInSubject(Sentence s, int from, int to) {
    for (int k = Math.max(0, from); k < Math.min(to, s.size()); k++) {
      // ("The sales lead", "the IT lead": a title, not the prospect)
      boolean titledLead =
          s.word(k, "lead") && k > from && (s.is(k - 1, "NOUN") || s.is(k - 1, "PROPN"));
      // ("The senior partner", "the engagement partner": a rank in a firm, not a spouse)
      boolean rankedPartner = s.word(k, "partner") && k > from && s.wordIn(k - 1, PARTNER_RANKS);
      if (RELATIONS.contains(s.lower()[k])
              && !s.is(k + 1, "NOUN")
              && !s.is(k + 1, "PROPN")
              && !titledLead
              && !rankedPartner
          || s.is(k, "PRON")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the customer's person ends when the verb at {@code main} tells or shows them something
   * ("emails the family the FAQ", "presents the findings to the Owners", "talks the patient
   * through"); else -1.
   */
  static int informsTheCustomer(Sentence s, int main, Set<String> informed) {
    if (main < 0 || !s.wordIn(main, INFORMING_THEM)) {
      return -1;
    }
    for (int k = main + 1; k < Math.min(s.size(), main + 12); k++) {
      // ("shares the kit and pricing deck with the partner": nouns joined, the same clause)
      if (s.is(k, "CCONJ") && (s.is(k + 1, "VERB") || s.is(k + 1, "AUX"))
          || s.is(k, "SCONJ")
          || s.word(k, ",")
          || s.word(k, "so")) {
        return -1;
      }
      boolean direct = k == main + 2 && s.word(k - 1, "the");
      boolean recipient =
          k >= 2 && s.word(k - 1, "the") && s.wordIn(k - 2, Set.of("to", "with", "for"));
      if ((direct || recipient)
          && informed.contains(s.lower()[k])
          && !s.is(k + 1, "NOUN")
          && !s.word(k + 1, "'s")) {
        return k + 1;
      }
    }
    return -1;
  }

  /** Ways of serving someone: giving, sending, showing or telling them something, calling them. */
  private static final Set<String> SERVING =
      Set.of(
          "give",
          "send",
          "email",
          "e-mail",
          "text",
          "show",
          "tell",
          "call",
          "ring",
          "phone",
          "walk",
          "talk",
          "take",
          "explain",
          "present",
          "demonstrate",
          "introduce",
          "issue",
          "mail",
          "post",
          "courier",
          "remind",
          "thank",
          "credit",
          "brief",
          "guide",
          "offer",
          "quote",
          "pitch",
          "forward",
          // "The caller updates the supporter on the appeal", "welcomes the new member"
          "update",
          "welcome",
          "congratulate",
          "hand");

  /** The customer's people as our side names them when it serves them. */
  private static final Set<String> THEIR_PEOPLE =
      with(
          SERVED_PEOPLE,
          "family",
          "parent",
          "parents",
          "donor",
          "supporter",
          "guest",
          "student",
          "learner",
          "bride",
          "groom",
          "couple",
          "ho",
          "cx",
          "cust",
          "alum",
          "applicant",
          "candidate",
          "buyer",
          "customers",
          "clients");

  /**
   * Whether the subject is one of the customer's people ("Alum tells the caller ...", "The bride's
   * mother"), by its head (not "Patient Liaison").
   */
  private static boolean namesTheirPeople(Sentence s, int from, int to) {
    int head = Math.min(to, s.size()) - 1;
    return head >= 0
            && (THEIR_PEOPLE.contains(s.lower()[head]) || THEIR_PEOPLE.contains(s.lemmas()[head]))
        || IntStream.range(Math.max(0, from), Math.min(to, s.size()))
            .anyMatch(k -> s.wordIn(k, Set.of("'s", "’s")));
  }

  /**
   * Where the customer's person ends when the verb at {@code main} serves them, named right after
   * it ("gives the family a tour") or after "to" or "with" in its clause ("emails the estimate to
   * parent"); else -1.
   */
  private static int servesTheirPeople(Sentence s, int main) {
    if (main < 0 || !s.wordIn(main, SERVING)) {
      return -1;
    }
    // "Wedding planner gives the client our brochure", "Installer calls the customer back and books
    // our survey for them": whoever passes on ours, or deals with us, is not us
    for (int k = main + 1; k < s.size(); k++) {
      if (s.wordIn(k, Set.of("our", "us", "we"))) {
        return -1;
      }
    }
    // ("sends 2 kg samples of white quinoa by DHL to the buyer": a long object)
    for (int k = main + 1; k < Math.min(s.size(), main + 14); k++) {
      if (s.is(k, "CCONJ") && (s.is(k + 1, "VERB") || s.is(k + 1, "AUX"))
          || s.is(k, "SCONJ")
          || s.wordIn(k, Set.of(",", ";", "so", "who", "which", "that"))
          || s.word(k, "to") && s.is(k + 1, "VERB")) {
        return -1;
      }
      int np = s.wordIn(k, Set.of("the", "our")) ? k + 1 : k;
      boolean direct = k == main + 1;
      boolean recipient = k > main + 1 && s.wordIn(k - 1, Set.of("to", "with"));
      if ((direct || recipient)
          && np < s.size()
          && (THEIR_PEOPLE.contains(s.lower()[np]) || THEIR_PEOPLE.contains(s.lemmas()[np]))
          && !s.is(np + 1, "NOUN")
          && !s.is(np + 1, "PROPN")
          && !s.wordIn(np + 1, Set.of("'s", "’s", "'", "-"))) {
        return np + 1;
      }
    }
    return -1;
  }

  /**
   * Where "to client" or "to the customer" ends after a later "and sends ..." of the verb at {@code
   * main}; else -1.
   */
  private int crewHandsTheCustomer(Sentence s, int main) {
    // "Contracts team sends the pack, the guide and the proofs to the client": its own verb
    if (s.wordIn(main, Set.of("send", "sends", "email", "emails", "share", "shares", "mail"))) {
      for (int k = main + 1; k + 1 < Math.min(s.size(), main + 16); k++) {
        if (s.wordIn(k, CLAUSE_BREAK) || s.is(k, "VERB") || s.is(k, "AUX")) {
          break;
        }
        int end = toTheServed(s, k);
        if (end > 0) {
          return end;
        }
      }
    }
    for (int and = main + 2; and + 2 < s.size(); and++) {
      if (s.wordIn(and, CLAUSE_BREAK) || s.word(and, ",")) {
        return -1;
      }
      if (!s.is(and - 1, "CCONJ") || !s.wordIn(and, Set.of("send", "email", "e-mail", "share"))) {
        continue;
      }
      for (int k = and + 1; k + 1 < Math.min(s.size(), and + 8); k++) {
        int end = toTheServed(s, k);
        if (end > 0) {
          return end;
        }
      }
    }
    return -1;
  }

  /** Where "to (the) client" starting at {@code k} ends, or -1 (not "to the client's team"). */
  private static int toTheServed(Sentence s, int k) {
    int who = s.word(k + 1, "the") ? k + 2 : k + 1;
    return s.word(k, "to")
            && who < s.size()
            && SERVED.contains(s.lower()[who])
            && !s.is(who + 1, "NOUN")
            && !s.word(who + 1, "'s")
        ? who + 1
        : -1;
  }

  /** Ways of getting in touch with someone or working on them. */
  private static final Set<String> CONTACTING =
      Set.of(
          "call",
          "ring",
          "phone",
          "email",
          "e-mail",
          "text",
          "message",
          "contact",
          "chase",
          "nurture",
          "pitch",
          "persuade",
          "convince",
          "coach",
          "remind",
          "reassure",
          "thank",
          "greet",
          "welcome",
          "qualify",
          "upsell",
          "re-engage",
          "nudge");

  /** Whom our side serves, named singly ("the enquirer", "the lead"). */
  private static final Set<String> ADDRESSED =
      Set.of("prospect", "lead", "enquirer", "inquirer", "caller");

  /**
   * Where the object ends when the verb at {@code main} contacts or works on the customer, named
   * singly right after it ("rings the enquirer back", "nurtures the borrower"); else -1.
   */
  static int addressesTheCustomer(Sentence s, int main) {
    if (main < 0 || !s.wordIn(main, CONTACTING)) {
      return -1;
    }
    int k = main + 1;
    int named = calledBackByName(s, k);
    if (named > 0) {
      return named;
    }
    if (!s.word(k, "the")) {
      return -1;
    }
    k++;
    if (k < s.size() && ADDRESSED.contains(s.lower()[k])) {
      if (s.wordIn(k + 1, Set.of("back", "up"))) {
        return k + 2;
      }
      return s.is(k + 1, "NOUN") ? -1 : k + 1;
    }
    return -1;
  }

  /**
   * Where "back" ends when a household or a person by name is rung back ("rings the Hendersons
   * back", "calls Mrs. Reyes back"), else -1.
   */
  private static int calledBackByName(Sentence s, int k) {
    int name = -1;
    if (s.word(k, "the") && k + 1 < s.size() && s.lower()[k + 1].endsWith("s")) {
      name = k + 1;
    } else if (s.wordIn(k, Set.of("mr", "mrs", "ms", "miss", "dr", "mx"))) {
      name = s.word(k + 1, ".") ? k + 2 : k + 1;
    }
    if (name < 0 || name >= s.size() || !Character.isUpperCase(s.tokens()[name].charAt(0))) {
      return -1;
    }
    return s.word(name + 1, "back") ? name + 2 : -1;
  }

  /**
   * Whether someone of unknown side tells about their own things ("explains why they left", "walks
   * us through their process"), not about ours ("IR associate explains the fee structure").
   */
  private static boolean aboutThemselves(Sentence s, int main) {
    for (int k = main + 1; k < Math.min(s.size(), main + 4); k++) {
      if (s.wordIn(k, THEIR_SIDE)) {
        return true;
      }
    }
    return false;
  }

  /** Verbs that take "to" after them, whatever the tagger made of their -s form. */
  private static final Set<String> TAKES_TO =
      Set.of(
          "agree",
          "commit",
          "decide",
          "choose",
          "plan",
          "arrange",
          "offer",
          "promise",
          "undertake",
          "consent",
          "intend",
          "prepare",
          "aim",
          "hope",
          "expect",
          "wish",
          "want",
          "need",
          "ask");

  /** Informing verbs that, said of someone of unknown side, are most often our staff's part. */
  private static final Set<String> PRESENTING = Set.of("explain", "walk", "outline", "clarify");

  private static final Set<String> THEIR_SIDE =
      Set.of("us", "their", "his", "her", "its", "why", "whether");

  private static final Set<String> COPULAS =
      Set.of("seem", "feel", "sound", "appear", "look", "become", "remain", "stay", "grow");

  /**
   * Agent verbs that, with the customer as subject, give us information ("the caller explains why
   * ...").
   */
  private static final Set<String> INFORMING =
      Set.of(
          "explain",
          "describe",
          "outline",
          "clarify",
          "mention",
          "tell",
          "walk",
          "talk",
          "run",
          "go",
          "highlight",
          "detail");

  /**
   * Nouns that name the agent's own work when they head an objective ("Presentation of the offer").
   */
  private static final Set<String> AGENT_NOMINALS =
      Set.of(
          "presentation",
          "explanation",
          "demonstration",
          "demo",
          "walkthrough",
          "introduction",
          "delivery",
          "pitch",
          "overview",
          "reminder",
          "notification",
          "information",
          "education",
          "explaining",
          "presenting",
          "pitching",
          "promotion",
          "clarification",
          "reassurance");

  /**
   * "Completion by the applicant of the finance form": a step named as a noun, with the one who
   * takes it in a "by" phrase. Without a "by", a noun that names the agent's work is the agent's
   * task.
   */
  private Reading nominal(Sentence s, int i) {
    String w = s.lower()[i];
    boolean nominalForm =
        s.is(i, "NOUN")
            && w.length() > 5
            && (w.endsWith("tion")
                || w.endsWith("sion")
                || w.endsWith("ment")
                || w.endsWith("ance")
                || w.endsWith("ence")
                || w.endsWith("al")
                || w.endsWith("ure")
                || w.endsWith("ing")
                || w.endsWith("sal"));
    if (isActorWord(s, i)) {
      return null; // "Principal of the practice accepts ...": a person, not an action
    }
    boolean byFollows = s.word(i + 1, "by") && !s.is(i, "DET") && !s.is(i, "PRON");
    if (!(nominalForm || AGENT_NOMINALS.contains(s.lemmas()[i]) || byFollows)
        || !(s.word(i + 1, "by") || s.word(i + 1, "of"))) {
      return null;
    }
    for (int b = i + 1; b < s.size(); b++) {
      if (s.word(b, "by")) {
        int end = nounPhraseEnd(s, b + 1);
        if (theCustomersPeople(s, b + 1, end, false)) {
          return new Reading(
              Actor.CUSTOMER,
              s.span(b + 1, end),
              s.lemmas()[i],
              i,
              false,
              false,
              null,
              lowEffortFrom(s, i),
              null);
        }
        if (actorOf(s, b + 1, end) == Actor.AGENT) {
          return new Reading(
              Actor.AGENT, s.span(b + 1, end), s.lemmas()[i], i, false, false, null, null, null);
        }
      }
    }
    if (AGENT_NOMINALS.contains(s.lemmas()[i])) {
      return new Reading(Actor.AGENT, "", s.lemmas()[i], i, true, false, s.tokens()[i], null, null);
    }
    // "Advancement of the relationship": a step with nobody taking it
    return nominalForm
        ? new Reading(Actor.NONE, "", s.lemmas()[i], i, false, false, null, null, null)
        : null;
  }

  /**
   * Past hedges, adverbs and punctuation at the start ("Hopefully, the ...", "Where possible,
   * explain").
   */
  private int skipLead(Sentence s, int i) {
    boolean moved = true;
    while (moved && i < s.size()) {
      moved = false;
      int h = Vocabulary.longest(s, v.hedges, i);
      if (h > 0) {
        i += h;
        moved = true;
      } else if (s.wordIn(i, Set.of("on", "during", "over")) && callPhraseEnd(s, i) > 0) {
        // "On first call the new food plant signs ...": no comma, the call is the setting
        i = callPhraseEnd(s, i);
        moved = true;
      } else if (s.wordIn(i, Set.of("while", "whilst")) && onTheCallEnd(s, i) > 0) {
        // "While we're on the phone the client downloads ...": no comma, the call is the setting
        i = onTheCallEnd(s, i);
        moved = true;
      } else if (s.word(i, "to")
          && isVerb(s, i + 1)
          && indexOf(s, ",", i + 2) > 0
          && indexOf(s, ",", i + 2) < i + 10) {
        // "To move forward to exchange, purchaser signs ...": the purpose first, then who acts
        i = indexOf(s, ",", i + 2) + 1;
        moved = true;
      } else if (s.wordIn(i, Set.of("after", "following", "before"))
          && leadingNounPhrase(s, i) > 0) {
        // "After the trial visit the technical department sends ...": no comma, the setting first
        i = leadingNounPhrase(s, i);
        moved = true;
      } else if (s.wordIn(i, LEADING_CLAUSE) && indexOf(s, ",", i + 1) > 0 || leadingPhrase(s, i)) {
        // "After we demonstrate the report, the customer agrees ...": the main clause follows the
        // comma.
        i = indexOf(s, ",", i + 1) + 1;
        moved = true;
      } else if (s.is(i, "PUNCT") && !s.tokens()[i].matches(".*\\p{L}.*") // ("Dr. sends")
          || (s.is(i, "ADV") && !s.wordIn(i, Set.of("there")) && !roleTakenForAdverb(s, i))
          || s.word(i, "please")
          || s.word(i, "then")
          // "Thereafter send ...", "Monday send ...", "Tmrw email ...": when, then what to do
          || s.wordIn(i, TIME_LEADS)
              && s.is(i + 1, "VERB")
              && s.lower()[i + 1].equals(s.lemmas()[i + 1])) {
        i++;
        moved = true;
      }
    }
    return i;
  }

  /**
   * Where the subject starts after "after the trial visit" with no comma: a second "the" (or their,
   * our) within four words, a verb after it; -1 when there is none.
   */
  private int leadingNounPhrase(Sentence s, int i) {
    // ("Before Saturday's walkthrough the executor emails ...": a day's or a name's event too)
    boolean possessive = (s.is(i + 1, "PROPN") || s.is(i + 1, "NOUN")) && s.word(i + 2, "'s");
    if (!s.wordIn(i + 1, Set.of("the", "this", "our", "their", "today's", "each")) && !possessive) {
      return -1;
    }
    for (int k = possessive ? i + 3 : i + 2; k < Math.min(s.size() - 2, i + 6); k++) {
      if (s.wordIn(k, Set.of("the", "their", "his", "her", "our"))) {
        return k > i + 2 && verbAfter(s, k + 1) ? k : -1;
      }
      // "After the tasting buyer ranks our 3 oils": a role with no article starts the subject
      if (k > i + 2
          && Vocabulary.longest(s, v.customerActors, k) > 0
          && s.is(k - 1, "NOUN")
          && (s.is(k + 1, "VERB") || s.is(k + 1, "AUX"))) {
        return k;
      }
      if (s.is(k, "PUNCT") || s.is(k, "ADP") || s.is(k, "AUX") || s.is(k, "PRON")) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean verbAfter(Sentence s, int from) {
    for (int k = from; k < Math.min(s.size(), from + 5); k++) {
      if (s.is(k, "VERB") || s.is(k, "AUX")) {
        return true;
      }
    }
    return false;
  }

  /** Words of time that may open an instruction without a comma. */
  private static final Set<String> TIME_LEADS =
      Set.of(
          "thereafter",
          "afterwards",
          "afterward",
          "meantime",
          "meanwhile",
          "beforehand",
          "straightaway",
          "tmrw",
          "tmr",
          "tomorrow",
          "today",
          "tonight",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "mon",
          "tue",
          "tues",
          "wed",
          "thu",
          "thurs",
          "fri",
          "first",
          "next",
          "later",
          "also",
          "plus",
          "again",
          "immediately",
          "asap",
          "eod",
          "eow",
          "bulk",
          "batch",
          "mass");

  private static final Set<String> CALL_MEDIA =
      Set.of("phone", "call", "line", "screen", "zoom", "teams");

  /** After "on first call", "during this call" (up to four words from {@code i}), or -1. */
  private static int callPhraseEnd(Sentence s, int i) {
    for (int k = i + 1; k < Math.min(s.size() - 2, i + 5); k++) {
      if (s.wordIn(k, CALL_MEDIA)) {
        int next = s.lower()[k + 1].equals(",") ? k + 2 : k + 1;
        return s.is(next, "DET") || s.is(next, "PROPN") || s.is(next, "NOUN") ? next : -1;
      }
      if (!(s.is(k, "DET") || s.is(k, "ADJ") || s.is(k, "NUM") || s.wordIn(k, FIRST_CALL))) {
        return -1;
      }
    }
    return -1;
  }

  private static final Set<String> FIRST_CALL =
      Set.of("first", "cold", "initial", "intro", "introductory", "discovery", "this", "today's");

  /** After "while we're on the phone" (up to six words from {@code i}), or -1. */
  private static int onTheCallEnd(Sentence s, int i) {
    for (int k = i + 1; k < Math.min(s.size() - 1, i + 7); k++) {
      if (s.wordIn(k, CALL_MEDIA)
          && s.wordIn(k - 1, Set.of("the", "a"))
          && s.wordIn(k - 2, Set.of("on", "over"))) {
        return s.lower()[k + 1].equals(",") ? k + 2 : k + 1;
      }
    }
    return -1;
  }

  /** Words that open a phrase set before the subject ("Given the urgency, ..."). */
  private static final Set<String> OPENERS =
      Set.of("given", "building", "based", "to", "ahead", "with", "in", "on", "at", "during", "by");

  /**
   * "On this first call, the head of IT ...", "To secure the price, the finance lead ...": a phrase
   * before a comma, then a subject.
   */
  private boolean leadingPhrase(Sentence s, int i) {
    boolean participle =
        s.is(i, "VERB")
            && (s.lower()[i].endsWith("ed") || s.lower()[i].endsWith("ing"))
            && !s.is(i + 1, "NOUN"); // "Hiring manager tells us ..." is a subject
    if (!(s.wordIn(i, OPENERS) || s.is(i, "ADP") || s.is(i, "SCONJ") || participle)) {
      return false;
    }
    int comma = indexOf(s, ",", i + 1);
    return comma > i + 1
        && comma <= i + 15
        && (s.is(comma + 1, "DET")
            || s.is(comma + 1, "PRON")
            || s.is(comma + 1, "NOUN")
            || s.is(comma + 1, "PROPN")
            || s.is(comma + 1, "ADJ"));
  }

  private static final Set<String> ORDERING =
      Set.of("ensure", "make", "get", "have", "see", "check", "verify", "confirm", "ask", "let");

  /** A thing first ("Offer", "Signed consent form"), then "is" a participle and "by" someone. */
  private boolean thingDoneBySomeone(Sentence s, int i) {
    if (i != 0 || s.wordIn(0, ORDERING) || agentVerb(s, 0)) {
      return false;
    }
    for (int j = 1; j <= 4 && j + 1 < s.size(); j++) {
      if (s.wordIn(j, Set.of("is", "are", "was", "were")) && participle(s, j + 1)) {
        for (int k = j + 2; k < Math.min(s.size(), j + 7); k++) {
          if (s.word(k, "by")) {
            return true;
          }
        }
        return false;
      }
      boolean nounLike =
          s.is(j, "NOUN") || s.is(j, "PROPN") || s.is(j, "ADJ") || s.lower()[j].contains("-");
      if (!nounLike) {
        return false;
      }
    }
    return false;
  }

  /**
   * The text starts with a verb (or "to" and a verb): an instruction to whoever reads it, the
   * agent.
   */
  private boolean startsInstruction(Sentence s, int i) {
    // "Visit rebooked for Thu by Mrs Ali", "Go/no-go from the CFO": a noun, then what was done
    if (s.is(i + 1, "VERB")
            && s.lower()[i + 1].endsWith("ed")
            && s.wordIn(i + 2, Set.of("for", "by", "to", "on", "in", "at", "with", "before"))
        || s.word(i, "go") && s.wordIn(i + 1, Set.of("/", "-", "or"))) {
      return false;
    }
    // "Offer is approved by the MD", "Signed consent form is returned by the patient": a thing,
    // then what someone did to it; an instruction is never followed by "is" and a participle
    if (thingDoneBySomeone(s, i)) {
      return false;
    }
    // "Referral packet for Mr J is faxed ...", "Renewal quote signed ...": a noun in -al first
    if (s.lower()[i].endsWith("al")
        && s.lower()[i].length() > 5
        && !s.wordIn(
            i, Set.of("signal", "total", "trial", "dial", "pedal", "cancel", "label", "level"))
        && (s.is(i + 1, "NOUN") || s.is(i + 1, "PROPN"))) {
      return false;
    }
    // "Implement changes ...", "Document the ...": a verb in -ent first, whatever the tagger read
    if (i == 0 && English.IMPERATIVES_IN_ENT.contains(s.lower()[0]) && !s.word(1, "'s")) {
      return true;
    }
    // "Site manager reads out ...", "Ops lead imports ...", "Driver books ...": a role, not an
    // instruction
    boolean roleThenVerb =
        personLike(s.lower()[i])
            && !THINGS.contains(s.lemmas()[i])
            && !English.isImperativeLookingLikeARole(s.lower()[i])
            && (s.lower().length > i + 1 && s.lower()[i + 1].endsWith("s") && !s.is(i + 1, "NOUN")
                || s.is(i + 1, "VERB"));
    // "Keep HO engaged", "Make the client feel heard": the agent keeps or makes the customer so
    boolean keepThem =
        s.wordIn(i, Set.of("keep", "make")) && Character.isUpperCase(s.tokens()[i].charAt(0));
    if (keepThem && (isActorWord(s, i + 1) || s.is(i + 1, "DET") && isActorWord(s, i + 2))) {
      return true;
    }
    // "Show lead texts us the photos": a word before a role and its verb in -s describes the role
    String third = s.lower().length > i + 2 ? s.lower()[i + 2] : "";
    if (isActorWord(s, i + 1)
        && s.is(i + 2, "VERB")
        && third.endsWith("s")
        && !third.endsWith("ss")
        && Character.isUpperCase(s.tokens()[i].charAt(0))) {
      return false;
    }
    // ("Expand our footprint": a verb before "our" is an instruction all the same)
    boolean verbBeforeOurs = s.is(i, "VERB") && s.wordIn(i + 1, Set.of("our", "us"));
    // "Give caller the store hours", "Tell the church admin we can migrate ...": handing the
    // customer something
    if (i == 0 && s.wordIn(0, Set.of("give", "tell", "show", "send", "offer", "email", "text"))) {
      int at = s.wordIn(1, Set.of("the", "this", "that")) ? 2 : 1;
      int role = Vocabulary.longest(s, v.customerActors, at);
      int after = at + role;
      while (role > 0 && after < s.size() && s.is(after, "NOUN") && !s.is(after + 1, "VERB")) {
        after++; // ("the church admin", "the practice manager")
      }
      if (role > 0
          && (s.is(after, "DET")
              || s.is(after, "NUM")
              || s.wordIn(after, Set.of("our", "we", "that", "about", "how", "what", "why")))) {
        return true;
      }
    }
    // "Call grower to discuss ...", "Ring client back": getting in touch with a role named bare
    if (i == 0
        && s.is(0, "VERB")
        && Character.isUpperCase(s.tokens()[0].charAt(0))
        && s.wordIn(0, CONTACTING)
        && isActorWord(s, 1)
        && (s.size() == 2
            || s.wordIn(
                2, Set.of("back", "up", "to", "about", "re", "on", "for", "and", ",", ".")))) {
      return true;
    }
    if (isActorWord(s, i)
        || isActorWord(s, i + 1) && !agentVerb(s, i) && !verbBeforeOurs
        || roleThenVerb
        || s.is(i, "DET")
        || s.is(i, "PRON")
        || s.is(i, "PROPN") && !agentVerb(s, i)) {
      return false;
    }
    if (s.word(i, "to") && i + 1 < s.size() && (isVerb(s, i + 1) || agentVerb(s, i + 1))) {
      return true;
    }
    // "Cold-called pub landlord signs ...", "Costed proposal forwarded ...": a participle before a
    // noun describes it
    if (s.lower()[i].endsWith("ed") && (s.is(i + 1, "NOUN") || s.is(i + 1, "ADJ"))) {
      return false;
    }
    // "Schedule a follow-up call": a first word read as a noun, yet a noun is never followed by "a"
    // or "the"
    boolean verbReadAsNoun =
        i == 0
            && s.is(0, "NOUN")
            && (!s.lower()[0].endsWith("s") || s.lower()[0].endsWith("ss"))
            && !personLike(s.lower()[0])
            && (s.is(1, "DET") || s.wordIn(1, Set.of("their", "his", "her", "its", "our", "your")));
    return (s.is(i, "VERB") || agentVerb(s, i) || verbReadAsNoun) && !s.lower()[i].endsWith("ing")
        || s.is(i, "AUX") && !s.lemmas()[i].equals("be");
  }

  /** A customer's steps in -s, which the tagger may read as plural nouns after a role. */
  static final Set<String> STEP_VERBS_IN_S =
      Set.of(
          "marks",
          "ticks",
          "confirms",
          "signs",
          "returns",
          "sends",
          "shares",
          "gives",
          "brings",
          "books",
          "pays",
          "emails",
          "provides",
          "completes",
          "fills",
          "submits",
          "uploads",
          "names",
          "lists",
          "agrees",
          "accepts",
          "approves",
          "chooses",
          "picks",
          "selects",
          "schedules",
          "arranges",
          "attends",
          "joins",
          "introduces",
          "invites",
          "forwards",
          "commits",
          "places",
          "orders",
          "buys",
          "renews",
          "tells",
          "reviews",
          "checks",
          "tests",
          "downloads",
          "installs",
          "registers",
          "enrols",
          "enrolls",
          "applies",
          "requests",
          "answers",
          "replies",
          "calls",
          "rings",
          "texts",
          "meets",
          "hosts",
          "photographs",
          "measures",
          "counts",
          "exports",
          "prints",
          "scans",
          "records",
          "logs",
          "trials",
          "tries",
          "switches",
          "moves",
          "transfers",
          "authorises",
          "authorizes",
          "sets",
          "drafts",
          "writes",
          "states",
          "specifies",
          "identifies",
          "reads",
          "pulls",
          "deposits",
          "collects",
          "releases",
          "issues",
          "raises",
          "rsvps",
          "whatsapps",
          "wires");

  /** A customer's step verb, in -s or bare ("gives", "give", "replies", "reply"). */
  static boolean isStepVerb(String w) {
    if (w.startsWith("e-") && w.length() > 4) {
      w = w.substring(2); // "e-signs"
    }
    return STEP_VERBS_IN_S.contains(w)
        || STEP_VERBS_IN_S.contains(w + "s")
        || STEP_VERBS_IN_S.contains(w + "es")
        || w.endsWith("y") && STEP_VERBS_IN_S.contains(w.substring(0, w.length() - 1) + "ies");
  }

  /** Verbs of handing over or naming that the tagger often reads as nouns after a name. */
  private static final Set<String> GIVING_VERBS =
      Set.of("name", "send", "share", "give", "bring", "sign", "pay", "email", "return", "list");

  /**
   * First words that, capitalised before a bare verb, are no name: they join the verb ("Cold call
   * the list", "Follow up", "Text message them") or take a bare verb after them ("Help name");
   * words of time are {@link #TIME_LEADS}.
   */
  private static final Set<String> NO_NAME =
      Set.of(
          "help",
          "let",
          "make",
          "have",
          "go",
          "come",
          "try",
          "do",
          "get",
          "please",
          "kindly",
          "just",
          "then",
          "now",
          "always",
          "never",
          "still",
          "only",
          "even",
          "soon",
          "directly",
          "together",
          "jointly",
          "text",
          "voice",
          "video",
          "phone",
          "e",
          "follow",
          "call",
          "cold",
          "warm",
          "double",
          "cross",
          "up",
          "down",
          "soft",
          "hard",
          "fast",
          "spot",
          "auto",
          "pre",
          "re",
          "co",
          "self",
          "back",
          "hand",
          "test",
          "dry",
          "pls",
          "plz",
          "pl",
          "to",
          "and",
          "or",
          "not",
          "don't",
          "dont",
          "however",
          "therefore",
          "otherwise",
          "instead",
          "once",
          "finally",
          "lastly",
          "pre-book",
          "here",
          "there",
          "tomoz",
          "quick",
          "remember",
          "maybe",
          "perhaps",
          "quickly",
          "same",
          "everyone",
          "everybody",
          "all",
          "both",
          "each");

  /**
   * "Farmer might come to the depot": a capitalised role the tagger read as an adverb, then a modal
   * and a verb; an adverb opening a step is rarely followed by a bare modal.
   */
  private boolean roleTakenForAdverb(Sentence s, int i) {
    String w = s.lower()[i];
    return i == 0
        && Character.isUpperCase(s.tokens()[i].charAt(0))
        && !w.endsWith("ly")
        && !ADVERB_ENDING.matcher(w).matches()
        && !TIME_LEADS.contains(w)
        && !NO_NAME.contains(w)
        && !COMMON_ADVERBS.contains(w)
        && Vocabulary.longest(s, v.hedges, i) == 0
        && s.is(i + 1, "AUX")
        && s.wordIn(i + 1, MODAL_VERBS)
        && isVerb(s, i + 2);
  }

  /** Adverbs that open a step before a modal ("Then will ...", "Still could ..."). */
  private static final Set<String> COMMON_ADVERBS =
      Set.of(
          "then",
          "also",
          "still",
          "now",
          "soon",
          "together",
          "again",
          "just",
          "only",
          "even",
          "so",
          "thus",
          "therefore",
          "later",
          "first",
          "next",
          "perhaps",
          "maybe",
          "possibly",
          "hopefully",
          "ideally",
          "definitely",
          "certainly",
          "surely",
          "probably",
          "here",
          "there",
          "once",
          "already",
          "too",
          "instead",
          "otherwise",
          "anyway",
          "meanwhile",
          "else",
          "hence",
          "not",
          "moreover",
          "likewise",
          "overall",
          "furthermore",
          "nevertheless",
          "nonetheless",
          "besides",
          "regardless",
          "however",
          "altogether",
          "anyhow",
          "somehow",
          "thereby",
          "further",
          "plus",
          "finally",
          "lastly",
          "ultimately",
          "eventually");

  /** Endings of adverbs and times ("straightaway", "beforehand", "thereafter", "sometimes"). */
  private static final java.util.regex.Pattern ADVERB_ENDING =
      java.util.regex.Pattern.compile(".*(?:ways?|wards?|after|fore|hand|times?|how|where|day)");

  /**
   * "Kraftlink names one integrator", "Elektron send the forecast": a company's name the tagger
   * took for an imperative, then its verb (bare in clipped English) with an object; the verb's
   * index, or -1. An imperative is never followed by a bare verb and its object.
   */
  private int verbAfterAName(Sentence s, int i) {
    // "Orchardist signs and returns the declaration", "Tradie confirms headcount", "The organist
    // fills in our sheet": a role, then a step's verb in -s the tagger read as a plural noun
    int role = i == 0 && s.word(0, "the") && !s.is(1, "NOUN") ? 1 : i;
    int k = role + 1;
    String first = s.lower()[role];
    if (i == 0
        && k + 1 < s.size()
        && (personLike(first) || first.endsWith("ie") && first.length() > 4)
        && !THINGS.contains(s.lemmas()[role])
        && !English.isImperativeLookingLikeARole(first)
        && !agentVerb(s, role)
        && !isActorWord(s, role)
        && STEP_VERBS_IN_S.contains(s.lower()[k])
        && (s.is(k + 1, "DET")
            || role > i && s.wordIn(k + 1, Set.of("in", "out", "up"))
            || s.is(k + 1, "PRON")
            || s.is(k + 1, "NUM")
            || s.is(k + 1, "NOUN")
            || s.is(k + 1, "ADJ")
            || s.word(k + 1, "and") && isVerb(s, k + 2))) {
      return k;
    }
    k = i + 1;
    if (k + 1 >= s.size()
        || i != 0
        || !Character.isUpperCase(s.tokens()[i].charAt(0))
        || !Character.isLowerCase(s.tokens()[k].charAt(0))
        || NO_NAME.contains(s.lower()[i])
        || TIME_LEADS.contains(s.lower()[i])
        || s.lower()[i].endsWith("ly")
        || ADVERB_ENDING.matcher(s.lower()[i]).matches()
        || s.is(i, "CCONJ")
        || s.is(i, "SCONJ")
        || s.is(i, "ADJ")
        || s.is(i, "NOUN") // ("Office gets the samples shipped": a common noun, read as such)
        || s.is(i, "AUX")
        || s.is(i, "DET")
        || s.is(i, "PRON")
        || s.is(i, "ADP")
        || s.is(i, "NUM")
        || isActorWord(s, i)
        || agentVerb(s, i)) {
      return -1;
    }
    String w = s.lower()[k];
    String lemma = s.lemmas()[k];
    boolean bare = w.equals(lemma);
    boolean thirdPerson = w.equals(lemma + "s") || w.equals(lemma + "es");
    boolean verb = s.is(k, "VERB") && (bare || thirdPerson) || GIVING_VERBS.contains(lemma);
    boolean object =
        s.is(k + 1, "DET")
            || s.is(k + 1, "NUM")
            || s.wordIn(k + 1, TOWARD_US)
            || s.wordIn(k + 1, Set.of("their", "his", "her", "its"))
            // (a first word not read as a verb is surely a name: any object will do)
            || !s.is(i, "VERB")
                && !s.is(i, "NOUN")
                && (s.is(k + 1, "NOUN") || s.is(k + 1, "ADJ") || s.is(k + 1, "PROPN"));
    // ("Give caller the store hours": a role the tagger read as a verb, after an instruction)
    return verb && object && !isActorWord(s, k) ? k : -1;
  }

  /**
   * Where the verb group starts after a job title of theirs whose first word the tagger read as an
   * imperative ("Supply chain head will sign", "Procurement lead sends"), or -1.
   */
  private int titleReadAsVerb(Sentence s, int i) {
    if (!s.is(i, "VERB")
        || !Character.isUpperCase(s.tokens()[i].charAt(0))
        || Vocabulary.longest(s, v.customerActors, i + 1) > 0) {
      return -1;
    }
    // (a noun between: not "Remind customer contact will ...", "Make sure client signs ...")
    for (int j = i + 1; j <= i + 3 && j < s.size(); j++) {
      if (!s.is(j, "NOUN") && !s.is(j, "PROPN")) {
        return -1;
      }
      int role = Vocabulary.longest(s, v.customerActors, j);
      int end = j + role;
      if (role > 0
          && j > i + 1
          && end < s.size()
          && (s.wordIn(end, MODALS)
              || s.is(end, "AUX")
              || s.is(end, "VERB") && s.lower()[end].endsWith("s"))) {
        return end;
      }
    }
    return -1;
  }

  private boolean agentVerb(Sentence s, int i) {
    return Vocabulary.longest(s, v.agentVerbs, i) > 0 && !presentAt(s, i);
  }

  /** Where "by" names the customer after "Visit rebooked for ..." (a noun, a participle), or -1. */
  private int reducedPassiveBy(Sentence s, int i) {
    if (i + 2 >= s.size()
        || !s.is(i + 1, "VERB")
        || !s.lower()[i + 1].endsWith("ed")
        || !s.wordIn(i + 2, Set.of("for", "by", "to", "on", "in", "at", "with", "before"))) {
      return -1;
    }
    for (int k = i + 2; k < Math.min(s.size() - 1, i + 10); k++) {
      if (s.word(k, "by")) {
        return theCustomersPeople(s, k + 1, nounPhraseEnd(s, k + 1), false) ? k : -1;
      }
    }
    return -1;
  }

  /**
   * "Dealer explains the subsidy scheme to the farmer": telling a customer is our side's part,
   * whatever the teller's title.
   */
  private boolean toACustomer(Sentence s, int verb) {
    for (int k = verb + 1; k < Math.min(s.size() - 2, verb + 10); k++) {
      if (s.is(k, "VERB") || s.is(k, "AUX") || s.word(k, "and")) {
        return false;
      }
      if (s.word(k, "to")
          && s.wordIn(k + 1, Set.of("the", "a", "each", "every"))
          && s.wordIn(k + 2, CALLED)
          && !s.word(k + 3, "'s")) {
        return true;
      }
    }
    return false;
  }

  /** How a thing is sent, after "by" ("by express courier", "by registered post"). */
  private static final Set<String> BY_MEANS =
      Set.of(
          "courier",
          "post",
          "mail",
          "email",
          "e-mail",
          "fax",
          "messenger",
          "dhl",
          "fedex",
          "ups",
          "tnt",
          "freight",
          "airfreight",
          "air",
          "sea",
          "road",
          "rail",
          "van",
          "lorry",
          "truck");

  /** Whom our side calls (not the customer's own people: "to the board", "to the owner"). */
  private static final Set<String> CALLED =
      Set.of(
          "customer",
          "client",
          "prospect",
          "caller",
          "farmer",
          "grower",
          "homeowner",
          "patient",
          "member",
          "parent",
          "applicant",
          "enquirer",
          "guest",
          "tenant",
          "student",
          "shopper",
          "consumer",
          "subscriber",
          "policyholder",
          "donor",
          "supporter",
          "borrower",
          "debtor");

  /** "Both homeowners present at the survey": "present" as being there, not presenting. */
  private static boolean presentAt(Sentence s, int i) {
    return s.word(i, "present")
        && s.wordIn(
            i + 1, Set.of("at", "for", "during", "on", "in", "throughout", "when", "while"));
  }

  /**
   * The agent's verb at {@code i}, unless it turns toward us or the customer's own side ("walks us
   * through").
   */
  private String agentVerbAt(Sentence s, int i) {
    if (i < 0 || Vocabulary.longest(s, v.commitments, i) > 0 || presentAt(s, i)) {
      return null;
    }
    for (Phrase p : v.agentVerbs.candidates(s, i)) {
      int n = s.matchAt(p, i);
      if (n > 0) {
        int after = i + 1;
        if (s.wordIn(after, TOWARD_US)
            || s.word(after, "it") && s.wordIn(after + 1, Set.of("to"))) {
          return null;
        }
        if (leaningShownAt(s, i) > 0 || s.lemmas()[i].equals("show") && s.word(after, "up")) {
          // "shows interest", "shows real commitment": a leaning, not our showing; "shows up to
          // the demo": they come
          return null;
        }
        for (int k = i + 1; k < Math.min(s.size(), i + 12); k++) {
          if (s.word(k, "to")
              && (s.wordIn(k + 1, Set.of("their", "his", "her", "its"))
                  || s.word(k + 1, "the")
                      && s.wordIn(
                          k + 2,
                          Set.of(
                              "board",
                              "committee",
                              "management",
                              "team",
                              "cfo",
                              "ceo",
                              "owner")))) {
            return null; // the customer presents to their own side: effort on their part
          }
          if (s.word(k, "internally")) {
            return null;
          }
        }
        return s.span(i, i + n);
      }
    }
    return null;
  }

  /**
   * Words that start a clause of its own ("while we stay on the line"): its steps are not the
   * customer's.
   */
  private static final Set<String> CLAUSE_BREAK =
      Set.of(
          "while",
          "whilst",
          "so",
          "because",
          "until",
          "unless",
          "whereas",
          "although",
          "though",
          "if",
          "once");

  private String lowEffortFrom(Sentence s, int from) {
    boolean effortFirst = false;
    boolean afterStep = false;
    for (int i = Math.max(0, from); i < s.size(); i++) {
      if (i > from && (s.wordIn(i, CLAUSE_BREAK) || s.embedded(from, i))) {
        return null;
      }
      if (i > from + 1 && s.word(i, "(")) {
        return null; // "(a rough range is fine)": an aside on the step, not the step
      }
      if (i > from + 1 && s.is(i, "CCONJ") && effortFirst) {
        // "looks up their consultant and confirms the name appears": the first step is the effort
        // ("reviews the rentals and is satisfied": a feeling as the goal is still no step)
        afterStep = true;
      }
      if (i == from) {
        // "looks up their consultant" is an action, "looks happy" a state
        effortFirst =
            isVerb(s, from)
                && (!STATE_VERBS.contains(s.lemmas()[from]) || s.wordIn(from + 1, PARTICLES))
                && !s.lemmas()[from].equals("agree")
                && !s.lemmas()[from].equals("be");
      }
      if (i == from) {
        int ours = ourStepAllowed(s, from);
        if (ours > 0) {
          return s.span(from, ours + 1); // "lets us hold the office": leave for our own step
        }
        int got = documentReceived(s, from);
        if (got < 0) {
          got = paperRead(s, from);
        }
        if (got > 0) {
          return s.span(from, got); // "gets the confirmation letter": as good as receiving it
        }
      }
      if (i == from && TAKING.contains(s.lemmas()[from])) {
        int ours = fromUsAt(s, from);
        if (ours > 0) {
          return s.span(from, ours + 2); // "gets the catalogue PDF from us": ours to send
        }
      }
      if ((s.is(i, "NOUN") || s.is(i, "PROPN") || s.is(i, "ADJ")) && i != from) {
        continue; // "a hearing test" is no "hear"
      }
      if (i > from + 1
          && s.lower()[i].endsWith("ed")
          && s.is(i - 1, "NOUN")
          && s.is(i + 1, "NOUN")
          && !s.word(i + 1, "by")) {
        continue; // "signs the goods received note": a participle inside a document's name
      }
      if (i > from + 1
          && effortFirst
          && isStepVerb(s.lower()[from])
          && !s.lemmas()[from].equals("confirm")
          && s.wordIn(i, Set.of("be", "is", "are", "was", "were", "get", "gets", "got"))
          && !s.is(i - 1, "CCONJ")) {
        continue; // "names the reasons her residents get sent out": a passive inside what is named
      }
      if (s.word(i, "like") && s.is(i, "ADP")
          || s.word(i, "know")
              && i >= 2
              && s.wordIn(i - 1, Set.of("us", "me"))
              && s.lemmas()[i - 2].equals("let")) {
        continue; // "items like a piano"; "lets us know the colour" tells us
      }
      if (i > from + 1
          && s.word(i - 1, "to")
          && (s.is(i - 2, "NOUN")
              || s.is(i - 2, "PROPN")
              || s.is(i - 2, "NUM")
              || ORDINAL.matcher(s.lower()[i - 2]).matches()) // "for coffee on the 9th to hear"
          && !TAKES_TO.contains(s.lemmas()[i - 2]) // "agrees to take": the tagger's noun
          && isVerb(s, i)) {
        return null; // "books a review with our adviser to look at life cover": the step's purpose
      }
      if (i > from + 1
          && s.lemmas()[i].equals("be")
          && s.wordIn(i - 1, Set.of("it", "this", "that", "which"))) {
        return null; // "makes sure it is emailed": another clause with its own subject
      }
      // "signs the letter of authority that lets us contact their supplier", "the authority
      // allowing us to contact their lender": what the step they take is for
      boolean describesAThing =
          i > from
              && (s.wordIn(i - 1, Set.of("that", "which"))
                  || s.lower()[i].endsWith("ing")
                      && s.is(i - 1, "NOUN")
                      && s.wordIn(i + 1, Set.of("us", "me")));
      int shown = leaningShownAt(s, i);
      if (shown > 0 && !describesAThing && !stepByDoing(s, shown)) {
        return s.span(i, shown); // "shows real interest": a leaning shown costs nothing
      }
      for (Phrase p : describesAThing ? List.<Phrase>of() : v.lowEffort.candidates(s, i)) {
        int n = s.matchAt(p, i);
        if (n == 2
            && s.lemmas()[i].equals("say")
            && s.word(i + 1, "yes")
            && s.word(i + 2, "to")
            && !s.wordIn(
                i + 3, Set.of("us", "our", "we", "me", "my", "being", "receiving", "getting"))) {
          continue; // "says yes to hosting a coffee morning": agreeing to the step named
        }
        if (n > 1 && p.words()[0].equals("be") && s.lower()[i + 1].endsWith("ing")) {
          continue; // "is giving us the budget number": active, not "is given"
        }
        if (n == 1
            && i != from
            && s.lower()[i].endsWith("ing")
            && (s.is(i + 1, "NOUN") || s.is(i + 1, "PROPN"))
            && !s.is(i - 1, "ADP")
            && !s.is(i - 1, "PART")) {
          continue; // "gives the receiving dock hours": a word describing a noun, not a step
        }
        if (n > 1
            && p.words()[0].equals("be")
            && i > 0
            && s.is(i - 1, "NOUN")
            && !personLike(s.lower()[i - 1])
            && !isActorWord(s, i - 1)) {
          continue; // "the signed approval page is emailed back": a thing sent, no one given it
        }
        if (n > 1
            && (p.words()[0].equals("be") || p.words()[0].equals("get"))
            && byTheCustomer(s, i + n)) {
          // "the budget ceiling is given to us by the tenant", "the job spec gets sent over by
          // the HM": theirs to give, and given
          continue;
        }
        if (n > 0
            && s.lemmas()[i].equals("get")
            && s.is(i + n, "VERB")
            && s.lower()[i + n].endsWith("ed")) {
          continue; // "gets the quotation approved by their finance head": they have it done
        }
        if (n > 0 && stepByDoing(s, i + n)) {
          continue; // "shows willingness by texting a photo of the pre-approval": how they show it
        }
        // after an effortful step, a light one beside it is no objection ("looks up the consultant
        // and confirms the name"), nor is a feeling ("exports the fault codes and is happy with
        // our analysis": the step is there, the feeling is the measure's problem); after only
        // taking something in, the feeling is the goal ("watches the walkthrough and feels sure")
        if (n > 0 && (!afterStep || TAKING_IN.contains(s.lemmas()[from]) && feeling(s, i, n))) {
          return s.span(i, i + n);
        }
      }
    }
    return null;
  }

  /** What a customer shows of their mind: "shows interest", "shows willingness". */
  static final Set<String> LEANINGS =
      Set.of(
          "interest",
          "commitment",
          "willingness",
          "enthusiasm",
          "eagerness",
          "appetite",
          "intent",
          "intention",
          "readiness",
          "goodwill",
          "faith",
          "support");

  /**
   * Where a leaning shown ends ("shows interest", "expresses some willingness", "shows real
   * appetite"), or -1.
   */
  static int leaningShownAt(Sentence s, int i) {
    if (i < 0 || i >= s.size() || !SHOWING.contains(s.lemmas()[i])) {
      return -1;
    }
    int k = i + 1;
    // "shows interest", "shows real interest", "shows their full commitment"
    while (k < i + 3
        && !s.wordIn(k, LEANINGS)
        && (s.is(k, "ADJ")
            || s.is(k, "ADV")
            || s.is(k, "DET")
            || s.wordIn(k, Set.of("their", "his", "her", "its")))) {
      k++;
    }
    return s.wordIn(k, LEANINGS) ? k + 1 : -1;
  }

  /** Verbs by which a leaning is shown. */
  private static final Set<String> SHOWING =
      Set.of("show", "express", "indicate", "demonstrate", "display", "signal");

  /** Verbs whose "-ing" after "by" is still no step: "by listening", "by saying yes". */
  private static final Set<String> LIGHT_BY =
      Set.of(
          "listen",
          "receive",
          "get",
          "confirm",
          "say",
          "agree",
          "think",
          "read",
          "watch",
          "hear",
          "show",
          "express",
          "stay",
          "keep",
          "accept",
          "reply",
          "respond",
          "be",
          "feel",
          "consider",
          "look",
          "let",
          "allow",
          "take",
          "nod",
          "smile",
          "laugh");

  /** Words in "-ing" that are no verb after "by": "by morning", "by spring". */
  private static final Set<String> BY_WHEN = Set.of("morning", "evening", "spring", "closing");

  /**
   * Whether "by" and a step in "-ing" follow soon after {@code from} in the same clause ("shows
   * willingness to work with us by texting a photo of the letter").
   */
  static boolean stepByDoing(Sentence s, int from) {
    for (int k = from; k + 1 < Math.min(s.size(), from + 8); k++) {
      if (s.wordIn(k, Set.of(",", ";", ".", ":", "(")) || s.wordIn(k, CLAUSE_BREAK)) {
        return false;
      }
      String w = s.lower()[k + 1];
      if (s.word(k, "by")
          && w.endsWith("ing")
          && w.length() > 5
          && !BY_WHEN.contains(w)
          && !LIGHT_BY.contains(s.lemmas()[k + 1])
          && !LIGHT_BY.contains(w.substring(0, w.length() - 3))
          // ("by asking us to send the brochure": ours to do)
          && !(s.lemmas()[k + 1].equals("ask") && s.wordIn(k + 2, Set.of("us", "me", "for")))
          // ("by checking in on the last shipment", "by touching base": as vague as the rest)
          && !(s.wordIn(k + 1, Set.of("checking", "touching", "catching", "following"))
              && s.wordIn(k + 2, Set.of("in", "base", "up")))) {
        return true;
      }
    }
    return false;
  }

  /** What we send a customer to read. */
  private static final Set<String> PAPERS =
      Set.of(
          "report",
          "letter",
          "document",
          "documents",
          "docs",
          "quote",
          "quotation",
          "proposal",
          "brochure",
          "leaflet",
          "pack",
          "packet",
          "deck",
          "summary",
          "recap",
          "estimate",
          "confirmation",
          "copy",
          "link",
          "sheet",
          "one-pager",
          "guide",
          "kit",
          "statement",
          "catalogue",
          "catalog",
          "offer",
          "pdf",
          "flyer",
          "prospectus",
          "booklet",
          "factsheet",
          "email",
          "e-mail",
          "magazine",
          "newsletter",
          "agreement",
          "contract",
          "invoice",
          "video",
          "list",
          "card",
          "breakdown",
          "comparison",
          "illustration",
          "schedule");

  /** Participles of what someone else does with a paper ("gets the quote signed"). */
  private static final Set<String> SENT_PARTICIPLES =
      Set.of(
          "sent",
          "emailed",
          "e-mailed",
          "mailed",
          "posted",
          "shipped",
          "delivered",
          "couriered",
          "texted",
          "forwarded",
          "dropped",
          "handed");

  /**
   * Where the paper ends when the verb at {@code from} is "gets" and its object a paper of ours
   * ("gets the suitability report by email", "gets the welcome kit mailed out"); else -1. Not "gets
   * the quote signed", "gets their statement", "gets the letter from their GP", "gets the proposal
   * over to us": they do something with it.
   */
  private int documentReceived(Sentence s, int from) {
    if (!s.lemmas()[from].equals("get") || s.wordIn(from + 1, Set.of("their", "his", "her"))) {
      return -1;
    }
    int[] paper = paperAt(s, from + 1, from + 10, true);
    int head = paper[0];
    int k = paper[1];
    if (head < 0 || head != k - 1 && !s.is(k - 1, "NOUN") && !s.is(k - 1, "NUM")) {
      return -1;
    }
    // only received: nothing after it but how or when it comes, what it comes with, or from us
    // (not "gets the proposal in front of the board", "gets the contract through procurement",
    // "gets the quote signed", "gets a letter from their GP")
    int j = k;
    if (j < s.size() && SENT_PARTICIPLES.contains(s.lower()[j])) {
      j++;
      while (j < s.size() && s.wordIn(j, PARTICLES)) {
        j++;
      }
    }
    boolean received =
        j >= s.size()
            || s.is(j, "PUNCT")
            || s.wordIn(
                j, Set.of("by", "via", "today", "tomorrow", "before", "after", "this", "within"))
            || s.word(j, "in")
                && s.wordIn(j + 1, Set.of("the", "their", "his", "her"))
                && s.wordIn(j + 2, Set.of("post", "mail", "inbox", "email"))
            || s.wordIn(j, Set.of("with", "for"))
                && !s.wordIn(j + 1, Set.of("their", "his", "her"))
                && !s.wordIn(j + 2, PEOPLE_TO_SEE)
            || s.word(j, "from") && s.wordIn(j + 1, Set.of("us", "our", "me", "we"));
    return received ? j : -1;
  }

  /**
   * The noun phrase from {@code k} up to {@code limit}, with the last paper in it: {head, end},
   * head -1 when it names no paper ("our 2025 salary benchmarking report"); {@code joined} lets it
   * run on past "of" and "and" after the paper ("the list of 40 users", "the report and key
   * features documents") and takes only participles before a noun.
   */
  private static int[] paperAt(Sentence s, int k, int limit, boolean joined) {
    int head = -1;
    while (k < s.size()
        && k < limit
        && (s.is(k, "DET")
            || s.is(k, "ADJ")
            || s.is(k, "NOUN")
            || s.is(k, "PROPN")
            || s.is(k, "NUM")
            || s.word(k, "our")
            || joined && s.word(k, "of") && head > 0
            || joined && s.word(k, "and") && head > 0 && (s.is(k + 1, "NOUN") || s.is(k + 1, "ADJ"))
            || s.is(k, "VERB")
                && (!joined || s.lower()[k].endsWith("ed") || s.lower()[k].endsWith("ing"))
                && k + 1 < s.size()
                && s.is(k + 1, "NOUN"))) {
      if (s.wordIn(k, PAPERS)) {
        head = k;
      }
      k++;
    }
    return new int[] {head, k};
  }

  /** Who a paper is taken to or looked at with, on the customer's side. */
  private static final Set<String> PEOPLE_TO_SEE =
      Set.of(
          "board",
          "boss",
          "cfo",
          "ceo",
          "md",
          "director",
          "team",
          "committee",
          "panel",
          "partner",
          "agenda");

  /** Bodies of the customer's that meet to decide. */
  private static final Set<String> GROUPS =
      Set.of(
          "board",
          "panel",
          "committee",
          "legal",
          "procurement",
          "team",
          "council",
          "trustees",
          "partners",
          "directors",
          "governors",
          "management",
          "purchasing");

  /** Ways of taking in a paper on one's own. */
  private static final Set<String> READING =
      Set.of("read", "review", "watch", "view", "browse", "skim");

  /**
   * Where the paper ends when the verb at {@code from} only reads, reviews or watches a paper of
   * ours, alone and as the whole step ("reviews the quote", "reads our technical sheet"); else -1.
   * Not with someone ("reviews the proposal with their CFO") nor before a step of theirs ("reads
   * the quote and rings back with a choice").
   */
  private int paperRead(Sentence s, int from) {
    int k = from + 1;
    if (!s.wordIn(from, READING)
        && !(s.lemmas()[from].equals("look") && s.wordIn(from + 1, Set.of("over", "through", "at")))
        && !(s.lemmas()[from].equals("check") && s.word(from + 1, "out"))) {
      return -1;
    }
    if (!s.wordIn(from, READING)) {
      k++;
    }
    if (s.wordIn(k, Set.of("their", "his", "her", "its"))) {
      return -1; // "checks their contract": what only they hold
    }
    int[] paper = paperAt(s, k, from + 9, false);
    int head = paper[0];
    k = paper[1];
    if (head < 0 || s.wordIn(head, Set.of("contract", "agreement", "schedule", "terms"))) {
      return -1; // a contract reviewed is a formal step of theirs
    }
    for (int j = k; j < s.size(); j++) {
      if (s.is(j, "CCONJ")
          || s.wordIn(j, Set.of(",", ";", "with", "w/", "together", "so", "then", "meeting"))) {
        return -1;
      }
    }
    // "Board reviews the proposal", "Procurement panel reviews ...": a body that meets on it
    if (from > 0 && s.wordIn(from - 1, GROUPS)) {
      return -1;
    }
    return head + 1;
  }

  /** What we may do only with the customer's people's time. */
  private static final Set<String> MEETING_THEM =
      Set.of(
          "meet",
          "speak",
          "interview",
          "present",
          "pilot",
          "trial",
          "visit",
          "demo",
          "demonstrate",
          "train",
          "observe",
          "shadow");

  /** Money changing hands: letting us take a payment is the customer's step. */
  private static final java.util.regex.Pattern MONEY_TAKEN =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:deposit|payment|pay|card|debit|charge|instal+ments?)\\b|[£$€₹]");

  /**
   * Where our own verb is when the verb at {@code from} lets us do it ("lets us hold the office",
   * "allows us to fit a logger"); else -1. Not "lets us know" or "lets us have the loss runs" (they
   * tell or give), "lets us in" (they are there to open up), or a payment we put through.
   */
  private static int ourStepAllowed(Sentence s, int from) {
    if (!Set.of("let", "allow", "permit").contains(s.lemmas()[from])
        || !s.wordIn(from + 1, Set.of("us", "me"))) {
      return -1;
    }
    int verb = s.word(from + 2, "to") ? from + 3 : from + 2;
    if (verb + 1 >= s.size()
        || s.is(verb, "ADP")
        || s.is(verb, "PUNCT")
        || s.is(verb, "DET")
        || s.wordIn(verb, Set.of("know", "have", "in", "into", "use", "through"))
        || MONEY_TAKEN.matcher(s.span(verb, s.size())).find()) {
      return -1;
    }
    int end = verb;
    while (end + 1 < s.size() && (s.is(end + 1, "PRON") || s.wordIn(end + 1, PARTICLES))) {
      end++; // "lets us walk them through"
    }
    if (s.word(end + 1, "to") && s.wordIn(end + 2, Set.of("their", "the", "his", "her"))
        || s.wordIn(verb, MEETING_THEM)) {
      return -1; // "lets us present to their board", "lets us meet their head chef": their time
    }
    for (int j = verb + 1; j + 1 < s.size() && !s.wordIn(j, Set.of(",", ";", "and")); j++) {
      if (s.wordIn(j, Set.of("with", "to")) && s.wordIn(j + 1, Set.of("their", "his", "her"))) {
        return -1; // "allows us to run a pilot with their sales team"
      }
    }
    return end;
  }

  /** A day of the month as written: "9th", "21st". */
  private static final java.util.regex.Pattern ORDINAL =
      java.util.regex.Pattern.compile("\\d{1,2}(?:st|nd|rd|th)");

  /** "by the tenant" within a few words from {@code from}: the customer is who does it. */
  private boolean byTheCustomer(Sentence s, int from) {
    for (int k = from; k < Math.min(s.size() - 1, from + 5); k++) {
      if (s.word(k, "by")) {
        int np = s.wordIn(k + 1, Set.of("the", "their", "his", "her")) ? k + 2 : k + 1;
        return actorOf(s, np, nounPhraseEnd(s, np)) == Actor.CUSTOMER;
      }
    }
    return false;
  }

  /** Verbs of taking in what we show: no step of the customer's before a feeling. */
  private static final Set<String> TAKING_IN =
      Set.of("watch", "listen", "hear", "see", "view", "look");

  /** Steps after ours that cost the customer next to nothing ("and the customer clicks it"). */
  private static final Set<String> LITTLE_STEPS =
      with(
          TAKING_IN,
          "click",
          "nod",
          "keep",
          "log",
          "read",
          "receive",
          "get",
          "open",
          "sit",
          "stay",
          "wait",
          "follow",
          "acknowledge",
          "like",
          "note");

  private static final Set<String> FEELINGS =
      Set.of(
          "feel",
          "understand",
          "know",
          "like",
          "think",
          "realise",
          "realize",
          "appreciate",
          "happy",
          "satisfied",
          "pleased",
          "comfortable",
          "confident",
          "interested",
          "open",
          "aware",
          "reassured",
          "enchanted",
          "thrilled",
          "keen",
          "convinced");

  /** Whether the {@code n} words at {@code i} name a feeling or a state of mind. */
  private static boolean feeling(Sentence s, int i, int n) {
    for (int k = i; k < i + n && k < s.size(); k++) {
      if (FEELINGS.contains(s.lemmas()[k]) || FEELINGS.contains(s.lower()[k])) {
        return true;
      }
    }
    return false;
  }

  /** The first words of a leave given to us ("OKs us calling", "lets us send"). */
  private static final Set<String> PERMITS_US =
      Set.of("ok", "oks", "okay", "okays", "let", "lets", "allow", "allows");

  /**
   * A verb outside the low-effort phrase that is real work ("accepts the plan and books a
   * session").
   */
  private boolean anotherEffortfulVerb(Sentence s, int main, String low) {
    String[] lowWords = Vocabulary.lower(low).split("\\s+");
    Set<String> lowSet = Set.copyOf(java.util.Arrays.asList(lowWords)); // words may repeat
    // "confirms her address so the carrier can send the kit and ID card", "confirms email id and
    // alternate mobile number": after a verb in -s, a verb joined by "and" takes -s too
    boolean thirdPerson = s.lower()[main].endsWith("s");
    for (int k = main; k < s.size(); k++) {
      if (thirdPerson
          && k > main
          && s.is(k - 1, "CCONJ")
          && !s.lower()[k].endsWith("s")
          && !s.lower()[k].endsWith("ed")
          && !afterModalVerb(s, main, k)) {
        continue; // ("and will sign and return the agreement": after "will" the bare form is right)
      }
      // "... and books the installation slot": a verb in -s read as a plural noun
      boolean verbInS =
          thirdPerson
              && k > main
              && s.is(k - 1, "CCONJ")
              && s.is(k, "NOUN")
              && s.lower()[k].endsWith("s")
              && (s.is(k + 1, "DET")
                  || s.is(k + 1, "NUM")
                  || s.wordIn(k + 1, Set.of("it", "them", "this", "that")) // "and loads it"
                  || s.wordIn(
                      k + 1, Set.of("in", "up", "out", "off", "back", "over"))); // "and logs in"
      if ((isVerb(s, k) || verbInS)
          && !lowSet.contains(s.lower()[k])
          && !STATE_VERBS.contains(s.lemmas()[k])
          && !s.lemmas()[k].equals("agree")
          && !participleModifier(s, k)
          && lowEffortFrom(s, k) == null
          && (s.is(k - 1, "CCONJ") && !s.wordIn(k - 1, Set.of("both", "either", "neither"))
              || s.lower()[k - 1].equals(",")
              || s.word(k - 1, "then")
              || s.is(k - 1, "ADV")
                  && k >= 2
                  && s.is(k - 2, "CCONJ") // "and instead signs up", not "and best contact number"
                  && !s.wordIn(k - 1, Set.of("best", "most", "least", "preferred"))
              || s.word(k - 1, "to")
                  && k >= 2
                  && !lowSet.contains(s.lower()[k - 2])
                  && !lowSet.contains(s.lemmas()[k - 2])
                  && !s.wordIn(k - 2, TOWARD_US)
                  && !s.word(k - 2, "we")
                  // "OKs us calling back Tues to go through options": after leave for our step,
                  // what our step is for
                  && !(lowSet.contains("us") && PERMITS_US.contains(lowWords[0]))
                  // "lets us call back to go over the options": what our call is for
                  && !(k >= 3
                      && s.wordIn(k - 2, Set.of("back", "up", "over", "again", "round"))
                      && lowSet.contains(s.lower()[k - 3]))
                  // "best time to call", "the number to ring": a detail, not a step
                  && !s.wordIn(k - 2, WHEN_AND_WHERE)
                  // "accepts our callback on Monday to discuss more": what our call is for
                  && !(s.wordIn(k, TALKING)
                      && lowSet.stream().anyMatch(OUR_CALLS::contains)
                      && !withTheirPeople(s, main))
                  // "receives a call back from our specialist to go over the audiogram": what
                  // our call is for
                  && !fromOurSide(s, main, k - 1))) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> TAKING = Set.of("get", "receive");

  /** "with their accountant", "with his solicitor": someone of theirs brought in. */
  private static boolean withTheirPeople(Sentence s, int main) {
    for (int j = main + 1; j + 1 < s.size(); j++) {
      if (s.word(j, "with") && s.wordIn(j + 1, Set.of("their", "his", "her"))) {
        return true;
      }
    }
    return false;
  }

  /** What a call of ours is for when it is only talk. */
  private static final Set<String> TALKING =
      Set.of(
          "discuss", "talk", "chat", "go", "run", "walk", "review", "explain", "answer", "catch",
          "check", "follow", "touch", "look", "cover", "update");

  /** Calls of ours a customer only accepts. */
  private static final Set<String> OUR_CALLS = Set.of("callback", "call-back", "call", "back");

  /**
   * Where "from us" or "from our" stands in the clause after {@code verb}, with no other verb
   * before it; else -1.
   */
  private int fromUsAt(Sentence s, int verb) {
    int at = -1;
    for (int j = verb + 1; j < Math.min(s.size() - 1, verb + 12) && at < 0; j++) {
      if (s.wordIn(j, CLAUSE_BREAK) || s.is(j, "CCONJ") || s.word(j, ",") || isVerb(s, j)) {
        return -1;
      }
      // "gets the PDF from us", "gets a demo of our platform"
      if (s.word(j, "from") && s.wordIn(j + 1, Set.of("our", "us"))
          || s.word(j, "of")
              && s.wordIn(j + 1, Set.of("our"))
              && j > 0
              && SHOWN.contains(s.lemmas()[j - 1])) {
        at = j;
      }
    }
    // "gets a visit from our surveyor booked", "receives the code from our team and logs in ten
    // users": something done with it, or a step of theirs after it
    for (int j = verb + 1; at > 0 && j < at; j++) {
      if (s.wordIn(j, Set.of("their", "his", "her"))
          && j + 2 < at
          && s.wordIn(j + 2, Set.of("a", "an"))) {
        return -1; // "gets their CFO a demo of our module": they bring someone to it
      }
    }
    for (int j = at + 2; at > 0 && j < s.size(); j++) {
      if (s.wordIn(j, Set.of("into", "set", "booked", "scheduled", "arranged", "put"))
          || isVerb(s, j) && s.lower()[j].endsWith("ed")
          || s.is(j, "CCONJ")
              && j + 1 < s.size()
              && (isVerb(s, j + 1) || s.is(j + 1, "NOUN") && s.lower()[j + 1].endsWith("s"))) {
        return -1;
      }
    }
    return at;
  }

  /** What we show: "a demo of our platform" is ours to give. */
  private static final Set<String> SHOWN =
      Set.of(
          "demo",
          "demonstration",
          "tour",
          "overview",
          "walkthrough",
          "walk-through",
          "presentation");

  /** "from our specialist", "from us" between {@code from} and {@code to}. */
  private static boolean fromOurSide(Sentence s, int from, int to) {
    for (int j = from + 1; j < to; j++) {
      if (s.word(j, "from") && s.wordIn(j + 1, Set.of("our", "us", "we"))) {
        return true;
      }
    }
    return false;
  }

  /** Nouns an infinitive describes ("time to call"), not a step after them. */
  private static final Set<String> WHEN_AND_WHERE =
      Set.of("time", "times", "day", "days", "date", "dates", "slot", "number", "place");

  /**
   * Whether the word joined at {@code k} follows a bare verb after a modal or "to" ("and will sign
   * and return"; not "so the carrier can send the kit and ID card").
   */
  private static boolean afterModalVerb(Sentence s, int from, int k) {
    return k - 3 > from && (s.is(k - 3, "AUX") || s.word(k - 3, "to"));
  }

  private int findVerb(Sentence s, int from) {
    for (int k = from; k < s.size(); k++) {
      if (s.lower()[k].equals(",")) {
        int close = indexOf(s, ",", k + 1);
        // an aside between commas ("The patient, overdue for a check-up, books ...")
        if (close > 0 && !containsVerbGroup(s, k + 1, close)) {
          k = close;
          if (close + 1 < s.size()
              && s.lower()[close + 1].endsWith("s")
              && s.is(close + 1, "NOUN")
              && (s.is(close + 2, "DET") || s.is(close + 2, "PRON") || s.is(close + 2, "NUM"))) {
            return close + 1;
          }
          continue;
        }
      }
      if (k == from) {
        continue;
      }
      if (s.wordIn(k, CLAUSE_BREAK) && k > from + 1) {
        // "Customer completes the AIP online while we're on the phone": the verb is before "while"
        int v = verbAfterShortSubject(s, from);
        return v > 0 && v < k ? v : -1;
      }
      if (s.word(k, "to")
          && k > from + 1
          && s.lower()[k - 1].endsWith("s")
          && s.is(k - 1, "NOUN")
          && (isActorWord(s, k - 2) || TAKES_TO.contains(s.lemmas()[k - 1]))
          && !isActorWord(s, k - 1)) {
        // "Customer commits to going ahead", "Owner of the boutique agrees to open": the role's
        // verb, not "Shipper to email"
        return k - 1;
      }
      if (s.word(k, "to")
          && k > from
          && (s.is(k - 1, "NOUN") || s.is(k - 1, "PROPN") || isActorWord(s, k - 1))
          && k + 1 < s.size()
          && (s.is(k + 1, "VERB")
              || s.is(k + 1, "NOUN") && isActorWord(s, k - 1)
              || s.is(k + 1, "NOUN")
                  && (s.is(k + 2, "DET")
                      || s.is(k + 2, "NUM")
                      || s.is(k + 2, "PRON")
                      || s.is(k + 2, "ADJ")))) {
        return k + 1;
      }
      boolean gerund = s.lower()[k].endsWith("ing") && (s.is(k - 1, "ADP") || s.is(k - 1, "SCONJ"));
      // "The supporter sponsors a puppy", "the client contacts us": a role noun in -s after a role,
      // with an object after it, is the verb
      boolean roleAsVerb =
          s.lower()[k].endsWith("s")
              && !s.lower()[k].endsWith("ss")
              && isActorWord(s, k - 1)
              && (s.is(k + 1, "DET") || s.is(k + 1, "NUM") || s.wordIn(k + 1, TOWARD_US));
      boolean role =
          s.is(k, "VERB")
              && isActorWord(s, k)
              && !roleAsVerb
              && (s.is(k - 1, "NOUN")
                  || s.is(k - 1, "PROPN")
                  || s.is(k - 1, "ADJ")
                  || s.is(k - 1, "DET")); // "The HR lead", "the pub landlord"
      // "Mom's trust officer": a bare verb form after a possessive is a noun ("Mom's signed" is
      // "has signed")
      boolean afterPossessive =
          s.word(k - 1, "'s")
              && s.is(k + 1, "NOUN")
              && !s.lower()[k].endsWith("ed")
              && !s.lower()[k].endsWith("en");
      if (s.is(k, "AUX")
          || s.is(k, "VERB") && !participleModifier(s, k) && !gerund && !role && !afterPossessive
          || misTaggedVerb(s, k)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * "The landlady emails photos": with no verb found, a plural-looking word right after "The X".
   */
  private int verbAfterShortSubject(Sentence s, int from) {
    for (int k = from + 1; k <= from + 3 && k + 1 < s.size(); k++) {
      // "Both directors e-sign the mandate": a plural subject's verb has no -s
      if (isActorWord(s, k - 1)
          && !isActorWord(s, k)
          && !s.is(k, "ADP")
          && (!s.is(k, "PUNCT") || s.lower()[k].chars().anyMatch(Character::isLetter))
          && (s.is(k + 1, "DET")
              || s.is(k + 1, "PRON")
              || s.is(k + 1, "NUM")
              || s.wordIn(k + 1, PARTICLES))) {
        return k;
      }
      if (s.lower()[k].endsWith("s")
          && s.is(k, "NOUN")
          && s.is(k - 2, "DET")
          && !isActorWord(s, k)
          && (s.is(k + 1, "NOUN")
              || s.is(k + 1, "DET")
              || s.is(k + 1, "PRON")
              || s.is(k + 1, "NUM"))) {
        return k;
      }
    }
    return -1;
  }

  /**
   * "Partner's accounts team registers as a vendor", "director at Maple Grove Senior Living orders
   * pendants": with no verb found, a word in -s the tagger took for a plural noun, right after the
   * subject's person or name and before an object.
   */
  private int verbInSAfterTheSubject(Sentence s, int from) {
    for (int k = from + 1; k < Math.min(s.size() - 1, from + 10); k++) {
      String w = s.lower()[k];
      if (s.is(k, "AUX") || s.is(k, "VERB") || s.is(k, "PUNCT") && !w.equals("'s")) {
        return -1;
      }
      boolean inS =
          w.endsWith("s")
              && !w.endsWith("ss")
              && !w.endsWith("us")
              && w.length() > 3
              && Character.isLowerCase(s.tokens()[k].charAt(0)); // not "the Maldives"
      boolean afterSubject =
          isActorWord(s, k - 1)
              || s.is(k - 1, "PROPN")
              || s.is(k - 1, "NOUN")
                  && k - 2 >= from
                  && (s.word(k - 2, "'s") || s.is(k - 2, "NOUN") || isActorWord(s, k - 2));
      boolean objectNext =
          s.is(k + 1, "DET")
              || s.is(k + 1, "PRON")
              || s.is(k + 1, "NUM")
              || s.wordIn(k + 1, Set.of("as", "to", "with", "into", "onto"))
              || s.is(k + 1, "NOUN") && (s.is(k + 2, "NOUN") || s.is(k + 2, "ADP"));
      if (inS && s.is(k, "NOUN") && afterSubject && objectNext && !isActorWord(s, k)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * "Group members each deposit ...", "Process engineer and quality lead name ...", "Mr. Tariq
   * WhatsApps photos ...": with no verb found at all, a customer's step verb the tagger took for a
   * noun, right after a subject that is a plain noun phrase.
   */
  private int stepVerbAfterTheSubject(Sentence s, int from) {
    for (int k = from + 1; k < Math.min(s.size() - 1, from + 9); k++) {
      if (s.is(k, "PUNCT") && !s.word(k, ")") && !s.word(k, "'s") || s.wordIn(k, SUBJECT_ENDS)) {
        return -1;
      }
      boolean afterSubject =
          s.is(k - 1, "NOUN")
              || s.is(k - 1, "PROPN")
              || Character.isUpperCase(s.tokens()[k - 1].charAt(0)) // "Mr Tariq WhatsApps"
              || s.wordIn(k - 1, Set.of("they", "each", "both", "all", ")"))
              || isActorWord(s, k - 1);
      boolean objectNext = !s.is(k + 1, "PUNCT") && !s.is(k + 1, "CCONJ") && !s.word(k + 1, "'s");
      if (isStepVerb(s.lower()[k])
          && !s.is(k, "DET")
          && afterSubject
          && objectNext
          && !isActorWord(s, k)
          && (s.is(from, "NOUN")
              || s.is(from, "PROPN")
              || s.is(from, "ADJ")
              || Character.isUpperCase(s.tokens()[from].charAt(0))
              || s.is(from, "NUM")
              || isActorWord(s, from)
              || s.wordIn(from, Set.of("the", "their", "both", "each", "all")))) {
        return k;
      }
    }
    return -1;
  }

  /** Where a step verb in -s sits between the subject's first noun and {@code verb}, or -1. */
  private int earlierStepInS(Sentence s, int from, int verb) {
    for (int k = from + 1; k < verb - 1; k++) {
      if (s.is(k, "VERB") || s.is(k, "AUX") || s.is(k, "ADP") || s.word(k, ",")) {
        return -1;
      }
      String w = s.lower()[k];
      if (w.endsWith("s")
          && isStepVerb(w)
          && (s.is(k - 1, "NOUN") || s.is(k - 1, "PROPN"))
          && !isActorWord(s, k)
          && (s.is(k + 1, "DET") || s.is(k + 1, "PRON") || s.is(k + 1, "NUM"))) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Where the customer's people start in "returned by their QA panel", "faxed over by the
   * facility's charge nurse" right after a participle at {@code verb} with no auxiliary, or -1.
   */
  private int reducedPassiveByThem(Sentence s, int verb) {
    if (!s.lower()[verb].endsWith("ed") || verb > 0 && s.is(verb - 1, "AUX")) {
      return -1;
    }
    for (int k = verb + 1; k < Math.min(s.size() - 1, verb + 3); k++) {
      if (s.word(k, "by")) {
        return theCustomersPeople(s, k + 1, nounPhraseEnd(s, k + 1), false) ? k + 1 : -1;
      }
      if (!s.is(k, "ADP") && !s.is(k, "ADV") && !s.is(k, "PART")) {
        return -1;
      }
    }
    return -1;
  }

  /** Words that end a subject before any verb could follow ("Reminder for the client names"). */
  private static final Set<String> SUBJECT_ENDS =
      Set.of("for", "to", "with", "on", "about", "into", "by", "than", "if", "when");

  private boolean containsVerbGroup(Sentence s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (s.is(k, "AUX")) {
        return true;
      }
    }
    return false;
  }

  /** "the named date", "accepted invites": a participle used as an adjective. */
  private boolean participleModifier(Sentence s, int k) {
    String w = s.lower()[k];
    return s.is(k, "VERB")
        && k + 1 < s.size()
        // "the wholesaler sends last quarter's figures": no participle ends in "-s"
        && !(w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us"))
        && (s.is(k + 1, "NOUN")
            || s.is(k + 1, "PROPN")
            || s.is(k + 1, "ADJ") && s.is(k + 2, "NOUN"))
        // "Farmer sends photos": a role the tagger took for an adjective, then the verb
        && !(s.is(k - 1, "ADJ") && isActorWord(s, k - 1) && s.lower()[k].endsWith("s"))
        && (s.is(k - 1, "DET")
            || s.is(k - 1, "ADJ")
            || s.is(k - 1, "PRON") && !s.wordIn(k - 1, SUBJECT_PRONOUNS) // "we demonstrate AI ..."
            || s.is(k - 1, "NUM")
            || s.lower()[k].endsWith("ed") && !s.is(k - 1, "NOUN") && !s.is(k - 1, "PROPN"));
  }

  private static final Set<String> SUBJECT_PRONOUNS =
      Set.of("i", "we", "you", "they", "he", "she"); // not "it": "IT director"

  /**
   * A third-person verb the tagger read as something else ("The head of finance forwards the
   * proposal").
   */
  private boolean misTaggedVerb(Sentence s, int k) {
    String w = s.lower()[k];
    return w.length() > 3
        && w.endsWith("s")
        && !w.endsWith("ss")
        && !s.is(k, "PROPN")
        && !s.is(k, "PRON")
        && !s.is(k, "VERB")
        && !s.is(k, "AUX")
        && !(k + 1 < s.size() && English.deskBeforeTitle(w, s.lower()[k + 1]))
        // "Sarah (People Ops) emails a list": a name with an aside in brackets
        && (s.is(k - 1, "NOUN")
            || s.is(k - 1, "PROPN")
            || isActorWord(s, k - 1)
            || s.word(k - 1, ")"))
        && (s.is(k + 1, "DET")
            || s.is(k + 1, "PRON")
            || s.is(k + 1, "NUM")
            || s.is(k + 1, "ADJ")
            || (s.is(k + 1, "ADV") || s.is(k + 1, "PROPN")) && isActorWord(s, k - 1)
            || s.wordIn(k + 1, PARTICLES)
            // "Caller completes and posts back the form", "Director picks either the ...",
            // "Caller answers whether ..."
            || isActorWord(s, k - 1)
                && (s.wordIn(
                        k + 1,
                        Set.of(
                            "either", "both", "whether", "what", "how", "which", "when", "where"))
                    || s.is(k + 1, "CCONJ")
                        && k + 2 < s.size()
                        && s.lower()[k + 2].endsWith("s")
                        && !s.is(k + 2, "PROPN"))
            || s.is(k + 1, "NOUN") && (isActorWord(s, k - 1) || personLike(s.lower()[k - 1]))
            || (isActorWord(s, k - 1) || personLike(s.lower()[k - 1]))
                && !isActorWord(s, k)
                && s.is(k + 1, "ADP")
            || s.is(k + 1, "NOUN")
                && s.is(k - 1, "NOUN")
                && s.is(k - 2, "DET")
                && !isActorWord(s, k));
  }

  private static final Set<String> PARTICLES =
      Set.of("up", "out", "back", "down", "in", "off", "over", "through", "on");

  /** "would issue the PO": a verb the tagger read as an auxiliary, right after a modal. */
  private static boolean mainVerbTaggedAux(Sentence s, int k) {
    return k > 0
        && s.wordIn(k - 1, MODAL_VERBS)
        && Character.isLowerCase(s.tokens()[k - 1].charAt(0))
        && !REAL_AUX.contains(s.lemmas()[k])
        && !s.wordIn(k, MODALS)
        && !s.wordIn(k, Set.of("we", "us", "i", "you", "they", "he", "she", "it", "them", "not"))
        && !s.lower()[k].startsWith("'");
  }

  private boolean isVerb(Sentence s, int k) {
    return k >= 0 && k < s.size() && (s.is(k, "VERB") || misTaggedVerb(s, k));
  }

  private boolean participle(Sentence s, int k) {
    while (k < s.size() && s.is(k, "ADV")) {
      k++;
    }
    if (k >= s.size()) {
      return false;
    }
    String w = s.lower()[k];
    return s.is(k, "VERB")
        && (w.endsWith("ed") || w.endsWith("en") || IRREGULAR_PARTICIPLES.contains(w));
  }

  private int nounPhraseEnd(Sentence s, int from) {
    int k = from;
    while (k < s.size()
        && (s.is(k, "DET")
            || s.is(k, "ADJ")
            || s.is(k, "NOUN")
            || s.is(k, "PROPN")
            || s.wordIn(k, Set.of("both", "all", "each", "either"))
            || isActorWord(s, k)
            || s.is(k, "PRON")
            || s.is(k, "NUM")
            || s.lower()[k].equals("'s")
            || s.lower()[k].equals("'")
            || s.word(k, "of") && k > from
            || s.is(k, "CCONJ") && k > from && (s.is(k + 1, "DET") || s.is(k + 1, "NOUN"))
            || s.lower()[k].equals("-"))) {
      k++;
    }
    return k;
  }

  private static int indexOf(Sentence s, String word, int from) {
    for (int k = Math.max(0, from); k < s.size(); k++) {
      if (s.lower()[k].equals(word)) {
        return k;
      }
    }
    return -1;
  }

  boolean isActorWord(Sentence s, int i) {
    return Vocabulary.longest(s, v.customerActors, i) > 0
        || Vocabulary.longest(s, v.agentActors, i) > 0;
  }

  /**
   * Bodies of the customer's that act as one: "by the parish council", "by the trustees" (not an
   * office, a practice or a clinic, which may be ours).
   */
  private static final Set<String> BODIES =
      Set.of(
          "board",
          "council",
          "committee",
          "trust",
          "family",
          "household",
          "estate",
          "parish",
          "club",
          "charity",
          "warden",
          "churchwarden",
          "trustees",
          "governors",
          "farm",
          "practice",
          "school",
          "company",
          "firm",
          "business",
          "shop",
          "clinic",
          "surgery",
          "hotel",
          "restaurant",
          "cooperative",
          "co-op",
          "dealership",
          "plant",
          "mill",
          "hospital",
          "college",
          "university",
          "church",
          "society",
          "association",
          "partnership",
          "yard",
          "depot");

  /**
   * "paid by the estate office", "sent over by the churchwarden": a passive's "by" names a person
   * or body that is not ours, so someone on the customer's side acts (not "by the end of the day",
   * "by bank transfer").
   */
  private boolean someoneElse(Sentence s, int from, int to) {
    if (to <= from + 1
        || !s.wordIn(from, Set.of("the", "their", "his", "her", "its"))
        || !s.is(to - 1, "NOUN") && !s.is(to - 1, "PROPN")) {
      return false;
    }
    Actor named = actorOf(s, from, to);
    // ("by the back office", "by the support team": ours)
    boolean oursByFunction =
        s.wordIn(to - 2, Set.of("back", "front", "support", "sales", "service", "admin"));
    return !oursByFunction
        && (named == Actor.UNKNOWN && s.is(to - 1, "NOUN")
            || named == Actor.THING && BODIES.contains(s.lemmas()[to - 1]));
  }

  /**
   * Who the words from {@code from} to {@code to} name: the customer's side, ours, a thing, or
   * nobody.
   */
  /** What opens an aside after the subject: "The customer, after listening to ..., decides". */
  private static final Set<String> ASIDE_OPENERS =
      Set.of("after", "before", "once", "having", "when", "while", "following", "despite");

  /** "The prospective agent", "a would-be reseller": someone we are recruiting, not ours. */
  static final Set<String> WOULD_BE =
      Set.of("prospective", "potential", "would-be", "aspiring", "candidate", "applicant");

  Actor actorOf(Sentence s, int from, int to) {
    // "Kwame (our credit analyst)": the brackets say whose side
    for (int k = Math.max(0, from); k + 1 < Math.min(to, s.size()); k++) {
      if (s.word(k, "(") && k > from) {
        if (s.word(k + 1, "our")) {
          return Actor.AGENT;
        }
        if (s.wordIn(k + 1, Set.of("their", "the client's", "the customer's"))) {
          return Actor.CUSTOMER;
        }
      }
    }
    int customer = -1;
    int agent = -1;
    boolean noun = false;
    boolean person = false;
    int agentPhraseEnd = -1;
    int customerPhraseEnd = -1;
    for (int k = Math.max(0, from); k < Math.min(to, s.size()); k++) {
      // "The father, who's a consultant at the Mater, ...": what a relative clause says of the
      // subject is not who acts
      if (k > from && s.wordIn(k, Set.of("who", "who's", "whose", "which")) && customer >= 0) {
        break;
      }
      // "Caller, with advisor guiding, uploads ...": the helper aside is not who acts
      if (k > from
          && customer >= 0
          && s.word(k, ",")
          && s.wordIn(k + 1, Set.of("with", "helped", "guided", "assisted", "supported"))) {
        break;
      }
      // "The customer, after listening to our offers, decides ...": an aside is not who acts
      if (k > from
          && customer >= 0
          && s.word(k, ",")
          && (s.is(k + 1, "SCONJ") || s.wordIn(k + 1, ASIDE_OPENERS))) {
        break;
      }
      if (k < customerPhraseEnd) {
        continue; // "purchasing agent": a title of theirs that ends in one of ours
      }
      int ours = Vocabulary.longest(s, v.agentActors, k);
      int theirTitle = Vocabulary.longest(s, v.customerActors, k);
      if (theirTitle > 1 && theirTitle > ours && k >= agentPhraseEnd) {
        customer = k;
        customerPhraseEnd = k + theirTitle;
        noun = true;
        continue;
      }
      boolean theirs =
          customer >= 0
              && customer >= k - 4
              && possessiveBetween(s, customer, k) // "the family's financial adviser"
              && !s.wordIn(k, Set.of("we", "i", "us", "our"));
      // "Their consultant", "their head of presales": a job of ours held by someone of theirs;
      // "Consultant cardiologist": a consultant by rank; "the negotiator at Foxtons": elsewhere
      boolean held =
          ours > 0
              && !s.wordIn(k, Set.of("we", "i", "us", "our"))
              && (theirWordBefore(s, from, k)
                  || s.word(k, "consultant")
                      && k + 1 < s.size()
                      && (personLike(s.lower()[k + 1]) || s.lower()[k + 1].endsWith("eon"))
                      && !s.lower()[k + 1].endsWith("s")
                  || s.wordIn(k + ours, Set.of("at", "from"))
                      && k + ours + 1 < s.size()
                      && (Character.isUpperCase(s.tokens()[k + ours + 1].charAt(0))
                          // ("a territory manager at a drinks wholesaler", "a KAM at the
                          // wholesaler": someone elsewhere)
                          || s.wordIn(k + ours + 1, Set.of("a", "an"))
                          // (not "the sales rep at the branch": ours, too)
                          || s.word(k + ours + 1, "the")
                              && (s.wordIn(k + ours + 2, OTHER_FIRMS)
                                  || s.wordIn(k + ours + 3, OTHER_FIRMS)))
                  // "Sales manager of the chain": a title held at a firm named after it
                  || s.word(k + ours, "of")
                      && s.wordIn(k + ours + 1, Set.of("the", "a", "an"))
                      && !s.wordIn(
                          k + ours + 2, Set.of("month", "week", "year", "day", "team", "region")));
      if (OUR_TOOLS.contains(s.lower()[k])
          && customer < 0
          && !theirWordBefore(s, from, k)
          && !possessiveBetween(s, from, k)) {
        agent = k; // "The dialler calls the leads", "CRM auto-mail sends the confirmation"
      } else if (held) {
        customer = k;
        agentPhraseEnd = Math.max(agentPhraseEnd, k + ours);
      } else if (ours == 1 && (tradeRole(s, from, k) || s.wordIn(k - 1, WOULD_BE))) {
        // "the recruitment agent", "the careers adviser": someone else's job; "the prospective
        // agent": someone we are recruiting
        customer = k;
      } else if (ours > 0 && (theirs || ownedByOthers(s, from, k))) {
        // "the client's sales team", "the prospect's account manager": a team of the customer's
        customer = k;
        agentPhraseEnd = Math.max(agentPhraseEnd, k + ours);
      } else if (ours > 0) {
        agent = k;
        agentPhraseEnd = Math.max(agentPhraseEnd, k + ours);
      } else if (k >= agentPhraseEnd
          && Vocabulary.longest(s, v.customerActors, k) > 0
          // ("our lead aesthetician", "our client care team": a word of theirs naming our job)
          && !(s.word(k - 1, "our") && s.is(k + 1, "NOUN") && k + 1 < to)) {
        // "our account manager": "manager" inside a phrase of ours is not the customer's
        customer = k;
      }
      if (s.is(k, "NOUN") || s.is(k, "ADJ") && k + 1 == Math.min(to, s.size())) {
        noun = true;
        if (personLike(s.lower()[k])
            && !THINGS.contains(s.lemmas()[k])
            && !THINGS.contains(s.lower()[k])) {
          person = true;
        }
      }
      if (s.is(k, "PROPN")
          || s.is(k, "PRON") && !s.wordIn(k, Set.of("it", "this", "that", "its"))
          // "Khun Arthit", "Pak Budi", "Herr Vogel": a title of address before a name
          || s.wordIn(k, HONORIFICS)
              && k + 1 < Math.min(to, s.size())
              && Character.isUpperCase(s.tokens()[k + 1].charAt(0))) {
        person = true;
      }
    }
    // "The Hendersons come back to us": a family by its name
    if (customer < 0
        && agent < 0
        && to - from == 2
        && to <= s.size()
        && s.word(from, "the")
        && s.lower()[from + 1].endsWith("s")
        && Character.isUpperCase(s.tokens()[from + 1].charAt(0))
        && !s.tokens()[from + 1].equals(s.tokens()[from + 1].toUpperCase(java.util.Locale.ROOT))) {
      return Actor.CUSTOMER;
    }
    if (customer < 0 && agent < 0 && ourDeskActs(s, from, to)) {
      return Actor.AGENT;
    }
    if (customer < 0 && agent < 0) {
      return person ? Actor.UNKNOWN : noun ? Actor.THING : Actor.NONE;
    }
    if (agent >= 0 && customer >= 0) {
      // "our customer's admin" names the customer; "the agent of the customer" is rare: the head
      // decides.
      boolean possessive = s.word(customer + 1, "'s") || s.word(customer + 1, "'");
      // ("Our partner success manager runs the kickoff": a job title after "our" is ours)
      // ("our member advocate": a job of ours named after whom it serves)
      boolean headIsTheirs =
          customer + 1 >= Math.min(to, s.size())
              || !s.is(customer + 1, "NOUN") && !s.is(customer + 1, "PROPN");
      if (s.word(agent, "our")
              && customer > agent
              && OURS_BUT_THEIRS.contains(s.lemmas()[customer])
              && headIsTheirs
              // ("our sales lead", "our project lead": a job title, ours; "our finance contact"
              // is theirs)
              // ("our installer partner", "our EHR integration partner": a firm working for us)
              && !(s.lemmas()[customer].equals("lead") && nounBetween(s, agent, customer))
              && !(s.lemmas()[customer].equals("partner") && customer > agent + 1)
              // ("our field buyer": one of ours out in the field)
              && !(customer > agent + 1 && s.word(customer - 1, "field"))
          || possessive && customer > agent) {
        return Actor.CUSTOMER;
      }
      if (agent == from && s.word(agent, "our") && customer > agent && !possessive) {
        return Actor.AGENT;
      }
      // "Customer and agent align on ...", "The owner and our strategist ...": they act together
      for (int k = Math.min(customer, agent) + 1; k < Math.max(customer, agent); k++) {
        if (s.word(k, "and") || s.word(k, "&")) {
          return Actor.CUSTOMER;
        }
      }
      // "Lapsed owner from our 2018 sales list": a customer found in our records (not "a member
      // of our team", "the rep from our Leeds office")
      if (customer < agent
          && s.word(agent, "our")
          && s.wordIn(agent - 1, Set.of("from", "on", "in", "off"))) {
        for (int k = agent + 1; k < Math.min(to, s.size()); k++) {
          // (not "on our waitlist desk", "on our CRM team": a team of ours)
          if (OUR_RECORDS.contains(s.lemmas()[k])
              && !s.wordIn(k + 1, Set.of("team", "desk", "office", "staff", "unit", "crew"))) {
            return Actor.CUSTOMER;
          }
        }
      }
      // "The caller, a key account manager at ...": the apposition says what the caller does
      int comma = indexOf(s, ",", customer + 1);
      if (customer < agent
          && comma > 0
          && comma < agent
          && !s.word(agent, "our")
          && !s.word(agent - 1, "our")) {
        return Actor.CUSTOMER;
      }
      return agent > customer ? Actor.AGENT : Actor.CUSTOMER;
    }
    return customer >= 0 ? Actor.CUSTOMER : Actor.AGENT;
  }

  /**
   * "The Sandovals' advisor", "Acme's account manager": a job of ours by name, but someone else's
   * (not "our company's account manager").
   */
  private static boolean ownedByOthers(Sentence s, int from, int k) {
    // the possessive right before the job, or before its one or two describing words
    // ("Northwind's sales rep", "Mrs Patel's financial adviser")
    int p = k - 1;
    while (p > from && p >= k - 3 && (s.is(p, "NOUN") || s.is(p, "ADJ")) && !s.word(p, "'s")) {
      p--;
    }
    if (p < from + 1 || !(s.word(p, "'s") || s.word(p, "'"))) {
      return false;
    }
    for (int j = from; j < p; j++) {
      if (s.wordIn(j, Set.of("our", "we", "us", "my"))) {
        return false;
      }
    }
    return true;
  }

  /** "their", "his" or "her" within the three words before {@code k}, with no "our" after it. */
  private static boolean theirWordBefore(Sentence s, int from, int k) {
    for (int j = k - 1; j >= Math.max(from, k - 4); j--) {
      if (s.wordIn(j, Set.of("our", "we", "us"))) {
        return false;
      }
      // "their consultant", "the ASC's outside supply-chain consultant"
      if (s.wordIn(j, Set.of("their", "his", "her"))
          || s.wordIn(j, Set.of("'s", "’s")) && j > from && !s.wordIn(j - 1, Set.of("our", "we"))) {
        return true;
      }
      // "the partner account manager", "the distributor sales rep": another firm's seller
      if (s.wordIn(j, OTHER_FIRMS)) {
        return true;
      }
      // "Energia-Tech key account manager", "McKinsey account director": a firm's own, by name
      String w = s.tokens()[j];
      if (w.length() > 3
          && w.chars().skip(1).anyMatch(Character::isUpperCase)
          && w.chars().anyMatch(Character::isLowerCase)) {
        return true;
      }
    }
    return false;
  }

  /** Firms between us and the customer, whose sellers are not ours ("the dealer sales rep"). */
  static final Set<String> OTHER_FIRMS =
      Set.of(
          "partner",
          "distributor",
          "dealer",
          "reseller",
          "agency",
          "wholesaler",
          "franchise",
          "franchisee",
          "supplier",
          "vendor",
          "dealership",
          "retailer",
          "manufacturer",
          "chain");

  /** Whether a noun stands between two words. */
  private static boolean nounBetween(Sentence s, int from, int to) {
    for (int j = from + 1; j < to; j++) {
      if (s.is(j, "NOUN") || s.is(j, "PROPN")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a possessive stands between two words ("the family's financial adviser"). */
  private static boolean possessiveBetween(Sentence s, int from, int to) {
    for (int j = from + 1; j < to; j++) {
      if (s.word(j, "'s") || s.word(j, "'")) {
        return true;
      }
    }
    return false;
  }

  /**
   * "Both directors of the practice countersign the agreement": a role, "of" and a noun phrase,
   * then a word before an object that can only be the verb; or -1.
   */
  private int verbAfterOfPhrase(Sentence s, int from) {
    for (int k = from; k <= from + 3 && k + 1 < s.size(); k++) {
      // "Customer on Universal Credit gives consent": "on", "from", "at" work as "of" does
      if (isActorWord(s, k) && s.wordIn(k + 1, Set.of("of", "on", "from", "at", "with"))) {
        int j = k + 2;
        while (j < s.size() && (s.is(j, "DET") || s.is(j, "PRON") || s.is(j, "ADJ"))) {
          j++;
        }
        // the tagger takes the verb for the last noun of the phrase: the word before the object
        while (j + 1 < s.size()
            && (s.is(j, "NOUN") || s.is(j, "PROPN"))
            && !(s.is(j + 1, "DET") || s.is(j + 1, "PRON") || s.is(j + 1, "NUM"))) {
          j++;
        }
        if (j >= s.size()) {
          return -1; // "Customer of the": no verb at all
        }
        boolean object =
            s.is(j + 1, "DET")
                || s.is(j + 1, "PRON")
                || s.is(j + 1, "NUM")
                || s.lower()[j].endsWith("s") && s.is(j + 1, "NOUN") && j > k + 3;
        return object && j > k + 2 && s.is(j - 1, "NOUN") && !isActorWord(s, j) ? j : -1;
      }
    }
    return -1;
  }

  /** Where "we", "I" or "who" follows a noun of the subject before {@code verb}, or -1. */
  private static int ourClauseInSubject(Sentence s, int from, int verb) {
    for (int k = from + 1; k <= verb && k < s.size(); k++) {
      // "Household member who isn't the account holder books ...": a clause about the subject
      if (s.wordIn(k, Set.of("we", "i", "who"))
          && (s.is(k - 1, "NOUN") || s.is(k - 1, "PROPN") || s.is(k - 1, "ADJ"))) {
        return k;
      }
    }
    return -1;
  }

  /**
   * The modal right after a relative clause's object ("who got the door hanger could call"), or -1
   * when another verb, a comma or a clause word comes first ("... book a taster so we could").
   */
  private int modalAfter(Sentence s, int from) {
    for (int k = from; k + 1 < s.size(); k++) {
      if (s.is(k, "AUX") && s.wordIn(k, MODAL_VERBS) && isVerb(s, k + 1)) {
        return k;
      }
      if (isVerb(s, k)
          || s.is(k, "AUX")
          || s.is(k, "SCONJ")
          || s.is(k, "PUNCT")
          || s.wordIn(k, CLAUSE_BREAK)
          || s.wordIn(k, Set.of("so", "that", "which", "who", "because", "to"))) {
        return -1;
      }
    }
    return -1;
  }

  /** Modal verbs as such. */
  private static final Set<String> MODAL_VERBS =
      Set.of("could", "might", "may", "would", "will", "can", "should", "must", "shall");

  /**
   * The customer's step when the first word, read as an imperative, heads a noun phrase followed by
   * a participle and "by" the customer ("Stock-control module set up by the practice nurse"); else
   * null.
   */
  private Reading reducedPassiveByTheCustomer(Sentence s, int verb) {
    if (verb != 0
        || !Character.isUpperCase(s.tokens()[0].charAt(0))
        || !(s.is(1, "NOUN") || s.is(1, "PROPN"))) {
      return null;
    }
    for (int k = 2; k + 1 < Math.min(s.size(), 12); k++) {
      if (s.is(k, "AUX") || s.wordIn(k, CLAUSE_BREAK) || s.word(k, ",")) {
        return null;
      }
      if (participle(s, k)) {
        int by = s.wordIn(k + 1, PARTICLES) ? k + 2 : k + 1;
        // ("Transfer confirmation seen by finance": what they saw is a measure's matter)
        if (!s.word(by, "by")
            || !byTheCustomer(s, by)
            || TAKING_IN.contains(s.lemmas()[k])
            || FEELINGS.contains(s.lemmas()[k])) {
          return null;
        }
        int np = s.wordIn(by + 1, Set.of("the", "their", "his", "her", "both")) ? by + 2 : by + 1;
        return new Reading(
            Actor.CUSTOMER,
            s.span(np, nounPhraseEnd(s, np)),
            s.lemmas()[k],
            k,
            false,
            false,
            null,
            null,
            null);
      }
    }
    return null;
  }

  /** The next verb in -s with an object or particle after it ("signs the ...", "pays off"). */
  private static int thirdPersonVerbAfter(Sentence s, int from) {
    for (int k = from; k + 1 < s.size(); k++) {
      String w = s.lower()[k];
      boolean inS = w.endsWith("s") && !w.endsWith("ss") && w.length() >= 4;
      if (inS
          && (s.is(k, "VERB") || s.is(k, "NOUN"))
          && (s.is(k + 1, "DET")
              || s.is(k + 1, "PRON")
              || s.is(k + 1, "NUM")
              || s.is(k + 1, "ADJ")
              || s.is(k + 1, "PROPN")
              || s.is(k + 1, "ADP")
              || s.is(k + 1, "CCONJ"))) {
        return k;
      }
    }
    return -1;
  }

  /** Determiners, adjectives and nouns only: "the finance manager", not "the needs of the team". */
  private static boolean simpleNounPhrase(Sentence s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!(s.is(k, "DET") || s.is(k, "ADJ") || s.is(k, "NOUN") || s.is(k, "PROPN"))) {
        return false;
      }
    }
    return true;
  }

  /** Words in front of "agent" or "adviser" that make it one of ours ("the support agent"). */
  private static final Set<String> OUR_DESKS =
      Set.of(
          "enquiries",
          "enquiry",
          "inquiries",
          "inquiry",
          "intake",
          "admissions",
          "membership",
          "reception",
          "clinic",
          "patient",
          "client",
          "member",
          "care",
          "sales",
          "support",
          "service",
          "retention",
          "renewal",
          "renewals",
          "collection",
          "collections",
          "call",
          "phone",
          "telesales",
          "inbound",
          "outbound",
          "helpdesk",
          "desk",
          "customer",
          "team",
          "booking",
          "bookings",
          "account",
          "accounts",
          "billing",
          "contact",
          "field");

  /** "Our champion", "our client": people of the customer's side we call ours. */
  private static final Set<String> OURS_BUT_THEIRS =
      Set.of(
          "customer",
          "client",
          "prospect",
          "champion",
          "sponsor",
          "contact",
          "buyer",
          "member",
          "patient",
          "supporter",
          "donor",
          "user",
          "partner",
          "lead",
          "subscriber",
          "tenant",
          "policyholder",
          "borrower",
          "applicant",
          "student",
          "learner",
          "caller");

  /** Our own tools, which act for us when they are the subject. */
  private static final Set<String> OUR_TOOLS =
      Set.of(
          "dialler",
          "dialer",
          "autodialler",
          "autodialer",
          "auto-dialler",
          "auto-dialer",
          "crm",
          "auto-mail",
          "automail",
          "auto-email",
          "autoresponder",
          "mailer",
          "emailer",
          "chatbot",
          "bot",
          "ivr",
          "cadence",
          "drip");

  private static final Set<String> ROLE_NOUNS =
      Set.of("agent", "adviser", "advisor", "rep", "representative", "counsellor", "counselor");

  /**
   * "The recruitment agent", "the careers adviser": a role noun after a noun of a trade names a
   * professional on the customer's side, unless "our" or one of our desks comes first.
   */
  private static boolean tradeRole(Sentence s, int from, int k) {
    if (!s.wordIn(k, ROLE_NOUNS) || k - 1 < from) {
      return false;
    }
    if (!(s.is(k - 1, "NOUN") || s.is(k - 1, "PROPN")) || ourDesk(s, k - 1)) {
      return false;
    }
    for (int j = from; j < k; j++) {
      if (s.word(j, "our") || s.word(j, "we")) {
        return false;
      }
    }
    return true;
  }

  /** Desks on the customer's side: the front desk we reach, the desks that buy from us. */
  private static final Set<String> THEIR_DESKS =
      Set.of(
          "front",
          "reception",
          "purchasing",
          "procurement",
          "buying",
          "import",
          "imports",
          "travel",
          "chartering",
          "payables",
          "payable");

  /**
   * "The freight desk holds two lanes", "Desk books the gang in": a desk acting is people at a
   * desk, ours unless it is the customer's front or buying desk or someone's by name.
   */
  private boolean ourDeskActs(Sentence s, int from, int to) {
    int head = Math.min(to, s.size()) - 1;
    if (head < 0 || head - from > 3 || !s.lemmas()[head].equals("desk")) {
      return false;
    }
    for (int k = Math.max(0, from); k < head; k++) {
      if (s.wordIn(k, THEIR_DESKS)
          || s.is(k, "PROPN")
          || s.is(k, "PRON") && !s.word(k, "our")
          || s.word(k, "'s")) {
        return false;
      }
    }
    return !theirWordBefore(s, from, head);
  }

  /** A desk of ours: "intake", "member-services", "consultation-line". */
  private static boolean ourDesk(Sentence s, int k) {
    if (s.wordIn(k, OUR_DESKS)) {
      return true;
    }
    String w = s.lower()[k];
    if (w.indexOf('-') < 0) {
      return false;
    }
    for (String part : w.split("-")) {
      if (OUR_DESKS.contains(part) || DESKS.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /** Words that name someone: a possessive ("the bride's mother") or a role by its ending. */
  private boolean namesAPerson(Sentence s, int from, int to) {
    // ("Quote for 12 drivers": the head comes before the first preposition)
    for (int k = Math.max(0, from); k < Math.min(to, s.size()) && !s.is(k, "ADP"); k++) {
      if (s.lower()[k].equals("'s")
          || s.is(k, "NOUN") && personLike(s.lower()[k]) && !THINGS.contains(s.lemmas()[k])) {
        return true;
      }
    }
    return false;
  }

  /** A role by its ending: receptionist, cardholder, coordinator, attendee. */
  /** Titles of address before a person's name, in English and other languages. */
  private static final Set<String> HONORIFICS =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "mx",
          "miss",
          "dr",
          "sir",
          "dame",
          "madam",
          "khun",
          "herr",
          "frau",
          "señor",
          "senor",
          "señora",
          "senora",
          "sr",
          "sra",
          "don",
          "doña",
          "dona",
          "mme",
          "madame",
          "monsieur",
          "signor",
          "signora",
          "pak",
          "bapak",
          "ibu",
          "bu",
          "encik",
          "puan",
          "datuk",
          "dato",
          "tuan",
          "shri",
          "sri",
          "smt",
          "sheikh",
          "haji",
          "hajah",
          "alhaji",
          "ustaz",
          "mallam",
          "chief",
          "nana",
          "mevrouw",
          "meneer",
          "aunty",
          "auntie",
          "uncle");

  private static boolean personLike(String w) {
    return w.length() > 4
        && (w.endsWith("ist")
            || w.endsWith("er") && !w.endsWith("pager") // "one-pager"
            || w.endsWith("or")
            || w.endsWith("ant")
            || w.endsWith("ent") && !w.endsWith("ment") // "agent", not "commitment"
            || w.endsWith("ian")
            || w.endsWith("ee")
            || w.endsWith("ers")
            || w.endsWith("ors")
            || w.endsWith("man")
            || w.endsWith("woman")
            || w.endsWith("men") && !w.matches(".*(?:imen|umen|omen)") // not "specimen"
            || w.endsWith("women")
            || w.endsWith("lady")
            || w.endsWith("ladies")
            || w.endsWith("folk")
            || w.endsWith("folks")
            || w.endsWith("wife")
            || w.endsWith("person")
            || w.endsWith("people")
            || w.endsWith("staff")
            || w.endsWith("-to-be")); // "bride-to-be"
  }
}
