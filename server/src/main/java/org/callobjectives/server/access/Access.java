package org.callobjectives.server.access;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.security.Principal;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.security.Tokens;
import org.callobjectives.server.security.User;
import org.callobjectives.server.store.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is asking: HTTP Basic (name:token, for API clients) or the session cookie set by /login (for
 * browsers). Tokens are checked against hashes; failures are throttled and logged without secrets.
 */
public final class Access {
  private static final Logger log = LoggerFactory.getLogger(Access.class);
  public static final String COOKIE = "co_session";
  static final long SESSION_MS = 12 * 3600 * 1000L;

  private final Supplier<Config> config;
  private final Clock clock;
  private final LoginThrottle throttle;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** A session as this node holds it; {@code checkedAt}: when the database last said it exists. */
  private record Session(Principal who, long expiresAt, long checkedAt) {}

  /** How long a session this node holds is trusted before the database is asked again. */
  static final long RECHECK_MS = 60_000;

  private final SessionStore store;
  // Sessions signed out on this node, until they would have expired.
  private final Map<String, Long> closed = new ConcurrentHashMap<>();

  /** The outcome of a sign-in attempt. */
  public sealed interface Result {
    record Ok(Principal who) implements Result {}

    record Refused() implements Result {}

    record Throttled() implements Result {}
  }

  /**
   * {@code store} keeps sessions across restarts and for the other nodes; its calls block, so they
   * run only where PBKDF2 would ({@link #needsSlowCheck} sends such requests off the event loop).
   */
  public Access(Supplier<Config> config, Clock clock, SessionStore store) {
    this(config, clock, store, new TokenVerifier(clock));
  }

  /** With the token checks given (tests count derivations through it). */
  Access(Supplier<Config> config, Clock clock, SessionStore store, TokenVerifier tokens) {
    this.config = config;
    this.clock = clock;
    this.throttle = new LoginThrottle(clock);
    this.store = store;
    this.tokens = tokens;
  }

  /**
   * Checks a name (agent id or user name) and token; CPU-heavy (PBKDF2), keep off event loops when
   * possible.
   */
  public Result login(String name, String token, String remote) {
    if (name == null || token == null || name.length() > 200 || token.length() > 500) {
      return new Result.Refused();
    }
    if (!throttle.allowed(name, remote)) {
      log.warn(
          "sign-in for '{}' from {} refused: too many failures, wait a minute",
          clean(name),
          remote);
      return new Result.Throttled();
    }
    Config c = config.get();
    Principal who = null;
    List<Holder> holders = holders(c, name);
    for (Holder h : holders) {
      if (tokens.matches(h.who().name(), token, h.tokenHash())) {
        who = h.who();
        break;
      }
    }
    if (holders.isEmpty()) {
      // As slow as a wrong token: the answer's time must not tell which names exist.
      tokens.nobody(token, typicalCost(c));
    }
    if (who == null) {
      throttle.failed(name, remote);
      log.warn("sign-in failed for '{}' from {}", clean(name), remote);
      return new Result.Refused();
    }
    throttle.succeeded(name, remote);
    return new Result.Ok(who);
  }

  private final TokenVerifier tokens;

  /** Who a name can be, with the hash to check: a user, then the agent of that id. */
  private record Holder(Principal who, String tokenHash) {}

  private static List<Holder> holders(Config c, String name) {
    List<Holder> out = new ArrayList<>(1);
    for (User u : c.users()) {
      if (u.name().equals(name)) {
        out.add(new Holder(new Principal(u.name(), u.role()), u.tokenHash()));
      }
    }
    Optional<Agent> a = c.agent(name);
    a.ifPresent(x -> out.add(new Holder(new Principal(x.id(), Role.AGENT), x.tokenHash())));
    return out;
  }

  /** The configuration whose typical hash cost is known, and that cost. */
  private record Cost(Config of, int iterations) {}

  private volatile Cost cost = new Cost(null, Tokens.ITERATIONS);

  /** The iterations most hashes of {@code c} have: an unknown name is checked at that cost. */
  private int typicalCost(Config c) {
    Cost known = cost;
    if (known.of() == c) {
      return known.iterations();
    }
    Map<Integer, Integer> counts = new HashMap<>();
    c.users().forEach(u -> counts.merge(Tokens.iterations(u.tokenHash()), 1, Integer::sum));
    c.agents().forEach(a -> counts.merge(Tokens.iterations(a.tokenHash()), 1, Integer::sum));
    counts.remove(0);
    int typical =
        counts.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(Tokens.ITERATIONS);
    cost = new Cost(c, typical);
    return typical;
  }

