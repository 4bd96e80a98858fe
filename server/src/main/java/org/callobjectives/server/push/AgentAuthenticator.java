package org.callobjectives.server.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.security.Tokens;

/** Checks an agent id + token against the hashed token in agents.yaml; remembers good pairs. */
public final class AgentAuthenticator {
  private final Supplier<Config> config;
  // agentId -> (stored hash, SHA-256 of the token that matched it): reconnects skip PBKDF2.
  private final Map<String, String[]> verified = new ConcurrentHashMap<>();

  public AgentAuthenticator(Supplier<Config> config) {
    this.config = config;
  }

  /** CPU-heavy on first use of a token (PBKDF2): call off the event loop. */
  public Optional<Agent> authenticate(String agentId, String token) {
    if (agentId == null || token == null) {
      return Optional.empty();
    }
    Optional<Agent> agent = config.get().agent(agentId);
    if (agent.isEmpty()) {
      Tokens.matches(token, Tokens.hash("")); // same work either way: no hint which ids exist
      return Optional.empty();
    }
    String stored = agent.get().tokenHash();
    byte[] digest = sha256(token);
    String[] known = verified.get(agentId);
    if (known != null && known[0].equals(stored)
        && MessageDigest.isEqual(digest, known[1].getBytes(StandardCharsets.ISO_8859_1))) {
      return agent;
    }
    if (!Tokens.matches(token, stored)) {
      return Optional.empty();
    }
    verified.put(agentId, new String[] {stored, new String(digest, StandardCharsets.ISO_8859_1)});
    return agent;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
