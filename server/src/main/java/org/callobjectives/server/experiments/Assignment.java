package org.callobjectives.server.experiments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Deterministic choice of an experiment's variant for a caller.
 *
 * <p>The caller's number is normalised (digits only, so a leading {@code +} and any spaces or
 * dashes drop out). SHA-256 of {@code "experimentId|number"} (UTF-8) is read as an unsigned 64-bit
 * number and taken modulo {@value #BUCKETS}: the caller's bucket. The variants own consecutive
 * ranges of buckets in the order given, each {@code weight * 100} buckets wide; the first variant
 * is the control. So:
 *
 * <ul>
 *   <li>the same caller gets the same variant in every run and every JVM (no seed, no state);
 *   <li>an experiment's buckets depend only on its own id: adding, changing or ending another
 *       experiment never moves this one's callers, and two experiments are assigned independently;
 *   <li>changing the split moves only the callers whose bucket lies between the old and the new
 *       boundary (50/50 to 60/40 moves 10 % of callers, from the second variant to the first);
 *       adding, removing or reordering variants moves the boundaries after the change, so it moves
 *       more callers: start a new experiment (a new id) instead;
 *   <li>a missing or anonymous number has no bucket: {@link #variantFor} returns empty and {@link
 *       #variantOrControl} the control. Such calls were not randomised and should be stored as
 *       outside the experiment, not counted in the control's figures.
 * </ul>
 *
 * <p>Weights are whole percents: 2 to {@value #MAX_VARIANTS} variants, each 1 to 99, adding up to
 * exactly 100 (50/50, 20/80, 34/33/33), so every boundary falls on a whole bucket.
 */
public final class Assignment {
  /** Number of buckets callers are hashed into; one percent of weight is 100 buckets. */
  public static final int BUCKETS = 10_000;

  /** Most variants an experiment may have (the control included). */
  public static final int MAX_VARIANTS = 5;

  private final String experimentId;
  private final List<Variant> variants;
  private final int[] upperBounds;

  private Assignment(String experimentId, List<Variant> variants) {
    this.experimentId = experimentId;
    this.variants = List.copyOf(variants);
    this.upperBounds = new int[variants.size()];
    int bound = 0;
    for (int i = 0; i < variants.size(); i++) {
      bound += variants.get(i).weight() * (BUCKETS / 100);
      upperBounds[i] = bound;
    }
  }

  /** Checks the experiment and its variants (the first is the control); throws with the fix. */
  public static Assignment of(String experimentId, List<Variant> variants) {
    if (experimentId == null || experimentId.isBlank()) {
      throw new IllegalArgumentException("an experiment needs an id");
    }
    if (variants == null || variants.size() < 2 || variants.size() > MAX_VARIANTS) {
      throw new IllegalArgumentException(
          "experiment "
              + experimentId
              + " has "
              + (variants == null ? 0 : variants.size())
              + " variants: it needs 2 to "
              + MAX_VARIANTS
              + " (the first is the control)");
    }
    Set<String> seen = new HashSet<>();
    List<String> weights = new ArrayList<>();
    int sum = 0;
    for (Variant v : variants) {
      if (v == null || v.id() == null || v.id().isBlank()) {
        throw new IllegalArgumentException("experiment " + experimentId + ": a variant has no id");
      }
      if (!seen.add(v.id())) {
        throw new IllegalArgumentException(
            "experiment " + experimentId + ": variant " + v.id() + " appears twice");
      }
      if (v.weight() < 1 || v.weight() > 99) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "experiment %s: variant %s has weight %d; each weight is a percent from 1 to 99",
                experimentId,
                v.id(),
                v.weight()));
      }
      sum += v.weight();
      weights.add(Integer.toString(v.weight()));
    }
    if (sum != 100) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "experiment %s: the weights %s add up to %d; they must add up to 100 (e.g. 50/50 or"
                  + " 20/80)",
              experimentId,
              String.join("/", weights),
              sum));
    }
    return new Assignment(experimentId, variants);
  }

  /** The experiment's id, part of every caller's hash. */
  public String experimentId() {
    return experimentId;
  }

  /** The variants in order; the first is the control. */
  public List<Variant> variants() {
    return variants;
  }

  /** The control's id: the first variant, also what callers without a number get. */
  public String control() {
    return variants.get(0).id();
  }

  /** The caller's variant, or empty when the number is missing or anonymous (not assigned). */
  public Optional<String> variantFor(String callerNumber) {
    return normalise(callerNumber).map(n -> variantOfBucket(bucket(experimentId, n)));
  }

  /** The caller's variant, or the control when the number is missing or anonymous. */
  public String variantOrControl(String callerNumber) {
    return variantFor(callerNumber).orElse(control());
  }

  /** The variant that owns a bucket in [0, {@value #BUCKETS}). */
  public String variantOfBucket(int bucket) {
    if (bucket < 0 || bucket >= BUCKETS) {
      throw new IllegalArgumentException("bucket " + bucket + " is outside 0.." + (BUCKETS - 1));
    }
    for (int i = 0; i < upperBounds.length; i++) {
      if (bucket < upperBounds[i]) {
        return variants.get(i).id();
      }
    }
    throw new IllegalStateException("weights do not cover bucket " + bucket);
  }

  /** The number's digits (a leading {@code +} and separators dropped), empty when it has none. */
  public static Optional<String> normalise(String callerNumber) {
    if (callerNumber == null) {
      return Optional.empty();
    }
    StringBuilder digits = new StringBuilder(callerNumber.length());
    for (int i = 0; i < callerNumber.length(); i++) {
      char c = callerNumber.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.length() == 0 ? Optional.empty() : Optional.of(digits.toString());
  }

  /** The bucket in [0, {@value #BUCKETS}) of a normalised number in an experiment. */
  public static int bucket(String experimentId, String normalisedNumber) {
    byte[] hash =
        sha256().digest((experimentId + "|" + normalisedNumber).getBytes(StandardCharsets.UTF_8));
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (hash[i] & 0xff);
    }
    return (int) Long.remainderUnsigned(value, BUCKETS);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
