package org.callobjectives.server.push;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast each signed-in agent may send each kind of message: a token bucket per agent id and
 * kind, shared by all of the agent's connections. The figures are far above what a person does, so
 * a real agent never meets them; a client past them is answered {@code rate_limited} (nothing
 * stored), and one that goes on after being told is disconnected ({@link Connection}).
 */
public final class AgentLimits {
  private static final Logger log = LoggerFactory.getLogger(AgentLimits.class);

  /** What an agent's client sends, as counted; the labels are the wire's type names. */
  public enum Kind {
    DISPOSITION("disposition"),
    CHECKLIST_PROGRESS("checklist_progress"),
    PROPOSAL("proposal"),
    /** Anything else: a second hello, a malformed, unknown or binary frame. */
    OTHER("other");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** {@code burst} messages at once, then one more every {@code every}. */
  public record Limit(int burst, Duration every) {
    public Limit {
      if (burst < 1 || every == null || every.toMillis() < 1) {
        throw new IllegalArgumentException("a limit needs burst >= 1 and every >= 1 ms");
      }
    }

    @Override
    public String toString() {
      return burst + " at once, then one every " + human(every);
    }
  }

  /**
   * The limits per kind; a connection refused {@code refusalsBeforeDisconnect} times within {@code
   * refusalWindow} is closed; at most {@code inFlight} store requests (dispositions, proposals) of
   * one connection wait for the database, reading from it pauses meanwhile.
   */
  public record Settings(
      Map<Kind, Limit> limits, int refusalsBeforeDisconnect, Duration refusalWindow, int inFlight) {
    public Settings {
      limits = Map.copyOf(limits);
      for (Kind k : Kind.values()) {
        if (!limits.containsKey(k)) {
          throw new IllegalArgumentException("no limit for " + k.label());
        }
      }
      if (refusalsBeforeDisconnect < 1 || refusalWindow.toMillis() < 1 || inFlight < 1) {
        throw new IllegalArgumentException("refusals, window and in-flight must be positive");
      }
    }

    /** These settings with {@code kind} limited to {@code limit} instead. */
    public Settings with(Kind kind, Limit limit) {
      Map<Kind, Limit> m = new EnumMap<>(limits);
      m.put(kind, limit);
      return new Settings(m, refusalsBeforeDisconnect, refusalWindow, inFlight);
    }
  }

  /**
   * Sized for people, with room for the bridge's catch-up after a reconnect (its whole outbox and
   * the ticks of up to 50 calls at once): an agent dispositions a call every minute or two (200 at
   * once, then 2 a second: a day's outbox replayed, and bounded anyway by the calls the agent had),
   * ticks an item a few times a second at most (100 at once, then 5 a second), proposes a handful a
   * day (10 at once, then one a minute; {@code ProposalService} also caps what is stored), and
   * never sends anything else but its one hello (20 at once, then one a second). 100 refusals in a
   * minute close the connection; 8 store requests of one connection wait at most.
   */
  public static final Settings DEFAULTS =
      new Settings(
          Map.of(
              Kind.DISPOSITION, new Limit(200, Duration.ofMillis(500)),
              Kind.CHECKLIST_PROGRESS, new Limit(100, Duration.ofMillis(200)),
              Kind.PROPOSAL, new Limit(10, Duration.ofMinutes(1)),
              Kind.OTHER, new Limit(20, Duration.ofSeconds(1))),
          100,
          Duration.ofMinutes(1),
          8);

  /** At most one log line per agent this often while it is refused. */
  static final long LOG_EVERY_MS = 60_000;

  private final Settings settings;
  private final Clock clock;
  private final Map<String, PerAgent> agents = new ConcurrentHashMap<>();
  private final Map<Kind, LongAdder> refused = new EnumMap<>(Kind.class);
  private final AtomicLong disconnected = new AtomicLong();

  public AgentLimits(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    for (Kind k : Kind.values()) {
      refused.put(k, new LongAdder());
    }
  }

