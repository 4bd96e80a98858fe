package org.callobjectives.server.experiments;

/**
 * One variant's cumulative counts at a look: calls in the experiment and how many got the advance.
 *
 * @param variant the variant's id
 * @param calls calls of this variant counted so far (assigned callers only)
 * @param advances of those calls, how many had the advance obtained
 */
public record Arm(String variant, long calls, long advances) {
  /** Checks that the counts make sense: 0 &lt;= advances &lt;= calls. */
  public Arm {
    if (variant == null || variant.isBlank()) {
      throw new IllegalArgumentException("an arm needs its variant's id");
    }
    if (calls < 0 || advances < 0 || advances > calls) {
      throw new IllegalArgumentException(
          "variant "
              + variant
              + " has "
              + advances
              + " advances in "
              + calls
              + " calls: need 0 <= advances <= calls");
    }
  }
}
