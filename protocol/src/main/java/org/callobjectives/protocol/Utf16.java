package org.callobjectives.protocol;

/**
 * Lone UTF-16 surrogates: a JSON {@code "\\ud800"} (half of an emoji cut in two) makes a Java
 * string that no UTF-8 encoder can write. Found here, or replaced by U+FFFD as any decoder would.
 */
public final class Utf16 {
  private Utf16() {}

  /** The index of the first surrogate in {@code s} without its other half, or -1. */
  public static int loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++; // a pair
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code s} with each lone surrogate replaced by U+FFFD; the same instance when it has none. */
  public static String wellFormed(String s) {
    if (s == null || loneSurrogate(s) < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else {
        b.append(Character.isSurrogate(c) ? '\ufffd' : c);
      }
    }
    return b.toString();
  }
}
