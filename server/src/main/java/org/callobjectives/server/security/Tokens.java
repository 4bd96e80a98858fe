package org.callobjectives.server.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Hashes access tokens for the config files and checks presented tokens in constant time. */
public final class Tokens {
  private static final String PREFIX = "pbkdf2-sha256";

  /**
   * The work factor of every new hash: OWASP's figure for PBKDF2-HMAC-SHA256 (about 0.3 s of one
   * core here). Hashes made with fewer iterations still verify.
   */
  public static final int ITERATIONS = 600_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /**
   * {@code pbkdf2-sha256$600000$salt$hash}, the form {@code tokenHash:} takes in the config files.
   */
  public static String hash(String token) {
    return hash(token, ITERATIONS);
  }

  /** With a chosen work factor; fewer iterations only for generated test and benchmark fleets. */
  public static String hash(String token, int iterations) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return PREFIX + "$" + iterations + "$" + b64(salt) + "$" + b64(derive(token, salt, iterations));
  }

  /**
   * A hash of {@code iterations} that no token matches, made without a derivation: checking a name
   * nobody has against it costs what checking a real name costs.
   */
  public static String unmatchable(int iterations) {
    byte[] salt = new byte[16];
    byte[] key = new byte[32];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(key); // no token derives to 32 random bytes, short of a 2^-256 chance
    return PREFIX + "$" + iterations + "$" + b64(salt) + "$" + b64(key);
  }

  public static boolean isHash(String stored) {
    return iterations(stored) > 0;
  }

  /** The work factor of a stored hash; 0 when {@code stored} is not a hash of this form. */
  public static int iterations(String stored) {
    if (stored == null || !stored.startsWith(PREFIX + "$")) {
      return 0;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4) {
      return 0;
    }
    try {
      int n = Integer.parseInt(parts[1]);
      return n > 0 ? n : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * True when {@code presented} is the token behind {@code stored}; never short-circuits on
   * content. One PBKDF2 derivation: CPU-heavy, never on an event loop.
   */
  public static boolean matches(String presented, String stored) {
    int iterations = iterations(stored);
    if (presented == null || iterations == 0) {
      return false;
    }
    String[] parts = stored.split("\\$");
    byte[] salt;
    byte[] expected;
    try {
      salt = Base64.getDecoder().decode(parts[2]);
      expected = Base64.getDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, derive(presented, salt, iterations));
  }

  private static byte[] derive(String token, byte[] salt, int iterations) {
    try {
      var spec = new PBEKeySpec(token.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
    }
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().withoutPadding().encodeToString(b);
  }
}
