package org.callobjectives.amisim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server speaking the Asterisk 22 AMI wire protocol: banner, MD5 or plaintext login, the
 * version probes, Ping, the list actions backed by a {@link ChannelDirectory}, and events broadcast
 * to every logged-in session through per-session bounded queues.
 */
public final class AmiWireServer implements AutoCloseable {
  /** Username accepted by the two-argument constructor. */
  public static final String DEFAULT_USERNAME = "user";

  /** Secret accepted by the two-argument constructor. */
  public static final String DEFAULT_SECRET = "secret";

  /** Packets a session may have queued before broadcasts to it are dropped. */
  public static final int DEFAULT_QUEUE_CAPACITY = 65_536;

  private static final Logger LOG = LoggerFactory.getLogger(AmiWireServer.class);

  /**
   * Clients that never send a version probe (not Asterisk-Java) get events this long after login.
   */
  private static final long PROBE_GRACE_MILLIS = 250;

  private static final int MAX_LOGGED_ACTIONS = 10_000;

  /** Hooks for servers built on this one (the scripted replay). */
  interface SessionHooks {
    /** The session is logged in and its version probe answered: events may flow. */
    void onReady(AmiSession session);

    /** The session's socket is closed. */
    void onClosed(AmiSession session);
  }

  private final InetAddress bindAddress;
  private final int requestedPort;
  private final String username;
  private final String secret;
  private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
  private final List<AmiAction> actions = new ArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger logins = new AtomicInteger();
  private final AtomicLong broadcasts = new AtomicLong();
  private final AtomicLong droppedByClosedSessions = new AtomicLong();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "ami-wire-server-timer");
            thread.setDaemon(true);
            return thread;
          });
  private volatile ChannelDirectory directory = ChannelDirectory.EMPTY;
  private volatile QueueControl queueControl = QueueControl.NONE;
  private volatile Set<String> writeClasses = AmiProtocol.ALL_WRITE_CLASSES;
  private volatile boolean acceptingLogins = true;
  private volatile int queueCapacity = DEFAULT_QUEUE_CAPACITY;
  private volatile SessionHooks hooks;
  private volatile ServerSocket serverSocket;
  private volatile boolean closed;

  /**
   * A server accepting {@link #DEFAULT_USERNAME}/{@link #DEFAULT_SECRET}; port 0 picks a free port.
   */
  public AmiWireServer(InetAddress bindAddress, int port) {
    this(bindAddress, port, DEFAULT_USERNAME, DEFAULT_SECRET);
  }

  /** A server accepting one manager user; port 0 picks a free port. */
  public AmiWireServer(InetAddress bindAddress, int port, String username, String secret) {
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    this.requestedPort = port;
    this.username = Objects.requireNonNull(username, "username");
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  /** Binds and starts accepting connections. */
  public AmiWireServer start() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(bindAddress, requestedPort));
    serverSocket = socket;
    Thread acceptor =
        new Thread(this::acceptLoop, "ami-wire-server-accept-" + socket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  /** The bound port (useful after binding port 0). */
  public int port() {
    ServerSocket socket = serverSocket;
    if (socket == null) {
      throw new IllegalStateException("not started");
    }
    return socket.getLocalPort();
  }

  /** Supplies the state answered to CoreShowChannels, QueueStatus, QueueSummary and Status. */
  public void setChannelDirectory(ChannelDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** Answers QueuePause (e.g. {@link DemoCallGenerator#queueControl()}). */
  public void setQueueControl(QueueControl control) {
    this.queueControl = Objects.requireNonNull(control, "control");
  }

  /**
   * The manager user's {@code write} classes (default: all). Without {@code agent} QueuePause, and
   * without {@code system}/{@code reporting} CoreShowChannels, answer "Permission denied" and are
   * left out of ListCommands, as in Asterisk.
   */
  public void setWriteClasses(Set<String> classes) {
    this.writeClasses = Set.copyOf(classes);
  }

  /**
   * When false, every Login is refused with "Authentication failed" (as if credentials were
   * changed).
   */
  public void setAcceptingLogins(boolean accepting) {
    this.acceptingLogins = accepting;
  }

  /** Outbound queue size for sessions that connect from now on. */
  public void setOutboundQueueCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.queueCapacity = capacity;
  }

  /** Queues an event for every logged-in session; returns how many sessions took it. */
  public int broadcast(AmiEvent event) {
    broadcasts.incrementAndGet();
    byte[] bytes = event.toBytes();
    int delivered = 0;
    for (AmiSession session : sessions) {
      if (session.authenticated() && session.offer(bytes)) {
        delivered++;
      }
    }
    return delivered;
  }

  /** Queues an event given as ordered fields (the first normally {@code Event}). */
  public int broadcast(Map<String, String> orderedFields) {
    return broadcast(AmiEvent.of(orderedFields));
  }

  /** Queues raw bytes, unchecked, for every logged-in session (for malformed-input tests). */
  public int sendRaw(byte[] bytes) {
    byte[] copy = bytes.clone();
    int delivered = 0;
    for (AmiSession session : sessions) {
      if (session.authenticated() && session.offer(copy)) {
        delivered++;
      }
    }
    return delivered;
  }

  /** Closes every client socket at once, as a network failure or an Asterisk crash would. */
  public void dropAllConnections() {
    for (AmiSession session : sessions) {
      session.close();
    }
  }

  /** Every action received so far (up to 10,000), in arrival order. */
  public List<AmiAction> actionsReceived() {
    synchronized (actions) {
      return List.copyOf(actions);
    }
  }

  /** Connections accepted since start. */
  public int connectionCount() {
    return connections.get();
  }

  /** Successful logins since start. */
  public int loginCount() {
    return logins.get();
  }

  /** Sessions currently logged in. */
  public int loggedInSessionCount() {
    return (int) sessions.stream().filter(AmiSession::authenticated).count();
  }

  /** Events passed to {@link #broadcast} since start. */
  public long eventsBroadcast() {
    return broadcasts.get();
  }

  /** Packets dropped because a session's outbound queue was full, over all sessions ever. */
  public long droppedPackets() {
    return droppedByClosedSessions.get() + sessions.stream().mapToLong(AmiSession::dropped).sum();
  }

  /** Waits until at least {@code count} logins have succeeded since start; false on timeout. */
  public boolean awaitLogins(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (logins) {
      while (logins.get() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(logins, left);
      }
      return true;
    }
  }

  /** Stops accepting, closes every session and the timer thread. */
  @Override
  public void close() {
    closed = true;
    ServerSocket socket = serverSocket;
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("closing server socket failed", e);
      }
    }
    dropAllConnections();
    timers.shutdownNow();
  }

  void setHooks(SessionHooks hooks) {
    this.hooks = hooks;
  }

  private void acceptLoop() {
    ServerSocket socket = serverSocket;
    while (!closed) {
      try {
        Socket client = socket.accept();
        client.setTcpNoDelay(true);
        AmiSession session =
            new AmiSession(
                connections.incrementAndGet(),
                client,
                new AmiProtocol(new ProtocolHost()),
                new SessionEvents(),
                queueCapacity);
        sessions.add(session);
        if (closed) {
          session.close();
        } else {
          session.start();
        }
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("accept failed", e);
        }
      }
    }
  }

  private void ready(AmiSession session) {
    SessionHooks current = hooks;
    if (session.markReady() && current != null && !session.isClosed()) {
      current.onReady(session);
    }
  }

  /** Credentials, directory and clock as seen by each session's protocol. */
  private final class ProtocolHost implements AmiProtocol.Host {
    @Override
    public boolean acceptsLogin(String user, String plainSecret, String challenge, String md5Key) {
      if (!acceptingLogins || !username.equals(user)) {
        return false;
      }
      if (md5Key != null && challenge != null) {
        return AmiProtocol.md5Key(challenge, secret).equalsIgnoreCase(md5Key);
      }
      return secret.equals(plainSecret);
    }

    @Override
    public ChannelDirectory directory() {
      return directory;
    }

    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }

    @Override
    public QueueControl queueControl() {
      return queueControl;
    }

    @Override
    public Set<String> writeClasses() {
      return writeClasses;
    }
  }

  /** Session callbacks: action log, login counting, readiness and cleanup. */
  private final class SessionEvents implements AmiSession.Listener {
    @Override
    public void onAction(AmiSession session, AmiAction action) {
      synchronized (actions) {
        if (actions.size() < MAX_LOGGED_ACTIONS) {
          actions.add(action);
        }
      }
    }

    @Override
    public void onLoggedIn(AmiSession session) {
      synchronized (logins) {
        logins.incrementAndGet();
        logins.notifyAll();
      }
      try {
        timers.schedule(() -> ready(session), PROBE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        LOG.debug("server closing; session {} never becomes ready", session.id());
      }
    }

    @Override
    public void onVersionProbe(AmiSession session) {
      ready(session);
    }

    @Override
    public void onClosed(AmiSession session) {
      if (sessions.remove(session)) {
        droppedByClosedSessions.addAndGet(session.dropped());
      }
      SessionHooks current = hooks;
      if (current != null) {
        current.onClosed(session);
      }
    }
  }
}
