package org.callobjectives.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Hashes access tokens for the config files and checks presented tokens in constant time. */
public final class Tokens {
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int ITERATIONS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /**
   * {@code pbkdf2-sha256$10000$salt$hash}, the form {@code tokenHash:} takes in the config files.
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

  public static boolean isHash(String stored) {
    return stored != null && stored.startsWith(PREFIX + "$") && stored.split("\\$").length == 4;
  }

  /**
   * True when {@code presented} is the token behind {@code stored}; never short-circuits on
   * content.
   */
  public static boolean matches(String presented, String stored) {
    if (presented == null || stored == null || !isHash(stored)) {
      return false;
    }
    String[] parts = stored.split("\\$");
    int iterations;
    try {
      iterations = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
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

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
