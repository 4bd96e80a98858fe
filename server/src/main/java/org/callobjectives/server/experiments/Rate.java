package org.callobjectives.server.experiments;

/**
 * A variant's advance rate with its Wilson 95 % interval (valid at a fixed time, not under repeated
 * looks: it describes the variant, the verdict comes from the sequential test).
 *
 * @param variant the variant's id
 * @param calls calls counted
 * @param advances calls with the advance obtained
 * @param rate advances / calls (0 when there are no calls)
 * @param low the Wilson 95 % interval's lower end (0 when there are no calls)
 * @param high the Wilson 95 % interval's upper end (1 when there are no calls)
 */
public record Rate(
    String variant, long calls, long advances, double rate, double low, double high) {
  private static final double Z95 = 1.959963984540054;

  /** The rate and Wilson 95 % interval of an arm's counts. */
  public static Rate of(Arm arm) {
    long n = arm.calls();
    if (n == 0) {
      return new Rate(arm.variant(), 0, 0, 0, 0, 1);
    }
    double p = (double) arm.advances() / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new Rate(
        arm.variant(),
        n,
        arm.advances(),
        p,
        arm.advances() == 0 ? 0 : Math.max(0, centre - half),
        arm.advances() == n ? 1 : Math.min(1, centre + half));
  }
}