  private static String sha256(String s) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How long an agent's resume ticket holds: a working day and the night after it. */
  static final long TICKET_MS = 24 * 3600 * 1000L;

  private final java.util.concurrent.atomic.AtomicLong tokenSignIns =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong ticketSignIns =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * A ticket for the agent's next sign-in (kept in the database, so a restarted server or another
   * node knows it): random, stored only as a SHA-256 together with the agent's token hash, so a new
   * token in agents.yaml ends it. Null when it could not be stored. Blocks on the database.
   */
  public String agentTicket(Principal who) {
    Optional<Agent> a = agent(who.name());
    if (who.role() != Role.AGENT || a.isEmpty()) {
      return null;
    }
    byte[] b = new byte[32];
    random.nextBytes(b);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    long now = clock.millis();
    try {
      store
          .save(
              ticketHash(ticket, a.get()),
              new SessionStore.StoredSession(who.name(), Role.AGENT.name(), now + TICKET_MS),
              now)
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
      tokenSignIns.incrementAndGet();
      return ticket;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      log.warn("resume ticket of agent {} not stored ({})", who.name(), e.toString());
      tokenSignIns.incrementAndGet();
      return null;
    }
  }

  /**
   * The agent behind a ticket of {@link #agentTicket}, if it is still good (unexpired, same token
   * hash, agent still configured); a database read instead of a PBKDF2 derivation. Blocks.
   */
  public Optional<Principal> resume(String agentId, String ticket) {
    if (agentId == null || ticket == null || ticket.length() > 100) {
      return Optional.empty();
    }
    Optional<Agent> a = agent(agentId);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    try {
      var stored =
          store.find(ticketHash(ticket, a.get())).get(10, java.util.concurrent.TimeUnit.SECONDS);
      if (stored.isPresent()
          && stored.get().name().equals(agentId)
          && Role.AGENT.name().equals(stored.get().role())
          && stored.get().expiresAtMillis() > clock.millis()) {
        ticketSignIns.incrementAndGet();
        return Optional.of(new Principal(agentId, Role.AGENT));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn(
          "resume ticket of agent {} not checked ({}): using the token", agentId, e.toString());
    }
    return Optional.empty();
  }

  /** Agent sign-ins since start: with the token (PBKDF2) and with a resume ticket. */
  public Map<String, Long> agentSignIns() {
    return Map.of("token", tokenSignIns.get(), "ticket", ticketSignIns.get());
  }

  private static String ticketHash(String ticket, Agent a) {
    return sha256("agent-ticket|" + a.id() + "|" + ticket + "|" + a.tokenHash());
  }

  /** A session ends when its person is removed from the config or given another role. */
  public boolean stillAllowed(Principal who) {
    Config c = config.get();
    if (who.role() == Role.AGENT) {
      return c.agent(who.name()).isPresent();
    }
    return c.users().stream().anyMatch(u -> u.name().equals(who.name()) && u.role() == who.role());
  }

  public Optional<Agent> agent(String id) {
    return config.get().agent(id);
  }

  /**
   * A new browser session for a signed-in principal, stored before it is handed out (so any node
   * and a restarted server know it); returns the cookie value. Blocks on the database.
   */
  public String openSession(Principal who) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    long now = clock.millis();
    sessions.values().removeIf(x -> x.expiresAt() <= now); // expired sessions go when new ones come
    Session s = new Session(who, now + SESSION_MS, now);
    try {
      store
          .save(
              sha256(id),
              new SessionStore.StoredSession(who.name(), who.role().name(), s.expiresAt()),
              now)
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
      store.deleteExpired(now);
    } catch (Exception e) {
      // Still valid on this node until it restarts; said, as it will not outlive a restart.
      log.warn(
          "session of {} not stored ({}): it ends if this server restarts",
          who.name(),
          e.toString());
    }
    sessions.put(id, s);
    return id;
  }

  /** True while a browser session is open, unexpired and its person still in the config. */
  public boolean sessionValid(String id) {
    Session s = id == null || closed.containsKey(id) ? null : sessions.get(id);
    return s != null && s.expiresAt() > clock.millis() && stillAllowed(s.who());
  }

  private final List<java.util.function.Consumer<String>> sessionClosed =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Told the id of each session signed out here (e.g. to close its sockets); must not block. */
  public void onSessionClosed(java.util.function.Consumer<String> listener) {
    sessionClosed.add(listener);
  }

  public void closeSession(String id) {
    if (id != null) {
      sessionClosed.forEach(l -> l.accept(id));
      Session s = sessions.remove(id);
      long now = clock.millis();
      closed.values().removeIf(until -> until <= now);
      // Until the delete is written, a read must not bring the session back here.
      closed.put(id, s != null ? s.expiresAt() : now + SESSION_MS);
      store.delete(sha256(id)); // the other nodes drop it at their next check
    }
  }

  /**
   * The session behind {@code id}: held here and checked lately, or read from the database (a
   * session opened before a restart or on another node). Blocks on a database read.
   */
  private Session session(String id) {
    long now = clock.millis();
    if (closed.containsKey(id)) {
      return null;
    }
    Session held = sessions.get(id);
    if (held != null && now - held.checkedAt() < RECHECK_MS) {
      return held;
    }
    try {
      var stored = store.find(sha256(id)).get(10, java.util.concurrent.TimeUnit.SECONDS);
      if (stored.isEmpty()) {
        sessions.remove(id); // signed out on another node
        return null;
      }
      Role role = Role.valueOf(stored.get().role());
      Session s =
          new Session(
              new Principal(stored.get().name(), role), stored.get().expiresAtMillis(), now);
      // Signed out while the database was read: it must not come back.
      return sessions.compute(id, (k, old) -> closed.containsKey(k) ? null : s);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return held;
    } catch (Exception e) {
      log.warn("session check failed ({}): using what this node holds", e.toString());
      return held;
    }
  }

  /** The principal behind a request's session cookie or Basic credentials, if any and valid. */
  public Optional<Principal> identify(HttpRequest req, String remote) {
    String sid = sessionId(req);
    if (sid != null) {
      Session s = session(sid);
      if (s != null && s.expiresAt() > clock.millis() && stillAllowed(s.who())) {
        return Optional.of(s.who());
      }
      sessions.remove(sid);
    }
    String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      if (colon > 0
          && login(decoded.substring(0, colon), decoded.substring(colon + 1), remote)
              instanceof Result.Ok ok) {
        return Optional.of(ok.who());
      }
    }
    return Optional.empty();
  }

  /** The caller's address without the port, for throttling and logs. */
  public static String remote(java.net.SocketAddress address) {
    if (address instanceof java.net.InetSocketAddress in) {
      return in.getAddress() != null ? in.getAddress().getHostAddress() : in.getHostString();
    }
    return String.valueOf(address);
  }

  /**
   * True when checking this request's credentials may need a PBKDF2 derivation (Basic, token not
   * yet verified) or a database read (a session this node has not checked lately).
   */
  public boolean needsSlowCheck(HttpRequest req) {
    String sid = sessionId(req);
    if (sid != null) {
      Session held = sessions.get(sid);
      // A session this node does not hold (yet) or has not checked lately: the database is asked.
      // A little before the check in session(): a request let through here never reads the
      // database on the event loop.
      if (held == null || clock.millis() - held.checkedAt() >= RECHECK_MS - 5_000) {
        return true;
      }
    }
    String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      String decoded =
          new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return false;
      }
      String name = decoded.substring(0, colon);
      String token = decoded.substring(colon + 1);
      // No derivation only when the first hash login() checks remembers this token.
      List<Holder> holders = holders(config.get(), name);
      return holders.isEmpty() || !tokens.remembered(token, holders.get(0).tokenHash());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static String sessionId(HttpRequest req) {
    String header = req.headers().get(HttpHeaderNames.COOKIE);
    if (header == null) {
      return null;
    }
    for (Cookie c : ServerCookieDecoder.STRICT.decode(header)) {
      if (COOKIE.equals(c.name())) {
        return c.value();
      }
    }
    return null;
  }

  /** A name fit for a log line: short, and nothing that could forge another line or hide text. */
  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return t.replaceAll("[^\\p{Alnum}._@-]", "?");
  }
}
