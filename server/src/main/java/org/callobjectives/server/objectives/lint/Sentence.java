package org.callobjectives.server.objectives.lint;

import java.util.List;

/** A text as OpenNLP read it: tokens, lower-cased tokens, universal POS tags and lemmas. */
record Sentence(String text, String[] tokens, String[] lower, String[] tags, String[] lemmas) {
  private static final java.util.regex.Pattern NO_SPACE_BEFORE =
      java.util.regex.Pattern.compile("[,.;:!?)']");

  /** Tokens {@code from} to {@code to} as a sentence of their own. */
  Sentence slice(int from, int to) {
    return new Sentence(
        span(from, to),
        java.util.Arrays.copyOfRange(tokens, from, to),
        java.util.Arrays.copyOfRange(lower, from, to),
        java.util.Arrays.copyOfRange(tags, from, to),
        java.util.Arrays.copyOfRange(lemmas, from, to));
  }

  int size() {
    return tokens.length;
  }

  boolean is(int i, String tag) {
    return i >= 0 && i < tags.length && tags[i].equals(tag);
  }

  /** The word at {@code i} is {@code w}, as written or as its lemma. */
  boolean word(int i, String w) {
    return i >= 0 && i < tokens.length && (lower[i].equals(w) || lemmas[i].equals(w));
  }

  boolean wordIn(int i, java.util.Set<String> words) {
    return i >= 0 && i < tokens.length && (words.contains(lower[i]) || words.contains(lemmas[i]));
  }

  /** Where {@code phrase} starts at or after {@code from}, or -1; see {@link #matchAt}. */
  int find(Phrase phrase, int from) {
    for (int i = Math.max(0, from); i < tokens.length; i++) {
      if (matchAt(phrase, i) > 0) {
        return i;
      }
    }
    return -1;
  }

  /** The first of {@code phrases} found, or null. */
  Phrase first(List<Phrase> phrases) {
    for (Phrase p : phrases) {
      if (find(p, 0) >= 0) {
        return p;
      }
    }
    return null;
  }

  /** Currency signs, skipped with the amount they stand before ("gets a $500 quote"). */
  private static final java.util.Set<String> CURRENCY = java.util.Set.of("$", "€", "£", "¥", "₹");

  /**
   * How many tokens {@code phrase} covers at {@code i}, or 0. Words match as written or by lemma; a
   * {@code *} stands for up to three determiners, pronouns, adjectives, nouns, numbers or adverbs
   * ("agrees to the next steps" matches "agree to * next step").
   */
  int matchAt(Phrase phrase, int i) {
    return match(phrase.words(), 0, i, i);
  }

  private int match(String[] words, int w, int i, int start) {
    if (w == words.length) {
      return i - start;
    }
    String word = words[w];
    if (word.equals("*")) {
      // a possessive "'s" is part of the skipped noun phrase, not a word of its own
      int possessives = 0;
      for (int skip = 0; skip <= 3 + possessives; skip++) {
        if (skip > 0) {
          int k = i + skip - 1;
          if (k < tokens.length && lower[k].equals("'s")) {
            possessives++;
          }
          if (k >= tokens.length
              || !(is(k, "DET")
                  || is(k, "PRON")
                  || is(k, "ADJ")
                  || is(k, "NUM")
                  || is(k, "ADV")
                  || is(k, "NOUN")
                  || is(k, "PROPN")
                  // ("our salary benchmarking report": a word in -ing before a noun)
                  || is(k, "VERB") && lower[k].endsWith("ing") && is(k + 1, "NOUN")
                  || lower[k].equals("'s")
                  || CURRENCY.contains(lower[k])
                  || lower[k].equals("-")
                  || lower[k].equals("'")
                  || lower[k].equals("\"")
                  || lower[k].equals("`"))) {
            break;
          }
        }
        int m = match(words, w + 1, i + skip, start);
        if (m > 0) {
          return m;
        }
      }
      return 0;
    }
    if (i >= tokens.length) {
      return 0;
    }
    if (lower[i].equals(word) || lemmas[i].equals(word) || Phrase.stem(lower[i]).equals(word)) {
      return match(words, w + 1, i + 1, start);
    }
    return 0;
  }

  /** Words that open a clause of its own inside a sentence (also read by {@link BuyingProcess}). */
  static final java.util.Set<String> CLAUSE_WORDS =
      java.util.Set.of(
          "who", "whom", "whose", "which", "whether", "why", "how", "where", "what", "whoever");

  private static final java.util.Set<String> SUBJECT_PRONOUNS =
      java.util.Set.of("they", "we", "he", "she");

  /**
   * True when word {@code i} sits in a clause of its own inside the sentence: after "who",
   * "whether", "how" ..., or after a subject pronoun right behind a noun ("the tools they would
   * like to replace"). What happens there is not what the subject of the sentence does.
   */
  boolean embedded(int i) {
    return embedded(0, i);
  }

  /** As {@link #embedded(int)}, for a clause that starts after word {@code from} (its verb). */
  boolean embedded(int from, int i) {
    for (int j = Math.min(i, tokens.length - 1); j > from; j--) {
      if (wordIn(j, CLAUSE_WORDS)
          || wordIn(j, SUBJECT_PRONOUNS)
              && j - 1 > from
              && (is(j - 1, "NOUN") || is(j - 1, "PROPN"))
          || reducedRelative(j, from)) {
        return true;
      }
    }
    return false;
  }

  /**
   * "the dates the board is considering": a noun, then a subject of its own (determiner, nouns)
   * right before a verb, opens a clause without "that".
   */
  private boolean reducedRelative(int j, int from) {
    if (!is(j, "DET") || word(j, "a") || word(j, "an") || j - 1 <= from) {
      return false;
    }
    if (!(is(j - 1, "NOUN") || is(j - 1, "PROPN"))) {
      return false;
    }
    int k = j + 1;
    boolean noun = false;
    while (k < tokens.length && (is(k, "ADJ") || is(k, "NOUN") || is(k, "PROPN") || is(k, "NUM"))) {
      noun |= is(k, "NOUN") || is(k, "PROPN");
      k++;
    }
    return noun && k < tokens.length && (is(k, "AUX") || is(k, "VERB"));
  }

  String span(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, from); i < Math.min(to, tokens.length); i++) {
      if (sb.length() > 0
          && !NO_SPACE_BEFORE.matcher(tokens[i]).lookingAt()
          && !tokens[i - 1].equals("(")) {
        sb.append(' ');
      }
      sb.append(tokens[i]);
    }
    return sb.toString();
  }
}
