package org.callobjectives.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
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
import org.callobjectives.server.config.ServerSettings;
import org.callobjectives.server.dispositions.DispositionService;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Threads;
import org.callobjectives.server.objectives.ObjectiveResolver;
import org.callobjectives.server.objectives.StageIndex;
import org.callobjectives.server.proposals.ProposalService;
import org.callobjectives.server.push.AgentSessions;
import org.callobjectives.server.push.AgentSocketHandler;
import org.callobjectives.server.push.PopDispatcher;
import org.callobjectives.server.push.PopLatency;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.web.HttpRouter;
import org.callobjectives.server.web.LoginRoute;
import org.callobjectives.server.web.Route;
import org.callobjectives.server.web.WebInitializer;
import org.callobjectives.server.web.WebServer;
import org.callobjectives.server.web.WebSocketUpgrade;
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
    this.resolver = new ObjectiveResolver(config::get, stages, clock);
    this.tracker = new CallTracker(config::get, resolver, dispatcher, clock, this::resync);
    this.access = new Access(config::get, clock);
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
    if (store.location().postgres()) {
      store.dispatch("other-nodes", false, dispositions.fromOtherNodes(store.nodeId()));
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
    // wrap-up);
    // calls left open are tracked again until Asterisk says whether they are still up.
    for (CallRecord r : store.calls().callsAwaitingDisposition().get(30, TimeUnit.SECONDS)) {
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
    if (tracker.restore(open) > 0) {
      log.info(
          "{} calls were open when the server last stopped: tracked again until Asterisk confirms them",
          open.size());
    }
    stages.load().get(30, TimeUnit.SECONDS);
    for (var step : beforeEvents) {
      step.call();
    }
    pump.start();
    List<Route> routes = new ArrayList<>(HttpRouter.basics(this::health));
    ServerSettings.Tls tls = c.server().tls();
    SslContext ssl =
        tls == null
            ? null
            : SslContextBuilder.forServer(tls.certificate().toFile(), tls.key().toFile()).build();
    routes.addAll(new LoginRoute(access, authExecutor, ssl != null).routes());
    routes.addAll(extraRoutes);
    // Agents sign in with their first message, not with a cookie: the route is open to all.
    routes.add(
        Route.get(
            "/agent",
            null,
            call ->
                WebSocketUpgrade.upgrade(
                    call.ctx(),
                    call.req(),
                    "/agent",
                    false,
                    new AgentSocketHandler(access, sessions, dispositions, authExecutor, proposals),
                    ch -> {})));
    HttpRouter router = new HttpRouter(access, routes, authExecutor);
    address = web.start(listener, new WebInitializer(ssl, router));
    for (AmiServer s : amiServers) {
      connectAmi(s);
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    amiServers.forEach(s -> names.add(s.name()));
    pump.execute(() -> tracker.closeCallsOfLinksOtherThan(names));
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

  /** Adds one Asterisk to listen to; its link logs in in the background and keeps reconnecting. */
  public void connectAmi(AmiServer s) {
    AmiLink link = new AmiLink(s, pump);
    link.onCapabilities(caps -> agentDay.capabilities(s.name(), caps));
    links.add(link);
    link.start();
  }

  /**
   * Stops listening to one Asterisk (its open calls are resolved by the next resync of nothing).
   */
  public void disconnectAmi(String name) {
    for (AmiLink l : links) {
      if (l.name().equals(name)) {
        links.remove(l);
        l.close();
      }
    }
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
    h.put("amiEventsSeen", amiEventsSeen());
    Map<String, Long> byLink = new LinkedHashMap<>();
    links.forEach(l -> byLink.put(l.name(), l.eventsSeen()));
    h.put("amiEventsSeenByLink", byLink);
    h.put("amiEventsTracked", pump.received());
    h.put("amiEventsDropped", pump.dropped());
    h.put("callTrackingAlive", pump.alive());
    h.put("forcedWrapUp", agentDay.forcedWrapUp(links.stream().map(AmiLink::name).toList()));
    h.put("amiMalformedPacketsDropped", links.stream().mapToLong(AmiLink::droppedPackets).sum());
    h.put("amiResyncFailures", links.stream().mapToLong(AmiLink::resyncFailures).sum());
    h.put("agentsConnected", sessions.connectedAgents());
    h.put("pops", sessions.pushes());
    h.put("dispositionsStored", dispositions.stored());
    h.put("undisposed", dispositions.undisposed());
    h.put("storeFailures", store.failures());
    h.put("callRowsWaitingForDatabase", store.calls().unsavedCalls());
    h.put("callRowsLost", store.calls().lostCallRows());
    h.put("undisposedMarksWaitingForDatabase", dispositions.undisposedMarksWaiting());
    h.put("dispositionsWaitingForDatabase", dispositions.dispositionsWaiting());
    h.put("store", store.health());
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

  /** Who is signed in; routes and sockets check sessions with it. */
  public Access access() {
    return access;
  }

  public Store store() {
    return store;
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
    web.close();
    pump.close();
    authExecutor.shutdownNow();
    scheduler.shutdownNow();
    store.close();
  }
}
