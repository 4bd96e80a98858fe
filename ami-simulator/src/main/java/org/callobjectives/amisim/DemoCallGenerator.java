package org.callobjectives.amisim;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates queue and outbound calls for configured queues and agents and emits the AMI events an
 * Asterisk 22 sends for them (channel names, Uniqueid/Linkedid, event order and fields as in the
 * captured traces). All timing comes from the given clock and scheduler, so a manual scheduler
 * makes runs deterministic. The live channels and queues are offered as a {@link ChannelDirectory}.
 */
public final class DemoCallGenerator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCallGenerator.class);
  private static final String CALL = "call,all";
  private static final String AGENT = "agent,all";

  /** Told about every event just before it is handed to the sink (so it always sees it first). */
  @FunctionalInterface
  public interface EventSentListener {
    /** {@code nanoTime} is {@link System#nanoTime()} taken right before the hand-over. */
    void onEventSent(AmiEvent event, long nanoTime);
  }

  private final DemoSettings settings;
  private final Consumer<AmiEvent> sink;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Random random;
  private final Object lock = new Object();
  private final Map<String, AgentState> agents = new LinkedHashMap<>();
  private final List<InboundCall> queued = new ArrayList<>();
  private final Map<String, LocalChannel> channels = new LinkedHashMap<>();
  private final Map<String, QueueStats> queueStats = new LinkedHashMap<>();
  private final Map<String, Duration> wrapUpTimes = new LinkedHashMap<>();
  private volatile EventSentListener listener = (event, nanoTime) -> {};
  private long uniqueSequence;
  private int localSequence;
  private long callsStarted;
  private long callsEnded;
  private long callsAbandoned;
  private long eventsSent;
  private boolean running;

  /**
   * @param sink receives every event, e.g. {@code server::broadcast}; called under the generator's
   *     lock, so it must not block
   * @param clock wall time for Uniqueids and hold/talk times
   * @param scheduler runs all call progress; may be multi-threaded (state is guarded by a lock)
   */
  public DemoCallGenerator(
      DemoSettings settings,
      Consumer<AmiEvent> sink,
      Clock clock,
      ScheduledExecutorService scheduler) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.random = new Random(settings.seed());
    long login = clock.millis() / 1000;
    for (DemoAgent agent : settings.agents()) {
      agents.put(agent.extension(), new AgentState(agent, login, clock.millis()));
    }
    settings.queues().forEach(queue -> queueStats.put(queue, new QueueStats()));
  }

  /** Sets the hook told about each event (e.g. to time AgentConnect by its DestUniqueid). */
  public void setListener(EventSentListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** QueuePause on the simulated members, for {@link AmiWireServer#setQueueControl}. */
  public QueueControl queueControl() {
    return this::pause;
  }

  /**
   * A queue's {@code wrapuptime}: after a call a member is offered no call from this queue for that
   * long (0, the default, offers the next call at once).
   */
  public void setWrapUpTime(String queue, Duration wrapUp) {
    synchronized (lock) {
      if (!queueStats.containsKey(queue)) {
        throw new IllegalArgumentException("unknown queue " + queue);
      }
      wrapUpTimes.put(queue, wrapUp);
    }
  }

  /** Whether the member with this interface is paused in the queue. */
  public boolean isPaused(String memberInterface, String queue) {
    synchronized (lock) {
      AgentState agent = byInterface(memberInterface);
      return agent != null && agent.paused.containsKey(queue);
    }
  }

  /**
   * The live channels, queue members and callers, for {@link AmiWireServer#setChannelDirectory}.
   */
  public ChannelDirectory directory() {
    return new LiveDirectory();
  }

  /** Starts random (Poisson) arrivals at the configured rate until {@link #stop()}. */
  public void start() {
    synchronized (lock) {
      if (!running) {
        running = true;
        scheduleNextArrival();
      }
    }
  }

  /** Stops new arrivals; calls in progress run to their end. */
  public void stop() {
    synchronized (lock) {
      running = false;
    }
  }

  /** Same as {@link #stop()}; the scheduler belongs to the caller. */
  @Override
  public void close() {
    stop();
  }

  /**
   * Places {@code calls} calls evenly spaced at the configured rate (the mix of inbound, outbound
   * and abandons as configured); the future completes when all of them have ended.
   */
  public CompletableFuture<Void> burst(int calls) {
    if (calls < 0) {
      throw new IllegalArgumentException("calls must be >= 0");
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (calls == 0) {
      done.complete(null);
      return done;
    }
    AtomicInteger remaining = new AtomicInteger(calls);
    Runnable onEnd =
        () -> {
          if (remaining.decrementAndGet() == 0) {
            done.complete(null);
          }
        };
    long spacingNanos = (long) (1e9 / settings.callsPerSecond());
    for (int i = 0; i < calls; i++) {
      after(spacingNanos * i, () -> placeRandomCall(onEnd));
    }
    return done;
  }

  /**
   * Places one inbound call into a queue now; returns its Linkedid (the caller's first Uniqueid).
   */
  public String placeInboundCall(String queue) {
    if (!queueStats.containsKey(queue)) {
      throw new IllegalArgumentException("unknown queue " + queue);
    }
    synchronized (lock) {
      return arrive(queue, () -> {}).caller1.linkedid;
    }
  }

  /**
   * Has a free agent dial a customer number now; returns the Linkedid, or empty if the agent is
   * busy.
   */
  public Optional<String> placeOutboundCall(String extension, String number) {
    synchronized (lock) {
      AgentState agent = agents.get(extension);
      if (agent == null) {
        throw new IllegalArgumentException("unknown agent " + extension);
      }
      return agent.busy
          ? Optional.empty()
          : Optional.of(dialOut(agent, number, () -> {}).agent1.linkedid);
    }
  }

  /** Calls started (inbound and outbound). */
  public long callsStarted() {
    synchronized (lock) {
      return callsStarted;
    }
  }

  /** Calls ended, abandoned ones included. */
  public long callsEnded() {
    synchronized (lock) {
      return callsEnded;
    }
  }

  /** Inbound calls abandoned in queue. */
  public long callsAbandoned() {
    synchronized (lock) {
      return callsAbandoned;
    }
  }

  /** Events handed to the sink. */
  public long eventsSent() {
    synchronized (lock) {
      return eventsSent;
    }
  }

  /** Channels currently up. */
  public int activeChannelCount() {
    synchronized (lock) {
      return channels.size();
    }
  }

  // ---- arrivals ----

  private void scheduleNextArrival() {
    double gapSeconds = -Math.log(1 - random.nextDouble()) / settings.callsPerSecond();
    after(
        (long) (gapSeconds * 1e9),
        () -> {
          if (running) {
            placeRandomCall(() -> {});
            scheduleNextArrival();
          }
        });
  }

  private void placeRandomCall(Runnable onEnd) {
    if (random.nextDouble() < settings.outboundRate()) {
      List<AgentState> free =
          agents.values().stream().filter(agent -> !agent.busy && agent.paused.isEmpty()).toList();
      if (!free.isEmpty()) {
        dialOut(free.get(random.nextInt(free.size())), customer("1555987"), onEnd);
        return;
      }
    }
    arrive(settings.queues().get(random.nextInt(settings.queues().size())), onEnd);
  }

  // ---- inbound ----

  private InboundCall arrive(String queue, Runnable onEnd) {
    String pair = nextLocalId();
    LocalChannel leg1 =
        newChannel("Local/" + queue + "@callers-" + pair + ";1", null, "callers", queue, 0);
    LocalChannel leg2 =
        newChannel(
            "Local/" + queue + "@callers-" + pair + ";2", leg1.linkedid, "callers", queue, 4);
    String number = customer("1555123");
    String name = random.nextBoolean() ? LocalChannel.UNKNOWN : "Caller " + number.substring(7);
    for (LocalChannel leg : List.of(leg1, leg2)) {
      leg.callerId(number, name);
      leg.connectedLine(number, name);
      emit(
          leg.snapshot(event("NewCallerid", CALL))
              .put("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
    }
    newState(leg2, 6);
    newState(leg1, 6);
    leg1.application = "Wait";
    leg1.applicationData = "600";
    leg2.priority = 2;
    leg2.application = "Queue";
    leg2.applicationData = queue;

    InboundCall call = new InboundCall(queue, leg1, leg2, clock.millis(), onEnd);
    queued.add(call);
    callsStarted++;
    int position = positionOf(call);
    call.originalPosition = position;
    emit(
        leg2.snapshot(event("QueueCallerJoin", AGENT))
            .put("Queue", queue)
            .put("Position", position)
            .put("Count", queueLength(queue)));
    emit(leg2.snapshot(event("MusicOnHoldStart", CALL)).put("Class", "default"));
    Duration patience = settings.patience();
    if (random.nextDouble() < settings.abandonRate()) {
      // An impatient caller: hangs up before anyone answers, however many agents are free.
      call.impatient = true;
      long lowNanos = Math.min(Duration.ofSeconds(1).toNanos(), patience.toNanos());
      patience =
          Duration.ofNanos(
              lowNanos + (long) (random.nextDouble() * (patience.toNanos() - lowNanos)));
    }
    after(patience.toNanos(), () -> abandon(call));
    connectWaitingCallers();
    return call;
  }

  private void connectWaitingCallers() {
    for (InboundCall call : List.copyOf(queued)) {
      if (call.agent == null && !call.impatient) {
        AgentState agent = longestIdleAgent(call.queue);
        if (agent != null) {
          ring(call, agent);
        }
      }
    }
  }

  private AgentState longestIdleAgent(String queue) {
    AgentState best = null;
    for (AgentState agent : agents.values()) {
      if (!agent.busy
          && agent.agent.queues().contains(queue)
          && !agent.paused.containsKey(queue)
          && !inWrapUp(agent, queue)
          && (best == null || agent.freeSinceMillis < best.freeSinceMillis)) {
        best = agent;
      }
    }
    return best;
  }

  private boolean inWrapUp(AgentState agent, String queue) {
    Duration wrapUp = wrapUpTimes.get(queue);
    return wrapUp != null
        && agent.lastCallEndMillis > 0
        && clock.millis() < agent.lastCallEndMillis + wrapUp.toMillis();
  }

  private AgentState byInterface(String memberInterface) {
    for (AgentState agent : agents.values()) {
      if (agent.agent.memberInterface().equalsIgnoreCase(memberInterface)) {
        return agent;
      }
    }
    return null;
  }

  /**
   * QueuePause as app_queue does it: a QueueMemberPause per membership changed; unknown interface:
   * error.
   */
  private String pause(String memberInterface, String queue, boolean paused, String reason) {
    synchronized (lock) {
      AgentState agent = byInterface(memberInterface);
      if (agent == null || (queue != null && !agent.agent.queues().contains(queue))) {
        return "Interface not found";
      }
      List<String> queues = queue == null ? agent.agent.queues() : List.of(queue);
      for (String q : queues) {
        if (paused) {
          agent.paused.put(q, reason == null ? "" : reason);
        } else {
          agent.paused.remove(q);
        }
        agent.lastPauseEpoch = clock.millis() / 1000;
        emit(memberBlock(event("QueueMemberPause", AGENT), agent, q, agent.busy ? 2 : 1));
      }
      if (!paused) {
        connectWaitingCallers();
      }
      return null;
    }
  }

  private void ring(InboundCall call, AgentState agent) {
    agent.busy = true;
    call.agent = agent;
    String extension = agent.agent.extension();
    String pair = nextLocalId();
    LocalChannel member1 =
        newChannel(
            "Local/" + extension + "@agents-" + pair + ";1",
            call.caller1.linkedid,
            "agents",
            extension,
            0);
    LocalChannel member2 =
        newChannel(
            "Local/" + extension + "@agents-" + pair + ";2",
            call.caller1.linkedid,
            "agents",
            extension,
            4);
    call.member1 = member1;
    call.member2 = member2;
    for (LocalChannel leg : List.of(member1, member2)) {
      leg.callerId(call.caller2.callerIdNum, call.caller2.callerIdName);
      emit(
          leg.snapshot(event("NewCallerid", CALL))
              .put("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
    }
    // Asterisk shows the queue name as the member leg's Exten from here on (a quirk the traces
    // show).
    member1.exten = call.queue;
    member1.connectedLine(call.caller2.callerIdNum, call.caller2.callerIdName);
    LocalChannel caller = call.caller2;
    emit(
        member(
            dest(caller.snapshot(event("AgentCalled", AGENT)), member1).put("Queue", call.queue),
            agent));
    emit(
        dest(caller.snapshot(event("DialBegin", CALL)), member1)
            .put("DialString", agent.agent.memberInterface()));
    newState(member1, 5);
    memberStatus(agent, 2);
    after(settings.ringTime().toNanos(), () -> answer(call));
  }

  private void answer(InboundCall call) {
    if (call.ended) {
      return;
    }
    LocalChannel caller = call.caller2;
    LocalChannel member1 = call.member1;
    newState(call.member2, 6);
    newState(member1, 6);
    emit(dest(caller.snapshot(event("DialEnd", CALL)), member1).put("DialStatus", "ANSWER"));
    emit(caller.snapshot(event("MusicOnHoldStop", CALL)));
    int position = positionOf(call);
    queued.remove(call);
    emit(
        caller
            .snapshot(event("QueueCallerLeave", AGENT))
            .put("Queue", call.queue)
            .put("Position", position)
            .put("Count", queueLength(call.queue)));
    call.connectedMillis = clock.millis();
    call.agent.inCall = true;
    emit(
        member(
                dest(caller.snapshot(event("AgentConnect", AGENT)), member1)
                    .put("Queue", call.queue),
                call.agent)
            .put("HoldTime", call.holdSeconds())
            .put("RingTime", settings.ringTime().toSeconds()));
    call.bridge = bridgeId();
    emit(bridge(event("BridgeCreate", CALL), call.bridge, 0));
    bridgeEnter(call.bridge, member1, 1);
    bridgeEnter(call.bridge, caller, 2);
    boolean agentEnds = random.nextDouble() < settings.agentHangupRate();
    after(talkNanos(), () -> finish(call, agentEnds));
  }

  private void finish(InboundCall call, boolean agentEnds) {
    LocalChannel caller1 = call.caller1;
    LocalChannel caller2 = call.caller2;
    LocalChannel member1 = call.member1;
    LocalChannel member2 = call.member2;
    AgentState agent = call.agent;
    if (agentEnds) {
      emit(member2.snapshot(event("SoftHangupRequest", CALL)).put("Cause", 16));
      emit(member1.snapshot(event("HangupRequest", CALL)).put("Cause", 16));
      hangup(member2);
      emit(agentComplete(call, "agent"));
      bridgeLeave(call.bridge, member1, 1);
      hangup(member1);
      bridgeLeave(call.bridge, caller2, 0);
      agentFree(agent);
      emit(bridge(event("BridgeDestroy", CALL), call.bridge, 0));
      emit(caller2.snapshot(event("SoftHangupRequest", CALL)).put("Cause", 16));
      emit(caller1.snapshot(event("HangupRequest", CALL)).put("Cause", 16));
      hangup(caller2);
      hangup(caller1);
    } else {
      emit(caller2.snapshot(event("HangupRequest", CALL)).put("Cause", 16));
      emit(agentComplete(call, "caller"));
      hangup(caller1);
      bridgeLeave(call.bridge, caller2, 1);
      emit(caller2.snapshot(event("SoftHangupRequest", CALL)).put("Cause", 16));
      hangup(caller2);
      bridgeLeave(call.bridge, member1, 0);
      emit(member2.snapshot(event("HangupRequest", CALL)).put("Cause", 16));
      hangup(member1);
      emit(bridge(event("BridgeDestroy", CALL), call.bridge, 0));
      emit(member2.snapshot(event("SoftHangupRequest", CALL)).put("Cause", 16));
      hangup(member2);
      agentFree(agent);
    }
    QueueStats stats = queueStats.get(call.queue);
    stats.completed++;
    stats.holdSeconds += call.holdSeconds();
    stats.talkSeconds += call.talkSeconds();
    end(call);
    connectWaitingCallers();
  }

  private AmiEvent.Builder agentComplete(InboundCall call, String reason) {
    return member(
            dest(call.caller2.snapshot(event("AgentComplete", AGENT)), call.member1)
                .put("Queue", call.queue),
            call.agent)
        .put("HoldTime", call.holdSeconds())
        .put("TalkTime", call.talkSeconds())
        .put("Reason", reason);
  }

  private void abandon(InboundCall call) {
    if (call.ended || call.agent != null) {
      return; // answered (or already ringing an agent, who will answer) before patience ran out
    }
    LocalChannel caller2 = call.caller2;
    emit(caller2.snapshot(event("HangupRequest", CALL)).put("Cause", 16));
    hangup(call.caller1);
    emit(caller2.snapshot(event("MusicOnHoldStop", CALL)));
    int position = positionOf(call);
    emit(
        caller2
            .snapshot(event("QueueCallerAbandon", AGENT))
            .put("Queue", call.queue)
            .put("Position", position)
            .put("OriginalPosition", call.originalPosition)
            .put("HoldTime", call.holdSeconds()));
    queued.remove(call);
    emit(
        caller2
            .snapshot(event("QueueCallerLeave", AGENT))
            .put("Queue", call.queue)
            .put("Position", position)
            .put("Count", queueLength(call.queue)));
    emit(caller2.snapshot(event("SoftHangupRequest", CALL)).put("Cause", 16));
    hangup(caller2);
    queueStats.get(call.queue).abandoned++;
    callsAbandoned++;
    end(call);
  }

  private void end(InboundCall call) {
    call.ended = true;
    callsEnded++;
    call.onEnd.run();
  }

  // ---- outbound ----

  private OutboundCall dialOut(AgentState agent, String number, Runnable onEnd) {
    agent.busy = true;
    callsStarted++;
    DemoAgent who = agent.agent;
    String extension = who.extension();
    String agentPair = nextLocalId();
    LocalChannel agent1 =
        newChannel(
            "Local/" + extension + "@agents-" + agentPair + ";1", null, "agents", extension, 0);
    LocalChannel agent2 =
        newChannel(
            "Local/" + extension + "@agents-" + agentPair + ";2",
            agent1.linkedid,
            "agents",
            extension,
            4);
    for (LocalChannel leg : List.of(agent1, agent2)) {
      leg.callerId(extension, who.name());
      leg.connectedLine(extension, who.name());
      emit(
          leg.snapshot(event("NewCallerid", CALL))
              .put("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
    }
    // The Originate's own dial of the agent phone: no caller-side snapshot, as in the traces.
    emit(dest(event("DialBegin", CALL), agent1).put("DialString", extension + "@agents"));
    newState(agent2, 6);
    newState(agent1, 6);
    emit(dest(event("DialEnd", CALL), agent1).put("DialStatus", "ANSWER"));
    memberStatus(agent, 2);
    agent1.application = "Dial";
    agent1.applicationData = "Local/" + number + "@customers";

    String customerPair = nextLocalId();
    LocalChannel customer1 =
        newChannel(
            "Local/" + number + "@customers-" + customerPair + ";1",
            agent1.linkedid,
            "customers",
            number,
            0);
    LocalChannel customer2 =
        newChannel(
            "Local/" + number + "@customers-" + customerPair + ";2",
            agent1.linkedid,
            "customers",
            number,
            4);
    for (LocalChannel leg : List.of(customer1, customer2)) {
      leg.callerId(extension, who.name());
      leg.connectedLine(extension, who.name());
      emit(
          leg.snapshot(event("NewCallerid", CALL))
              .put("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
    }
    // DestExten is inherited from the dialling agent channel; the number is only in DialString.
    customer1.exten = extension;
    emit(
        dest(agent1.snapshot(event("DialBegin", CALL)), customer1)
            .put("DialString", number + "@customers"));
    newState(customer1, 5);
    OutboundCall call = new OutboundCall(agent, agent1, agent2, customer1, customer2, onEnd);
    after(settings.ringTime().toNanos(), () -> connectOutbound(call));
    return call;
  }

  private void connectOutbound(OutboundCall call) {
    newState(call.customer2, 6);
    newState(call.customer1, 6);
    emit(
        dest(call.agent1.snapshot(event("DialEnd", CALL)), call.customer1)
            .put("DialStatus", "ANSWER"));
    call.agent.inCall = true;
    call.bridge = bridgeId();
    emit(bridge(event("BridgeCreate", CALL), call.bridge, 0));
    bridgeEnter(call.bridge, call.customer1, 1);
    bridgeEnter(call.bridge, call.agent1, 2);
    boolean agentEnds = random.nextDouble() < settings.agentHangupRate();
    after(talkNanos(), () -> finishOutbound(call, agentEnds));
  }

  private void finishOutbound(OutboundCall call, boolean agentEnds) {
    LocalChannel first1 = agentEnds ? call.agent1 : call.customer1;
    LocalChannel first2 = agentEnds ? call.agent2 : call.customer2;
    LocalChannel other1 = agentEnds ? call.customer1 : call.agent1;
    LocalChannel other2 = agentEnds ? call.customer2 : call.agent2;
    emit(first2.snapshot(event("SoftHangupRequest", CALL)).put("Cause", 16));
    emit(first1.snapshot(event("HangupRequest", CALL)).put("Cause", 16));
    hangup(first2);
    if (agentEnds) {
      agentFree(call.agent); // the member status follows the agent phone's hangup, as captured
    }
    bridgeLeave(call.bridge, first1, 1);
    hangup(first1);
    bridgeLeave(call.bridge, other1, 0);
    emit(bridge(event("BridgeDestroy", CALL), call.bridge, 0));
    emit(other2.snapshot(event("HangupRequest", CALL)).put("Cause", 16));
    hangup(other1);
    emit(other2.snapshot(event("SoftHangupRequest", CALL)).put("Cause", 16));
    hangup(other2);
    if (!agentEnds) {
      agentFree(call.agent);
    }
    callsEnded++;
    call.onEnd.run();
    connectWaitingCallers();
  }

  // ---- shared pieces ----

  private void agentFree(AgentState agent) {
    agent.busy = false;
    agent.inCall = false;
    agent.callsTaken++;
    agent.lastCallEpoch = clock.millis() / 1000;
    agent.freeSinceMillis = clock.millis();
    agent.lastCallEndMillis = clock.millis();
    memberStatus(agent, 1);
    long longest = 0;
    for (String queue : agent.agent.queues()) {
      Duration wrapUp = wrapUpTimes.get(queue);
      longest = Math.max(longest, wrapUp == null ? 0 : wrapUp.toNanos());
    }
    if (longest > 0) {
      after(
          longest, this::connectWaitingCallers); // the wrap-up time is over: offer waiting callers
    }
  }

  private void memberStatus(AgentState agent, int deviceStatus) {
    for (String queue : agent.agent.queues()) {
      emit(memberBlock(event("QueueMemberStatus", AGENT), agent, queue, deviceStatus));
    }
  }

  private AmiEvent.Builder memberBlock(
      AmiEvent.Builder event, AgentState agent, String queue, int status) {
    DemoAgent who = agent.agent;
    return event
        .put("Queue", queue)
        .put("MemberName", who.name())
        .put("Interface", who.memberInterface())
        .put("StateInterface", who.stateInterface())
        .put("Membership", "static")
        .put("Penalty", 0)
        .put("CallsTaken", agent.callsTaken)
        .put("LastCall", agent.lastCallEpoch)
        .put("LastPause", agent.lastPauseEpoch)
        .put("LoginTime", agent.loginEpoch)
        .put("InCall", agent.inCall ? 1 : 0)
        .put("Status", status)
        .put("Paused", agent.paused.containsKey(queue) ? 1 : 0)
        .put("PausedReason", agent.paused.getOrDefault(queue, ""))
        .put("Ringinuse", 0)
        .put("Wrapuptime", wrapUpTimes.getOrDefault(queue, Duration.ZERO).toSeconds());
  }

  private static AmiEvent.Builder member(AmiEvent.Builder event, AgentState agent) {
    return event
        .put("Interface", agent.agent.memberInterface())
        .put("MemberName", agent.agent.name());
  }

  private static AmiEvent.Builder dest(AmiEvent.Builder event, LocalChannel channel) {
    return channel.snapshot(event, "Dest");
  }

  private LocalChannel newChannel(
      String name, String linkedid, String context, String exten, int state) {
    long now = clock.millis();
    String uniqueid = (now / 1000) + "." + uniqueSequence++;
    LocalChannel channel =
        new LocalChannel(
            name, uniqueid, linkedid == null ? uniqueid : linkedid, context, exten, state, now);
    channels.put(uniqueid, channel);
    emit(channel.snapshot(event("Newchannel", CALL)));
    return channel;
  }

  private void newState(LocalChannel channel, int state) {
    channel.state = state;
    emit(channel.snapshot(event("Newstate", CALL)));
  }

  private void hangup(LocalChannel channel) {
    channels.remove(channel.uniqueid);
    emit(
        channel
            .snapshot(event("Hangup", CALL))
            .put("Cause", 16)
            .put("Cause-txt", "Normal Clearing"));
  }

  private void bridgeEnter(String bridge, LocalChannel channel, int members) {
    channel.bridgeId = bridge;
    emit(channel.snapshot(bridge(event("BridgeEnter", CALL), bridge, members)));
  }

  private void bridgeLeave(String bridge, LocalChannel channel, int members) {
    channel.bridgeId = "";
    emit(channel.snapshot(bridge(event("BridgeLeave", CALL), bridge, members)));
  }

  private static AmiEvent.Builder bridge(AmiEvent.Builder event, String bridge, int members) {
    return event
        .put("BridgeUniqueid", bridge)
        .put("BridgeType", "basic")
        .put("BridgeTechnology", "simple_bridge")
        .put("BridgeCreator", LocalChannel.UNKNOWN)
        .put("BridgeName", LocalChannel.UNKNOWN)
        .put("BridgeNumChannels", members)
        .put("BridgeVideoSourceMode", "none");
  }

  private static AmiEvent.Builder event(String type, String privilege) {
    return AmiEvent.event(type).put("Privilege", privilege);
  }

  private void emit(AmiEvent.Builder builder) {
    AmiEvent event = builder.build();
    eventsSent++;
    try {
      listener.onEventSent(event, System.nanoTime());
    } catch (RuntimeException e) {
      LOG.warn("event listener failed", e);
    }
    sink.accept(event);
  }

  private int positionOf(InboundCall call) {
    int position = 0;
    for (InboundCall other : queued) {
      if (other.queue.equals(call.queue)) {
        position++;
        if (other == call) {
          return position;
        }
      }
    }
    return position;
  }

  private int queueLength(String queue) {
    return (int) queued.stream().filter(call -> call.queue.equals(queue)).count();
  }

  private String nextLocalId() {
    // Hot in load tests: no Formatter per call.
    String hex = Integer.toHexString(localSequence++);
    return "00000000".substring(hex.length()) + hex;
  }

  /**
   * A third of the calls are with one of {@link #RETURNING} returning customers, so the demo shows
   * the chain of advances and the commitments asked about on a customer's next call; the rest are
   * new numbers starting with {@code prefix}.
   */
  private String customer(String prefix) {
    return random.nextInt(3) == 0
        ? "1555123" + String.format("%04d", 1 + random.nextInt(RETURNING))
        : prefix + fourDigits();
  }

  static final int RETURNING = 25;

  private String fourDigits() {
    return Integer.toString(10_000 + random.nextInt(10_000)).substring(1);
  }

  private String bridgeId() {
    return new UUID(
            (random.nextLong() & ~0xF000L) | 0x4000L,
            (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L)
        .toString();
  }

  private long talkNanos() {
    long min = settings.minTalk().toNanos();
    return min + (long) (random.nextDouble() * (settings.maxTalk().toNanos() - min));
  }

  private void after(long delayNanos, Runnable task) {
    try {
      scheduler.schedule(
          () -> {
            synchronized (lock) {
              try {
                task.run();
              } catch (RuntimeException e) {
                LOG.error("call simulation step failed", e);
              }
            }
          },
          delayNanos,
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("scheduler shut down; dropping a call step");
    }
  }

  private static String duration(long millis) {
    long seconds = Math.max(0, millis / 1000);
    return String.format(
        Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /** A queue member's live state. */
  private static final class AgentState {
    final DemoAgent agent;
    final long loginEpoch;
    long freeSinceMillis;
    boolean busy;
    boolean inCall;
    int callsTaken;
    long lastCallEpoch;
    long lastCallEndMillis;
    long lastPauseEpoch;

    /** Queue -> pause reason, for the queues the member is paused in. */
    final Map<String, String> paused = new LinkedHashMap<>();

    AgentState(DemoAgent agent, long loginEpoch, long freeSinceMillis) {
      this.agent = agent;
      this.loginEpoch = loginEpoch;
      this.freeSinceMillis = freeSinceMillis;
    }
  }

  /** An inbound queue call from arrival to hang-up. */
  private final class InboundCall {
    final String queue;
    final LocalChannel caller1;
    final LocalChannel caller2;
    final long joinedMillis;
    final Runnable onEnd;
    int originalPosition;
    boolean impatient;
    boolean ended;
    AgentState agent;
    LocalChannel member1;
    LocalChannel member2;
    long connectedMillis;
    String bridge;

    InboundCall(
        String queue,
        LocalChannel caller1,
        LocalChannel caller2,
        long joinedMillis,
        Runnable onEnd) {
      this.queue = queue;
      this.caller1 = caller1;
      this.caller2 = caller2;
      this.joinedMillis = joinedMillis;
      this.onEnd = onEnd;
    }

    /** Whole seconds as Asterisk counts them: the difference of epoch seconds. */
    long holdSeconds() {
      long until = connectedMillis > 0 ? connectedMillis : clock.millis();
      return until / 1000 - joinedMillis / 1000;
    }

    long talkSeconds() {
      return clock.millis() / 1000 - connectedMillis / 1000;
    }
  }

  /** An agent-dialled call. */
  private static final class OutboundCall {
    final AgentState agent;
    final LocalChannel agent1;
    final LocalChannel agent2;
    final LocalChannel customer1;
    final LocalChannel customer2;
    final Runnable onEnd;
    String bridge;

    OutboundCall(
        AgentState agent,
        LocalChannel agent1,
        LocalChannel agent2,
        LocalChannel customer1,
        LocalChannel customer2,
        Runnable onEnd) {
      this.agent = agent;
      this.agent1 = agent1;
      this.agent2 = agent2;
      this.customer1 = customer1;
      this.customer2 = customer2;
      this.onEnd = onEnd;
    }
  }

  /** Per-queue totals for QueueParams and QueueSummary. */
  private static final class QueueStats {
    int completed;
    int abandoned;
    long holdSeconds;
    long talkSeconds;
  }

  /** Renders the generator's live state as the list events of the AMI list actions. */
  private final class LiveDirectory implements ChannelDirectory {
    @Override
    public List<AmiEvent> coreShowChannels() {
      synchronized (lock) {
        long now = clock.millis();
        return channels.values().stream()
            .map(
                channel ->
                    channel
                        .snapshot(AmiEvent.event("CoreShowChannel"))
                        .put("Application", channel.application)
                        .put("ApplicationData", channel.applicationData)
                        .put("Duration", duration(now - channel.createdMillis))
                        .put("BridgeId", channel.bridgeId)
                        .build())
            .toList();
      }
    }

    @Override
    public List<AmiEvent> status() {
      synchronized (lock) {
        long now = clock.millis();
        return channels.values().stream()
            .map(
                channel ->
                    channel
                        .snapshot(AmiEvent.event("Status"))
                        .put("Type", "Local")
                        .put("DNID", "")
                        .put("TimeToHangup", 0)
                        .put("BridgeID", channel.bridgeId)
                        .put("Application", channel.application)
                        .put("Data", channel.applicationData)
                        .put("Seconds", (now - channel.createdMillis) / 1000)
                        .build())
            .toList();
      }
    }

    @Override
    public List<AmiEvent> queueStatus() {
      synchronized (lock) {
        long now = clock.millis();
        List<AmiEvent> events = new ArrayList<>();
        for (Map.Entry<String, QueueStats> entry : queueStats.entrySet()) {
          String queue = entry.getKey();
          QueueStats stats = entry.getValue();
          events.add(
              AmiEvent.event("QueueParams")
                  .put("Queue", queue)
                  .put("Max", 0)
                  .put("Strategy", "rrmemory")
                  .put("Calls", queueLength(queue))
                  .put("Holdtime", average(stats.holdSeconds, stats.completed))
                  .put("TalkTime", average(stats.talkSeconds, stats.completed))
                  .put("Completed", stats.completed)
                  .put("Abandoned", stats.abandoned)
                  .put("ServiceLevel", 0)
                  .put("ServicelevelPerf", "0.0")
                  .put("ServicelevelPerf2", "0.0")
                  .put("Weight", 0)
                  .build());
          for (AgentState agent : agents.values()) {
            if (agent.agent.queues().contains(queue)) {
              events.add(
                  memberBlock(AmiEvent.event("QueueMember"), agent, queue, agent.busy ? 2 : 1)
                      .put("Name", agent.agent.name())
                      .put("Location", agent.agent.memberInterface())
                      .build());
            }
          }
          int position = 0;
          for (InboundCall call : queued) {
            if (call.queue.equals(queue)) {
              LocalChannel caller = call.caller2;
              events.add(
                  AmiEvent.event("QueueEntry")
                      .put("Queue", queue)
                      .put("Position", ++position)
                      .put("Channel", caller.name)
                      .put("Uniqueid", caller.uniqueid)
                      .put("CallerIDNum", caller.callerIdNum)
                      .put("CallerIDName", caller.callerIdName)
                      .put("ConnectedLineNum", caller.connectedNum)
                      .put("ConnectedLineName", caller.connectedName)
                      .put("Wait", (now - call.joinedMillis) / 1000)
                      .put("Priority", 0)
                      .build());
            }
          }
        }
        return events;
      }
    }

    @Override
    public List<AmiEvent> queueSummary() {
      synchronized (lock) {
        long now = clock.millis();
        List<AmiEvent> events = new ArrayList<>();
        queueStats.forEach(
            (queue, stats) -> {
              List<AgentState> members =
                  agents.values().stream()
                      .filter(agent -> agent.agent.queues().contains(queue))
                      .toList();
              long longest =
                  queued.stream()
                      .filter(call -> call.queue.equals(queue))
                      .mapToLong(call -> (now - call.joinedMillis) / 1000)
                      .max()
                      .orElse(0);
              events.add(
                  AmiEvent.event("QueueSummary")
                      .put("Queue", queue)
                      .put("LoggedIn", members.size())
                      .put(
                          "Available",
                          members.stream()
                              .filter(agent -> !agent.busy && !agent.paused.containsKey(queue))
                              .count())
                      .put("Callers", queueLength(queue))
                      .put("HoldTime", average(stats.holdSeconds, stats.completed))
                      .put("TalkTime", average(stats.talkSeconds, stats.completed))
                      .put("LongestHoldTime", longest)
                      .build());
            });
        return events;
      }
    }

    private long average(long total, int count) {
      return count == 0 ? 0 : total / count;
    }
  }
}
