package org.callobjectives.server;

import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.callobjectives.server.access.Access;
import org.callobjectives.server.agents.AgentDay;
import org.callobjectives.server.agents.QueuePauses;
import org.callobjectives.server.ami.AmiCapabilities;
import org.callobjectives.server.ami.AmiEventPump;
import org.callobjectives.server.ami.AmiLink;
import org.callobjectives.server.calls.CallTracker;
import org.callobjectives.server.calls.QueuesSeen;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.QueueMapping;
import org.callobjectives.server.config.ServerSettings;
import org.callobjectives.server.desk.DeskRoutes;
import org.callobjectives.server.dispositions.DispositionService;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Threads;
import org.callobjectives.server.objectives.ObjectiveResolver;
import org.callobjectives.server.objectives.StageIndex;
import org.callobjectives.server.proposals.ProposalService;
import org.callobjectives.server.push.AgentLimits;
import org.callobjectives.server.push.AgentSessions;
import org.callobjectives.server.push.AgentSocketHandler;
import org.callobjectives.server.push.PopDispatcher;
import org.callobjectives.server.push.PopLatency;
import org.callobjectives.server.store.OutboxDispatcher;
import org.callobjectives.server.store.OutboxEvent;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.web.ConnectionLimits;
import org.callobjectives.server.web.HttpResponses;
import org.callobjectives.server.web.HttpRouter;
import org.callobjectives.server.web.LoginRoute;
import org.callobjectives.server.web.RefusalLog;
import org.callobjectives.server.web.Route;
import org.callobjectives.server.web.TlsPolicy;
import org.callobjectives.server.web.WebInitializer;
import org.callobjectives.server.web.WebServer;
import org.callobjectives.server.web.WebSocketUpgrade;
import org.callobjectives.server.webhooks.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the data path: AMI links -> pump -> call tracking -> store + pops -> dispositions; and the
 * web server.
 */
