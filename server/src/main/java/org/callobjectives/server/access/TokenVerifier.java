package org.callobjectives.server.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.callobjectives.server.security.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says whether a token is the one behind a stored hash: a token that matched is remembered for a
 * while (reconnecting agents cost no derivation), a name nobody has costs one derivation too.
 */
public final class TokenVerifier {
  private static final Logger log = LoggerFactory.getLogger(TokenVerifier.class);

  /** One PBKDF2 check of a token against a stored hash (the seam where tests count them). */
  @FunctionalInterface
  public interface Derivation {
    boolean matches(String presented, String stored);
  }

  /** How long a token that matched is believed without a derivation. */
  static final Duration REMEMBER = Duration.ofHours(1);

  /** At most this many remembered tokens; the least recently used go first. */
  static final int MAX_REMEMBERED = 50_000;

  private final Clock clock;
  private final Derivation derivation;

  // SHA-256 of stored hash and token -> until when it is believed. Only matches are ever put here:
  // a wrong token is derived every time.
  private final Map<String, Long> remembered =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  // Who was told their hash is of an old cost (configured names only: said after a match).
  private final Set<String> toldOldCost = ConcurrentHashMap.newKeySet();
  private final Map<Integer, String> unmatchable = new ConcurrentHashMap<>();

  public TokenVerifier(Clock clock) {
    this(clock, Tokens::matches);
  }

  TokenVerifier(Clock clock, Derivation derivation) {
    this.clock = clock;
    this.derivation = derivation;
  }

  /**
   * True when {@code token} is the one behind {@code stored} (of {@code who}, for the log): a
   * derivation unless it matched lately. Blocks a core for a moment: never on an event loop.
   */
  public boolean matches(String who, String token, String stored) {
    if (remembered(token, stored)) {
      return true;
    }
    if (!derivation.matches(token, stored)) {
      return false;
    }
    String key = key(stored, token);
    synchronized (remembered) {
      remembered.put(key, clock.millis() + REMEMBER.toMillis());
    }
    int cost = Tokens.iterations(stored);
    if (cost < Tokens.ITERATIONS && toldOldCost.add(who)) {
      log.warn(
          "the tokenHash of {} uses {} PBKDF2 iterations, fewer than the {} of new hashes: make a"
              + " new one with 'hash-token' and replace it",
          Access.clean(who),
          cost,
          Tokens.ITERATIONS);
    }
    return true;
  }

  /** True when {@link #matches} would answer yes without a derivation. */
  public boolean remembered(String token, String stored) {
    String key = key(stored, token);
    long now = clock.millis();
    synchronized (remembered) {
      Long until = remembered.get(key);
      if (until == null) {
        return false;
      }
      if (until <= now) {
        remembered.remove(key);
        return false;
      }
      return true;
    }
  }

  /**
   * The work of checking a token for a name nobody has: one derivation against a hash of {@code
   * iterations} that no token matches, so that an unknown name answers as slowly as a wrong token.
   */
  public boolean nobody(String token, int iterations) {
    int cost = Math.max(1, iterations);
    String stored = unmatchable.computeIfAbsent(cost, Tokens::unmatchable);
    derivation.matches(token, stored);
    return false;
  }

  private static String key(String stored, String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(stored.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return Base64.getEncoder()
          .encodeToString(sha.digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
