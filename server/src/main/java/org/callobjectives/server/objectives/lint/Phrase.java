package org.callobjectives.server.objectives.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word or phrase of a word list, matched by lemma against a {@link Sentence}; {@code *} skips a
 * few words.
 */
record Phrase(String text, String[] words) {

  static Phrase of(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    List<String> w = new ArrayList<>();
    for (String s : t.split("\\s+")) {
      // "god's": the text's tokens split the possessive off ("god", "'s")
      if (s.length() > 2 && (s.endsWith("'s") || s.endsWith("\u2019s"))) {
        w.add(s.substring(0, s.length() - 2));
        w.add("'s");
      } else if (!s.isEmpty()) {
        w.add(s.equals("*") ? s : stem(s));
      }
    }
    return new Phrase(t, w.toArray(String[]::new));
  }

  static List<Phrase> all(List<String> list) {
    List<Phrase> out = new ArrayList<>();
    for (String s : list == null ? List.<String>of() : list) {
      if (s != null && !s.isBlank()) {
        out.add(of(s));
      }
    }
    return out;
  }

  /**
   * A plain plural's singular, so that list entries and text meet halfway where the lemmatizer did
   * not.
   */
  static String stem(String w) {
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 3
        && w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("us")
        && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  /**
   * The entry as written in a message: "insha ' allah" (split as the tokens are) as insha'allah.
   */
  String shown() {
    return text.replaceAll("\\s*(['\u2019])\\s*", "$1");
  }

  @Override
  public String toString() {
    return text;
  }
}
