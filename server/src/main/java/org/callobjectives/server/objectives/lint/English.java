package org.callobjectives.server.objectives.lint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import opennlp.tools.lemmatizer.DefaultLemmatizerContextGenerator;
import opennlp.tools.lemmatizer.LemmatizerContextGenerator;
import opennlp.tools.lemmatizer.LemmatizerFactory;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceValidator;

/**
 * English sentence analysis with Apache OpenNLP's UD English models (tokens, universal
 * part-of-speech tags, lemmas), loaded once from the model jars on the class path. Thread-safe: the
 * OpenNLP tools are not, so each thread gets its own over the shared models.
 */
final class English {
  private static final String TOKENS = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  private static final String POS = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
  private static final String LEMMAS = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

  /** Models are read once, on first use (about half a second). */
  private static final class Models {
    static final TokenizerModel TOKENIZER = load(TOKENS, TokenizerModel::new);
    static final POSModel TAGGER = load(POS, POSModel::new);
    static final Lemmas LEMMATIZER = load(LEMMAS, Lemmas::read);
  }

  /**
   * The lemmatizer's parts, read from its model file: the maxent model, beam size and factory. The
   * search over them is ours ({@link TopKBeamSearch}): OpenNLP's LemmatizerME sorts all 860
   * outcomes three times per word.
   */
  private record Lemmas(MaxentModel maxent, int beamSize, LemmatizerFactory factory) {
    static Lemmas read(InputStream in) throws IOException {
      Properties manifest = new Properties();
      MaxentModel maxent = null;
      try (ZipInputStream zip = new ZipInputStream(in)) {
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          if (e.getName().equals("manifest.properties")) {
            manifest.load(new java.io.ByteArrayInputStream(zip.readAllBytes()));
          } else if (e.getName().equals("lemmatizer.model")) {
            maxent =
                new GenericModelReader(
                        new BinaryFileDataReader(
                            new java.io.ByteArrayInputStream(zip.readAllBytes())))
                    .getModel();
          }
        }
      }
      if (maxent == null) {
        throw new IOException("no lemmatizer.model in the lemmatizer's model file");
      }
      String factory = manifest.getProperty("factory");
      return new Lemmas(
          maxent,
          Integer.parseInt(manifest.getProperty("BeamSize", "3")),
          factory == null ? new LemmatizerFactory() : LemmatizerFactory.create(factory));
    }
  }

  private static final ThreadLocal<English> PER_THREAD = ThreadLocal.withInitial(English::new);

  private final TokenizerME tokenizer = new TokenizerME(Models.TOKENIZER);
  private final POSTaggerME universal = new POSTaggerME(Models.TAGGER, POSTagFormat.UD);
  private final LemmatizerContextGenerator lemmaContext =
      Models.LEMMATIZER.factory().getContextGenerator();

  /**
   * OpenNLP's lemma features are the word, its tag and the previous lemma's script; for its own
   * context generator, a step is remembered by those three.
   */
  private final TopKBeamSearch lemmaSearch =
      new TopKBeamSearch(
          Models.LEMMATIZER.beamSize(),
          Models.LEMMATIZER.maxent(),
          (i, tokens, before, context) ->
              tokens[i].toString()
                  + '\u0000'
                  + ((String[]) context[0])[i]
                  + '\u0000'
                  + (i == 0 ? "\u0001bos" : before[i - 1]),
          lemmaContext.getClass() == DefaultLemmatizerContextGenerator.class ? 20_000 : 0);

  /** Bumped by {@link #forget()}: each thread's lemmatizer drops what it remembers. */
  private static volatile int generation;

  private int seenGeneration = generation;
  private final SequenceValidator<String> lemmaValidator =
      Models.LEMMATIZER.factory().getSequenceValidator();

  private English() {}

  /**
   * Texts read lately: a load lints the same objectives more than once (the gate, the admin's list)
   * and checking as the admin types changes one objective at a time, so only new text is analysed.
   */
  private static final java.util.Map<String, Sentence> RECENT =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Sentence> eldest) {
              return size() > 8192;
            }
          });

  /** Drops the texts read so far (benchmarks measure the analysis itself). */
  static void forget() {
    RECENT.clear();
    generation++;
  }

  /**
   * Tokens, tags and lemmas of {@code text} (one or more sentences; treated as one run of tokens).
   */
  static Sentence analyze(String text) {
    String t = text == null ? "" : text;
    Sentence s = RECENT.get(t);
    if (s == null) {
      s = PER_THREAD.get().run(t);
      RECENT.put(t, s);
    }
    return s;
  }

  private static final java.util.regex.Pattern OPENING_QUOTE =
      java.util.regex.Pattern.compile("(^|[\\s(\\[])(['\u2018])(?=\\p{L})");

  private Sentence run(String text) {
    // "agrees to 'next steps'": the tokenizer glues an opening single quote to the word after it
    String spaced = OPENING_QUOTE.matcher(text).replaceAll("$1$2 ");
    String[] raw = joinHyphens(spaced, tokenizer.tokenizePos(spaced));
    // A capital at the start makes the tagger read "Align with ..." as a name: tag it in lower
    // case.
    String[] forTagging = raw.clone();
    if (raw.length > 0
        && raw[0].length() > 1
        && Character.isUpperCase(raw[0].charAt(0))
        && Character.isLowerCase(raw[0].charAt(1))) {
      forTagging[0] = raw[0].toLowerCase(Locale.ROOT);
    }
    for (int i = 0; i < forTagging.length; i++) {
      forTagging[i] = messagingVerb(headOfCompound(forTagging[i]));
      // "Estate engineer to WhatsApp photos": the app after "to" is the verb
      if (i > 0
          && forTagging[i - 1].equalsIgnoreCase("to")
          && raw[i].equalsIgnoreCase("whatsapp")) {
        forTagging[i] = "text";
      }
    }
    String[] rawTags = universal.tag(forTagging);
    subjectReadAsVerb(forTagging, rawTags);
    nameBeforePossessive(raw, rawTags);
    // The UD model tags "customer's" as one token NOUN+PART: split such words at the clitic.
    java.util.List<String> tok = new java.util.ArrayList<>();
    java.util.List<String> tag = new java.util.ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      int plus = rawTags[i].indexOf('+');
      if (plus < 0) {
        tok.add(raw[i]);
        tag.add(rawTags[i]);
        continue;
      }
      String first = rawTags[i].substring(0, plus);
      String second = rawTags[i].substring(plus + 1);
      int cut = clitic(raw[i]);
      if (cut > 0) {
        tok.add(raw[i].substring(0, cut));
        tag.add(first);
        tok.add(raw[i].substring(cut));
        tag.add(second.contains("+") ? second.substring(0, second.indexOf('+')) : second);
      } else {
        tok.add(raw[i]);
        tag.add(first);
      }
    }
    String[] tokens = tok.toArray(String[]::new);
    String[] tags = tag.toArray(String[]::new);
    hyphenatedWords(tokens, tags);
    unknownSubjectReadAsAdverb(tokens, tags);
    openWordReadAsPreposition(tokens, tags);
    nounsReadAsVerbs(tokens, tags);
    acronymsAreNames(tokens, tags);
    firmNames(tokens, tags);
    contractionsAreAuxiliaries(tokens, tags);
    isContracted(tokens, tags);
    nameBeforeVerbInS(tokens, tags);
    instructionReadAsAdjective(tokens, tags);
    instructionReadAsNoun(tokens, tags);
    titleCaseIsName(tokens, tags);
    modifierInSubject(tokens, tags);
    nounEndsPossessivePhrase(tokens, tags);
    verbAfterAside(tokens, tags);
    nounAfterNounsPossessive(tokens, tags);
    mainVerbReadAsNoun(tokens, tags);
    phrasalVerbReadAsNoun(tokens, tags);
    modifierReadAsVerb(tags, tokens);
    passiveSubjectReadAsVerb(tokens, tags);
    honorificReadAsVerb(tokens, tags);
    okReadAsName(tokens, tags);
    shorthandRoleReadAsVerb(tokens, tags);
    roleReadAsVerb(tokens, tags);
    deskReadAsVerb(tokens, tags);
    careReadAsVerb(tokens, tags);
    gerundInSubject(tokens, tags);
    compoundReadAsVerb(tokens, tags);
    verbAfterEach(tokens, tags);
    conjoinedVerbReadAsNoun(tokens, tags);
    verbAfterSubjectTo(tokens, tags);
    nounBeforePassive(tokens, tags);
    nounAfterPossessive(tokens, tags);
    pluralObjectReadAsVerb(tokens, tags);
    accountIsANoun(tokens, tags);
    adjectiveAfterBe(tokens, tags);
    numbersHaveDigitsOrNames(tokens, tags);
    // The lemmatizer was trained on Penn tags: the coarse mapping OpenNLP itself uses, without
    // tagging twice.
    String[] lemmas = lemmatize(tokens, penn(tags));
    String[] lower = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      lower[i] = tokens[i].toLowerCase(Locale.ROOT);
      String l =
          lemmas[i] == null || lemmas[i].equals("O")
              ? lower[i]
              : lemmas[i].toLowerCase(Locale.ROOT);
      lemmas[i] = verbLemma(lower[i], tags[i], CONTRACTED.getOrDefault(l.replace('’', '\''), l));
      if (tags[i].equals("AUX") && isOfBe(tokens, tags, i)) {
        lemmas[i] = "be"; // "how Dad's tracking" (not "he's given us access": has)
      }
    }
    return new Sentence(text, tokens, lower, tags, lemmas);
  }

  /** The lemmas of tagged (Penn) tokens, on this thread's lemmatizer; for tests. */
  static String[] lemmasOf(String[] tokens, String[] pennTags) {
    return PER_THREAD.get().lemmatize(tokens, pennTags);
  }

  /** What LemmatizerME.lemmatize does, with the faster search. */
  private String[] lemmatize(String[] tokens, String[] pennTags) {
    if (tokens.length == 0) {
      return new String[0];
    }
    if (seenGeneration != generation) {
      seenGeneration = generation;
      lemmaSearch.forget();
    }
    Sequence best =
        lemmaSearch.bestSequence(tokens, new Object[] {pennTags}, lemmaContext, lemmaValidator);
    return LemmatizerME.decodeLemmas(tokens, best.getOutcomes().toArray(new String[0]));
  }

  private static final java.util.regex.Pattern NUMBER_WORD =
      java.util.regex.Pattern.compile(
          "(?i).*\\d.*|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
              + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
              + "fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half)"
              + "(?:[- ]\\w+)*|[ivxlcdm]+");

  /** "Follow-up planned": the tagger reads an unknown hyphenated word as a number. */
  private static void numbersHaveDigitsOrNames(String[] tokens, String[] tags) {
    for (int i = 0; i < tokens.length; i++) {
      if (tags[i].equals("NUM") && !NUMBER_WORD.matcher(tokens[i]).matches()) {
        tags[i] = "NOUN";
      } else if (PLAIN_NUMBER.matcher(tokens[i]).matches()) {
        tags[i] = "NUM"; // "tells 3 must-have requirements": "3" read as an auxiliary
      }
    }
  }

  private static final java.util.regex.Pattern PLAIN_NUMBER =
      java.util.regex.Pattern.compile("\\d{1,3}(,\\d{3})*(\\.\\d+)?|\\d+");

  private static final java.util.Set<String> PARTICLES =
      java.util.Set.of("up", "in", "on", "off", "out", "down", "back", "over", "through", "away");

  /**
   * "self-employed", "e-sign": the tagger does not know most hyphenated words (it tags some as
   * punctuation); English compounds take the part of speech of their last part, so the tagger is
   * shown that part ("follow-up" and "buy-in" end in a particle and are left as they are).
   */
  private static String headOfCompound(String word) {
    int dash = word.lastIndexOf('-');
    if (dash <= 0 || dash == word.length() - 1) {
      return word;
    }
    String head = word.substring(dash + 1);
    if (head.length() < 3
        || PARTICLES.contains(head.toLowerCase(Locale.ROOT))
        || !head.chars().allMatch(Character::isLetter)) {
      return word;
    }
    return head;
  }

  /** "WhatsApps a photo", "WhatsApped the form": the app as a verb is tagged as "texts". */
  private static String messagingVerb(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.equals("whatsapps") || w.equals("imessages")) {
      return "texts";
    }
    if (w.equals("whatsapped") || w.equals("whatsapp'd")) {
      return "texted";
    }
    return word;
  }

  /** Possessives that a verb never follows ("her" may be an object: "lets her decide"). */
  private static final java.util.Set<String> POSSESSIVES =
      java.util.Set.of("their", "our", "his", "its", "my", "your");

  /**
   * "their needs around chemicals": the tagger reads "needs" as a verb; after "their" it is not.
   */
  private static void nounAfterPossessive(String[] tokens, String[] tags) {
    for (int i = 1; i < tokens.length; i++) {
      if (tags[i].equals("VERB") && POSSESSIVES.contains(tokens[i - 1].toLowerCase(Locale.ROOT))) {
        tags[i] = "NOUN";
      }
    }
  }

  /**
   * "The caller's neighbour texts three photos", "the agent's needs analysis": after a noun's
   * possessive 's (not "is" or "has"), a word the tagger read as a verb is what the owner has when
   * it is a plural or a verb in -s follows it.
   */
  private static void nounAfterNounsPossessive(String[] tokens, String[] tags) {
    for (int i = 2; i < tokens.length; i++) {
      String w = tokens[i].toLowerCase(Locale.ROOT);
      String next = i + 1 < tokens.length ? tokens[i + 1].toLowerCase(Locale.ROOT) : "";
      boolean plural = w.endsWith("s") && !w.endsWith("ss");
      boolean verbInSNext =
          next.endsWith("s")
              && !next.endsWith("ss")
              && next.length() > 3
              && (tags[i + 1].equals("NOUN") || tags[i + 1].equals("VERB"));
      if (tags[i].equals("VERB")
          && (tokens[i - 1].equals("'s") || tokens[i - 1].equals("\u2019s"))
          && (tags[i - 1].equals("PUNCT") || tags[i - 1].equals("PART"))
          && (tags[i - 2].equals("NOUN") || tags[i - 2].equals("PROPN"))
          && !w.endsWith("ing")
          && !w.endsWith("ed")
          && (plural || verbInSNext)) {
        tags[i] = "NOUN";
      }
    }
  }

  /**
   * "The production manager discusses needs for the field": two finite verbs in -s never follow one
   * another, so before a preposition or the end the second is the first one's plural object.
   */
  private static void pluralObjectReadAsVerb(String[] tokens, String[] tags) {
    for (int i = 1; i + 1 < tokens.length; i++) {
      String before = tokens[i - 1].toLowerCase(Locale.ROOT);
      String w = tokens[i].toLowerCase(Locale.ROOT);
      boolean ends =
          i + 1 == tokens.length
              || tags[i + 1].equals("ADP")
              || tags[i + 1].equals("PUNCT")
              || tags[i + 1].equals("CCONJ");
      if (tags[i - 1].equals("VERB")
          && tags[i].equals("VERB")
          && before.endsWith("s")
          && !before.endsWith("ss")
          && w.endsWith("s")
          && !w.endsWith("ss")
          && w.length() >= 4
          && ends) {
        tags[i] = "NOUN";
      }
    }
  }

  /** Verbs after which a possessive's noun may do something ("gets their team working on it"). */
  private static final java.util.Set<String> CAUSATIVES =
      java.util.Set.of("get", "gets", "got", "have", "has", "had", "keep", "keeps", "see", "sees");

  /**
   * "engages more with our MICE offering", "talks through their charging needs": after a possessive
   * and its modifiers, a word in -ing or -s that ends the phrase is its noun.
   */
  private static void nounEndsPossessivePhrase(String[] tokens, String[] tags) {
    for (int p = 1; p + 2 < tokens.length; p++) {
      if (!POSSESSIVES.contains(tokens[p].toLowerCase(Locale.ROOT))
          || !(tags[p - 1].equals("ADP") || tags[p - 1].equals("VERB"))
          || CAUSATIVES.contains(tokens[p - 1].toLowerCase(Locale.ROOT))) {
        continue;
      }
      int j = p + 1;
      while (j < tokens.length
          && j - p <= 2
          && (tags[j].equals("NOUN") || tags[j].equals("ADJ") || tags[j].equals("PROPN"))) {
        j++;
      }
      if (j == p + 1 || j >= tokens.length || !tags[j].equals("VERB")) {
        continue;
      }
      String w = tokens[j].toLowerCase(Locale.ROOT);
      boolean ends =
          j + 1 == tokens.length
              || tags[j + 1].equals("PUNCT")
              || tags[j + 1].equals("ADP")
              || tags[j + 1].equals("CCONJ");
      if (ends && (w.endsWith("ing") || w.endsWith("s") && !w.endsWith("ss"))) {
        tags[j] = "NOUN";
      }
    }
  }

  /** "our account lead": "account" before a noun is a noun too, never an adjective. */
  private static void accountIsANoun(String[] tokens, String[] tags) {
    for (int i = 0; i + 1 < tokens.length; i++) {
      if (tags[i].equals("ADJ")
          && tokens[i].equalsIgnoreCase("account")
          && tags[i + 1].equals("NOUN")) {
        tags[i] = "NOUN";
      }
    }
  }

  /** Words in -s the lemmatizer's model reads as others ("buys" as "busy", "fees" as "foos"). */
  private static final java.util.Map<String, String> MISREAD_LEMMAS =
      java.util.Map.of(
          "buys", "buy",
          "patients", "patient",
          "fees", "fee",
          "apprentices", "apprentice");

  /** Whether a stem takes "-es" in the third person ("fix", "reach", "pass"). */
  private static boolean takesEs(String stem) {
    return stem.endsWith("ss")
        || stem.endsWith("zz")
        || stem.endsWith("sh")
        || stem.endsWith("ch")
        || stem.endsWith("x");
  }

  /** The stem of a word in -s by the spelling rules ("replies" reply, "fixes" fix), or null. */
  private static String regularStem(String word) {
    int n = word.length();
    if (n < 4 || !word.endsWith("s") || word.endsWith("ss") || word.endsWith("us")) {
      return null;
    }
    if (word.endsWith("ies")) {
      return word.substring(0, n - 3) + "y";
    }
    String es = word.substring(0, n - 2);
    if (word.endsWith("es") && takesEs(es)) {
      return es;
    }
    return word.substring(0, n - 1);
  }

  /**
   * The lemmatizer keeps the "e" of "-sses", "-zzes", "-shes" and "-ches" on some verbs
   * ("discusses" as "discusse") and reads "analyses" as the noun "analysis".
   */
  private static String verbLemma(String word, String tag, String lemma) {
    String fixed = MISREAD_LEMMAS.get(word);
    if (fixed != null) {
      return fixed;
    }
    if (word.equals("lives") && tag.equals("VERB")) {
      return "live"; // ("their lives" keeps "life")
    }
    // "workflows" as "workfl", "switches" as "switc": a lemma cut short of the word's own stem
    String stem = regularStem(word);
    if (stem != null
        && stem.startsWith(lemma)
        && !stem.equals(lemma)
        && !word.equals(lemma + "es")
        && !word.equals(lemma + "s")) {
      return stem;
    }
    if (stem != null && tag.equals("VERB") && lemma.equals(word)) {
      return stem; // "sprays" left as it is
    }
    // "logged" as "logge": a doubled consonant before "-ed"
    int n = word.length();
    if (tag.equals("VERB")
        && n > 5
        && word.endsWith("ed")
        && lemma.equals(word.substring(0, n - 1))
        && word.charAt(n - 3) == word.charAt(n - 4)
        && "aeiouy".indexOf(word.charAt(n - 3)) < 0) {
      return word.substring(0, n - 3);
    }
    // "cancelling" as "cancell": British spelling doubles the "l" of a longer verb
    if (tag.equals("VERB")
        && word.endsWith("lling")
        && lemma.equals(word.substring(0, n - 3))
        && lemma.substring(0, lemma.length() - 2).matches(".*[aeiouy][^aeiouy]+[aeiouy].*")) {
      return lemma.substring(0, lemma.length() - 1);
    }
    if (tag.equals("VERB") && n > 6 && word.endsWith("ing") && lemma.equals(word)) {
      return ingStem(word.substring(0, n - 3), lemma); // "ringing" left as it is
    }
    if (!tag.equals("VERB") || !word.endsWith("es")) {
      return lemma;
    }
    stem = word.substring(0, word.length() - 2);
    if (lemma.equals(word.substring(0, word.length() - 1)) && takesEs(stem)) {
      return stem;
    }
    if (lemma.endsWith("sis") && word.endsWith("ses")) {
      return word.substring(0, word.length() - 1);
    }
    return lemma;
  }

  /**
   * The verb of a stem left by "-ing" where its spelling says so: two consonants ("ring", "send"; a
   * doubled one halved, "run"); else {@code lemma}, as "mak" may be "make".
   */
  private static String ingStem(String stem, String lemma) {
    int n = stem.length();
    char a = stem.charAt(n - 2);
    char b = stem.charAt(n - 1);
    String vowels = "aeiouy";
    int syllables = 0;
    for (int k = 0; k < n; k++) {
      if (vowels.indexOf(stem.charAt(k)) >= 0
          && (k == 0 || vowels.indexOf(stem.charAt(k - 1)) < 0)) {
        syllables++;
      }
    }
    // "phoning" phone, "making" make: one syllable ending consonant, vowel, consonant
    if (n >= 3
        && vowels.indexOf(a) >= 0
        && "aeiouywx".indexOf(b) < 0
        && vowels.indexOf(stem.charAt(n - 3)) < 0
        && syllables == 1) {
      return stem + "e";
    }
    if (vowels.indexOf(a) >= 0 || vowels.indexOf(b) >= 0) {
      return lemma;
    }
    if (a == b) {
      // "running" run; "calling" call, but "cancelling" cancel
      return "lsfz".indexOf(b) < 0 || b == 'l' && syllables >= 2 ? stem.substring(0, n - 1) : stem;
    }
    String end = stem.substring(n - 2);
    if (end.equals("ng")) {
      return n >= 3 && "iu".indexOf(stem.charAt(n - 3)) >= 0 ? stem : lemma; // "ring", not "chang"
    }
    return WORD_FINAL.contains(end) ? stem : lemma; // "send", "text"; not "charg", "solv"
  }

  /** Consonant pairs an English verb may end with, no "e" after them. */
  private static final java.util.Set<String> WORD_FINAL =
      java.util.Set.of(
          "nd", "nt", "ld", "lt", "lk", "lp", "lm", "mp", "nk", "rk", "rm", "rn", "rt", "rd", "rb",
          "rl", "st", "sk", "sp", "ft", "pt", "ct", "xt", "ch", "sh", "th", "ck", "wn", "gh", "rp",
          "rf", "lf", "wl");

  /** Adjectives the tagger reads as verbs after "is" ("is keen on", "is eager to"). */
  private static final java.util.Set<String> NEVER_VERBS_AFTER_BE =
      java.util.Set.of("keen", "eager", "willing", "glad", "happy", "able", "unable", "ready");

  /** "The employer is keen on a staff benefit": an adjective, not a passive. */
  private static void adjectiveAfterBe(String[] tokens, String[] tags) {
    for (int i = 1; i < tokens.length; i++) {
      int be = tags[i - 1].equals("ADV") && i >= 2 ? i - 2 : i - 1;
      if (tags[i].equals("VERB")
          && NEVER_VERBS_AFTER_BE.contains(tokens[i].toLowerCase(Locale.ROOT))
          && tags[be].equals("AUX")) {
        tags[i] = "ADJ";
      }
    }
  }

  /** Verbs in -s that are read as nouns before "about". */
  private static final java.util.Set<String> SPEAKING_ABOUT =
      java.util.Set.of(
          "talks",
          "chats",
          "speaks",
          "asks",
          "thinks",
          "hears",
          "learns",
          "complains",
          "enquires",
          "inquires",
          "worries",
          "cares",
          "writes",
          "reads",
          "tells");

  private static final java.util.Set<String> AFTER_VERB_ONLY =
      java.util.Set.of("up", "us", "back", "through", "out", "off", "me");

  /**
   * The tagger often reads the main verb after a subject noun as a plural noun ("the patient
   * confirms they ...", "the manager agrees to a demo"). Before any verb, a noun in -s between a
   * noun and a word that only follows a verb (a determiner, a pronoun, a number, "up", "to a") is
   * that verb.
   */
  private static void mainVerbReadAsNoun(String[] tokens, String[] tags) {
    if (mainVerbReadAsNoun(tokens, tags, 1)) {
      return;
    }
    // "Following our call, the CIO secures ...": the clause after a leading phrase
    for (int c = 1; c < tokens.length && c < 16; c++) {
      if (tokens[c].equals(",")) {
        mainVerbReadAsNoun(tokens, tags, c + 2);
        return;
      }
    }
  }

  /** Verbs in -er or -or that start an instruction ("Offer discounts"): never a subject. */
  /** Verbs in -ent or -ant that start an instruction ("Present options"): never a subject. */
  static final java.util.Set<String> IMPERATIVES_IN_ENT =
      java.util.Set.of(
          "present",
          "implement",
          "document",
          "represent",
          "prevent",
          "comment",
          "supplement",
          "augment",
          "invent",
          "orient",
          "cement",
          "segment",
          "lament",
          "torment",
          "ferment",
          "enchant",
          "supplant",
          "implant",
          "complement",
          "compliment",
          "experiment",
          "resent",
          "consent",
          "dissent",
          "repent");

  static boolean isImperativeLookingLikeARole(String w) {
    return IMPERATIVES_IN_ER.contains(w) || IMPERATIVES_IN_ENT.contains(w);
  }

  private static final java.util.Set<String> IMPERATIVES_IN_ER =
      java.util.Set.of(
          "offer",
          "order",
          "consider",
          "register",
          "gather",
          "answer",
          "deliver",
          "discover",
          "cover",
          "enter",
          "transfer",
          "monitor",
          "remember",
          "recover",
          "filter",
          "foster",
          "tailor",
          "mirror",
          "partner",
          "render",
          "counter",
          "power",
          "steer",
          "master",
          "trigger",
          "uncover",
          "encounter",
          "lower",
          "prefer",
          "refer",
          "differ",
          "conquer",
          "deter",
          "hover",
          "wonder",
          "weather",
          "bolster",
          "shelter",
          "tender",
          "broker",
          "sponsor");

  /**
   * "Driver books a test drive", "Claimant e-signs the CFA": a role at the start of a sentence,
   * tagged as a verb, before a word in -s that an object or particle follows, is the subject.
   */
  private static void subjectReadAsVerb(String[] words, String[] tags) {
    if (words.length < 3
        || !(tags[0].startsWith("VERB")
            || tags[0].startsWith("ADV")
            || tags[0].startsWith("ADJ"))) {
      return;
    }
    String first = words[0].toLowerCase(Locale.ROOT);
    String second = words[1].toLowerCase(Locale.ROOT);
    boolean acronym = words[0].length() >= 2 && words[0].chars().allMatch(Character::isUpperCase);
    boolean role =
        first.length() > 4
            && (first.endsWith("er")
                || first.endsWith("or")
                || first.endsWith("ist")
                || first.endsWith("ant")
                || first.endsWith("ent")
                || first.endsWith("ee"));
    role &= !IMPERATIVES_IN_ER.contains(first);
    if (role && java.util.Set.of("from", "at", "on", "in", "with", "who").contains(second)) {
      tags[0] = "NOUN"; // "Attendee from the open evening books ...": the subject and its place
      return;
    }
    if (!(acronym || role)
        || !second.endsWith("s")
        || second.endsWith("ss")
        || second.length() < 4
        || !(tags[1].startsWith("NOUN") || tags[1].startsWith("VERB"))) {
      return;
    }
    String third = words[2].toLowerCase(Locale.ROOT);
    boolean objectNext =
        tags[2].startsWith("DET")
            || tags[2].startsWith("PRON")
            || tags[2].startsWith("NUM")
            || tags[2].startsWith("ADJ")
            || tags[2].startsWith("PROPN")
            || tags[2].startsWith("ADP") && !third.equals("of")
            || third.equals(",");
    if (objectNext) {
      tags[0] = "NOUN";
      tags[1] = "VERB";
    }
  }

  /** Instructions that may stand before a name ("Call IT", "Email HR the form"). */
  private static final java.util.Set<String> INSTRUCTIONS =
      java.util.Set.of(
          "call",
          "email",
          "e-mail",
          "ring",
          "ask",
          "tell",
          "get",
          "send",
          "book",
          "contact",
          "chase",
          "phone",
          "text",
          "brief",
          "update",
          "invite",
          "meet",
          "help",
          "have",
          "let",
          "make",
          "give",
          "show",
          "loop",
          "copy",
          "cc",
          "ping",
          "message",
          "remind",
          "escalate");

  /** "Hargrove Manufacturing's coordinator picks": a capitalised first word before a possessive. */
  private static void nameBeforePossessive(String[] raw, String[] tags) {
    if (raw.length > 2
        && tags[0].equals("VERB")
        && Character.isUpperCase(raw[0].charAt(0))
        && (raw[1].endsWith("'s")
            || raw[1].endsWith("’s")
            // "Hargrove Manufacturing's": a name of two words before the possessive
            || !raw[1].isEmpty()
                && Character.isUpperCase(raw[1].charAt(0))
                && (raw[2].equals("'s") || raw[2].equals("’s"))
            || tags[1].contains("+PART")
            // "Estate HOA board votes": a word before an acronym is part of the name ("Call IT")
            || !INSTRUCTIONS.contains(raw[0].toLowerCase(Locale.ROOT))
                && raw[1].length() >= 2
                && raw[1].length() <= 5
                && raw[1].chars().allMatch(c -> c >= 'A' && c <= 'Z')
                && !raw[0].chars().allMatch(Character::isUpperCase))) {
      tags[0] = "PROPN";
    }
    // "Voided check for ACH autopay sent in by ...": a first word in -ed before a noun describes
    // it (no instruction starts with a past form; "Need", "Feed" and "Proceed" are no past forms)
    String first = raw.length > 2 ? raw[0].toLowerCase(Locale.ROOT) : "";
    if (raw.length > 2
        && tags[0].equals("VERB")
        && first.endsWith("ed")
        && !first.endsWith("eed")
        && first.length() > 4
        && (tags[1].startsWith("NOUN") || tags[1].equals("VERB") && !raw[1].endsWith("s"))
        && !raw[1].isEmpty()
        && Character.isLetter(raw[1].charAt(0))) {
      tags[0] = "ADJ";
      tags[1] = "NOUN"; // "Voided check", "Updated pricing"
    }
  }

  /**
   * "Our Member Advocate reviews": inside a text written in sentence case, a capitalised word after
   * another is part of a name or a title, not a verb.
   */
  private static void titleCaseIsName(String[] tokens, String[] tags) {
    int[] c =
        capitalsAmong(
            tokens,
            t -> !t.isEmpty() && Character.isLetter(t.charAt(0)),
            t -> Character.isUpperCase(t.charAt(0)));
    if (c[0] * 2 >= c[1]) {
      return; // a title in Title Case: capitals say nothing
    }
    for (int i = 1; i < tokens.length; i++) {
      // ("Design Engineering Consultant demonstrates": at the start, only inside a run of three)
      boolean inRun =
          i >= 2
              || i + 1 < tokens.length
                  && !tokens[i + 1].isEmpty()
                  && Character.isUpperCase(tokens[i + 1].charAt(0));
      if (inRun
          && tags[i].equals("VERB")
          && !tokens[i].isEmpty()
          && !tokens[i - 1].isEmpty()
          && Character.isUpperCase(tokens[i].charAt(0))
          && Character.isUpperCase(tokens[i - 1].charAt(0))
          && (tags[i - 1].equals("NOUN") || tags[i - 1].equals("PROPN"))) {
        tags[i] = "PROPN";
      }
    }
  }

  /**
   * "A 20-minute online banking demo is delivered": before the verb, a word in -ing between a
   * modifier and a noun is part of the noun phrase.
   */
  private static void modifierInSubject(String[] tokens, String[] tags) {
    for (int i = 1; i + 1 < tokens.length; i++) {
      if (tags[i].equals("AUX")) {
        return;
      }
      String w = tokens[i].toLowerCase(Locale.ROOT);
      boolean modifierBefore =
          tags[i - 1].equals("ADJ")
              || tags[i - 1].equals("DET")
              || tags[i - 1].equals("NUM")
              // "20-minute online banking demo"
              || tags[i - 1].equals("ADV") && i >= 2 && !tags[i - 2].equals("PRON");
      if (tags[i].equals("VERB")
          && w.endsWith("ing")
          && modifierBefore
          && tags[i + 1].equals("NOUN")
          && laterVerb(tags, i + 2)) {
        tags[i] = "ADJ";
        return;
      }
      // "The revised itinerary is approved": a participle between "the" and its noun (which the
      // tagger may even have read as a pronoun)
      if (tags[i].equals("VERB")
          && w.endsWith("ed")
          && i == 1
          && tags[0].equals("DET")
          && (tags[i + 1].equals("NOUN")
              || tags[i + 1].equals("PRON")
                  && !PRONOUNS.contains(tokens[i + 1].toLowerCase(Locale.ROOT)))
          && i + 2 < tokens.length
          && (tags[i + 2].equals("AUX") || tags[i + 2].equals("VERB"))) {
        tags[i] = "ADJ";
        tags[i + 1] = "NOUN";
        return;
      }
      // "The KYC refresh documents for the trade line are dispatched": a bare verb between a
      // name and a noun, with the clause's own verb still to come, is a noun
      // ("Photo upload link is texted to the customer": a noun at the start, its noun's AUX next)
      if (tags[i].equals("VERB")
          && (tags[0].equals("DET")
              || i == 1
                  && tags[0].equals("NOUN")
                  && i + 2 < tokens.length
                  && tags[i + 2].equals("AUX"))
          && !w.endsWith("ing")
          && !w.endsWith("ed")
          && !w.endsWith("s")
          && (tags[i - 1].equals("PROPN") || tags[i - 1].equals("NOUN"))
          && tags[i + 1].equals("NOUN")
          && clauseVerbLater(tokens, tags, i + 2)) {
        tags[i] = "NOUN";
        return;
      }
      if (tags[i].equals("VERB")) {
        return;
      }
    }
  }

  /**
   * Whether a verb comes after {@code from} in the same clause (no conjunction or pronoun first).
   */
  private static boolean clauseVerbLater(String[] tokens, String[] tags, int from) {
    for (int i = from; i < tags.length; i++) {
      if (tags[i].equals("AUX") || tags[i].equals("VERB")) {
        return true;
      }
      if (tags[i].equals("CCONJ")
          || tags[i].equals("SCONJ")
          || tags[i].equals("PRON")
          || tokens[i].equals(",")
          || tokens[i].equals(";")) {
        return false;
      }
    }
    return false;
  }

  /** Prepositions a verb takes ("engages with", "votes at", "reports on"). */
  private static final java.util.Set<String> VERB_PREPOSITIONS =
      java.util.Set.of("with", "at", "on", "for", "from", "about", "into", "over");

  /** Whether a verb from {@code from} on heads a clause (not after "to", "and" or "or"). */
  private static boolean laterFiniteVerb(String[] tokens, String[] tags, int from) {
    for (int i = from; i < tags.length; i++) {
      if ((tags[i].equals("AUX") || tags[i].equals("VERB"))
          && !java.util.Set.of("to", "and", "or")
              .contains(tokens[i - 1].toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean laterVerb(String[] tags, int from) {
    for (int i = from; i < tags.length; i++) {
      if (tags[i].equals("AUX") || tags[i].equals("VERB")) {
        return true;
      }
    }
    return false;
  }

  /** Of the tokens that are {@code word}s: how many are {@code capital} and how many in all. */
  private static int[] capitalsAmong(
      String[] tokens,
      java.util.function.Predicate<String> word,
      java.util.function.Predicate<String> capital) {
    int capitals = 0;
    int words = 0;
    for (String t : tokens) {
      if (word.test(t)) {
        words++;
        if (capital.test(t)) {
          capitals++;
        }
      }
    }
    return new int[] {capitals, words};
  }

  /** "How Dad's tracking", "where she's at": the "'s" of "is" before a verb in -ing or "at". */
  private static void isContracted(String[] tokens, String[] tags) {
    for (int i = 1; i + 1 < tokens.length; i++) {
      if (isOfBe(tokens, tags, i)) {
        tags[i] = "AUX";
      }
    }
  }

  /** Whether the "'s" at {@code i} is "is": before a verb in -ing, "at" or "not". */
  private static boolean isOfBe(String[] tokens, String[] tags, int i) {
    if (i + 1 >= tokens.length || !tokens[i].replace('’', '\'').equalsIgnoreCase("'s")) {
      return false;
    }
    String next = tokens[i + 1].toLowerCase(Locale.ROOT);
    return tags[i + 1].equals("VERB") && next.endsWith("ing")
        || next.equals("at")
        || next.equals("not");
  }

  private static final java.util.Set<String> CONTRACTIONS =
      java.util.Set.of("'ll", "’ll", "'ve", "’ve", "'re", "’re", "'m", "’m", "'d", "’d");

  /**
   * Verbs that start an instruction ("Send brochures a week before", "Make calls the same day").
   */
  private static final java.util.Set<String> COMMON_INSTRUCTIONS =
      java.util.Set.of(
          "send",
          "make",
          "get",
          "book",
          "call",
          "email",
          "offer",
          "ask",
          "check",
          "confirm",
          "set",
          "give",
          "take",
          "show",
          "schedule",
          "follow",
          "keep",
          "find",
          "arrange",
          "collect",
          "review",
          "discuss",
          "share",
          "present",
          "pitch",
          "explain",
          "update",
          "build",
          "secure",
          "close",
          "agree",
          "identify",
          "capture",
          "introduce",
          "invite",
          "run",
          "do",
          "put",
          "place",
          "provide",
          "obtain",
          "gather",
          "log",
          "note",
          "record",
          "track",
          "contact",
          "reach",
          "text",
          "phone",
          "ring",
          "chase",
          "visit",
          "walk",
          "talk",
          "sell",
          "quote",
          "post",
          "mail",
          "prepare",
          "plan",
          "hold",
          "host",
          "list",
          "map",
          "win",
          "grow",
          "drive",
          "push",
          "bring",
          "leave",
          "write",
          "draft",
          "complete",
          "sign",
          "pay",
          "order",
          "raise",
          "cut",
          "save",
          "test",
          "try");

  /**
   * "Mike picks one", "Fenwick signs a contract": a capitalised first word read as a verb, before a
   * verb in -s, is a name (an instruction is never followed by a verb in the third person).
   */
  private static final java.util.Set<String> SUBJECT_PRONOUNS =
      java.util.Set.of("she", "he", "they", "we", "it", "i");

  private static void nameBeforeVerbInS(String[] tokens, String[] tags) {
    if (tokens.length < 3 || !tags[0].equals("VERB") || tokens[0].isEmpty()) {
      return;
    }
    String next = tokens[1];
    boolean inS =
        next.length() > 3
            && Character.isLowerCase(next.charAt(0))
            && next.endsWith("s")
            && !next.endsWith("ss");
    // ("Discuss needs and options": a plural noun after an instruction, no object after it)
    boolean verbNext =
        tags[1].equals("VERB")
                && (tags[2].equals("DET") || tags[2].equals("NUM") || tags[2].equals("PRON"))
            || tags[1].equals("NOUN")
                && (tokens[2].equalsIgnoreCase("a")
                    || tokens[2].equalsIgnoreCase("an")
                    // "Sarah confirms she'll take it to the board" (not "Address concerns they
                    // have": the pronoun's own verb follows, no auxiliary)
                    || SUBJECT_PRONOUNS.contains(tokens[2].toLowerCase(Locale.ROOT))
                        && tokens.length > 3
                        && tags[3].equals("AUX"));
    if (Character.isUpperCase(tokens[0].charAt(0))
        && inS
        && verbNext
        && !COMMON_INSTRUCTIONS.contains(tokens[0].toLowerCase(Locale.ROOT))) {
      tags[0] = "PROPN";
      tags[1] = "VERB";
    } else if (Character.isUpperCase(tokens[0].charAt(0))
        && SPEAKING_ABOUT.contains(next)
        && tokens[2].equalsIgnoreCase("about")
        && !COMMON_INSTRUCTIONS.contains(tokens[0].toLowerCase(Locale.ROOT))
        && !tokens[0].equalsIgnoreCase("hold")) {
      tags[0] = "PROPN"; // "Sarah talks about her plans"
      tags[1] = "VERB";
    } else if (Character.isUpperCase(tokens[0].charAt(0))
        && !tokens[0].chars().allMatch(c -> c < 128)
        && (tags[1].equals("PROPN") || tags[1].equals("NOUN"))) {
      tags[0] = "PROPN"; // "Útgerð Sæbjörg moves forward": no English instruction is spelt so
    }
  }

  /**
   * "A sample zirconia crown is shipped to the office": the last word of a noun phrase, read as a
   * verb right before "is" and a participle, is the noun the passive is about.
   */
  private static void nounBeforePassive(String[] tokens, String[] tags) {
    for (int i = 1; i + 2 < tokens.length; i++) {
      if (tags[i].equals("VERB")
          && java.util.Set.of("NOUN", "ADJ", "PROPN").contains(tags[i - 1])
          && java.util.Set.of("is", "are", "was", "were")
              .contains(tokens[i + 1].toLowerCase(Locale.ROOT))
          && tags[i + 2].equals("VERB")
          && tokens[i + 2].toLowerCase(Locale.ROOT).matches("[a-z]+(?:ed|en|t)")
          && !tokens[i].toLowerCase(Locale.ROOT).endsWith("ing")) {
        for (int k = 0; k < i; k++) {
          if (!java.util.Set.of("DET", "NOUN", "ADJ", "PROPN", "NUM").contains(tags[k])) {
            return; // "what the client wants is set out ...": a clause, not a noun phrase
          }
        }
        tags[i] = "NOUN";
      }
    }
  }

  /**
   * "Customer to confirm budget range", "Owner to book slot": in a note's "subject to verb", the
   * word after "to" is the verb, whatever the tagger took it for.
   */
  private static void verbAfterSubjectTo(String[] tokens, String[] tags) {
    int to = -1;
    boolean noun = false;
    for (int i = 0; i < Math.min(tokens.length, 5); i++) {
      if (tokens[i].equalsIgnoreCase("to")) {
        to = i;
        break;
      }
      if (!java.util.Set.of("DET", "NOUN", "PROPN", "ADJ").contains(tags[i])) {
        return;
      }
      noun |= tags[i].equals("NOUN") || tags[i].equals("PROPN");
    }
    if (to < 1 || !noun || to + 2 >= tokens.length) {
      return;
    }
    String w = tokens[to + 1];
    boolean misread = tags[to + 1].equals("ADJ") || tags[to + 1].equals("NOUN");
    if (misread
        && w.chars().allMatch(Character::isLowerCase)
        && !w.matches(".*(?:y|ful|ive|able|ible|ed|ous|al|ic|ary|ory|less|ish|ing|er|est)")
        && (java.util.Set.of("DET", "NOUN", "PROPN", "NUM", "PRON", "ADJ").contains(tags[to + 2])
            || tags[to + 2].equals("VERB") && tokens[to + 2].endsWith("ed"))) {
      tags[to + 1] = "VERB";
    }
  }

  /**
   * "Align with the owners on ...": a first word read as an adjective before "with", with no
   * adjective's ending, is the instruction's verb.
   */
  private static void instructionReadAsAdjective(String[] tokens, String[] tags) {
    if (tokens.length < 3 || !tags[0].equals("ADJ") || !tokens[1].equalsIgnoreCase("with")) {
      return;
    }
    String w = tokens[0].toLowerCase(Locale.ROOT);
    if (!w.matches(".*(?:y|ful|ive|able|ible|ed|ous|al|ic|nt|ar|less|ish|ent|ant|ing|er|st)")
        && Character.isUpperCase(tokens[0].charAt(0))) {
      tags[0] = "VERB";
    }
  }

  /**
   * Verbs that start an instruction and are seldom the first noun of an objective ("Touch base with
   * ...", "Align on a way forward", "Unlock additional opportunities").
   */
  private static final java.util.Set<String> INSTRUCTION_VERBS =
      java.util.Set.of(
          "touch",
          "align",
          "engage",
          "re-engage",
          "unlock",
          "introduce",
          "build",
          "learn",
          "understand",
          "negotiate",
          "retain",
          "qualify",
          "discuss",
          "deepen",
          "strengthen",
          "nurture",
          "educate",
          "explore",
          "gather",
          "ensure",
          "establish",
          "position",
          "leverage",
          "expand",
          "boost",
          "maximise",
          "maximize",
          "reassure",
          "remind",
          "upsell",
          "pitch",
          "promote",
          "clarify",
          "persuade",
          "convince",
          "motivate",
          "inform",
          "advise",
          "assist",
          "obtain",
          "capture",
          "identify",
          "uncover",
          "probe",
          "explain",
          "talk",
          "chat",
          "reconnect",
          "ring",
          "grow",
          "secure",
          "help",
          "address",
          "increase",
          "map",
          "call");

  /** Of those, the ones that are nouns as often ("Call with the CFO", "Increase in usage"). */
  private static final java.util.Set<String> ALSO_NOUNS =
      java.util.Set.of("increase", "map", "call");

  /** Participles without -ed that follow a noun subject ("proof sent in", "login set up"). */
  private static final java.util.Set<String> IRREGULAR_DONE =
      java.util.Set.of(
          "sent", "set", "made", "done", "given", "paid", "put", "got", "gotten", "taken", "built",
          "brought", "held", "kept", "left", "sold", "bought", "shown", "written", "won", "lost",
          "met", "run", "begun", "found", "read", "cut", "shut", "spent", "seen", "signed");

  /** Words that end the first clause of an instruction ("... and build the relationship"). */
  private static final java.util.Set<String> CLAUSE_ENDS =
      java.util.Set.of(
          "and", ",", ";", "so", "to", "how", "what", "where", "why", "when", "that", "which",
          "who", "if", "whether", "until", "before", "after", "while", "(");

  /**
   * "Touch base with Mr Dawson", "Ring client back", "Unlock additional opportunities": a first
   * word read as a noun, adverb or adjective is the instruction's verb when nothing in its clause
   * could be the verb of a subject it began (not "Call notes updated", "Increase in usage shows").
   */
  private static void instructionReadAsNoun(String[] tokens, String[] tags) {
    // "Touch base with Dr. Lee about ...": the idiom read as a compound noun
    if (tokens.length >= 3
        && tokens[0].equalsIgnoreCase("touch")
        && tokens[1].equalsIgnoreCase("base")
        && tokens[2].equalsIgnoreCase("with")) {
      tags[0] = "VERB";
      return;
    }
    if (tokens.length < 3
        || tags[0].equals("VERB")
        || tokens[0].length() < 3
        || !Character.isUpperCase(tokens[0].charAt(0))
        || !Character.isLowerCase(tokens[0].charAt(1))) {
      return;
    }
    String w = tokens[0].toLowerCase(Locale.ROOT);
    if (!INSTRUCTION_VERBS.contains(w)) {
      return;
    }
    String next = tokens[1].toLowerCase(Locale.ROOT);
    if (ALSO_NOUNS.contains(w)
        && !(tags[1].equals("DET")
            || tags[1].equals("PRON")
            || PARTICLES.contains(next) && !next.equals("in") && !next.equals("on")
            || tags[1].equals("NOUN")
                && tokens.length > 2
                && java.util.Set.of("back", "to", "up")
                    .contains(tokens[2].toLowerCase(Locale.ROOT)))) {
      return;
    }
    for (int i = 1; i < tokens.length; i++) {
      String t = tokens[i].toLowerCase(Locale.ROOT);
      if (t.equals("to") && i + 1 < tokens.length && tokens[i + 1].equalsIgnoreCase("be")) {
        return; // "Secure login to be set up by ...": a thing, then what is to be done to it
      }
      if (CLAUSE_ENDS.contains(t)) {
        break;
      }
      if (tags[i].equals("VERB") && IRREGULAR_DONE.contains(t)) {
        return; // "Address proof sent in by the customer"
      }
      boolean modifier = tags[i - 1].equals("DET") || tags[i - 1].equals("PRON"); // "the revised"
      if (tags[i].equals("AUX")
          || tags[i].equals("VERB")
              && !modifier
              && (t.endsWith("ed") || t.endsWith("s") && !t.endsWith("ss"))) {
        return; // "Call notes updated", "Increase in usage shows ...": a subject, then its verb
      }
    }
    tags[0] = "VERB";
  }

  /** The words the split-off contractions stand for. */
  private static final java.util.Map<String, String> CONTRACTED =
      java.util.Map.of("'ll", "will", "'ve", "have", "'re", "be", "'m", "be", "'d", "would");

  /** "We'll get them to ...": the split-off "'ll" is the auxiliary, not a word of the subject. */
  private static void contractionsAreAuxiliaries(String[] tokens, String[] tags) {
    for (int i = 1; i < tokens.length; i++) {
      if (CONTRACTIONS.contains(tokens[i].toLowerCase(Locale.ROOT))) {
        tags[i] = "AUX";
      }
    }
  }

  /** Capitals that are instructions, not names ("CC the manager"). */
  private static final java.util.Set<String> VERB_ACRONYMS =
      java.util.Set.of("OK", "CC", "BCC", "RSVP", "ASAP", "FYI");

  /**
   * "Patient's POA signs", "Site IT creates": an acronym in capitals is a name, never a verb or the
   * pronoun "it" (unless the whole text is in capitals).
   */
  private static void acronymsAreNames(String[] tokens, String[] tags) {
    int[] counted =
        capitalsAmong(
            tokens,
            t -> t.length() > 1 && t.chars().allMatch(Character::isLetter),
            t -> t.chars().allMatch(Character::isUpperCase));
    if (counted[0] * 2 > counted[1]) {
      return;
    }
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.length() >= 2
          && t.length() <= 5
          && t.chars().allMatch(c -> c >= 'A' && c <= 'Z')
          && (tags[i].equals("VERB")
              || tags[i].equals("PRON")
              // "TO sends the route list": a role's initials before the verb, not "to"
              || i == 0 && tokens.length > 1 && tags[1].equals("VERB") && tokens[1].endsWith("s"))
          && !VERB_ACRONYMS.contains(t)) {
        tags[i] = "PROPN";
      }
    }
  }

  /** What ends a firm's name: "Kowalski Bread Co.", "Hargrove Ltd", "Brandt GmbH". */
  private static final java.util.Set<String> FIRM_SUFFIXES =
      java.util.Set.of(
          "Co", "Co.", "Ltd", "Ltd.", "Inc", "Inc.", "LLC", "LLP", "GmbH", "plc", "PLC", "Pty",
          "Corp", "Corp.", "Limited", "AG", "BV", "NV", "Srl", "SRL", "Bhd", "SAS", "S.A.");

  /**
   * "Kowalski Bread Co. gets excited": the capitalised words before a firm's suffix are its name,
   * never a verb (an instruction at the start, "Call Hargrove Ltd", stays one).
   */
  private static void firmNames(String[] tokens, String[] tags) {
    for (int i = 1; i < tokens.length; i++) {
      if (!FIRM_SUFFIXES.contains(tokens[i]) || !capitalised(tokens[i - 1])) {
        continue;
      }
      int from = i - 1;
      while (from > 0 && i - from < 4 && capitalised(tokens[from - 1])) {
        from--;
      }
      if (from == 0 && INSTRUCTIONS.contains(tokens[0].toLowerCase(Locale.ROOT))) {
        from = 1;
      }
      for (int k = from; k <= i; k++) {
        tags[k] = "PROPN";
      }
    }
  }

  private static boolean capitalised(String t) {
    return !t.isEmpty() && Character.isUpperCase(t.charAt(0));
  }

  /** Plural nouns that name a desk: "client services", "member relations". */
  private static final java.util.Set<String> DESK_PLURALS =
      java.util.Set.of("services", "relations", "sales", "renewals");

  /** Titles that follow a desk: "client services manager". */
  private static final java.util.Set<String> DESK_TITLES =
      java.util.Set.of(
          "manager",
          "team",
          "director",
          "lead",
          "coordinator",
          "executive",
          "exec",
          "rep",
          "desk",
          "officer",
          "head",
          "specialist",
          "agent",
          "advisor",
          "adviser",
          "consultant",
          "partner",
          "associate",
          "assistant",
          "supervisor",
          "administrator",
          "staff");

  /**
   * "Our client services manager sets up ...": a desk's plural before a title, read as the verb, is
   * part of the title.
   */
  private static void deskReadAsVerb(String[] tokens, String[] tags) {
    for (int i = 1; i + 1 < tokens.length; i++) {
      if (tags[i].equals("VERB")
          && (tags[i - 1].equals("NOUN")
              || tags[i - 1].equals("PROPN")
              || tags[i - 1].equals("ADJ"))
          && deskBeforeTitle(tokens[i], tokens[i + 1])) {
        tags[i] = "NOUN";
      }
    }
  }

  /** Whether {@code word} names a desk and {@code next} a title of it: "services manager". */
  static boolean deskBeforeTitle(String word, String next) {
    return DESK_PLURALS.contains(word.toLowerCase(Locale.ROOT))
        && DESK_TITLES.contains(next.toLowerCase(Locale.ROOT));
  }

  /**
   * "Recruitment consultant paints a picture": a role as the second word, read as a verb, before a
   * word in -s read as a noun that an object follows.
   */
  private static void roleReadAsVerb(String[] tokens, String[] tags) {
    titleReadAsVerb(tokens, tags);
    if (tokens.length < 4 || !tags[0].equals("NOUN") || !tags[1].equals("VERB")) {
      return;
    }
    String role = tokens[1].toLowerCase(Locale.ROOT);
    String next = tokens[2].toLowerCase(Locale.ROOT);
    boolean roleLike =
        role.length() > 4
            && (role.endsWith("ant")
                || role.endsWith("ent")
                || role.endsWith("er")
                || role.endsWith("or")
                || role.endsWith("ist"))
            && !IMPERATIVES_IN_ER.contains(role);
    if (roleLike
        && tags[2].equals("NOUN")
        && next.endsWith("s")
        && !next.endsWith("ss")
        && (tags[3].equals("DET") || tags[3].equals("PRON") || tags[3].equals("NUM"))) {
      tags[1] = "NOUN";
      tags[2] = "VERB";
    }
  }

  /**
   * Short job titles that are verbs too ("the member-services rep"); not "lead", which the reading
   * takes for the prospect ("the partnerships lead calls the prospect back" is ours).
   */
  private static final java.util.Set<String> SHORT_TITLES =
      java.util.Set.of("rep", "head", "exec", "chair", "manager", "buyer");

  /**
   * "The member-services rep checks in with ...": a short title after a noun, read as the verb,
   * before the real verb read as a plural noun.
   */
  private static void titleReadAsVerb(String[] tokens, String[] tags) {
    for (int i = 1; i + 2 < tokens.length; i++) {
      if (tags[i].equals("AUX") || tags[i].equals("VERB") && i > 1 && tags[i - 1].equals("VERB")) {
        return;
      }
      String next = tokens[i + 1].toLowerCase(Locale.ROOT);
      if (tags[i].equals("VERB")
          && SHORT_TITLES.contains(tokens[i].toLowerCase(Locale.ROOT))
          && (tags[i - 1].equals("NOUN") || tags[i - 1].equals("PROPN"))
          && tags[i + 1].equals("NOUN")
          && next.endsWith("s")
          && !next.endsWith("ss")
          && java.util.Set.of("DET", "PRON", "NUM", "ADP").contains(tags[i + 2])) {
        tags[i] = "NOUN";
        tags[i + 1] = "VERB";
        return;
      }
    }
  }

  /** "Patient and care partner book the visit": care before a person or a place is a noun. */
  private static void careReadAsVerb(String[] tokens, String[] tags) {
    for (int i = 0; i + 1 < tokens.length; i++) {
      if (tags[i].equals("VERB")
          && tokens[i].equalsIgnoreCase("care")
          && CARE_NOUNS.contains(tokens[i + 1].toLowerCase(Locale.ROOT))) {
        tags[i] = "NOUN";
      }
    }
  }

  private static final java.util.Set<String> CARE_NOUNS =
      java.util.Set.of(
          "partner",
          "partners",
          "giver",
          "givers",
          "worker",
          "workers",
          "team",
          "home",
          "homes",
          "manager",
          "coordinator",
          "assistant",
          "package",
          "plan",
          "needs");

  /** "Policy wording and schedule are delivered": a noun in -ing in the subject is no verb. */
  private static void gerundInSubject(String[] tokens, String[] tags) {
    for (int i = 1; i + 1 < tokens.length; i++) {
      if (tags[i].equals("AUX")) {
        return;
      }
      if (tags[i].equals("VERB")
          && tokens[i].toLowerCase(Locale.ROOT).endsWith("ing")
          && tags[i - 1].equals("NOUN")
          && (tokens[i + 1].equalsIgnoreCase("and") || tags[i + 1].equals("AUX"))) {
        tags[i] = "NOUN";
        return;
      }
      if (tags[i].equals("VERB")) {
        return;
      }
    }
  }

  /**
   * "with the IT lead on priorities": after a preposition and a singular noun, a bare verb form
   * before a preposition or the end is the noun's head ("lead"), not a verb (that would need "-s").
   */
  private static void compoundReadAsVerb(String[] tokens, String[] tags) {
    for (int i = 2; i < tokens.length; i++) {
      String w = tokens[i].toLowerCase(Locale.ROOT);
      if (tags[i].equals("VERB")
          && (tags[i - 1].equals("NOUN") || tags[i - 1].equals("PROPN"))
          && !tokens[i - 1].toLowerCase(Locale.ROOT).endsWith("s")
          && tags[i - 2].equals("ADP")
          && !w.endsWith("s")
          && !w.endsWith("ed")
          && !w.endsWith("ing")
          && (i + 1 == tokens.length
              || tags[i + 1].equals("ADP")
              || tags[i + 1].equals("PUNCT")
              || tags[i + 1].equals("CCONJ"))) {
        tags[i] = "NOUN";
      }
    }
  }

  /**
   * "Bar team names which two ...", "Order desk confirms ...": a first word read as an instruction
   * before a noun and a verb in -s is the subject's first noun.
   */
  private static void modifierReadAsVerb(String[] tags, String[] words) {
    if (words.length >= 4
        && (tags[0].equals("VERB")
            // "Mill engineer blocks one shift": "Mill" read as the modal "will"
            || tags[0].equals("AUX") && !AUXILIARIES.contains(words[0].toLowerCase(Locale.ROOT)))
        && tags[1].equals("NOUN")
        && tags[2].equals("VERB")
        && words[2].endsWith("s")
        && !words[2].endsWith("ss")
        && !words[1].endsWith("s")) {
      tags[0] = "NOUN";
    }
  }

  private static final java.util.Set<String> PAPER_MODIFIERS =
      java.util.Set.of(
          "work",
          "purchase",
          "change",
          "service",
          "trial",
          "sample",
          "credit",
          "supply",
          "price",
          "order",
          "test",
          "job",
          "delivery");

  /** "Don Washington transfers the fee": the Spanish title before a name, not the verb "don". */
  private static void honorificReadAsVerb(String[] tokens, String[] tags) {
    for (int i = 0; i + 1 < tokens.length; i++) {
      if ((tokens[i].equals("Don") || tokens[i].equals("Doña") || tokens[i].equals("Dona"))
          && tags[i + 1].equals("PROPN")) {
        tags[i] = "PROPN";
      }
    }
  }

  private static final java.util.regex.Pattern OK_VERB =
      java.util.regex.Pattern.compile("(?i)ok(?:'?s|'?d|ed)|okays|okayed");

  /** "Practice manager OKs us emailing the fee table": the verb "OK", read as a name. */
  private static void okReadAsName(String[] tokens, String[] tags) {
    for (int i = 1; i + 1 < tokens.length; i++) {
      if (!tags[i].equals("VERB")
          && OK_VERB.matcher(tokens[i]).matches()
          && (tags[i - 1].equals("NOUN") || tags[i - 1].equals("PROPN"))
          && (tags[i + 1].equals("PRON") || tags[i + 1].equals("DET"))) {
        tags[i] = "VERB";
      }
    }
  }

  private static final java.util.Set<String> PASSIVE_AUXILIARIES =
      java.util.Set.of("is", "are", "was", "were", "gets", "get");

  /**
   * "Work order for the audit is issued by their commercial department": a first word of a paper's
   * name, read as an instruction, is the subject's modifier when the sentence's verb is a passive.
   */
  private static void passiveSubjectReadAsVerb(String[] tokens, String[] tags) {
    if (tokens.length < 5
        || !tags[0].equals("VERB")
        || !tags[1].equals("NOUN")
        || !PAPER_MODIFIERS.contains(tokens[0].toLowerCase(Locale.ROOT))) {
      return;
    }
    for (int j = 2; j + 1 < tokens.length; j++) {
      if (tags[j].equals("VERB") || tags[j].equals("SCONJ") || tags[j].equals("CCONJ")) {
        return;
      }
      String w = tokens[j].toLowerCase(Locale.ROOT);
      if (PASSIVE_AUXILIARIES.contains(w) && tags[j + 1].equals("VERB")) {
        tags[0] = "NOUN";
        return;
      }
    }
  }

  /**
   * "Estate engineer to WhatsApp photos": in shorthand, a first word read as an instruction before
   * a role and "to" is the role's modifier, and the word after "to" its verb.
   */
  private static void shorthandRoleReadAsVerb(String[] tokens, String[] tags) {
    if (tokens.length < 5 || !tags[0].equals("VERB") || !tags[1].equals("NOUN")) {
      return;
    }
    String role = tokens[1].toLowerCase(Locale.ROOT);
    boolean person =
        role.length() > 4
            && (role.endsWith("er")
                || role.endsWith("or")
                || role.endsWith("ist")
                || role.endsWith("ant")
                || role.endsWith("ee")
                || role.endsWith("man"));
    if (person
        && tokens[2].equalsIgnoreCase("to")
        && Character.isUpperCase(tokens[0].charAt(0))
        && (tags[3].equals("NOUN") || tags[3].equals("PROPN") || tags[3].equals("VERB"))
        && (tags[4].equals("NOUN") || tags[4].equals("DET") || tags[4].equals("PRON"))) {
      tags[0] = "NOUN";
      tags[2] = "PART";
      tags[3] = "VERB";
    }
  }

  private static final java.util.Set<String> AUXILIARIES =
      java.util.Set.of(
          "be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "do",
          "does", "did", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
          "need", "ought", "dare", "wo", "ca", "'ll", "'d", "'s", "'re", "'ve", "'m");

  /** Sentence-start adverbs that a verb in -s may follow in shorthand ("Also sends ..."). */
  private static final java.util.Set<String> OPENING_ADVERBS =
      java.util.Set.of(
          "also",
          "then",
          "now",
          "still",
          "just",
          "again",
          "always",
          "never",
          "often",
          "first",
          "next",
          "finally",
          "later",
          "today",
          "tomorrow",
          "tonight",
          "soon",
          "here",
          "there",
          "once",
          "already",
          "even",
          "only",
          "maybe",
          "perhaps",
          "together",
          "instead",
          "meanwhile",
          "afterwards",
          "otherwise",
          "thereafter",
          "immediately",
          "please",
          "asap",
          "hopefully",
          "ideally",
          "definitely",
          "probably",
          "possibly",
          "eventually");

  /**
   * "Innkjøpssjef goes through our offer": a word the tagger does not know, read as an adverb at
   * the start before a verb in -s, is that verb's subject.
   */
  private static void unknownSubjectReadAsAdverb(String[] tokens, String[] tags) {
    if (tokens.length < 3 || !tags[0].equals("ADV") || !tags[1].equals("VERB")) {
      return;
    }
    String first = tokens[0].toLowerCase(Locale.ROOT);
    String verb = tokens[1].toLowerCase(Locale.ROOT);
    if (Character.isUpperCase(tokens[0].charAt(0))
        && first.length() > 3
        && first.chars().allMatch(Character::isLetter)
        && !first.endsWith("ly")
        && !OPENING_ADVERBS.contains(first)
        && verb.endsWith("s")
        && !verb.endsWith("ss")
        && verb.length() > 3) {
      tags[0] = "NOUN";
    }
  }

  /** "Family-run", "locally-owned": a hyphenated modifier ending in a participle. */
  private static final java.util.regex.Pattern RUN_BY =
      java.util.regex.Pattern.compile("(?i)[a-z]+-(?:run|owned|based|led|managed|operated|sized)");

  /**
   * "follow-up", "port-in": a word joined at its hyphen keeps the tagger's PUNCT; it is a noun or,
   * before a noun, an adjective.
   */
  private static void hyphenatedWords(String[] tokens, String[] tags) {
    for (int i = 0; i < tokens.length; i++) {
      if (tags[i].equals("PUNCT")
          && tokens[i].indexOf('-') > 0
          && !tokens[i].startsWith("'")
          && tokens[i].chars().anyMatch(Character::isLetter)) {
        tags[i] = i + 1 < tokens.length && tags[i + 1].equals("NOUN") ? "ADJ" : "NOUN";
      }
      // "The bride-to-be", "a mum-to-be": a person
      if (tokens[i].toLowerCase(Locale.ROOT).endsWith("-to-be")) {
        tags[i] = "NOUN";
      }
      // "Family-run resort orders ...", "Locally-owned shop signs ...": a modifier, not an order
      if (tags[i].equals("VERB") && i + 1 < tokens.length && RUN_BY.matcher(tokens[i]).matches()) {
        tags[i] = "ADJ";
      }
      // "3 must-have requirements", "a nice-to-have feature": shown "have", tagged as a verb
      if (tokens[i].toLowerCase(Locale.ROOT).endsWith("-have")
          && i + 1 < tokens.length
          && tags[i + 1].equals("NOUN")) {
        tags[i] = "ADJ";
      }
    }
  }

  /** The words that are prepositions or adverbial particles, in English and in loans. */
  private static final java.util.Set<String> PREPOSITIONS =
      java.util.Set.of(
          "about",
          "above",
          "across",
          "after",
          "against",
          "along",
          "alongside",
          "amid",
          "among",
          "amongst",
          "around",
          "as",
          "at",
          "before",
          "behind",
          "below",
          "beneath",
          "beside",
          "besides",
          "between",
          "beyond",
          "by",
          "despite",
          "down",
          "during",
          "except",
          "for",
          "from",
          "in",
          "inside",
          "into",
          "like",
          "near",
          "nearby",
          "next",
          "of",
          "off",
          "on",
          "onto",
          "opposite",
          "out",
          "outside",
          "outwith",
          "over",
          "past",
          "per",
          "plus",
          "re",
          "round",
          "since",
          "than",
          "through",
          "throughout",
          "thru",
          "till",
          "to",
          "toward",
          "towards",
          "under",
          "underneath",
          "unlike",
          "until",
          "up",
          "upon",
          "via",
          "vs",
          "vs.",
          "versus",
          "with",
          "within",
          "without",
          "worth",
          "back",
          "forward",
          "forwards",
          "ahead",
          "together",
          "aside",
          "apart",
          "away",
          "upfront",
          "overnight",
          "beforehand",
          "incl",
          "incl.",
          "cum",
          "pro",
          "de",
          "del",
          "da",
          "do",
          "di",
          "du",
          "des",
          "la",
          "le",
          "von",
          "van",
          "der",
          "den",
          "zu",
          "à",
          "au",
          "aux",
          "en",
          "y",
          "e",
          "a",
          "para",
          "por",
          "con",
          "sin",
          "pour",
          "avec",
          "sur",
          "für",
          "mit",
          "bei",
          "nach",
          "aus",
          "um",
          "dans",
          "chez");

  /**
   * "Before Saturday's walkthrough the executor emails ...", "the cigarette factory ... Macedonian
   * tobacco", "Paralegal asks ...": the tagger reads a word it does not know as a preposition; only
   * a closed set of words are, the rest are nouns (a verb in -s among them is found after).
   */
  private static void openWordReadAsPreposition(String[] tokens, String[] tags) {
    for (int i = 0; i < tokens.length; i++) {
      String w = tokens[i].toLowerCase(Locale.ROOT);
      if (!tags[i].equals("ADP")
          || PREPOSITIONS.contains(w)
          || w.length() < 3
          || !w.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
        continue;
      }
      if (w.endsWith("ly")) {
        tags[i] = "ADV"; // "hopefully", "electronically"
      } else if (i > 0 && tokens[i - 1].equalsIgnoreCase("to")) {
        tags[i] = "VERB"; // "to attend", "to accept"
      } else if (!NUMBER_WORD.matcher(w).matches()
          && !java.util.Set.of(
                  "who", "which", "whoever", "our", "us", "we", "if", "because", "is", "are", "was",
                  "were", "been", "am")
              .contains(w)) {
        tags[i] = "NOUN";
      }
    }
  }

  /** Verbs in -ment; every other word in -ment is a noun ("signs the order acknowledgement"). */
  private static final java.util.Set<String> VERBS_IN_MENT =
      java.util.Set.of(
          "comment",
          "document",
          "implement",
          "supplement",
          "augment",
          "ferment",
          "lament",
          "torment",
          "segment",
          "complement",
          "compliment",
          "experiment",
          "cement",
          "foment",
          "fragment",
          "ornament",
          "pigment",
          "dement",
          "regiment",
          "increment");

  /**
   * "signs the order acknowledgement", "60 felt colours": a noun in -ment, and felt the material,
   * which the tagger reads as verbs.
   */
  private static void nounsReadAsVerbs(String[] tokens, String[] tags) {
    for (int i = 0; i < tokens.length; i++) {
      if (!tags[i].equals("VERB")) {
        continue;
      }
      String w = tokens[i].toLowerCase(Locale.ROOT);
      if (w.endsWith("ment") && w.length() > 6 && !VERBS_IN_MENT.contains(w)) {
        tags[i] = "NOUN";
      } else if (w.equals("felt")
          && i + 1 < tokens.length
          && (tags[i + 1].equals("NOUN") || tags[i + 1].equals("PROPN"))
          && (i == 0 || !tags[i - 1].equals("PRON") && !tags[i - 1].equals("AUX"))) {
        tags[i] = "ADJ";
      }
    }
  }

  private static final java.util.Set<String> DISTRIBUTIVE =
      java.util.Set.of("each", "both", "all", "jointly", "together");

  /**
   * "The FD and the clerk each name the report": the tagger reads a plural subject's verb after
   * "each" or "both" as a noun when nothing before it is a verb.
   */
  private static void verbAfterEach(String[] tokens, String[] tags) {
    for (int i = 2; i + 1 < tokens.length; i++) {
      if (tags[i - 1].equals("VERB") || tags[i - 1].equals("AUX")) {
        return;
      }
      if (tags[i].equals("NOUN")
          && DISTRIBUTIVE.contains(tokens[i - 1].toLowerCase(Locale.ROOT))
          && (tags[i - 2].equals("NOUN") || tags[i - 2].equals("PROPN"))
          && (tags[i + 1].equals("DET")
              || tags[i + 1].equals("PRON")
              || tags[i + 1].equals("NUM"))) {
        tags[i] = "VERB";
        return;
      }
    }
  }

  /**
   * Plurals that are never verbs: "bookings", "drawings", "facilities" (not "brings"; "orders",
   * "documents" and "questions" are verbs too).
   */
  private static final java.util.regex.Pattern NOUN_ENDINGS =
      java.util.regex.Pattern.compile("^.{3,}(?<!r)ings$|ities$");

  /** Words that start an object: after "and texts" they make "texts" a verb. */
  private static final java.util.Set<String> OBJECT_STARTS =
      java.util.Set.of("the", "a", "an", "them", "him", "her", "us", "me", "it");

  /**
   * "The scheduler locks a technician and texts the homeowner": after "and", a noun in -s before an
   * object, following a verb in -s, is a second verb of the same subject.
   */
  private static void conjoinedVerbReadAsNoun(String[] tokens, String[] tags) {
    boolean verbInS = false;
    for (int i = 1; i + 1 < tokens.length; i++) {
      String w = tokens[i].toLowerCase(Locale.ROOT);
      if (tags[i].equals("VERB") && w.endsWith("s") && !w.endsWith("ss")) {
        verbInS = true;
      } else if (verbInS
          && tags[i].equals("NOUN")
          && w.length() > 3
          && w.endsWith("s")
          && !w.endsWith("ss")
          && !NOUN_ENDINGS.matcher(w).find() // "the survey and bookings the same week"
          && tokens[i - 1].equalsIgnoreCase("and")
          && (OBJECT_STARTS.contains(tokens[i + 1].toLowerCase(Locale.ROOT))
              // "holds a general meeting and votes to appoint us"
              || tokens[i + 1].equalsIgnoreCase("to")
                  && i + 2 < tokens.length
                  && tags[i + 2].equals("VERB")
              // "reads our terms and replies by email"
              || tokens[i + 1].equalsIgnoreCase("by")
                  && i + 2 < tokens.length
                  && CHANNELS.contains(tokens[i + 2].toLowerCase(Locale.ROOT)))) {
        tags[i] = "VERB";
      }
    }
  }

  /** What opens an aside after the subject: "The owner, following our visit, registers". */
  private static final java.util.Set<String> ASIDE_STARTS =
      java.util.Set.of(
          "following", "after", "having", "before", "despite", "once", "when", "while", "as");

  /**
   * "The shop owner, following our agent's visit, registers as a reseller": after an aside between
   * commas, a word in -s with an object or a preposition after it is the main verb.
   */
  private static void verbAfterAside(String[] tokens, String[] tags) {
    for (int c = 1; c < Math.min(tokens.length - 1, 8); c++) {
      if (!tokens[c].equals(",")) {
        continue;
      }
      if (!ASIDE_STARTS.contains(tokens[c + 1].toLowerCase(Locale.ROOT))) {
        return;
      }
      for (int d = c + 2; d + 2 < tokens.length && d < c + 14; d++) {
        if (!tokens[d].equals(",")) {
          continue;
        }
        String w = tokens[d + 1].toLowerCase(Locale.ROOT);
        if (tags[d + 1].equals("NOUN")
            && w.length() > 3
            && w.endsWith("s")
            && !w.endsWith("ss")
            && java.util.Set.of("DET", "PRON", "ADP", "NUM").contains(tags[d + 2])) {
          tags[d + 1] = "VERB";
        }
        return;
      }
      return;
    }
  }

  /** How a reply comes: "replies by email". */
  private static final java.util.Set<String> CHANNELS =
      java.util.Set.of(
          "email",
          "e-mail",
          "mail",
          "phone",
          "text",
          "sms",
          "whatsapp",
          "letter",
          "post",
          "return");

  /** Verbs whose base form, before its particle, the tagger reads as a noun ("mark up"). */
  private static final java.util.Set<String> PHRASAL_BASES =
      java.util.Set.of(
          "mark", "fill", "sign", "write", "print", "pay", "set", "pick", "draw", "hand", "type",
          "ring", "read", "send", "track", "check", "map", "note", "jot", "scan", "add", "carve");

  /**
   * "The head of claims and their medical director mark up our draft": before any verb, a verb's
   * base form after a noun, with its particle and then its object, is the verb.
   */
  private static void phrasalVerbReadAsNoun(String[] tokens, String[] tags) {
    for (int i = 1; i + 2 < tokens.length; i++) {
      if (tags[i].equals("VERB") || tags[i].equals("AUX")) {
        return;
      }
      if (tags[i].equals("NOUN")
          && (tags[i - 1].equals("NOUN") || tags[i - 1].equals("PROPN"))
          && PHRASAL_BASES.contains(tokens[i].toLowerCase(Locale.ROOT))
          && PARTICLES.contains(tokens[i + 1].toLowerCase(Locale.ROOT))
          && (tags[i + 2].equals("DET") || tags[i + 2].equals("PRON"))) {
        tags[i] = "VERB";
        tags[i + 1] = "ADP";
        return;
      }
    }
  }

  /** Pronouns proper, not nouns the tagger read as pronouns ("itinerary"). */
  private static final java.util.Set<String> PRONOUNS =
      java.util.Set.of(
          "i",
          "you",
          "he",
          "she",
          "it",
          "we",
          "they",
          "me",
          "him",
          "her",
          "us",
          "them",
          "this",
          "that",
          "these",
          "those",
          "who",
          "which",
          "what",
          "one",
          "ones",
          "each",
          "all",
          "both",
          "some",
          "any",
          "none",
          "everyone",
          "someone",
          "anyone");

  /** Adverbs that end in -s. */
  private static final java.util.Set<String> ADVERBS_IN_S =
      java.util.Set.of(
          "always",
          "perhaps",
          "sometimes",
          "afterwards",
          "besides",
          "towards",
          "nevertheless",
          "regardless",
          "thus",
          "less",
          "unless",
          "across",
          "nowadays",
          "overseas",
          "upstairs",
          "downstairs",
          "indoors",
          "outdoors",
          "backwards",
          "forwards",
          "as");

  /** Linking verbs in -s, which the tagger reads as plural nouns before a participle. */
  private static final java.util.Set<String> LINKING_IN_S =
      java.util.Set.of("stays", "remains", "becomes", "seems", "appears", "grows");

  /** True when a verb was found or set from word {@code from} on. */
  private static boolean mainVerbReadAsNoun(String[] tokens, String[] tags, int from) {
    for (int i = from; i + 1 < tokens.length; i++) {
      if (tags[i].equals("VERB") || tags[i].equals("AUX")) {
        return true;
      }
      String w = tokens[i].toLowerCase(Locale.ROOT);
      boolean subjectBefore =
          tags[i - 1].equals("NOUN")
              || tags[i - 1].equals("PROPN")
              // "buyer at the wholesaler sends": a noun the tagger read as an adjective
              || tags[i - 1].equals("ADJ") && i >= 2 && tags[i - 2].equals("DET")
              // "the body corporate chats": an adjective after its noun
              || tags[i - 1].equals("ADJ")
                  && i >= 3
                  && tags[i - 2].equals("NOUN")
                  && tags[i - 3].equals("DET")
              || tokens[i - 1].equals("IT") // "the head of IT"
              // "the owner of the épicerie fine emails us": whatever the adjective, a word in -s
              // before "us" is what they do
              || tags[i - 1].equals("ADJ")
                  && java.util.Set.of("us", "me").contains(tokens[i + 1].toLowerCase(Locale.ROOT))
              || tokens[i - 1].equals(")") // "Prospect (FM at the DC) accepts"
              || tags[i - 1].equals("ADJ")
                  && i >= 2
                  && tokens[i - 2].equalsIgnoreCase("of") // "the head of digital"
              || tags[i - 1].equals("NUM")
                  && i >= 2
                  && tokens[i - 2].equalsIgnoreCase("of"); // "team of three activates"
      if (!(tags[i].equals("NOUN") || tags[i].equals("ADV") && !ADVERBS_IN_S.contains(w))
          || !w.endsWith("s")
          || w.endsWith("ss")
          || w.length() < 4
          || !subjectBefore) {
        continue;
      }
      String next = tokens[i + 1].toLowerCase(Locale.ROOT);
      boolean verbContext =
          tags[i + 1].equals("DET")
              || tags[i + 1].equals("PRON")
              || tags[i + 1].equals("NUM")
              || AFTER_VERB_ONLY.contains(next)
              || Character.isDigit(next.charAt(0)) // "accepts 15-min call"
              // "The senior talks about her dental health"
              || next.equals("about") && SPEAKING_ABOUT.contains(w)
              // "sends last quarter's figures", "sends full details"
              || tags[i + 1].equals("ADJ")
                  && i + 2 < tokens.length
                  && (tags[i + 2].equals("NOUN") || tags[i + 2].equals("NUM"))
              || tags[i].equals("ADV") && tags[i + 1].equals("ADP")
              // "The HR team engages more with our offer": nothing after it is a verb
              || tags[i + 1].equals("ADV")
                  && (next.endsWith("ly") || next.equals("more") || next.equals("further"))
                  && !tokens[i - 1].toLowerCase(Locale.ROOT).endsWith("s")
                  && i + 2 < tokens.length
                  && tags[i + 2].equals("ADP")
                  && !laterVerb(tags, i + 1)
              || next.equals("to")
                  && i + 2 < tokens.length
                  && java.util.Set.of("DET", "ADJ", "ADV", "NUM", "PRON").contains(tags[i + 2])
              // "The buyer stays engaged with us": a linking verb before how they are
              || LINKING_IN_S.contains(w)
                  && (tags[i + 1].equals("ADJ")
                      || tags[i + 1].equals("VERB") && next.endsWith("ed"))
              // "The winery engages with our brand", "The congregation votes at a meeting to
              // adopt ... and migrate ...": no other verb heads the sentence
              || VERB_PREPOSITIONS.contains(next)
                  && i + 2 < tokens.length
                  && java.util.Set.of("DET", "PRON").contains(tags[i + 2])
                  && !tokens[i - 1].toLowerCase(Locale.ROOT).endsWith("s")
                  // (not "Explore connectivity options with ...": an order read as a noun)
                  && (i == 1 || tags[0].equals("DET") || tags[0].equals("PRON"))
                  && !laterFiniteVerb(tokens, tags, i + 2);
      // "the CIO secures board approval": read as a noun, then a verb that is the object's noun
      boolean objectReadAsVerb =
          tags[i + 1].equals("VERB")
              && !next.endsWith("ing")
              && !next.endsWith("ed")
              && i + 2 < tokens.length
              && tags[i + 2].equals("NOUN");
      // "The group leader discusses needs for the week": a plural noun takes no verb in -s, so
      // the first is the verb and the second its object
      objectReadAsVerb |=
          tags[i + 1].equals("VERB")
              && next.endsWith("s")
              && !next.endsWith("ss")
              && !tokens[i - 1].equalsIgnoreCase("of")
              && Character.isLowerCase(tokens[i].charAt(0))
              && (i + 2 == tokens.length
                  || tags[i + 2].equals("ADP")
                  || tags[i + 2].equals("PUNCT")
                  || tags[i + 2].equals("CCONJ")
                  // ("discusses needs around loyalty": a preposition read as an adverb)
                  || tags[i + 2].equals("ADV")
                      && java.util.Set.of("around", "about", "on", "over", "for")
                          .contains(tokens[i + 2].toLowerCase(Locale.ROOT)));
      // "Factory dispatches samples of 3 grades": two plurals in a row after a singular
      // subject; the first is its verb
      objectReadAsVerb |=
          tags[i + 1].equals("NOUN")
              && w.endsWith("es")
              && next.endsWith("s")
              && !next.endsWith("ss")
              && !tokens[i - 1].toLowerCase(Locale.ROOT).endsWith("s")
              && i + 2 < tokens.length
              && (tags[i + 2].equals("ADP")
                  || tags[i + 2].equals("PUNCT")
                  || tags[i + 2].equals("CCONJ"));
      if (verbContext || objectReadAsVerb) {
        tags[i] = "VERB";
        if (LINKING_IN_S.contains(w) && tags[i + 1].equals("VERB")) {
          tags[i + 1] = "ADJ"; // ("stays engaged": how they are, as in "remains engaged")
        }
        if (objectReadAsVerb) {
          tags[i + 1] = "NOUN";
        }
        return true;
      }
    }
    return false;
  }

  /** "pre-qualified" and "e-sign" stay one word (the tokenizer splits off "-qualified"). */
  private static String[] joinHyphens(String text, opennlp.tools.util.Span[] spans) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int lastEnd = -1;
    for (opennlp.tools.util.Span sp : spans) {
      String t = text.substring(sp.getStart(), sp.getEnd());
      boolean glued = sp.getStart() == lastEnd && !out.isEmpty();
      String prev = glued ? out.get(out.size() - 1) : "";
      if (glued
          && t.equals("-")
          && Character.isLetterOrDigit(prev.charAt(prev.length() - 1))
          && sp.getEnd() < text.length()
          && Character.isLetterOrDigit(text.charAt(sp.getEnd()))) {
        out.set(out.size() - 1, prev + t); // "buy" "-" "in"
      } else if (glued
          && (t.length() > 1 && t.startsWith("-") && Character.isLetter(t.charAt(1))
              || prev.endsWith("-")
                  && prev.length() > 1
                  && Character.isLetterOrDigit(t.charAt(0)))) {
        out.set(out.size() - 1, prev + t);
      } else if (clitic(t) > 0 && Character.isLetter(t.charAt(0))) {
        // "Client's" as "Client" "'s": the tagger was trained on words split this way
        int cut = clitic(t);
        out.add(t.substring(0, cut));
        out.add(t.substring(cut));
      } else {
        out.add(t);
      }
      lastEnd = sp.getEnd();
    }
    return out.toArray(String[]::new);
  }

  private static final String[] CLITICS = {
    "n't", "'s", "'re", "'ll", "'ve", "'d", "'m", "s'", "\u2019s", "'"
  };

  /** Where a clitic ("'s", "n't") starts in {@code word}, or -1. */
  private static int clitic(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (String c : CLITICS) {
      if (w.length() > c.length() && w.endsWith(c)) {
        return c.equals("s'") ? w.length() - 1 : w.length() - c.length();
      }
    }
    return -1;
  }

  private static String[] penn(String[] ud) {
    String[] out = new String[ud.length];
    for (int i = 0; i < ud.length; i++) {
      out[i] =
          switch (ud[i]) {
            case "VERB" -> "VB";
            case "AUX" -> "MD";
            case "NOUN" -> "NN";
            case "PROPN" -> "NNP";
            case "ADJ" -> "JJ";
            case "ADV" -> "RB";
            case "ADP", "SCONJ" -> "IN";
            case "DET" -> "DT";
            case "PRON" -> "PRP";
            case "CCONJ" -> "CC";
            case "PART" -> "RP";
            case "NUM" -> "CD";
            case "INTJ" -> "UH";
            case "SYM" -> "SYM";
            case "PUNCT" -> ".";
            default -> "FW";
          };
    }
    return out;
  }

  private interface Reader<T> {
    T read(InputStream in) throws IOException;
  }

  private static <T> T load(String resource, Reader<T> reader) {
    try (InputStream in = English.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("OpenNLP model " + resource + " unreadable", e);
    }
  }
}
