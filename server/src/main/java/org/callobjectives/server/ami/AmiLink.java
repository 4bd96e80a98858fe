package org.callobjectives.server.ami;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.ListCommandsAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.domain.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Asterisk: an Asterisk-Java ManagerConnection that logs in (retrying with backoff), hands
 * every event to the pump, and resynchronises open calls with CoreShowChannels after a reconnect. A
 * stall watch drops a connection that is open but stalled (see {@link AmiStallLimits}), and a line
 * longer than the cap drops it at once; Asterisk-Java then reconnects.
 */
public final class AmiLink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AmiLink.class);
  private static final long MAX_BACKOFF_MS = 30_000;

  private final AmiServer server;
  private final AmiEventPump pump;
  private final ScheduledExecutorService actions;
  private final GuardedManagerConnection connection;
  private final AmiEventTranslator translator;
  private final LongSupplier nanoTime;
  private final AmiStallLimits limits;
  private final ScheduledExecutorService watch;
  // Last event from Asterisk and last answer to a ping (Long.MIN_VALUE: none yet).
  private volatile long lastEventNanos = Long.MIN_VALUE;
  private volatile long lastPongNanos = Long.MIN_VALUE;
  // Stalled from a stall or an overlong line until a ping on a later connection is answered.
  private volatile boolean stalled;
  private volatile long stalledGeneration;
  private volatile String lastStall;
  private final java.util.concurrent.atomic.AtomicLong stalls =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicLong eventsSeen =
      new java.util.concurrent.atomic.AtomicLong();
  private long backoffMs = 500;
  private final java.util.concurrent.atomic.AtomicLong resyncFailures =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile AmiCapabilities capabilities = AmiCapabilities.UNKNOWN;
  private final java.util.concurrent.atomic.AtomicBoolean connectCheckQueued =
      new java.util.concurrent.atomic.AtomicBoolean();
  // Both login() and Asterisk-Java's ConnectEvent ask for the checks; they run once per connection:
  // disconnects counts lost links (listener thread), checkedFor is the count last checked (actions
  // thread).
  private volatile int disconnects;
  private int checkedFor = -1;
  private final List<Consumer<AmiCapabilities>> capabilityListeners = new CopyOnWriteArrayList<>();

  public AmiLink(AmiServer server, AmiEventPump pump) {
    this(server, pump, AmiLineReader.DEFAULT_MAX_LINE_BYTES, System::nanoTime);
  }

  /** With another line cap and clock (tests). */
  AmiLink(AmiServer server, AmiEventPump pump, int maxLineBytes, LongSupplier nanoTime) {
    this.server = server;
    this.pump = pump;
    this.nanoTime = nanoTime;
    this.limits = AmiStallLimits.forPingSeconds(server.pingSeconds());
    this.watch =
        Executors.newSingleThreadScheduledExecutor(Threads.daemon("ami-watch-" + server.name()));
    // Each link has its own thread for actions, so a dead Asterisk never delays another one's.
    this.actions =
        Executors.newSingleThreadScheduledExecutor(Threads.daemon("ami-actions-" + server.name()));
    this.translator = new AmiEventTranslator(server.name());
    this.connection =
        new GuardedManagerConnection(
            server.host(),
            server.port(),
            server.username(),
            server.secret(),
            maxLineBytes,
            nanoTime,
            this::overflow);
    // Bytes must arrive at least every three ping intervals (our pings guarantee that on a healthy
    // link); an Asterisk that stops answering is then dropped and reconnected by Asterisk-Java. The
    // stall watch drops it sooner, and also when bytes trickle in without making events.
    connection.setSocketReadTimeout(server.pingSeconds() * 3000);
    connection.addEventListener(this::onEvent);
  }

  public String name() {
    return server.name();
  }

  /** Every event Asterisk-Java delivered to us, kept or not. */
  public long eventsSeen() {
    return eventsSeen.get();
  }

  /** Malformed AMI packets dropped before they could reach Asterisk-Java's reader. */
  public long droppedPackets() {
    return connection.droppedPackets() + translator.malformed();
  }

  /** Resyncs Asterisk refused or did not answer: each kept every open call as it was. */
  public long resyncFailures() {
    return resyncFailures.get();
  }

  /** Times the link was lost since start (Asterisk-Java reconnects each time). */
  public int reconnects() {
    return disconnects;
  }

  public boolean connected() {
    return connection.getState() == ManagerConnectionState.CONNECTED;
  }

  /**
   * True from a stall (or a line over the cap) until a ping on a later connection is answered: the
   * link is logged in but hears nothing, or is reconnecting because of it.
   */
  public boolean stalled() {
    return stalled;
  }

  /** Connections dropped by the stall watch since start. */
  public long stalls() {
    return stalls.get();
  }

  /** Lines longer than the cap since start (each dropped its connection). */
  public long overlongLines() {
    return connection.overlongLines();
  }

  /** The link as /health shows it under {@code amiLinks}. */
  public Map<String, Object> health() {
    long now = nanoTime.getAsLong();
    Map<String, Object> h = new LinkedHashMap<>();
    boolean up = connected();
    h.put("connected", up);
    h.put("stalled", stalled);
    // Logged in but stalled (or not yet heard since): "stalled"; else Asterisk-Java's state
    // (connected, reconnecting, ...).
    h.put(
        "state", up && stalled ? "stalled" : connection.getState().name().toLowerCase(Locale.ROOT));
    h.put("lastEventAgoSeconds", ago(now, lastEventNanos));
    h.put("lastHeardAgoSeconds", ago(now, Math.max(lastEventNanos, lastPongNanos)));
    h.put("reconnects", disconnects);
    h.put("stalls", stalls.get());
    h.put("overlongLines", connection.overlongLines());
    h.put("maxLineBytes", connection.maxLineBytes());
    h.put("malformedPackets", droppedPackets());
    h.put("lastStall", lastStall);
    return h;
  }

  private static Double ago(long now, long then) {
    if (then == Long.MIN_VALUE) {
      return null;
    }
    return Math.round(Math.max(0, now - then) / 1e8) / 10.0;
  }

  /** Logs in on the actions thread; retries until it works or the link is closed. */
  public void start() {
    actions.execute(this::login);
    long ping = server.pingSeconds() * 1000L;
    actions.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
    long every = Math.max(100, Math.min(1000, server.pingSeconds() * 250L));
    watch.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
  }

  private void ping() {
    if (closed || connection.getState() != ManagerConnectionState.CONNECTED) {
      return;
    }
    AmiSocket on = connection.current();
    try {
      connection.sendAction(new PingAction(), server.pingSeconds() * 1000L);
      lastPongNanos = nanoTime.getAsLong();
      if (stalled && on != null && on.generation() > stalledGeneration) {
        stalled = false;
        log.info("AMI link {} answers pings again after the stall", server.name());
      }
    } catch (Exception e) {
      log.warn(
          "AMI link {}: no answer to ping ({}); the stall watch drops the connection after {} s"
              + " without an answer or event",
          server.name(),
          e.toString(),
          limits.silentNanos() / 1_000_000_000L);
    }
  }

  /**
   * The stall watch, on its own thread (the actions thread may wait up to 10 s for an answer):
   * reads a few timestamps and, when the logged-in link is stalled, closes its socket so that
   * Asterisk-Java's reader ends and Asterisk-Java reconnects. Never waits on the peer.
   */
  private void watch() {
    try {
      if (closed || !connected()) {
        return;
      }
      AmiSocket s = connection.current();
      if (s == null || s.aborted()) {
        return;
      }
      long now = nanoTime.getAsLong();
      long heard = Math.max(s.openedNanos(), Math.max(lastEventNanos, lastPongNanos));
      String why = limits.stalled(now, heard, s.lineStartedNanos());
      if (why == null) {
        return;
      }
      stalls.incrementAndGet();
      markStalled(s.generation(), why);
      log.warn(
          "AMI link {} stalled: {}; dropping the connection, Asterisk-Java reconnects",
          server.name(),
          why);
      s.abort();
    } catch (RuntimeException e) {
      log.warn("AMI link {}: stall watch failed", server.name(), e);
    }
  }

  /**
   * Asterisk-Java's reader thread, as it meets a line or a packet over its cap (its read then fails
   * and Asterisk-Java reconnects): say it, nothing else.
   */
  private void overflow(long generation, String why) {
    markStalled(generation, why);
    log.warn(
        "AMI link {}: {} without an end; dropping the connection, Asterisk-Java reconnects",
        server.name(),
        why);
  }

  private void markStalled(long generation, String why) {
    stalledGeneration = generation;
    lastStall = why;
    stalled = true;
  }

  private void login() {
    if (closed) {
      return;
    }
    try {
      connection.login();
      if (closed) {
        logoff(); // closed while logging in
        return;
      }
      backoffMs = 500;
      log.info("AMI link {} logged in ({})", server.name(), server);
      afterConnect();
    } catch (Exception e) {
      log.warn(
          "AMI link {} ({}): login failed: {}; retrying in {} ms",
          server.name(),
          server,
          e.toString(),
          backoffMs);
      try {
        connection.logoff();
      } catch (RuntimeException ignored) {
        // not connected: nothing to log off
      }
      actions.schedule(this::login, backoffMs, TimeUnit.MILLISECONDS);
      backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    }
  }

  /** Asterisk-Java's dispatch thread: translate and hand over, nothing else. */
  private void onEvent(ManagerEvent e) {
    if (closed) {
      return; // a closed link's calls are no longer this node's to track
    }
    eventsSeen.incrementAndGet();
    if (!(e instanceof ConnectEvent) && !(e instanceof DisconnectEvent)) {
      // From Asterisk (Connect and Disconnect are Asterisk-Java's own): the link is heard.
      lastEventNanos = nanoTime.getAsLong();
    }
    if (e instanceof ResponseEvent r && r.getActionId() != null) {
      return; // answers to our own actions (CoreShowChannel) are collected by the action itself
    }
    if (e instanceof DisconnectEvent) {
      disconnects++; // the listener thread is its only writer
      log.warn("AMI link {} lost; Asterisk-Java is reconnecting", server.name());
    } else if (e instanceof ConnectEvent) {
      log.info("AMI link {} connected", server.name());
      afterConnect(); // only queues the check on the actions thread: never an action from this
      // thread
    }
    AmiEvent a = translator.translate(e, System.nanoTime());
    if (a != null) {
      pump.offer(a);
    }
  }

  /** What this link's AMI user may send (from ListCommands at each login). */
  public AmiCapabilities capabilities() {
    return capabilities;
  }

  /** Told on the actions thread each time ListCommands was answered (every login). */
  public void onCapabilities(Consumer<AmiCapabilities> listener) {
    capabilityListeners.add(listener);
  }

  /** Queues (once) the checks made at each login: what the user may send, and the queue members. */
  private void afterConnect() {
    if (connectCheckQueued.compareAndSet(false, true)) {
      try {
        actions.execute(
            () -> {
              connectCheckQueued.set(false);
              int connection = disconnects;
              if (checkedFor == connection || !connected()) {
                return; // checked already, or down: the ConnectEvent of the next login asks again
              }
              checkedFor = connection;
              checkCapabilities();
              listMembers();
            });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        connectCheckQueued.set(false); // closing
      }
    }
  }

  private void checkCapabilities() {
    AmiCapabilities now;
    try {
      ManagerResponse r = connection.sendAction(new ListCommandsAction(), 10_000);
      if (r instanceof ManagerError) {
        log.warn(
            "AMI link {}: ListCommands refused ({}); assuming every action is allowed",
            server.name(),
            r.getMessage());
        now = AmiCapabilities.UNKNOWN;
      } else {
        Set<String> names = new HashSet<>();
        if (r.getAttributes() != null) {
          for (String k : r.getAttributes().keySet()) {
            names.add(k.toLowerCase(Locale.ROOT));
          }
        }
        now =
            new AmiCapabilities(
                true, names.contains("queuepause"), names.contains("coreshowchannels"));
      }
    } catch (Exception e) {
      log.warn(
          "AMI link {}: ListCommands failed ({}); assuming every action is allowed",
          server.name(),
          e.toString());
      now = AmiCapabilities.UNKNOWN;
    }
    AmiCapabilities before = capabilities;
    capabilities = now;
    if (!now.equals(before) && now.known()) {
      // Said once per change, not at every reconnect.
      if (now.missingWriteClasses().isEmpty()) {
        log.info(
            "AMI link {}: the AMI user may send QueuePause and CoreShowChannels", server.name());
      }
      if (!now.coreShowChannels()) {
        log.warn(
            "AMI link {}: the AMI user may not send CoreShowChannels (manager.conf write class 'reporting' "
                + "or 'system' missing): open calls cannot be checked against Asterisk after a reconnect",
            server.name());
      }
    }
    for (Consumer<AmiCapabilities> l : capabilityListeners) {
      try {
        l.accept(now);
      } catch (RuntimeException e) {
        log.warn("AMI link {}: capabilities listener failed", server.name(), e);
      }
    }
  }

  /**
   * QueueStatus at login: every membership with its pause state, into the pump like member events,
   * and every caller waiting (QueueEntry), so that the floor's queues are right after a restart.
   */
  private void listMembers() {
    try {
      long asked = System.nanoTime();
      ResponseEvents res = connection.sendEventGeneratingAction(new QueueStatusAction(), 10_000);
      if (res.getResponse() instanceof org.asteriskjava.manager.response.ManagerError err) {
        // Refused (e.g. no read class agent): no listing, so no membership is taken as gone.
        log.warn(
            "AMI link {}: QueueStatus refused ({}); queue members are learnt from their events",
            server.name(),
            err.getMessage());
        return;
      }
      long now = System.nanoTime();
      java.util.Set<String> listed = new java.util.HashSet<>();
      java.util.Set<String> waiting = new java.util.HashSet<>();
      for (ResponseEvent r : res.getEvents()) {
        if (r instanceof org.asteriskjava.manager.event.QueueEntryEvent q) {
          AmiEvent a = translator.entry(now, q);
          if (a instanceof AmiEvent.QueueJoin j) {
            pump.offer(j);
            waiting.add(j.queue() + "|" + j.uniqueid());
          }
        }
        if (r instanceof QueueMemberEvent m) {
          AmiEvent a = translator.member(now, AmiEvent.MemberChange.LISTED, m);
          if (AmiEventTranslator.complete(a)) {
            pump.offer(a);
            AmiEvent.QueueMember q = (AmiEvent.QueueMember) a;
            listed.add(q.queue() + "|" + q.iface());
          }
        }
      }
      pump.offer(new AmiEvent.MembersListed(server.name(), now, listed));
      pump.offer(new AmiEvent.WaitersListed(server.name(), now, asked, waiting));
    } catch (Exception e) {
      log.warn(
          "AMI link {}: QueueStatus failed ({}); queue members are learnt from their events",
          server.name(),
          e.toString());
    }
  }

  /**
   * Sends QueuePause on the actions thread (never Asterisk-Java's listener thread); {@code queue}
   * null means every queue of the interface. Completes exceptionally with Asterisk's error message.
   */
  public CompletableFuture<Void> queuePause(
      String iface, String queue, boolean paused, String reason) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    try {
      actions.execute(
          () -> {
            try {
              QueuePauseAction a = new QueuePauseAction(iface, queue, paused);
              if (reason != null) {
                a.setReason(reason);
              }
              ManagerResponse r = connection.sendAction(a, 10_000);
              if (r instanceof ManagerError) {
                f.completeExceptionally(new IllegalStateException(r.getMessage()));
              } else {
                f.complete(null);
              }
            } catch (Exception e) {
              f.completeExceptionally(e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      f.completeExceptionally(e);
    }
    return f;
  }

  /**
   * Asks Asterisk which channels are alive; the answer goes into the pump as {@link
   * AmiEvent.LiveChannels}.
   */
  public void resync(int epoch) {
    actions.execute(
        () -> {
          try {
            ResponseEvents res =
                connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 10_000);
            if (res.getResponse() == null || res.getResponse() instanceof ManagerError) {
              // Refused (e.g. "Permission denied" for a user without write = reporting) is not "no
              // channels": closing calls on it would cut live calls. Keep everything, say why.
              resyncFailures.incrementAndGet();
              log.warn(
                  "AMI link {}: resync refused by Asterisk ({}); open calls kept until they end. The AMI user needs"
                      + " 'write = reporting' (or system) for CoreShowChannels",
                  server.name(),
                  res.getResponse() == null ? "no response" : res.getResponse().getMessage());
              return;
            }
            Set<String> live = new HashSet<>();
            for (ResponseEvent r : res.getEvents()) {
              if (r instanceof CoreShowChannelEvent c && c.getUniqueid() != null) {
                live.add(c.getUniqueid());
              }
            }
            pump.offer(new AmiEvent.LiveChannels(server.name(), System.nanoTime(), epoch, live));
          } catch (Exception ex) {
            resyncFailures.incrementAndGet();
            log.warn(
                "AMI link {}: resync (CoreShowChannels) failed: {}; open calls kept until they end",
                server.name(),
                ex.toString());
          }
        });
  }

  /**
   * Queue names from QueueSummary, sent on the actions thread (never Asterisk-Java's listener
   * thread).
   */
  public java.util.concurrent.CompletableFuture<Set<String>> queueNames() {
    var f = new java.util.concurrent.CompletableFuture<Set<String>>();
    try {
      actions.execute(
          () -> {
            try {
              ResponseEvents res =
                  connection.sendEventGeneratingAction(
                      new org.asteriskjava.manager.action.QueueSummaryAction(), 10_000);
              Set<String> names = new java.util.TreeSet<>();
              for (ResponseEvent r : res.getEvents()) {
                if (r instanceof org.asteriskjava.manager.event.QueueSummaryEvent q
                    && q.getQueue() != null) {
                  names.add(q.getQueue());
                }
              }
              f.complete(names);
            } catch (Exception e) {
              f.completeExceptionally(e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      f.completeExceptionally(e);
    }
    return f;
  }

  @Override
  public void close() {
    closed = true;
    watch.shutdownNow();
    actions.shutdownNow();
    try {
      // a login under way ends first, so that its connection is logged off below
      actions.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    logoff();
  }

  /**
   * Ends the connection, also while Asterisk-Java is reconnecting: a link closed then (Asterisk
   * down, or a node handing the link over) would otherwise reconnect by itself and go on hearing
   * calls that are no longer its own.
   */
  private void logoff() {
    try {
      ManagerConnectionState state = connection.getState();
      if (state == ManagerConnectionState.CONNECTED
          || state == ManagerConnectionState.RECONNECTING) {
        connection.logoff();
      }
    } catch (RuntimeException e) {
      log.debug("AMI logoff: {}", e.toString());
    }
  }

  /** Asterisk-Java's own state of the connection (tests). */
  ManagerConnectionState state() {
    return connection.getState();
  }
}
