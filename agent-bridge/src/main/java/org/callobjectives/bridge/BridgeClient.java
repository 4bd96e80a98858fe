package org.callobjectives.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.protocol.AgentStats;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistProgress;
import org.callobjectives.protocol.ComplianceReminder;
import org.callobjectives.protocol.Congratulation;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.MalformedMessageException;
import org.callobjectives.protocol.Message;
import org.callobjectives.protocol.Proposal;
import org.callobjectives.protocol.ProposalAck;
import org.callobjectives.protocol.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent side of the server's WebSocket: receives call pops and ends, sends dispositions and
 * makes sure each one reaches the server's store.
 *
 * <p>{@link #start()} connects and, until {@link #close()}, reconnects with exponential backoff and
 * jitter ({@link Backoff}) whenever the connection fails or drops, including when the server
 * rejects the token. Each connection first sends {@link Hello}; once the server answers {@link
 * Welcome} the connection counts as connected ({@link #isConnected()}).
 *
 * <p>{@link #submit} puts the disposition in the {@link Outbox} (fsync'd to a file when one is
 * given) and sends it if connected; after every Welcome the whole outbox is sent again, in order.
 * An entry leaves the outbox only when its {@link DispositionAck} arrives (matched by request id,
 * else by call id), or when the server refuses it for good with an {@link ErrorMessage} naming its
 * request id. {@code store_failed} and {@code rate_limited} are not refusals ({@link
 * ErrorMessage#sendAgainLater}): the entry stays and is sent again after a delay; after {@code
 * rate_limited} no disposition is sent until the server's {@code retryAfterMillis} (or the retry
 * backoff, if longer) has passed.
 *
 * <p>Listener callbacks run on one thread of this client, in the order the messages arrived. Do not
 * block that thread (e.g. by waiting on a {@link #submit} future inside a callback): acks are
 * delivered on it too.
 */
public final class BridgeClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BridgeClient.class);

  /** The longest a server's retry hint is taken at its word (a wrong one never parks the queue). */
  static final Duration MAX_RETRY_HINT = Duration.ofMinutes(5);

  /** Callbacks from the client; all are optional. Called on the client's event thread, in order. */
  public interface Listener {
    /** The server accepted this agent (sent after {@link #onConnected()}). */
    default void onWelcome(Welcome welcome) {}

    /**
     * A call connected to this agent (also re-sent after a reconnect, with {@code replay=true}).
     */
    default void onCallStarted(CallStarted call) {}

    /** The call ended; the disposition is due by its wrap-up deadline. */
    default void onCallEnded(CallEnded ended) {}

    /** The server stored a disposition (or already had one for that call: {@code duplicate}). */
    default void onAck(DispositionAck ack) {}

    /** The server stored a proposal of this agent for the admins. */
    default void onProposalAck(ProposalAck ack) {}

    /** The server reported an error (bad token, refused disposition, ...). */
    default void onError(ErrorMessage error) {}

    /** A connection was welcomed by the server: submissions now go straight out. */
    default void onConnected() {}

    /** A welcomed connection ended; the client is reconnecting unless closed. */
    default void onDisconnected(String reason) {}

    /** The agent's own figures (today, this shift), sent on sign-in and after each disposition. */
    default void onAgentStats(AgentStats stats) {}

    /** The agent or their team reached a target. */
    default void onCongratulation(Congratulation congratulation) {}

    /** Where the agent stands (ready, on a call, in wrap-up, paused, ...), whenever it changes. */
    default void onAgentState(AgentState state) {}

    /** A required compliance item is still unticked this far into the call. */
    default void onComplianceReminder(ComplianceReminder reminder) {}
  }

  /** Options for tests and tuning; {@link BridgeClient#builder} starts one. */
  public static final class Builder {
    private final URI server;
    private final String agentId;
    private final String token;
    private Path outboxFile;
    private Listener listener = new Listener() {};
    private Duration initialBackoff = Backoff.DEFAULT_INITIAL;
    private Duration maxBackoff = Backoff.DEFAULT_MAX;
    private double jitter = Backoff.DEFAULT_JITTER;
    private Duration stableAfter = Backoff.DEFAULT_STABLE_AFTER;
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration welcomeTimeout = Duration.ofSeconds(15);
    private Duration pingInterval = Duration.ofSeconds(20);
    private javax.net.ssl.SSLContext sslContext;
    private HttpClient httpClient;

    private Builder(URI server, String agentId, String token) {
      this.server = Objects.requireNonNull(server, "server");
      this.agentId = Objects.requireNonNull(agentId, "agentId");
      this.token = Objects.requireNonNull(token, "token");
    }

    /** The durable outbox file (JSON lines); null (the default) keeps the outbox in memory. */
    public Builder outbox(Path file) {
      this.outboxFile = file;
      return this;
    }

    public Builder listener(Listener listener) {
      this.listener = listener == null ? new Listener() {} : listener;
      return this;
    }

    /** Reconnect delays: {@code initial} doubling up to {@code max} (defaults 0.5 s and 30 s). */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = Objects.requireNonNull(initial, "initial");
      this.maxBackoff = Objects.requireNonNull(max, "max");
      return this;
    }

    /** Fraction (0..1) a delay may be shortened by at random; default 0.2. */
    public Builder jitter(double jitter) {
      this.jitter = jitter;
      return this;
    }

    /** How long a welcomed connection must last for the backoff to start over; default 5 s. */
    public Builder stableAfter(Duration stableAfter) {
      this.stableAfter = Objects.requireNonNull(stableAfter, "stableAfter");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Source of jitter, values in [0, 1). */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** A connection that gets no Welcome within this time is dropped and retried; default 15 s. */
    public Builder welcomeTimeout(Duration timeout) {
      this.welcomeTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Keepalive: a ping every interval; a ping not answered within the interval (2 to 10 s) while
     * nothing else waits for the server, or one that cannot be sent, drops the connection and it is
     * retried; so does silence for three intervals. Default 20 s; zero turns keepalive off.
     */
    public Builder pingInterval(Duration interval) {
      this.pingInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** Shares one HTTP client (one selector thread) between many bridges, e.g. in a load test. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /** TLS settings for {@code wss://} (e.g. trusting a test certificate); default: the JDK's. */
    public Builder sslContext(javax.net.ssl.SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    /**
     * Opens the outbox (loading what an earlier run left) and builds the client, not yet started.
     */
    public BridgeClient build() {
      return new BridgeClient(this);
    }
  }

  private final URI server;
  private final String agentId;
  private final String token;
  private final Listener listener;
  private final Outbox outbox;
  private final Backoff backoff;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration connectTimeout;
  private final Duration welcomeTimeout;
  private final Duration pingInterval;
  private final HttpClient http;
  private final ScheduledExecutorService timer;
  private final ExecutorService events;
  private volatile Thread eventThread;

  private final Object lock = new Object();
  private final Map<String, CompletableFuture<DispositionAck>> pending = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<ProposalAck>> proposals = new ConcurrentHashMap<>();
  private final Map<String, Integer> retries = new HashMap<>(); // guarded by lock
  private Session session; // guarded by lock
  private boolean started; // guarded by lock
  private boolean closed; // guarded by lock
  private ScheduledFuture<?> reconnectTask; // guarded by lock
  private int sessionCounter; // guarded by lock
  // After rate_limited: no disposition goes out before this (System.nanoTime, as the timer
  // runs); those due meanwhile wait in held (request ids) and go out, in outbox order, when the
  // hold ends.
  private long holdUntilNanos = System.nanoTime(); // guarded by lock
  private final java.util.Set<String> held = new java.util.HashSet<>(); // guarded by lock
  private ScheduledFuture<?> holdTask; // guarded by lock

  /**
   * A client with default backoff (0.5 s doubling to 30 s, jitter) and keepalive.
   *
   * @param server e.g. {@code ws://host:port/agent}
   * @param outboxFile durable outbox (JSON lines); null keeps it in memory only
   * @param listener callbacks, may be null
   * @throws UncheckedIOException if the outbox file cannot be opened or read
   */
  public BridgeClient(
      URI server, String agentId, String token, Path outboxFile, Listener listener) {
    this(builder(server, agentId, token).outbox(outboxFile).listener(listener));
  }

  public static Builder builder(URI server, String agentId, String token) {
    return new Builder(server, agentId, token);
  }

  private BridgeClient(Builder b) {
    this.server = b.server;
    this.agentId = b.agentId;
    this.token = b.token;
    this.listener = b.listener;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.backoff =
        new Backoff(b.initialBackoff, b.maxBackoff, b.jitter, b.stableAfter, b.clock, b.random);
    this.connectTimeout = b.connectTimeout;
    this.welcomeTimeout = b.welcomeTimeout;
    this.pingInterval = b.pingInterval;
    try {
      this.outbox = b.outboxFile == null ? Outbox.inMemory() : Outbox.open(b.outboxFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open outbox " + b.outboxFile, e);
    }
    String name = "agent-bridge-" + agentId;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name + "-timer");
              t.setDaemon(true);
              return t;
            });
    this.events =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name + "-events");
              t.setDaemon(true);
              eventThread = t;
              return t;
            });
    HttpClient.Builder hb = HttpClient.newBuilder().connectTimeout(connectTimeout);
    if (b.sslContext != null) {
      hb.sslContext(b.sslContext);
    }
    this.http = b.httpClient != null ? b.httpClient : hb.build();
  }

  /** How long the server has to answer a ping: the ping interval, at least 2 s, at most 10 s. */
  private Duration pongTimeout() {
    Duration least = Duration.ofSeconds(2);
    Duration most = Duration.ofSeconds(10);
    return pingInterval.compareTo(least) < 0
        ? least
        : pingInterval.compareTo(most) > 0 ? most : pingInterval;
  }

  /** Whether dispositions or proposals sent wait for the server's answer. */
  private boolean awaitingAnswers() {
    return !proposals.isEmpty() || !outbox.entries().isEmpty();
  }

  /** "agent-bridge/&lt;version&gt;", as sent in Hello. */
  public static String clientName() {
    return "agent-bridge/" + version();
  }

  /** This build's version, or "dev" when not built by Maven. */
  public static String version() {
    try (InputStream in =
        BridgeClient.class.getResourceAsStream("/org/callobjectives/bridge/version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank() && !v.startsWith("${")) {
          return v.trim();
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return "dev";
  }

  public URI server() {
    return server;
  }

  public String agentId() {
    return agentId;
  }

  /** Connects in the background and keeps reconnecting until {@link #close()}. Idempotent. */
  public void start() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("client is closed");
      }
      if (started) {
        return;
      }
      started = true;
    }
    log.info("agent-bridge {} connecting to {} as agent {}", version(), server, agentId);
    connect();
  }

  /** True while a connection is open and the server has welcomed this agent. */
  public boolean isConnected() {
    synchronized (lock) {
      return session != null && session.welcomed && !session.ended;
    }
  }

  /** The dispositions not yet acknowledged, oldest first. */
  public List<DispositionSubmit> queued() {
    return outbox.entries();
  }

  /**
   * Queues {@code d} durably and sends it when connected. Gives it a random request id if it has
   * none. The future completes with the server's ack (possibly {@code duplicate}), or exceptionally
   * with {@link DispositionRejectedException} if the server refuses it for good, with {@link
   * UncheckedIOException} if it could not be written to the outbox, or {@link
   * IllegalStateException} if the client is closed before the ack (the entry then stays in a file
   * outbox for next time).
   */
  public CompletableFuture<DispositionAck> submit(DispositionSubmit d) {
    Objects.requireNonNull(d, "d");
    if (d.callId() == null || d.callId().isBlank()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("callId is required"));
    }
    synchronized (lock) {
      ticks.remove(d.callId()); // the disposition carries the final list
    }
    String requestId =
        d.requestId() == null || d.requestId().isBlank()
            ? UUID.randomUUID().toString()
            : d.requestId();
    DispositionSubmit entry =
        requestId.equals(d.requestId())
            ? d
            : new DispositionSubmit(
                requestId,
                d.callId(),
                d.code(),
                d.advanceObtained(),
                d.checklistDone(),
                d.upsellCount(),
                d.upsellNotes(),
                d.csat(),
                d.notes(),
                d.commitment());
    CompletableFuture<DispositionAck> future = new CompletableFuture<>();
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("client is closed"));
      }
      CompletableFuture<DispositionAck> existing = pending.putIfAbsent(requestId, future);
      if (existing != null) {
        return existing; // the same request submitted again: one entry, one answer
      }
      boolean alreadyQueued =
          outbox.entries().stream().anyMatch(e -> requestId.equals(e.requestId()));
      if (!alreadyQueued) {
        try {
          outbox.add(entry);
        } catch (IOException e) {
          pending.remove(requestId);
          log.error("cannot write disposition for call {} to the outbox", d.callId(), e);
          return CompletableFuture.failedFuture(
              new UncheckedIOException("cannot write to outbox " + outbox.file(), e));
        }
      }
      Session s = session;
      if (s != null && s.welcomed && !s.ended) {
        sendDisposition(s, entry);
      }
    }
    log.info("disposition for call {} queued (request {})", entry.callId(), requestId);
    return future;
  }

  /**
   * Proposes a change to an objective (or, with a null id, to the targets) as free text; admins see
   * it on the admin page. Not queued: fails at once when not connected, so the agent can try again.
   */
  public CompletableFuture<ProposalAck> propose(String objectiveId, String text) {
    if (text == null || text.isBlank()) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("a proposal needs some text"));
    }
    if (text.length() > Proposal.MAX_TEXT) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "a proposal is limited to " + Proposal.MAX_TEXT + " characters"));
    }
    String requestId = UUID.randomUUID().toString();
    CompletableFuture<ProposalAck> future = new CompletableFuture<>();
    synchronized (lock) {
      Session s = session;
      if (closed || s == null || !s.welcomed || s.ended) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("not connected to the server; try again when connected"));
      }
      proposals.put(requestId, future);
      send(s, new Proposal(requestId, objectiveId, text.strip()));
    }
    return future;
  }

  // The latest ticks per call until its disposition is submitted; guarded by lock.
  private final java.util.LinkedHashMap<String, List<String>> ticks =
      new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, List<String>> e) {
          return size() > 50;
        }
      };

  /**
   * Tells the server which checklist items are ticked on a call, so supervisors see it live; sent
   * now if connected, and again after each reconnect until the call's disposition is submitted.
   */
  public void checklistProgress(String callId, List<String> done) {
    synchronized (lock) {
      ticks.remove(callId);
      ticks.put(callId, List.copyOf(done));
      Session s = session;
      if (!closed && s != null && s.welcomed && !s.ended) {
        send(s, new ChecklistProgress(callId, done));
      }
    }
  }

  /**
   * Stops reconnecting and closes the connection. Futures still waiting for an ack complete
   * exceptionally; their entries stay in a file outbox and are sent by the next run. Idempotent.
   */
  @Override
  public void close() {
    Session s;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (reconnectTask != null) {
        reconnectTask.cancel(false);
      }
      s = session;
    }
    if (s != null && s.ws != null && !s.ended) {
      try {
        s.ws
            .sendClose(WebSocket.NORMAL_CLOSURE, "agent-bridge closing")
            .toCompletableFuture()
            .get(1, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.debug("close handshake did not complete: {}", e.toString());
      }
    }
    if (s != null) {
      sessionEnded(s, "client closed");
    }
    IllegalStateException gone =
        new IllegalStateException(
            outbox.file() == null
                ? "client closed before the server acknowledged"
                : "client closed before the server acknowledged; the disposition stays in "
                    + outbox.file());
    failProposals("client closed before the server acknowledged the proposal");
    for (String id : List.copyOf(pending.keySet())) {
      CompletableFuture<DispositionAck> f = pending.remove(id);
      if (f != null) {
        f.completeExceptionally(gone);
      }
    }
    timer.shutdownNow();
    events.shutdown();
    if (Thread.currentThread() != eventThread) {
      try {
        events.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    outbox.close();
    log.info("agent-bridge for agent {} closed", agentId);
  }

  // ---------------------------------------------------------------------------------------------
  // Connection lifecycle

  private void connect() {
    Session s;
    synchronized (lock) {
      if (closed) {
        return;
      }
      s = new Session(++sessionCounter);
      session = s;
    }
    log.debug("connection #{} to {}", s.id, server);
    try {
      http.newWebSocketBuilder()
          .connectTimeout(connectTimeout)
          .buildAsync(server, s)
          .whenComplete(
              (ws, err) -> {
                if (err != null) {
                  sessionEnded(s, "cannot connect: " + rootMessage(err));
                }
              });
    } catch (RuntimeException e) { // e.g. a URI the client refuses
      sessionEnded(s, "cannot connect: " + rootMessage(e));
    }
  }

  /** Ends {@code s} once (later calls are ignored) and, unless closed, schedules a reconnect. */
  private void sessionEnded(Session s, String why) {
    String reason = why;
    boolean wasWelcomed;
    boolean rejected;
    Duration delay = null;
    synchronized (lock) {
      if (s.ended) {
        return;
      }
      if (closed) {
        reason = "client closed";
      }
      s.ended = true;
      wasWelcomed = s.welcomed;
      rejected = s.unauthorized != null;
      if (session == s) {
        session = null;
      }
      s.cancelTimers();
      backoff.disconnected();
      if (!closed) {
        delay = backoff.nextDelay();
        reconnectTask = schedule(this::connect, delay);
      }
    }
    if (s.ws != null) {
      s.ws.abort();
    }
    String retry = delay == null ? "" : "; reconnecting in " + delay.toMillis() + " ms";
    if (delay == null) {
      log.info("disconnected from {}: client closed", server);
    } else if (rejected) {
      log.error(
          "server {} REJECTED agent {} ({}): check the agent id and token{}",
          server,
          agentId,
          s.unauthorized,
          retry);
    } else if (wasWelcomed) {
      log.warn("disconnected from {}: {}{}", server, reason, retry);
    } else {
      log.info("no connection to {}: {}{}", server, reason, retry);
    }
    if (wasWelcomed) {
      failProposals("connection lost before the server acknowledged the proposal: " + reason);
      String finalReason = reason;
      dispatch(() -> listener.onDisconnected(finalReason));
    }
  }

  private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    try {
      return timer.schedule(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              log.error("agent-bridge timer task failed", e);
            }
          },
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null; // closing
    }
  }

  /** Queues a text frame on {@code s}; frames go out one at a time, in order. Caller holds lock. */
  private void send(Session s, Message m) {
    String json = Json.write(m);
    s.sendTail =
        s.sendTail
            .handle((x, e) -> null)
            .thenCompose(
                x ->
                    s.ended || s.ws == null
                        ? CompletableFuture.completedFuture(null)
                        : s.ws.sendText(json, true))
            .whenComplete(
                (x, e) -> {
                  if (e != null) {
                    log.debug("send on connection #{} failed: {}", s.id, e.toString());
                    endLater(s, "send failed: " + rootMessage(e));
                  }
                });
  }

  /** Ends {@code s} from the timer thread (not from inside the WebSocket's own callbacks). */
  private void endLater(Session s, String why) {
    try {
      timer.execute(() -> sessionEnded(s, why));
    } catch (RejectedExecutionException closing) {
      // closing anyway
    }
  }

  private void dispatch(Runnable callback) {
    try {
      events.execute(
          () -> {
            try {
              callback.run();
            } catch (RuntimeException e) {
              log.error("agent-bridge listener failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.debug("event dropped, client closed");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Incoming messages (on the event thread, in arrival order)

  private void handle(Session s, String text) {
    Message m;
    try {
      m = Json.read(text);
    } catch (MalformedMessageException | RuntimeException e) {
      log.warn("ignoring malformed frame from server ({}): {}", e.getMessage(), abbreviate(text));
      return;
    }
    if (m instanceof Welcome w) {
      onWelcome(s, w);
    } else if (m instanceof CallStarted c) {
      listener.onCallStarted(c);
    } else if (m instanceof CallEnded c) {
      listener.onCallEnded(c);
    } else if (m instanceof DispositionAck a) {
      onAck(a);
    } else if (m instanceof ProposalAck a) {
      CompletableFuture<ProposalAck> f = proposals.remove(a.requestId());
      if (f != null) {
        f.complete(a);
      }
      listener.onProposalAck(a);
    } else if (m instanceof ErrorMessage e) {
      onError(s, e);
    } else if (m instanceof AgentStats a) {
      // Headless: the log is the agent's screen.
      log.info(
          "today: {} calls, {} advances, upsell opportunities this shift {}/{}, compliance {}",
          a.calls(),
          a.advances(),
          a.shiftOpportunities(),
          a.shiftOpportunitiesTarget(),
          a.compliancePercent() == null ? "-" : String.format("%.0f %%", a.compliancePercent()));
      listener.onAgentStats(a);
    } else if (m instanceof AgentState a) {
      listener.onAgentState(a);
    } else if (m instanceof Congratulation c) {
      log.info("*** {} ***", c.text());
      listener.onCongratulation(c);
    } else if (m instanceof ComplianceReminder r) {
      listener.onComplianceReminder(r);
    } else {
      log.warn("ignoring unexpected {} from server", m.getClass().getSimpleName());
    }
  }

  // The server's ticket from the last Welcome: the next sign-in needs no slow token check.
  private volatile String resumeTicket;

  private void onWelcome(Session s, Welcome w) {
    int resent;
    synchronized (lock) {
      if (s.ended || session != s || s.welcomed) {
        return;
      }
      s.welcomed = true;
      s.unauthorized = null;
      if (w.resumeToken() != null) {
        resumeTicket = w.resumeToken(); // in memory only: a new process signs in with its token
      }
      if (s.welcomeTimer != null) {
        s.welcomeTimer.cancel(false);
      }
      backoff.welcomed();
      List<DispositionSubmit> queued = outbox.entries();
      for (DispositionSubmit d : queued) {
        sendDisposition(s, d);
      }
      resent = queued.size();
      // Ticks made while away, or known to a server that restarted: said again (the whole list).
      for (var t : ticks.entrySet()) {
        send(s, new ChecklistProgress(t.getKey(), t.getValue()));
      }
    }
    log.info(
        "connected to {} as agent {}{}{}",
        server,
        agentId,
        w.displayName() == null ? "" : " (" + w.displayName() + ")",
        resent == 0 ? "" : "; re-sent " + resent + " queued disposition(s)");
    listener.onConnected();
    listener.onWelcome(w);
  }

  private void onAck(DispositionAck a) {
    List<DispositionSubmit> removed = new ArrayList<>();
    try {
      removed.addAll(outbox.removeByRequestId(a.requestId()));
      if (removed.isEmpty()) {
        removed.addAll(outbox.removeByCallId(a.callId()));
      }
    } catch (IOException e) {
      log.error("cannot remove acknowledged disposition from the outbox; it will be re-sent", e);
    }
    synchronized (lock) {
      retries.remove(a.requestId());
      removed.forEach(d -> retries.remove(d.requestId()));
    }
    List<CompletableFuture<DispositionAck>> done = new ArrayList<>();
    if (a.requestId() != null) {
      CompletableFuture<DispositionAck> f = pending.remove(a.requestId());
      if (f != null) {
        done.add(f);
      }
    }
    for (DispositionSubmit d : removed) {
      CompletableFuture<DispositionAck> f = pending.remove(d.requestId());
      if (f != null) {
        done.add(f);
      }
    }
    log.info(
        "server stored disposition for call {}{}",
        a.callId(),
        a.duplicate() ? " (duplicate: the first disposition was kept)" : "");
    done.forEach(f -> f.complete(a));
    listener.onAck(a);
  }

  private void onError(Session s, ErrorMessage e) {
    CompletableFuture<ProposalAck> proposal =
        e.requestId() == null ? null : proposals.remove(e.requestId());
    if (proposal != null) {
      log.warn("server refused proposal {}: {} {}", e.requestId(), e.code(), e.message());
      proposal.completeExceptionally(new IllegalArgumentException(e.code() + ": " + e.message()));
      listener.onError(e);
      return;
    }
    if (ErrorMessage.UNAUTHORIZED.equals(e.code())) {
      resumeTicket = null;
      synchronized (lock) {
        s.unauthorized = e.message() == null ? e.code() : e.message();
      }
      // Logged as an error when the connection closes, with the retry delay.
      log.debug("server {} rejected agent {}: {}", server, agentId, e.message());
    } else if (e.requestId() != null && ErrorMessage.RATE_LIMITED.equals(e.code())) {
      Duration delay;
      synchronized (lock) {
        int n = retries.merge(e.requestId(), 1, Integer::sum);
        long hint =
            e.retryAfterMillis() == null
                ? 0
                : Math.min(Math.max(0, e.retryAfterMillis()), MAX_RETRY_HINT.toMillis());
        delay = Duration.ofMillis(Math.max(hint, retryDelay(n).toMillis()));
        long until = System.nanoTime() + delay.toNanos();
        if (until - holdUntilNanos > 0) {
          holdUntilNanos = until;
        }
        held.add(e.requestId());
        scheduleHoldEnd();
      }
      log.warn(
          "server is limiting this agent's messages ({}): disposition {} is kept and sent again in"
              + " {} ms",
          e.message(),
          e.requestId(),
          delay.toMillis());
    } else if (e.requestId() != null && ErrorMessage.sendAgainLater(e.code())) {
      Duration delay;
      synchronized (lock) {
        int n = retries.merge(e.requestId(), 1, Integer::sum);
        delay = retryDelay(n);
      }
      log.warn(
          "server could not store disposition {} ({}); retrying in {} ms",
          e.requestId(),
          e.message(),
          delay.toMillis());
      String requestId = e.requestId();
      schedule(() -> resend(requestId), delay);
    } else if (e.requestId() != null) {
      try {
        outbox.removeByRequestId(e.requestId());
      } catch (IOException io) {
        log.error("cannot remove refused disposition from the outbox", io);
      }
      synchronized (lock) {
        retries.remove(e.requestId());
      }
      log.warn("server refused disposition {}: {} {}", e.requestId(), e.code(), e.message());
      CompletableFuture<DispositionAck> f = pending.remove(e.requestId());
      if (f != null) {
        f.completeExceptionally(new DispositionRejectedException(e));
      }
    } else {
      log.warn("server error: {} {}", e.code(), e.message());
    }
    listener.onError(e);
  }

  private Duration retryDelay(int attempt) {
    long ms = initialBackoff.toMillis();
    for (int i = 1; i < attempt && ms < maxBackoff.toMillis(); i++) {
      ms *= 2;
    }
    return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
  }

  private void resend(String requestId) {
    synchronized (lock) {
      Session s = session;
      if (closed || s == null || !s.welcomed || s.ended) {
        return; // the next Welcome re-sends the whole outbox anyway
      }
      outbox.entries().stream()
          .filter(d -> requestId.equals(d.requestId()))
          .findFirst()
          .ifPresent(d -> sendDisposition(s, d));
    }
  }

  /**
   * Sends a queued disposition now, or, while the server asked this client to wait, when the wait
   * is over. Caller holds lock.
   */
  private void sendDisposition(Session s, DispositionSubmit d) {
    if (holdLeftNanos() > 0) {
      held.add(d.requestId());
      scheduleHoldEnd();
      return;
    }
    send(s, d);
  }

  /** How long the hold still lasts (0 or less: none). Caller holds lock. */
  private long holdLeftNanos() {
    return holdUntilNanos - System.nanoTime();
  }

  /** Caller holds lock. */
  private void scheduleHoldEnd() {
    if (holdTask != null && !holdTask.isDone()) {
      holdTask.cancel(false);
    }
    long millis = (Math.max(0, holdLeftNanos()) + 999_999) / 1_000_000; // never a ms early
    holdTask = schedule(this::holdOver, Duration.ofMillis(millis));
  }

  /** The wait the server asked for is over: what was held goes out, in outbox order. */
  private void holdOver() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (holdLeftNanos() > 0) {
        scheduleHoldEnd();
        return;
      }
      Session s = session;
      if (s == null || !s.welcomed || s.ended) {
        held.clear(); // the next Welcome sends the whole outbox again anyway
        return;
      }
      for (DispositionSubmit d : outbox.entries()) {
        if (held.remove(d.requestId())) {
          send(s, d);
        }
      }
      held.clear();
    }
  }

  private void failProposals(String why) {
    for (String id : List.copyOf(proposals.keySet())) {
      CompletableFuture<ProposalAck> f = proposals.remove(id);
      if (f != null) {
        f.completeExceptionally(new IllegalStateException(why));
      }
    }
  }

  /** The most telling message in a failure chain (skipping wrappers without one). */
  private static String rootMessage(Throwable t) {
    for (Throwable x = t; x != null && x.getCause() != x; x = x.getCause()) {
      if (x instanceof java.net.ConnectException && x.getMessage() == null) {
        return "connection refused or host unreachable";
      }
    }
    Throwable c = t;
    while ((c instanceof java.util.concurrent.CompletionException
            || c instanceof java.util.concurrent.ExecutionException
            || c.getMessage() == null)
        && c.getCause() != null
        && c.getCause() != c) {
      c = c.getCause();
    }
    String name = c.getClass().getSimpleName();
    return c.getMessage() == null ? name : name + ": " + c.getMessage();
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  /** One WebSocket connection attempt and, if it opens, its life. */
  private final class Session implements WebSocket.Listener {
    final int id;
    volatile WebSocket ws;
    boolean welcomed; // guarded by lock
    volatile boolean ended; // written under lock
    String unauthorized; // guarded by lock
    CompletableFuture<?> sendTail = CompletableFuture.completedFuture(null); // guarded by lock
    ScheduledFuture<?> welcomeTimer; // guarded by lock
    ScheduledFuture<?> pingTask; // guarded by lock
    ScheduledFuture<?> pongCheck; // guarded by lock
    volatile long lastHeardNanos = System.nanoTime();
    private final StringBuilder text = new StringBuilder();

    Session(int id) {
      this.id = id;
    }

    void cancelTimers() {
      if (welcomeTimer != null) {
        welcomeTimer.cancel(false);
      }
      if (pingTask != null) {
        pingTask.cancel(false);
      }
      if (pongCheck != null) {
        pongCheck.cancel(false);
      }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      ws = webSocket;
      lastHeardNanos = System.nanoTime();
      synchronized (lock) {
        if (ended || closed) {
          webSocket.abort();
          return;
        }
        send(this, new Hello(agentId, token, clientName(), resumeTicket));
        welcomeTimer =
            schedule(
                () -> {
                  if (!welcomed) {
                    sessionEnded(
                        this,
                        "no welcome from the server within " + welcomeTimeout.toMillis() + " ms");
                  }
                },
                welcomeTimeout);
        if (!pingInterval.isZero() && !pingInterval.isNegative()) {
          try {
            pingTask =
                timer.scheduleAtFixedRate(
                    this::keepAlive,
                    pingInterval.toMillis(),
                    pingInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
          } catch (RejectedExecutionException e) {
            // closing
          }
        }
      }
      webSocket.request(1);
    }

    private void keepAlive() {
      long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastHeardNanos);
      if (silentMs > 3 * pingInterval.toMillis()) {
        sessionEnded(this, "server silent for " + silentMs + " ms");
        return;
      }
      synchronized (lock) {
        if (ended) {
          return;
        }
        sendTail =
            sendTail
                .handle((x, e) -> null)
                .thenCompose(
                    x ->
                        ended
                            ? CompletableFuture.completedFuture(null)
                            : ws.sendPing(ByteBuffer.allocate(0)))
                .whenComplete(
                    (x, e) -> {
                      if (e != null) {
                        endLater(this, "ping failed: " + rootMessage(e));
                      } else {
                        expectPong(System.nanoTime());
                      }
                    });
      }
    }

    /**
     * A server that went away without the socket saying so (a restart whose close went unseen, a
     * host gone, a cut cable) answers no ping: reconnect rather than wait. Not while the server
     * owes answers: it stops reading (and so answering pings) while its database catches up.
     */
    private void expectPong(long pingAt) {
      Duration timeout = pongTimeout();
      synchronized (lock) {
        if (ended) {
          return;
        }
        if (pongCheck != null && !pongCheck.isDone()) {
          return; // the earlier ping's deadline stands (a later ping must not push it back)
        }
        pongCheck =
            schedule(
                () -> {
                  if (lastHeardNanos - pingAt < 0 && !awaitingAnswers()) {
                    sessionEnded(this, "no answer to a ping within " + timeout.toMillis() + " ms");
                  }
                },
                timeout);
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      lastHeardNanos = System.nanoTime();
      text.append(data);
      if (last) {
        String frame = text.toString();
        text.setLength(0);
        dispatch(() -> handle(this, frame));
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      lastHeardNanos = System.nanoTime();
      if (last) {
        log.warn("ignoring binary frame from server");
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      lastHeardNanos = System.nanoTime();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      lastHeardNanos = System.nanoTime();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      String why =
          "closed by server ("
              + statusCode
              + (reason == null || reason.isEmpty() ? "" : " " + reason)
              + ")";
      // After the frames already queued on the event thread, so an error sent just before the
      // close (e.g. unauthorized) is seen first.
      dispatch(() -> sessionEnded(this, why));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      String why = "connection error: " + rootMessage(error);
      dispatch(() -> sessionEnded(this, why));
    }
  }
}
