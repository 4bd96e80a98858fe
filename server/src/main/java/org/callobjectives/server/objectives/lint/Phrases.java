package org.callobjectives.server.objectives.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A word list indexed by its first word, so a text is matched against the few phrases that can
 * start there.
 */
final class Phrases implements Iterable<Phrase> {
  private final List<Phrase> all;
  private final Map<String, List<Phrase>> byFirst = new HashMap<>();
  private final List<Phrase> wildFirst = new ArrayList<>();

  Phrases(List<String> words) {
    this.all = Phrase.all(words);
    for (Phrase p : all) {
      if (p.words().length == 0) {
        continue;
      }
      if (p.words()[0].equals("*")) {
        wildFirst.add(p);
      } else {
        byFirst.computeIfAbsent(p.words()[0], k -> new ArrayList<>()).add(p);
      }
    }
  }

  /** The phrases that may match at token {@code i} (by its text, lemma or plain singular). */
  List<Phrase> candidates(Sentence s, int i) {
    if (i < 0 || i >= s.size()) {
      return List.of();
    }
    List<Phrase> out = new ArrayList<>(wildFirst);
    add(out, s.lower()[i]);
    if (!s.lemmas()[i].equals(s.lower()[i])) {
      add(out, s.lemmas()[i]);
    }
    String stem = Phrase.stem(s.lower()[i]);
    if (!stem.equals(s.lower()[i]) && !stem.equals(s.lemmas()[i])) {
      add(out, stem);
    }
    return out;
  }

  private void add(List<Phrase> out, String key) {
    List<Phrase> l = byFirst.get(key);
    if (l != null) {
      out.addAll(l);
    }
  }

  /** The length of the longest phrase at token {@code i}, or 0. */
  int longest(Sentence s, int i) {
    int best = 0;
    for (Phrase p : candidates(s, i)) {
      best = Math.max(best, s.matchAt(p, i));
    }
    return best;
  }

  /** The first phrase, in list order, found anywhere in {@code s}, or null. */
  Phrase first(Sentence s) {
    return first(s, false);
  }

  /**
   * As {@link #first(Sentence)}, skipping clauses of their own when {@code mainClause} ("they would
   * like to").
   */
  Phrase first(Sentence s, boolean mainClause) {
    Phrase found = null;
    int order = Integer.MAX_VALUE;
    // "... the week after first cut, please God.": an aside closing the sentence is the whole
    // sentence's, whatever clause stands before it
    int comma = -1;
    for (int i = s.size() - 1; mainClause && i > 0 && comma < 0; i--) {
      comma = s.word(i, ",") ? i : -1;
    }
    if (comma > 0 && comma + 1 < s.size()) {
      for (Phrase p : candidates(s, comma + 1)) {
        int n = s.matchAt(p, comma + 1);
        int at = all.indexOf(p);
        if (n > 0 && at < order && onlyPunctuationFrom(s, comma + 1 + n)) {
          found = p;
          order = at;
        }
      }
    }
    for (int i = 0; i < s.size(); i++) {
      if (mainClause && s.embedded(i)) {
        break;
      }
      for (Phrase p : candidates(s, i)) {
        int at = all.indexOf(p);
        if (at < order && s.matchAt(p, i) > 0) {
          found = p;
          order = at;
        }
      }
    }
    return found;
  }

  private static boolean onlyPunctuationFrom(Sentence s, int from) {
    for (int i = from; i < s.size(); i++) {
      if (!s.is(i, "PUNCT")) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Iterator<Phrase> iterator() {
    return all.iterator();
  }
}
