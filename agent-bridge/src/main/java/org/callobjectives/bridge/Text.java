package org.callobjectives.bridge;

import java.util.regex.Pattern;

/** The one sanitizer for every text from AMI, config or people before a client shows it. */
public final class Text {

  /**
   * Whole escape sequences (CSI, OSC, DCS/PM/APC strings, two-character ESC x), so no residue
   * shows.
   */
  private static final Pattern ESCAPES =
      Pattern.compile(
          "\u001B\\[[0-?]*[ -/]*[@-~]?"
              + "|\u001B[\\]P^_X][^\u0007\u001B\u009C]*(?:\u0007|\u001B\\\\|\u009C)?"
              + "|\u009B[0-?]*[ -/]*[@-~]?"
              + "|\u001B[ -~]?");

  private Text() {}

  /**
   * {@code s} on one line without control characters: escape sequences removed whole, line breaks
   * and tabs become spaces, other C0/C1 controls and bidirectional overrides are dropped. Null
   * stays null.
   */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = ESCAPES.matcher(s).replaceAll("");
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        sb.append(' ');
      } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || isBidiControl(c)) {
        // dropped: BEL, backspace, ESC leftovers, C1 controls, direction overrides
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** {@link #clean} with null as the empty string. */
  public static String nz(String s) {
    return s == null ? "" : clean(s);
  }

  private static boolean isBidiControl(char c) {
    return c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u061C';
  }
}