public final class ObjectivesServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ObjectivesServer.class);

  private final AtomicReference<Config> config;
  private final Clock clock;
  private final Store store;
  private final AgentSessions sessions = new AgentSessions();
  private final PopLatency latency = new PopLatency();
  private final ScheduledExecutorService scheduler;
  private final ExecutorService authExecutor;
  private final AmiEventPump pump;
  private final CallTracker tracker;
  private final PopDispatcher dispatcher;
  private final DispositionService dispositions;
  private final List<AmiLink> links = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final WebServer web = new WebServer();
  private final Access access;
  private InetSocketAddress address;
  private final List<Route> extraRoutes = new ArrayList<>();
  private final StageIndex stages;
  private final ProposalService proposals;
  private final QueuesSeen queuesSeen = new QueuesSeen();
  private final ObjectiveResolver resolver;
  private final List<java.util.concurrent.Callable<?>> beforeEvents = new ArrayList<>();
  private final AgentDay agentDay;
  private final Webhooks webhooks;
  private volatile AgentLimits agentLimits;

  public ObjectivesServer(
      Config initial, Store store, Clock clock, List<CallListener> extraListeners) {
    this(new AtomicReference<>(initial), store, clock, extraListeners);
  }

  /** {@code inForce}: the configuration in force, shared with modules that follow reloads. */
  public ObjectivesServer(
      AtomicReference<Config> inForce,
      Store store,
      Clock clock,
      List<CallListener> extraListeners) {
    Config initial = inForce.get();
    this.config = inForce;
    this.clock = clock;
    this.store = store;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(Threads.daemon("wrap-up"));
    this.authExecutor = Executors.newFixedThreadPool(2, Threads.daemon("agent-auth"));
    this.dispositions =
        new DispositionService(store.dispositions(), scheduler, clock, initial.server().wrapUp());
    this.stages = new StageIndex(store.callerHistory());
    dispositions.addListener(stages);
    this.proposals = new ProposalService(store.proposals(), config::get, clock);
    List<CallListener> listeners = new ArrayList<>(extraListeners);
    listeners.add(queuesSeen);
    AgentDay[] day = new AgentDay[1]; // the pump and the agent day need each other
    this.pump =
        new AmiEventPump(
            65_536,
            e -> {
              day[0].handle(e);
              tracker().handle(e);
            },
            s -> tracker().requestResync(s));
    // Hand-over to the tracking thread from Netty and the store's writer without ever blocking
    // them.
    this.agentDay =
        day[0] =
            new AgentDay(config::get, sessions, new LinkPauses(), pump::submit, scheduler, clock);
    listeners.add(agentDay);
    dispositions.addListener(agentDay);
    dispositions.addListener(
        sessions); // last: what is held for a settled call goes after the others heard of it
    this.dispatcher = new PopDispatcher(store.calls(), sessions, dispositions, listeners, latency);
    dispatcher.forcedWrapUp(agentDay::forcesWrapUp);
    dispatcher.screenPop(
        call ->
            call.queue() == null
                ? null
                : config
                    .get()
                    .queue(call.queue())
                    .map(QueueMapping::screenPop)
                    .map(
                        p ->
                            p.url(
                                call.callId(),
                                call.callerNumber(),
                                call.callerName(),
                                call.queue(),
                                call.agentId()))
                    .orElse(null));
    this.resolver = new ObjectiveResolver(config::get, stages, clock);
    this.tracker = new CallTracker(config::get, resolver, dispatcher, clock, this::resync);
    this.access = new Access(config::get, clock, store.sessions());
    this.webhooks = new Webhooks(initial.server().webhooks(), store, clock);
    this.refusals = new RefusalLog(clock);
    this.agentLimits = new AgentLimits(AgentLimits.DEFAULTS, clock);
  }

  private CallTracker tracker() {
    return tracker;
  }

  /** QueuePause and capabilities over the AMI link of the call's server. */
  private final class LinkPauses implements QueuePauses {
    @Override
    public AmiCapabilities capabilities(String server) {
      AmiLink l = link(server);
      return l == null ? AmiCapabilities.UNKNOWN : l.capabilities();
    }

    @Override
    public boolean here(String server) {
      return link(server) != null;
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> pause(
        String server, String iface, String queue, boolean paused, String reason) {
      AmiLink l = link(server);
      return l == null
          ? java.util.concurrent.CompletableFuture.failedFuture(
              new IllegalStateException("no AMI link " + server))
          : l.queuePause(iface, queue, paused, reason);
    }
  }

  private AmiLink link(String server) {
    for (AmiLink l : links) {
      if (l.name().equals(server)) {
        return l;
      }
    }
    return null;
  }

  /** The AMI links this node listens to now. */
  public List<AmiLink> links() {
    return List.copyOf(links);
  }

  /** True when this node listens to the AMI link named {@code server} (its calls are ours). */
  public boolean listensTo(String server) {
    return link(server) != null;
  }

  /** Each agent's state and forced wrap-up. */
  public AgentDay agentDay() {
    return agentDay;
  }

  /** Adds pages or APIs; call before {@link #start}. */
  public void addRoutes(List<Route> routes) {
    extraRoutes.addAll(routes);
  }

  /**
   * Runs a step at start after crash recovery, before AMI events flow (e.g. rebuilding figures);
   * call before {@link #start}.
   */
  public void beforeEvents(java.util.concurrent.Callable<?> step) {
    beforeEvents.add(step);
  }

  /** Binds the port, then starts as {@link #start(List, java.nio.channels.ServerSocketChannel)}. */
  public InetSocketAddress start(List<AmiServer> amiServers) throws Exception {
    return start(
        amiServers,
        WebServer.bind(config.get().server().listenHost(), config.get().server().listenPort()));
  }

  /**
   * On a port already bound ({@link WebServer#bind}, before any data was touched): recovers the
   * store, starts the pump and the web server, then one AMI link per configured Asterisk.
   */
  public InetSocketAddress start(
      List<AmiServer> amiServers, java.nio.channels.ServerSocketChannel listener) throws Exception {
    Config c = config.get();
    // Other nodes share a PostgreSQL database only; started before the live figures are rebuilt
    // from the tables, so that nothing falls between the two.
    if (store.leases().shared()) {
      store.dispatch("other-nodes", false, fromOtherNodes());
      // Who is signed in where, and the member events of each node's links: agent states.
      agentDay.shareThrough(store.signals());
      // Callers waiting in the queues of each node's links: the supervisors' queues.
      dispatcher.shareWaits(
          new org.callobjectives.server.push.NodeWaits(
              store.signals(), pump::submit, dispatcher.othersOnly()));
      // Checklist ticks reach the supervisors of every node.
      new org.callobjectives.server.push.NodeChecklists(store.signals(), sessions);
      store.signals().start();
    }
    try {
      store
          .dispositions()
          .recoverAfterRestart(clock.millis(), c.server().wrapUp().toMillis())
          .get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      // E.g. a full disk: the restored wrap-up timers below mark these calls again, with retries.
      log.warn(
          "could not mark missed wrap-ups at start ({}); retried as each call's wrap-up expires",
          e.getCause().toString());
    }
    // Calls still waiting for their disposition go back to their agents (as replays, with their
    // wrap-up deadline); so do calls left open. The node that listens to a call's link tracks it
    // again and keeps its deadline (see claim).
    List<CallRecord> awaiting = store.calls().callsAwaitingDisposition().get(30, TimeUnit.SECONDS);
    for (CallRecord r : awaiting) {
      if (r.agentId() != null && r.endedAtMillis() != null) {
        agentDay.pendingAtStart(
            r.agentId(), r.callId()); // before restored: its expiry may run at once
      }
      dispatcher.restored(r);
    }
    tracker.rememberCallIds(
        store
            .calls()
            .callIdsSince(clock.millis() - TimeUnit.DAYS.toMillis(2), 10_000)
            .get(30, TimeUnit.SECONDS));
    List<CallRecord> open = store.calls().openCalls().get(30, TimeUnit.SECONDS);
    for (CallRecord r : open) {
      dispatcher.restored(r);
      agentDay.connected(
          r, 0); // still on the call as far as we know, until the resync says otherwise
    }
    atStart = new Tracked(open, awaiting);
    stages.load().get(30, TimeUnit.SECONDS);
    for (var step : beforeEvents) {
      step.call();
    }
    pump.start();
    // CRM webhooks read the outbox on threads of their own, from where each left off.
    webhooks.start();
    List<Route> routes = new ArrayList<>(HttpRouter.basics(this::health));
    ServerSettings.Tls tls = c.server().tls();
    SslContext ssl = tls == null ? null : TlsPolicy.server(tls.certificate(), tls.key());
    routes.addAll(new LoginRoute(access, authExecutor, ssl != null).routes());
    routes.addAll(extraRoutes);
    routes.addAll(webhooks.routes());
    // Agents sign in with their first message, not with a cookie: the route is open to all.
    Supplier<AgentSocketHandler> agentHandlers =
        () ->
            new AgentSocketHandler(
                access, sessions, dispositions, authExecutor, proposals, agentLimits);
    routes.add(
        Route.get(
            "/agent",
            null,
            call -> {
              if (DeskRoutes.browserPage(call.req())) {
                // Someone typed the agent-bridge address into a browser: the desk is there.
                HttpResponses.redirect(call.ctx(), call.req(), "/desk");
                return;
              }
              WebSocketUpgrade.upgrade(
                  call.ctx(), call.req(), "/agent", false, agentHandlers.get(), ch -> {});
            }));
    // The same for browsers, signed in by their session cookie.
    routes.addAll(new DeskRoutes(access, agentHandlers).routes());
    HttpRouter router = new HttpRouter(access, routes, authExecutor);
    connections = connections(c.server().limits());
    address =
        web.start(
            listener, new WebInitializer(ssl, router, c.server().limits(), connections, refusals));
    for (AmiServer s : amiServers) {
      connectAmi(s);
    }
    closeCallsOfUnlistedLinks(amiServers, open, awaiting);
    atStart = null;
    if (store.leases().shared()) {
      // Links another node listens to are taken over soon after that node stops.
      leaseClaims.scheduleWithFixedDelay(
          this::claimWaitingLinks, CLAIM_EVERY_MS, CLAIM_EVERY_MS, TimeUnit.MILLISECONDS);
    }
    // Now and then check open calls against Asterisk anyway: an end event lost for any reason
    // must not leave a call open (and its pop replayed) forever.
    scheduler.scheduleWithFixedDelay(
        () -> {
          for (AmiLink l : links) {
            if (l.connected()) {
              pump.execute(() -> tracker.requestResync(l.name()));
            }
          }
        },
        10,
        10,
        TimeUnit.MINUTES);
    return address;
  }

  private final RefusalLog refusals;
  private volatile ConnectionLimits connections;

  /** The web connections open and refused (null before {@link #start}). */
  public ConnectionLimits connections() {
    return connections;
  }

  /**
   * The connection caps of {@code limits}, the one in all lowered to what this process may open (a
   * connection is a file: past the limit nothing, not even the database, could open another).
   */
  private static ConnectionLimits connections(ServerSettings.Limits limits) {
    long maxFiles = ConnectionLimits.maxFiles();
    int all = ConnectionLimits.fitted(limits.connections(), maxFiles);
    if (all < limits.connections()) {
      log.warn(
          "limits.connections is {} but this process may open only {} files ({} are kept for the"
              + " database, logs and AMI links): at most {} connections; raise the open-files limit"
              + " (ulimit -n, systemd LimitNOFILE) to allow more",
          limits.connections(),
          maxFiles,
          ConnectionLimits.FILES_KEPT,
          all);
    }
    return new ConnectionLimits(all, Math.min(limits.connectionsPerAddress(), all));
  }

  /**
   * Adds one Asterisk to listen to; its link logs in in the background and keeps reconnecting. On a
   * shared database the link is listened to by one node at a time: this one if no other holds it,
   * else this one takes it over when that node stops.
   */
  public void connectAmi(AmiServer s) {
    wanted.put(s.name(), s);
    if (claim(s)) {
      listenedToBy.put(s.name(), "this node");
    } else {
      String holder = store.leases().holder(s.name());
      listenedToBy.put(s.name(), holder == null ? "nobody" : holder);
      log.info(
          "AMI link {} is listened to by {}; this node takes it over if that node stops",
          s.name(),
          holder == null ? "another node" : holder);
    }
  }

  /**
   * Stops listening to one Asterisk (its open calls are resolved by the next resync of nothing).
   */
  public void disconnectAmi(String name) {
    wanted.remove(name);
    for (AmiLink l : links) {
      if (l.name().equals(name)) {
        links.remove(l);
        l.close();
      }
    }
    store.leases().release(name);
  }

  /** The calls a starting node found in the tables, for the links it takes at once. */
  private record Tracked(List<CallRecord> open, List<CallRecord> awaiting) {}

  private volatile Tracked atStart;
  static final long CLAIM_EVERY_MS = 1000;
  private final Map<String, AmiServer> wanted = new java.util.concurrent.ConcurrentHashMap<>();
  private final ScheduledExecutorService leaseClaims =
      Executors.newSingleThreadScheduledExecutor(Threads.daemon("link-leases"));

  // Who listens to each link, as /health shows it: asked here, never on a web thread.
  private final Map<String, String> listenedToBy = new java.util.concurrent.ConcurrentHashMap<>();

  private void claimWaitingLinks() {
    for (AmiServer s : wanted.values()) {
      if (link(s.name()) == null && claim(s)) {
        log.info("AMI link {}: taken over from the node that listened to it", s.name());
      }
      String holder = store.leases().holder(s.name());
      listenedToBy.put(s.name(), holder == null ? "nobody" : holder);
    }
    listenedToBy.keySet().retainAll(wanted.keySet());
  }

  /**
   * Takes the link's lease if free, then its calls from the tables (open ones tracked again, ended
   * ones' wrap-up deadlines kept) and starts listening. True when this node listens to it now.
   */
  private synchronized boolean claim(AmiServer s) {
    if (link(s.name()) != null) {
      return true;
    }
    try {
      if (!store.leases().tryTake(s.name())) {
        return false;
      }
      track(s.name(), atStart != null ? atStart : tables());
    } catch (Exception e) {
      store.leases().release(s.name());
      log.warn("AMI link {}: cannot take it yet ({}); trying again", s.name(), e.toString());
      return false;
    }
    AmiLink link = new AmiLink(s, pump);
    link.onCapabilities(caps -> agentDay.capabilities(s.name(), caps));
    links.add(link);
    link.start();
    return true;
  }

  private Tracked tables() throws Exception {
    tracker.rememberCallIds(
        store
            .calls()
            .callIdsSince(clock.millis() - TimeUnit.DAYS.toMillis(2), 10_000)
            .get(30, TimeUnit.SECONDS));
    return new Tracked(
        store.calls().openCalls().get(30, TimeUnit.SECONDS),
        store.calls().callsAwaitingDisposition().get(30, TimeUnit.SECONDS));
  }

  /**
   * The link's calls become this node's: open ones tracked until its resync says whether Asterisk
   * still has them, ended ones waiting for a disposition with their wrap-up deadline.
   */
  private void track(String server, Tracked t) {
    List<CallRecord> open = t.open().stream().filter(r -> server.equals(r.server())).toList();
    for (CallRecord r : t.awaiting()) {
      if (server.equals(r.server()) && r.agentId() != null && r.endedAtMillis() != null) {
        if (atStart == null) {
          agentDay.pendingAtStart(r.agentId(), r.callId());
        }
        dispositions.wrapUpStarted(r.callId(), r.agentId(), r.endedAtMillis());
      }
    }
    if (open.isEmpty()) {
      return;
    }
    // On the tracking thread, before any event of the link (it starts after this is queued).
    pump.execute(() -> tracker.restore(open));
    log.info(
        "AMI link {}: {} calls were open when it was last listened to: tracked again until Asterisk"
            + " confirms them",
        server,
        open.size());
  }

  /**
   * Calls left open on links no node is configured for any more: nothing will ever resync them, so
   * they are closed as interrupted (only when no node holds the link).
   */
  private void closeCallsOfUnlistedLinks(
      List<AmiServer> configured, List<CallRecord> open, List<CallRecord> awaiting) {
    java.util.Set<String> names = new java.util.HashSet<>();
    configured.forEach(s -> names.add(s.name()));
    java.util.Set<String> others = new java.util.TreeSet<>();
    open.forEach(r -> others.add(r.server()));
    awaiting.forEach(r -> others.add(r.server()));
    others.removeAll(names);
    for (String server : others) {
      try {
        if (!store.leases().tryTake(server)) {
          continue;
        }
      } catch (java.sql.SQLException e) {
        continue;
      }
      track(server, new Tracked(open, awaiting));
      pump.execute(
          () -> {
            tracker.closeCallsOfLinksOtherThan(names);
            store.leases().release(server);
          });
    }
  }

  /**
   * What other nodes tracked and stored, told to this node's clients and listeners on the tracking
   * thread, in outbox order; a row that cannot be read is said and skipped.
   */
  private OutboxDispatcher.Consumer fromOtherNodes() {
    String self = store.nodeId();
    OutboxDispatcher.Consumer stored = dispositions.fromOtherNodes(self);
    return e -> {
      if (self.equals(e.origin())) {
        return;
      }
      switch (e.kind()) {
        case OutboxEvent.CALL_CONNECTED, OutboxEvent.CALL_ENDED, OutboxEvent.CALL_UPDATED -> {
          OutboxEvent.CallChange change;
          try {
            change = e.body(OutboxEvent.CallChange.class);
          } catch (IllegalStateException bad) {
            log.error("{}: skipped", bad.getMessage());
            return;
          }
          pump.submit(() -> dispatcher.fromOtherNode(e.kind(), change));
        }
        default ->
            pump.submit(
                () -> {
                  try {
                    stored.deliver(e);
                  } catch (Exception bad) {
                    log.error("outbox row {} ({}): skipped: {}", e.id(), e.kind(), bad.toString());
                  }
                });
      }
    };
  }

  private void resync(String server, int epoch) {
    for (AmiLink l : links) {
      if (l.name().equals(server)) {
        l.resync(epoch);
      }
    }
  }

  public Map<String, Object> health() {
    Map<String, Object> h = new LinkedHashMap<>();
    Map<String, Boolean> ami = new LinkedHashMap<>();
    for (AmiLink l : links) {
      ami.put(l.name(), l.connected());
    }
    h.put("ami", ami);
    // Each link in detail: logged in, stalled (open but hearing nothing, or dropped for a line over
    // the cap, until a ping is answered again), and what happened to it.
    Map<String, Object> amiLinks = new LinkedHashMap<>();
    for (AmiLink l : links) {
      amiLinks.put(l.name(), l.health());
    }
    h.put("amiLinks", amiLinks);
    if (store.leases().shared()) {
      h.put("amiListenedToBy", new java.util.TreeMap<>(listenedToBy));
    }
    h.put("amiEventsSeen", amiEventsSeen());
    Map<String, Long> byLink = new LinkedHashMap<>();
    links.forEach(l -> byLink.put(l.name(), l.eventsSeen()));
    h.put("amiEventsSeenByLink", byLink);
    h.put("amiEventsTracked", pump.received());
    h.put("amiEventsDropped", pump.dropped());
    h.put("callTrackingAlive", pump.alive());
    h.put("forcedWrapUp", agentDay.forcedWrapUp(links.stream().map(AmiLink::name).toList()));
    h.put("amiMalformedPacketsDropped", links.stream().mapToLong(AmiLink::droppedPackets).sum());
    h.put("amiOverlongLines", links.stream().mapToLong(AmiLink::overlongLines).sum());
    h.put("amiStalls", links.stream().mapToLong(AmiLink::stalls).sum());
    h.put("amiResyncFailures", links.stream().mapToLong(AmiLink::resyncFailures).sum());
    ConnectionLimits cl = connections;
    if (cl != null) {
      h.put("connectionsOpen", cl.open());
      h.put("connectionsRefused", cl.refused());
    }
    h.put("agentsConnected", sessions.connectedAgents());
    h.put("agentSignIns", access.agentSignIns());
    h.put("agentMessagesRefused", agentLimits.refusedByKind());
    h.put("agentsDisconnectedForFlooding", agentLimits.disconnected());
    h.put("proposalsOverQuota", proposals.overQuota());
    h.put("pops", sessions.pops());
    h.put("messagesToAgents", sessions.pushes());
    h.put("dispositionsStored", dispositions.stored());
    h.put("undisposed", dispositions.undisposed());
    h.put("storeFailures", store.failures());
    h.put("callRowsWaitingForDatabase", store.calls().unsavedCalls());
    h.put("callRowsLost", store.calls().lostCallRows());
    h.put("undisposedMarksWaitingForDatabase", dispositions.undisposedMarksWaiting());
    h.put("dispositionsWaitingForDatabase", dispositions.dispositionsWaiting());
    h.put("store", store.health());
    h.put("webhooks", webhooks.health());
    h.put(
        "heapUsedBytes",
        java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    return h;
  }

  /** Open calls as the tracker sees them, read on its own thread. */
  public List<CallRecord> openCalls() throws Exception {
    var f = new java.util.concurrent.CompletableFuture<List<CallRecord>>();
    pump.execute(() -> f.complete(tracker.openCalls()));
    return f.get(10, TimeUnit.SECONDS);
  }

  /** Every AMI event the links received (before we keep only the call events). */
  public long amiEventsSeen() {
    return links.stream().mapToLong(AmiLink::eventsSeen).sum();
  }

  public AmiEventPump pump() {
    return pump;
  }

  public AgentSessions sessions() {
    return sessions;
  }

  public PopLatency latency() {
    return latency;
  }

  public DispositionService dispositions() {
    return dispositions;
  }

  public Config config() {
    return config.get();
  }

  /**
   * Puts a new configuration in force for calls that connect from now on; calls in progress keep
   * theirs.
   */
  public void replaceConfig(Config next) {
    config.set(next);
  }

  public ObjectiveResolver resolver() {
    return resolver;
  }

  public StageIndex stages() {
    return stages;
  }

  public ProposalService proposals() {
    return proposals;
  }

  /** How fast agents may send each kind of message, and what was refused. */
  public AgentLimits agentLimits() {
    return agentLimits;
  }

  /** Other agent limits (e.g. on a test's own clock); call before {@link #start}. */
  public void agentLimits(AgentLimits limits) {
    this.agentLimits = limits;
  }

  /** Who is signed in; routes and sockets check sessions with it. */
  public Access access() {
    return access;
  }

  /** Where tokens are checked (PBKDF2), off the event loops. */
  public java.util.concurrent.Executor authExecutor() {
    return authExecutor;
  }

  public Store store() {
    return store;
  }

  /** The CRM webhooks of server.yaml: their figures ({@link Webhooks#stats()}) and state. */
  public Webhooks webhooks() {
    return webhooks;
  }

  /** Queues Asterisk reports (QueueSummary on every link) plus those seen in call events. */
  public java.util.concurrent.CompletableFuture<java.util.Set<String>> queuesSeen() {
    java.util.Set<String> all = java.util.concurrent.ConcurrentHashMap.newKeySet();
    all.addAll(queuesSeen.names());
    List<java.util.concurrent.CompletableFuture<?>> asks = new ArrayList<>();
    for (AmiLink l : links) {
      asks.add(l.queueNames().handle((names, err) -> names == null ? all : all.addAll(names)));
    }
    return java.util.concurrent.CompletableFuture.allOf(
            asks.toArray(new java.util.concurrent.CompletableFuture[0]))
        .thenApply(x -> new java.util.TreeSet<>(all));
  }

  public InetSocketAddress address() {
    return address;
  }

  @Override
  public void close() {
    for (AmiLink l : links) {
      l.close();
    }
    leaseClaims.shutdownNow();
    webhooks.close();
    web.close();
    pump.close();
    authExecutor.shutdownNow();
    scheduler.shutdownNow();
    store.close();
  }
}
