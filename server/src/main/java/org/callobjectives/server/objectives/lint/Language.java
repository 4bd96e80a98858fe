package org.callobjectives.server.objectives.lint;

import java.util.Locale;
import java.util.Set;

/**
 * Tells an advance written in English from one written in French, Spanish, Portuguese or German.
 */
final class Language {
  private Language() {}

  /** Small words of English that no other of these languages shares. */
  private static final Set<String> ENGLISH =
      Set.of(
          "the", "and", "to", "of", "for", "with", "by", "an", "their", "our", "is", "are", "from",
          "at", "this", "before", "after", "us", "they", "his", "her", "its", "on", "sends",
          "gives", "agrees", "books", "signs", "will");

  /**
   * Small words of those languages that are no English words ("a", "de", "en", "in", "no", "do" are
   * left out: English has them or uses them in names).
   */
  private static final Set<String> OTHERS =
      Set.of(
          "le", "la", "les", "des", "du", "et", "pour", "avec", "sur", "dans", "par", "une", "leur",
          "leurs", "nous", "est", "au", "aux", "qui", "que", "ses", "son", "sa", "el", "los", "las",
          "del", "y", "con", "para", "por", "una", "su", "sus", "da", "dos", "das", "com", "uma",
          "seu", "sua", "não", "der", "den", "dem", "und", "mit", "für", "von", "zu", "ein", "eine",
          "im", "ist", "nicht", "auf", "bei", "pendant", "avant", "après", "antes", "durante",
          "während", "vor", "nach");

  /**
   * Whether {@code text} reads as English: not when the small words of another language, in lower
   * case, outnumber English's two to one (three at least).
   */
  static boolean looksEnglish(String text) {
    if (text == null) {
      return true;
    }
    int english = 0;
    int others = 0;
    for (String word : text.split("[^\\p{L}]+")) {
      if (word.isEmpty() || Character.isUpperCase(word.charAt(0))) {
        continue; // ("Des Moines", "Casa de la Playa y Los Pinos": names)
      }
      String w = word.toLowerCase(Locale.ROOT);
      if (ENGLISH.contains(w)) {
        english++;
      } else if (OTHERS.contains(w)) {
        others++;
      }
    }
    return others < 3 || others < 2 * english;
  }
}
