package org.callobjectives.server.objectives.lint;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a pop-up can show well: stated length limits per field, and plain text without markup. */
final class TextLimits {
  static final int TITLE = 80;
  static final int ADVANCE = 200;
  static final int MEASURE = 160;
  static final int TIME_FRAME = 60;
  static final int CHECKLIST = 100;
  static final int FOLLOW_UP = 120;

  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z!][^>]*>");
  // A tag that breaks a line or a block stands between words ("sends<br>payslips")
  private static final Pattern BREAKING_TAG =
      Pattern.compile("(?i)</?(?:br|p|div|li|ul|ol|tr|td|th|h[1-6]|hr|table|blockquote)\\b[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(?:[a-zA-Z]{2,8}|#\\d{1,6}|#x[0-9a-fA-F]{1,6});");
  private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(([^)]*)\\)");
  private static final Pattern EMPHASIS =
      Pattern.compile(
          "(\\*\\*|__|`)(.+?)\\1"
              // "*no gap*", "_today_": one star or underscore around words ("5 * 3" is no emphasis)
              + "|(?<![\\w*])\\*(?=[^\\s*])([^*\\n]*?[^\\s*])\\*(?![\\w*])"
              + "|(?<![\\w_])_(?=[^\\s_])([^_\\n]*?[^\\s_])_(?![\\w_])");
  // BBCode as forums and some CRMs write it: only a tag with its closing one ("[b]today[/b]"), so
  // "option [b]" in a list is no markup; what is inside is bounded and bracket-free, so a long
  // paste of "[b][b][b]..." is read in linear time
  private static final Pattern BBCODE =
      Pattern.compile(
          "(?i)\\[(b|i|u|s|url|color|colour|size|font|quote|code|highlight)(?:=[^\\]\\[]{0,300})?\\]"
              + "([^\\[\\]]{0,300})\\[/\\1\\]");
  // A Markdown or pasted list: a bullet or number opening a line after the first ("Caller:\n- picks
  // unit size\n- ..."); the pop-up shows one paragraph, so the lines would run together
  private static final Pattern LIST_ITEM =
      Pattern.compile("\\n[ \\t]*(?:[-*+•▪◦‣]|\\d{1,2}[.)])[ \\t]+(?=\\S)");
  private static final Pattern FIRST_ITEM =
      Pattern.compile("^[ \\t]*(?:[-*+•▪◦‣]|\\d{1,2}[.)])[ \\t]+(?=\\S)");
  // "data:" only as a URL ("data:text/html,..."), not "interval data: volume, AHT"
  private static final Pattern SCHEME =
      Pattern.compile(
          "(?i)\\b(?:javascript:|vbscript:|data:\\s*[a-z]+/[\\w.+-]+|data:[^,\\s]*;base64,)");

  // A chat app's emoji code (":thumbsup:", ":wind_face:"): the pop-up shows the code, not the
  // picture; a letter is needed, and no word or colon may touch it ("10:30:00" is a time)
  private static final Pattern EMOJI_CODE =
      Pattern.compile("(?<![\\w:]):(?=[a-z0-9_+-]{0,29}[a-z])[a-z0-9_+-]{2,30}:(?![\\w:])");

  private TextLimits() {}

  /**
   * The markup in {@code text} (an HTML tag or entity, a Markdown link or emphasis, BBCode), if
   * any.
   */
  static Optional<String> markup(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (Pattern p :
        new Pattern[] {TAG, LINK, ENTITY, EMPHASIS, BBCODE, SCHEME, EMOJI_CODE, LIST_ITEM}) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        return Optional.of(
            p == LIST_ITEM ? m.group().strip() + " opening a line" : m.group().strip());
      }
    }
    return Optional.empty();
  }

  private static String emphasised(java.util.regex.MatchResult m) {
    for (int g = 2; g <= m.groupCount(); g++) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    return "";
  }

  /** {@code text} as plain words: tags and entities dropped, a link reduced to its words. */
  static String plain(String text) {
    String t = LINK.matcher(text).replaceAll("$1");
    t = EMPHASIS.matcher(t).replaceAll(m -> Matcher.quoteReplacement(emphasised(m)));
    for (int nested = 0; nested < 3; nested++) { // "[b][i]today[/i][/b]": inner first
      t = BBCODE.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
    }
    t = BREAKING_TAG.matcher(t).replaceAll(" ");
    t = TAG.matcher(t).replaceAll("");
    t = ENTITY.matcher(t).replaceAll(" ");
    t = SCHEME.matcher(t).replaceAll("");
    t = EMOJI_CODE.matcher(t).replaceAll("");
    if (LIST_ITEM.matcher(t).find()) {
      // "Caller:\n- picks unit size\n- completes the rental": "Caller: picks unit size; completes
      // ..."
      t = FIRST_ITEM.matcher(t).replaceFirst("");
      t = LIST_ITEM.matcher(t).replaceAll("; ").replace(":;", ":");
    }
    // (literal replacements: a pattern with a run of spaces before ";" would be quadratic)
    t = t.replaceAll("\\s+", " ").replace(" ;", ";").strip();
    return t.startsWith(";") ? t.substring(1).strip() : t;
  }
}
