package org.callobjectives.bridge;

import java.util.List;
import java.util.Optional;
import org.callobjectives.protocol.DispositionCode;

/**
 * A disposition code's one number ({@link DispositionCode#key}, else its list position) and
 * lookups.
 */
public final class Codes {

  private Codes() {}

  /** The number the agent types or presses for {@code codes.get(index)}. */
  public static int key(List<DispositionCode> codes, int index) {
    int k = codes.get(index).key();
    return k > 0 ? k : index + 1;
  }

  /** The code with this number or this name (any case), if there is one. */
  public static Optional<DispositionCode> find(List<DispositionCode> codes, String input) {
    if (input == null) {
      return Optional.empty();
    }
    String s = input.strip();
    if (s.matches("\\d{1,6}")) {
      int n = Integer.parseInt(s);
      for (int i = 0; i < codes.size(); i++) {
        if (key(codes, i) == n) {
          return Optional.of(codes.get(i));
        }
      }
      return Optional.empty();
    }
    return codes.stream().filter(c -> c.code().equalsIgnoreCase(s)).findFirst();
  }

  /** The code named {@code code} (exact), if listed. */
  public static Optional<DispositionCode> named(List<DispositionCode> codes, String code) {
    return code == null
        ? Optional.empty()
        : codes.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** Why this code and advance answer disagree, or null when they agree (or either is unknown). */
  public static String mismatch(List<DispositionCode> codes, String code, Boolean advance) {
    if (advance == null) {
      return null;
    }
    return named(codes, code).map(c -> c.advanceMismatch(advance)).map(Text::clean).orElse(null);
  }

  /** "1, 2, 5": the numbers on offer. */
  public static String keys(List<DispositionCode> codes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < codes.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(key(codes, i));
    }
    return sb.toString();
  }
}
