package org.callobjectives.server;

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
import org.callobjectives.server.ami.AmiEventPump;
import org.callobjectives.server.ami.AmiLink;
import org.callobjectives.server.calls.CallListener;
import org.callobjectives.server.calls.CallRecord;
import org.callobjectives.server.calls.CallTracker;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.dispositions.DispositionService;
import org.callobjectives.server.objectives.ObjectiveResolver;
import org.callobjectives.server.push.AgentAuthenticator;
import org.callobjectives.server.push.AgentSessions;
import org.callobjectives.server.push.AgentSocketHandler;
import org.callobjectives.server.push.PopDispatcher;
import org.callobjectives.server.push.PopLatency;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.security.Access;
import org.callobjectives.server.web.HttpRoute;
import org.callobjectives.server.web.HttpRouter;
import org.callobjectives.server.web.LoginRoute;
import org.callobjectives.server.web.WebInitializer;
import org.callobjectives.server.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the data path: AMI links -> pump -> call tracking -> store + pops -> dispositions; and the web server. */
public final class ObjectivesServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ObjectivesServer.class);

  private final AtomicReference<Config> config;
  private final Clock clock;
  private final Store store;
  private final AgentSessions sessions = new AgentSessions();
  private final PopLatency latency = new PopLatency();
  private final ScheduledExecutorService scheduler;
  private final ScheduledExecutorService amiActions;
  private final ExecutorService authExecutor;
  private final AmiEventPump pump;
  private final CallTracker tracker;
  private final DispositionService dispositions;
  private final List<AmiLink> links = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final WebServer web = new WebServer();
  private InetSocketAddress address;
  private final List<HttpRoute> extraRoutes = new ArrayList<>();
  private final List<java.util.concurrent.Callable<?>> beforeEvents = new ArrayList<>();

  public ObjectivesServer(Config initial, Store store, Clock clock, List<CallListener> extraListeners) {
    this.config = new AtomicReference<>(initial);
    this.clock = clock;
    this.store = store;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("wrap-up"));
    this.amiActions = Executors.newScheduledThreadPool(1, daemon("ami-actions"));
    this.authExecutor = Executors.newFixedThreadPool(2, daemon("agent-auth"));
    this.dispositions = new DispositionService(store, sessions, scheduler, clock, initial.server().wrapUp());
    PopDispatcher dispatcher = new PopDispatcher(store, sessions, dispositions, extraListeners, latency);
    ObjectiveResolver resolver = new ObjectiveResolver(config::get);
    this.tracker = new CallTracker(config::get, resolver, dispatcher, clock, this::resync);
    this.pump = new AmiEventPump(65_536, tracker::handle);
  }

  /** Adds pages or APIs; call before {@link #start}. */
  public void addRoute(HttpRoute route) {
    extraRoutes.add(route);
  }

  /** Runs a step at start after crash recovery, before AMI events flow (e.g. rebuilding figures); call before {@link #start}. */
  public void beforeEvents(java.util.concurrent.Callable<?> step) {
    beforeEvents.add(step);
  }

  /** Starts the pump, the web server and one AMI link per configured Asterisk. */
  public InetSocketAddress start(List<AmiServer> amiServers) throws Exception {
    Config c = config.get();
    int closed = store.recoverAfterRestart(clock.millis(), c.server().wrapUp().toMillis()).get(30, TimeUnit.SECONDS);
    if (closed > 0) {
      log.warn("{} calls were still open when the server last stopped: closed as interrupted", closed);
    }
    for (var s : store.awaitingDisposition().get(30, TimeUnit.SECONDS)) {
      if (s.agentId() != null && s.endedAtMillis() != null) {
        dispositions.wrapUpStarted(s.callId(), s.agentId(), s.endedAtMillis());
      }
    }
    for (var step : beforeEvents) {
      step.call();
    }
    pump.start();
    AgentAuthenticator auth = new AgentAuthenticator(config::get);
    Access access = new Access(config::get, clock);
    List<HttpRoute> routes = new ArrayList<>();
    routes.add(new LoginRoute(access, authExecutor, false));
    routes.addAll(extraRoutes);
    HttpRouter router = new HttpRouter(this::health, access, routes);
    address = web.start(c.server().listenHost(), c.server().listenPort(), new WebInitializer(null,
        () -> new AgentSocketHandler(auth, sessions, dispositions, authExecutor), router));
    for (AmiServer s : amiServers) {
      connectAmi(s);
    }
    return address;
  }

  /** Adds one Asterisk to listen to; its link logs in in the background and keeps reconnecting. */
  public void connectAmi(AmiServer s) {
    AmiLink link = new AmiLink(s, pump, amiActions);
    links.add(link);
    link.start();
  }

  private void resync(String server) {
    for (AmiLink l : links) {
      if (l.name().equals(server)) {
        l.resync();
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
    h.put("amiEventsReceived", pump.received());
    h.put("amiEventsDropped", pump.dropped());
    h.put("agentsConnected", sessions.connectedAgents());
    h.put("pops", sessions.pushes());
    h.put("dispositionsStored", dispositions.stored());
    h.put("undisposed", dispositions.undisposed());
    h.put("storeFailures", store.failures());
    return h;
  }

  /** Open calls as the tracker sees them, read on its own thread. */
  public List<CallRecord> openCalls() throws Exception {
    var f = new java.util.concurrent.CompletableFuture<List<CallRecord>>();
    pump.execute(() -> f.complete(tracker.openCalls()));
    return f.get(10, TimeUnit.SECONDS);
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
    amiActions.shutdownNow();
    authExecutor.shutdownNow();
    scheduler.shutdownNow();
    store.close();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