  public Settings settings() {
    return settings;
  }

  /** One agent's buckets and its log pacing; guarded by itself. */
  private final class PerAgent {
    final Map<Kind, TokenBucket> buckets = new EnumMap<>(Kind.class);
    long loggedAt = Long.MIN_VALUE;
    long refusedSinceLog;
    long disconnectLoggedAt = Long.MIN_VALUE;
    long disconnectsSinceLog;

    PerAgent(long now) {
      for (Kind k : Kind.values()) {
        Limit l = settings.limits().get(k);
        buckets.put(k, new TokenBucket(l.burst(), l.every(), now));
      }
    }
  }

  /**
   * One message of {@code kind} from {@code agentId}: 0 when it may go on, else how many ms until
   * the agent may send that kind again (the message is then refused and counted).
   */
  public long take(String agentId, Kind kind) {
    long now = clock.millis();
    PerAgent a = agents.computeIfAbsent(agentId, id -> new PerAgent(now));
    long wait;
    boolean logNow;
    long before;
    synchronized (a) {
      wait = a.buckets.get(kind).take(now);
      if (wait == 0) {
        return 0;
      }
      before = a.refusedSinceLog;
      logNow = a.loggedAt == Long.MIN_VALUE || now - a.loggedAt >= LOG_EVERY_MS;
      if (logNow) {
        a.loggedAt = now;
        a.refusedSinceLog = 0;
      } else {
        a.refusedSinceLog++;
      }
    }
    refused.get(kind).increment();
    if (logNow) {
      log.warn(
          "agent {}: {} messages over the limit ({}): refused as rate_limited{}",
          agentId,
          kind.label(),
          settings.limits().get(kind),
          before == 0 ? "" : " (" + before + " more refused since the last such line)");
    }
    return wait;
  }

  /** Messages refused as rate_limited since start, by kind (every kind listed). */
  public Map<String, Long> refusedByKind() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      m.put(k.label(), refused.get(k).sum());
    }
    return m;
  }

  /** Connections closed for going on after being told to slow down. */
  public long disconnected() {
    return disconnected.get();
  }

  /** What one connection may still be refused before it is closed. */
  public Connection connection() {
    return new Connection();
  }

  /**
   * Says that a connection of {@code agentId} was closed for flooding: at most one line a minute
   * per agent, however often a client signs in again to go on.
   */
  public void disconnectedForFlooding(String agentId, Kind kind, Object remote) {
    long now = clock.millis();
    PerAgent a = agents.computeIfAbsent(agentId, id -> new PerAgent(now));
    long before;
    synchronized (a) {
      if (a.disconnectLoggedAt != Long.MIN_VALUE && now - a.disconnectLoggedAt < LOG_EVERY_MS) {
        a.disconnectsSinceLog++;
        return;
      }
      a.disconnectLoggedAt = now;
      before = a.disconnectsSinceLog;
      a.disconnectsSinceLog = 0;
    }
    log.warn(
        "agent {}: still sending {} messages after being told to slow down: disconnected ({}){}",
        agentId,
        kind.label(),
        remote,
        before == 0 ? "" : "; " + before + " more such disconnects since the last such line");
  }

  /** Per connection: counts its refusals; not thread-safe (the connection's event loop). */
  public final class Connection {
    private final TokenBucket patience =
        new TokenBucket(
            settings.refusalsBeforeDisconnect(),
            Duration.ofMillis(
                Math.max(
                    1, settings.refusalWindow().toMillis() / settings.refusalsBeforeDisconnect())),
            clock.millis());

    private Connection() {}

    /** A refusal was sent; true when this was one too many and the connection is to close. */
    public boolean refusedOnceMore() {
      if (patience.take(clock.millis()) == 0) {
        return false;
      }
      disconnected.incrementAndGet();
      return true;
    }
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms % 60_000 == 0) {
      return ms / 60_000 + " min";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + " s";
    }
    return ms + " ms";
  }
}
