package org.callobjectives.server.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.callobjectives.protocol.AgentStats;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.protocol.Congratulation;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Message;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Objective;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.DispositionListener;
import org.callobjectives.server.domain.Threads;
import org.callobjectives.server.goals.Goal;
import org.callobjectives.server.goals.GoalsConfig;
import org.callobjectives.server.goals.Metric;
import org.callobjectives.server.goals.PeriodSpec;
import org.callobjectives.server.goals.ShiftCalendar;
import org.callobjectives.server.goals.Slot;
import org.callobjectives.server.goals.Window;
import org.callobjectives.server.stats.LiveSnapshot.GoalProgress;
import org.callobjectives.server.stats.LiveSnapshot.Row;
import org.callobjectives.server.store.StatsRow;
import org.callobjectives.server.store.StatsStore;
import org.callobjectives.server.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running aggregates for the supervisor view: every call change and disposition is folded into
 * per-shift-slot totals on one "live-stats" thread (no database scan per event); changes are pushed
 * at most every {@value #PUSH_EVERY_MS} ms. At start the totals are rebuilt from SQLite.
 */
public final class LiveStats implements CallListener, DispositionListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveStats.class);
  static final long PUSH_EVERY_MS = 250;
  static final long REFRESH_MS = 5_000;
  private static final int RECENT = 25;
  private static final int MAX_WINS = 20;
  private static final String OUTBOUND = "outbound";

  /** Sends a message to an agent's connected agent-bridge clients (if any). */
  public interface AgentPush {
    void send(String agentId, Message m);
  }

  private final Supplier<Config> config;
  private final GoalsConfig goals;
  private final ShiftCalendar calendar;
  private final Clock clock;
  private final ScheduledExecutorService thread;
  private volatile Consumer<String> publisher = json -> {};
  private volatile AgentPush agents = (id, m) -> {};

  // Confined to the live-stats thread.
  private final Map<Slot, Map<StatsKey, Figures>> buckets = new HashMap<>();
  private final Map<String, CallFact> facts = new HashMap<>();
  private final Map<String, CallRecord> open = new LinkedHashMap<>();
  private final Deque<String> recent = new ArrayDeque<>();
  private final Set<String> undisposedIds = new LinkedHashSet<>();
  private final Set<String> won = new HashSet<>();
  private final Deque<LiveSnapshot.Win> wins = new ArrayDeque<>();
  private boolean dirty = true;
  private boolean announce;
  private long lastPush;
  private LocalDate prunedOn;

  public LiveStats(Supplier<Config> config, GoalsConfig goals, Clock clock) {
    this.config = config;
    this.goals = goals;
    this.calendar = goals.calendar();
    this.clock = clock;
    this.thread = Executors.newSingleThreadScheduledExecutor(Threads.daemon("live-stats"));
  }

  public GoalsConfig goals() {
    return goals;
  }

  /** Where coalesced snapshots (JSON) go, e.g. the supervisors' WebSockets. */
  public void publishTo(Consumer<String> publisher) {
    this.publisher = publisher;
  }

  private volatile Supplier<List<org.callobjectives.protocol.AgentState>> agentStates = List::of;

  /** Where each agent stands, shown with the figures. */
  public void agentStates(Supplier<List<org.callobjectives.protocol.AgentState>> states) {
    this.agentStates = states;
  }

  /** An agent's state changed: push a fresh snapshot with the next coalesced push. */
  public void agentStateChanged() {
    run(() -> dirty = true);
  }

  public void pushToAgents(AgentPush agents) {
    this.agents = agents;
  }

  /**
   * Loads what SQLite holds for every window the view and the goals need, then starts pushing. Call
   * once, after crash recovery and before AMI events flow.
   */
  public void rebuild(StatsStore store) throws Exception {
    long now = clock.millis();
    long from = neededFrom(now);
    // A day at a time, so that a long goal period never holds all its rows in memory at once.
    long day = TimeUnit.DAYS.toMillis(1);
    int legs = 0;
    for (long t = from; t <= now; t += day) {
      long to = t + day > now ? Long.MAX_VALUE : t + day;
      List<StatsRow> rows = store.rows(t, to).get(120, TimeUnit.SECONDS);
      legs += rows.size();
      run(() -> {
            for (StatsRow r : rows) {
              replace(facts.get(r.callId()), fromRow(r));
            }
            facts.values().removeIf(CallFact::settled);
          })
          .get(120, TimeUnit.SECONDS);
    }
    run(() -> {
          evaluate(
              clock.millis()); // targets already reached before this start are not announced again
          announce = true;
          prunedOn = calendar.today(now);
        })
        .get(120, TimeUnit.SECONDS);
    log.info(
        "live statistics rebuilt from {} call legs since {} ({} still open to change)",
        legs,
        java.time.Instant.ofEpochMilli(from),
        factsHeld().get(10, TimeUnit.SECONDS));
    thread.scheduleAtFixedRate(this::flush, PUSH_EVERY_MS, PUSH_EVERY_MS, TimeUnit.MILLISECONDS);
  }

  /**
   * Calls whose facts are held: the open and undisposed ones of the window and the latest few; the
   * rest live only in the per-slot sums, so memory follows the calls in progress, not the period.
   */
  CompletableFuture<Integer> factsHeld() {
    return supply(facts::size);
  }

  /** The current figures, built on the stats thread. */
  public CompletableFuture<LiveSnapshot> snapshot() {
    return supply(() -> build(clock.millis()));
  }

  public CompletableFuture<String> snapshotJson() {
    return snapshot().thenApply(LiveStats::json);
  }

  /** An agent signed in: send them their own figures. */
  public void agentSignedIn(String agentId) {
    run(() -> pushAgentStats(agentId));
  }

  // ---- events (any thread) -> the stats thread

  @Override
  public void connected(CallRecord call, long amiReceivedNanos) {
    run(
        () -> {
          CallFact old = facts.get(call.callId());
          replace(old, fromRecord(call));
          open.put(call.callId(), call);
        });
  }

  @Override
  public void ended(CallRecord call) {
    run(
        () -> {
          open.remove(call.callId());
          CallFact old = facts.get(call.callId());
          CallFact now =
              old == null
                  ? fromRecord(call)
                  : old.withCall(call.outcome().name(), call.talkSeconds(), call.endedAtMillis());
          replace(old, now);
          touch(call.callId());
        });
  }

  @Override
  public void updated(CallRecord call) {
    run(
        () -> {
          CallFact old = facts.get(call.callId());
          if (old != null) {
            replace(
                old, old.withCall(call.outcome().name(), call.talkSeconds(), call.endedAtMillis()));
          }
        });
  }

  @Override
  public void stored(String agentId, DispositionSubmit d, boolean late) {
    run(
        () -> {
          CallFact old = facts.get(d.callId());
          if (old == null) {
            log.debug(
                "disposition for call {} outside the live window: not counted live", d.callId());
            return;
          }
          boolean sale = codeFor(old, d.code()).map(DispositionCode::sale).orElse(false);
          int required = old.requiredCompliance().size();
          int done =
              (int)
                  d.checklistDone().stream()
                      .distinct()
                      .filter(old.requiredCompliance()::contains)
                      .count();
          replace(
              old,
              old.withDisposition(
                  new CallFact.Disposition(
                      d.code(),
                      d.advanceObtained(),
                      d.upsellCount(),
                      d.csat(),
                      sale,
                      required,
                      done),
                  false));
          undisposedIds.remove(d.callId());
          touch(d.callId());
          pushAgentStats(agentId);
        });
  }

  @Override
  public void undisposed(String agentId, String callId) {
    run(
        () -> {
          CallFact old = facts.get(callId);
          if (old != null && old.disposition() == null) {
            replace(old, old.withDisposition(null, true));
            undisposedIds.add(callId);
            touch(callId);
          }
          pushAgentStats(agentId);
        });
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  // ---- on the stats thread

  private void replace(CallFact old, CallFact now) {
    if (old != null) {
      figures(old.slot(), old.key()).apply(old, -1);
    }
    figures(now.slot(), now.key()).apply(now, 1);
    facts.put(now.callId(), now);
    if (now.undisposed()) {
      undisposedIds.add(now.callId());
    }
    dirty = true;
  }

  private Figures figures(Slot slot, StatsKey key) {
    return buckets
        .computeIfAbsent(slot, s -> new HashMap<>())
        .computeIfAbsent(key, k -> new Figures());
  }

  private void touch(String callId) {
    recent.remove(callId);
    recent.addFirst(callId);
    while (recent.size() > RECENT) {
      String out = recent.removeLast();
      CallFact f = facts.get(out);
      if (f != null && f.settled()) {
        facts.remove(out); // its figures stay in the sums
      }
    }
  }

  private CallFact fromRecord(CallRecord c) {
    ObjectiveView o = c.objective();
    return new CallFact(
        c.callId(),
        calendar.slotOf(c.startedAtMillis()),
        new StatsKey(c.queue(), c.agentId(), o == null ? null : o.id()),
        o == null ? null : o.title(),
        c.callerNumber(),
        c.callerName(),
        c.outcome().name(),
        c.connectedAtMillis() != null,
        c.talkSeconds(),
        c.startedAtMillis(),
        c.endedAtMillis(),
        null,
        false,
        c.codes(),
        requiredCompliance(o));
  }

  private CallFact fromRow(StatsRow r) {
    ObjectiveView o =
        r.objectiveId() == null
            ? null
            : config.get().objective(r.objectiveId()).map(Objective::view).orElse(null);
    return CallFact.fromRow(
        r,
        calendar.slotOf(r.startedAtMillis()),
        r.objectiveTitle() != null ? r.objectiveTitle() : o == null ? r.objectiveId() : o.title(),
        requiredCompliance(o));
  }

  private static Set<String> requiredCompliance(ObjectiveView o) {
    Set<String> ids = new HashSet<>();
    if (o != null) {
      for (ChecklistItem i : o.checklist()) {
        if (i.required() && i.kind() == ChecklistKind.COMPLIANCE) {
          ids.add(i.id());
        }
      }
    }
    return Set.copyOf(ids);
  }

  /** The call's own codes; for calls loaded from SQLite, the configured catalog. */
  private java.util.Optional<DispositionCode> codeFor(CallFact f, String code) {
    List<DispositionCode> codes = f.codes().isEmpty() ? config.get().defaultCodes() : f.codes();
    return codes.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  private void flush() {
    try {
      long now = clock.millis();
      prune(now);
      if (!dirty && now - lastPush < REFRESH_MS) {
        return;
      }
      dirty = false;
      lastPush = now;
      publisher.accept(json(build(now)));
    } catch (RuntimeException e) {
      log.error("live statistics update failed", e);
    }
  }

  /** Drops days no view or goal needs any more, once a day. */
  private void prune(long now) {
    LocalDate today = calendar.today(now);
    if (today.equals(prunedOn)) {
      return;
    }
    prunedOn = today;
    LocalDate keep = calendar.slotOf(neededFrom(now)).date();
    buckets.keySet().removeIf(s -> s.date().isBefore(keep));
    facts.values().removeIf(f -> f.slot().date().isBefore(keep));
    undisposedIds.retainAll(facts.keySet());
    if (won.size() > 100_000) {
      won.clear(); // bounded memory; at worst a long-running goal is congratulated twice
    }
  }

  /**
   * The earliest start time any view or goal (incl. the previous period of "change" goals) looks
   * at.
   */
  private long neededFrom(long now) {
    long from = calendar.window(PeriodSpec.of(PeriodSpec.Kind.WEEK), now).fromMillis();
    from = Math.min(from, calendar.window(PeriodSpec.of(PeriodSpec.Kind.SHIFT), now).fromMillis());
    for (Goal g : goals.goals()) {
      Window w = calendar.window(g.period(), now);
      from =
          Math.min(
              from, g.changePercent() != null ? calendar.previous(w).fromMillis() : w.fromMillis());
    }
    return Math.max(from, now - 800L * 24 * 3600 * 1000);
  }

  // ---- figures over windows

  private Map<String, Figures> sumBy(Window w, Function<StatsKey, String> group) {
    Map<String, Figures> out = new HashMap<>();
    for (var slot : buckets.entrySet()) {
      if (!w.contains(slot.getKey())) {
        continue;
      }
      for (var e : slot.getValue().entrySet()) {
        String g = group.apply(e.getKey());
        if (g != null) {
          out.computeIfAbsent(g, k -> new Figures()).add(e.getValue());
        }
      }
    }
    return out;
  }

  private String team(String agentId) {
    return agentId == null ? null : config.get().agent(agentId).map(Agent::group).orElse(null);
  }

  private String agentName(String agentId) {
    return agentId == null ? null : config.get().agent(agentId).map(Agent::name).orElse(agentId);
  }

  private static String queueId(StatsKey k) {
    return k.queue() == null ? OUTBOUND : k.queue();
  }

  // ---- goals and wins

  private record Subject(String label, String group, Set<String> congratulate) {}

  private List<GoalProgress> evaluate(long now) {
    Config c = config.get();
    List<GoalProgress> out = new ArrayList<>();
    for (Goal g : goals.goals()) {
      Window w = calendar.window(g.period(), now);
      Function<StatsKey, String> grouping =
          switch (g.scope()) {
            case CENTRE -> k -> "";
            case QUEUE -> LiveStats::queueId;
            case TEAM -> k -> team(k.agentId());
            case AGENT, EACH_AGENT -> StatsKey::agentId;
          };
      List<Subject> subjects = new ArrayList<>();
      switch (g.scope()) {
        case CENTRE -> subjects.add(new Subject("centre", "", null));
        case QUEUE -> subjects.add(new Subject("queue " + g.scopeValue(), g.scopeValue(), null));
        case TEAM ->
            subjects.add(
                new Subject("team " + g.scopeValue(), g.scopeValue(), agentsOf(c, g.scopeValue())));
        case AGENT ->
            subjects.add(
                new Subject(agentName(g.scopeValue()), g.scopeValue(), Set.of(g.scopeValue())));
        case EACH_AGENT ->
            c.agents().forEach(a -> subjects.add(new Subject(a.name(), a.id(), Set.of(a.id()))));
      }
      Map<String, Figures> current = sumBy(w, grouping);
      Map<String, Figures> previous =
          g.changePercent() == null ? Map.of() : sumBy(calendar.previous(w), grouping);
      for (Subject s : subjects) {
        Figures f = current.getOrDefault(s.group(), new Figures());
        Double value = value(g.metric(), f);
        Double target = g.target();
        if (g.changePercent() != null) {
          Double before = value(g.metric(), previous.getOrDefault(s.group(), new Figures()));
          target =
              Math.max(1, Math.ceil((before == null ? 0 : before) * (1 + g.changePercent() / 100)));
        }
        Double expected = null;
        String status;
        if (now < w.fromMillis()) {
          status = "upcoming";
        } else if (value == null) {
          status = "no_data";
        } else if (g.metric().isCount()) {
          expected = Figures.round1(target * calendar.workedFraction(w, now));
          status =
              value >= target
                  ? "reached"
                  : now >= w.toMillis()
                      ? "missed"
                      : value >= Math.floor(expected) ? "on_track" : "behind";
          if (value >= target && won.add(g.id() + "|" + s.group() + "|" + w.key()) && announce) {
            win(g, s, w, now);
          }
        } else {
          status = value >= target ? "on_track" : "behind";
        }
        out.add(
            new GoalProgress(
                g.id(),
                g.title(),
                g.metric().wire(),
                g.period().label(),
                s.label(),
                value,
                target,
                expected,
                status,
                !g.metric().isCount()));
      }
    }
    return out;
  }

  private static Set<String> agentsOf(Config c, String team) {
    Set<String> ids = new TreeSet<>();
    for (Agent a : c.agents()) {
      if (team.equals(a.group())) {
        ids.add(a.id());
      }
    }
    return ids;
  }

  private void win(Goal g, Subject s, Window w, long now) {
    wins.addFirst(new LiveSnapshot.Win(now, g.id(), g.title(), s.label()));
    while (wins.size() > MAX_WINS) {
      wins.removeLast();
    }
    Set<String> to = s.congratulate();
    if (to == null) {
      // Queue and centre goals: everyone who handled calls towards it.
      to = new TreeSet<>();
      for (var slot : buckets.entrySet()) {
        if (w.contains(slot.getKey())) {
          for (var e : slot.getValue().entrySet()) {
            if (e.getKey().agentId() != null
                && e.getValue().handled > 0
                && (s.group().isEmpty() || s.group().equals(queueId(e.getKey())))) {
              to.add(e.getKey().agentId());
            }
          }
        }
      }
    }
    String who =
        g.scope() == Goal.Scope.AGENT || g.scope() == Goal.Scope.EACH_AGENT
            ? ""
            : " (" + s.label() + ")";
    Congratulation msg =
        new Congratulation(g.id(), "Well done! Target reached" + who + ": " + g.title(), now);
    log.info("target reached by {}: {}", s.label(), g.title());
    for (String agentId : to) {
      agents.send(agentId, msg);
    }
  }

  private static Double value(Metric m, Figures f) {
    return switch (m) {
      case CALLS -> (double) f.handled;
      case OPPORTUNITIES -> (double) f.opportunities;
      case ADVANCES -> (double) f.advances;
      case SALES -> (double) f.sales;
      case CONVERSIONS -> (double) f.conversions;
      case ADVANCE_RATE -> f.advanceRate();
      case CSAT -> f.csat();
      case COMPLIANCE -> f.compliance();
    };
  }

  // ---- agent figures

  private void pushAgentStats(String agentId) {
    long now = clock.millis();
    Slot slot = calendar.slotOf(now);
    Window today = calendar.window(PeriodSpec.of(PeriodSpec.Kind.DAY), now);
    Figures d = sumBy(today, StatsKey::agentId).getOrDefault(agentId, new Figures());
    Figures s =
        sumBy(calendar.shiftWindow(slot), StatsKey::agentId).getOrDefault(agentId, new Figures());
    agents.send(
        agentId,
        new AgentStats(
            agentId,
            today.from().toString(),
            slot.shift(),
            d.handled,
            d.advances,
            d.advanceRate(),
            d.opportunities,
            s.opportunities,
            goals.upsellOpportunitiesPerShift(),
            d.conversions,
            d.compliance(),
            d.undisposed));
  }

  // ---- the snapshot

  private LiveSnapshot build(long now) {
    Slot slot = calendar.slotOf(now);
    Map<String, LiveSnapshot.View> views = new LinkedHashMap<>();
    views.put("shift", view(calendar.shiftWindow(slot), true));
    Window today = calendar.window(PeriodSpec.of(PeriodSpec.Kind.DAY), now);
    views.put("today", view(today, false));
    views.put("week", view(calendar.window(PeriodSpec.of(PeriodSpec.Kind.WEEK), now), false));
    List<LiveSnapshot.InProgress> inProgress = new ArrayList<>();
    for (CallRecord c : open.values()) {
      inProgress.add(
          new LiveSnapshot.InProgress(
              c.callId(),
              c.queue(),
              c.agentId(),
              agentName(c.agentId()),
              c.callerNumber(),
              c.callerName(),
              c.objective() == null ? null : c.objective().title(),
              c.connectedAtMillis() == null ? c.startedAtMillis() : c.connectedAtMillis()));
    }
    List<LiveSnapshot.RecentCall> recentCalls = new ArrayList<>();
    for (String id : recent) {
      CallFact f = facts.get(id);
      if (f != null) {
        recentCalls.add(recentCall(f));
      }
    }
    List<LiveSnapshot.RecentCall> missed = new ArrayList<>();
    for (String id : undisposedIds) {
      CallFact f = facts.get(id);
      if (f != null && today.contains(f.slot())) {
        missed.add(recentCall(f));
      }
    }
    java.util.Collections.reverse(missed); // newest first, without an O(n^2) insert at the front
    return new LiveSnapshot(
        now,
        calendar.zone().getId(),
        slot.date().toString(),
        slot.shift(),
        goals.upsellOpportunitiesPerShift(),
        views,
        inProgress,
        recentCalls,
        missed.subList(0, Math.min(50, missed.size())),
        evaluate(now),
        List.copyOf(wins),
        agentStates.get());
  }

  private LiveSnapshot.RecentCall recentCall(CallFact f) {
    CallFact.Disposition d = f.disposition();
    return new LiveSnapshot.RecentCall(
        f.callId(),
        f.endedAtMillis() != null ? f.endedAtMillis() : f.startedAtMillis(),
        f.key().queue() == null ? OUTBOUND : f.key().queue(),
        agentName(f.key().agentId()),
        f.callerNumber(),
        f.callerName(),
        f.objectiveTitle(),
        f.outcome().toLowerCase(java.util.Locale.ROOT),
        d == null ? (f.undisposed() ? Store.UNDISPOSED : null) : d.code(),
        d == null ? null : d.advance(),
        d == null || d.complianceRequired() == 0
            ? null
            : d.complianceDone() + "/" + d.complianceRequired(),
        f.undisposed());
  }

  private LiveSnapshot.View view(Window w, boolean shiftView) {
    Config c = config.get();
    Map<String, Figures> byQueue = sumBy(w, LiveStats::queueId);
    Map<String, Figures> byAgent = sumBy(w, StatsKey::agentId);
    Map<String, Figures> byTeam = sumBy(w, k -> team(k.agentId()));
    Map<String, Figures> byQueueAgent =
        sumBy(w, k -> k.agentId() == null ? null : queueId(k) + "\n" + k.agentId());
    Map<String, Integer> openByQueue = new HashMap<>();
    Map<String, Integer> openByAgent = new HashMap<>();
    for (CallRecord r : open.values()) {
      openByQueue.merge(r.queue() == null ? OUTBOUND : r.queue(), 1, Integer::sum);
      if (r.agentId() != null) {
        openByAgent.merge(r.agentId(), 1, Integer::sum);
      }
    }
    Integer target = shiftView ? goals.upsellOpportunitiesPerShift() : null;
    Figures total = new Figures();
    byQueue.values().forEach(total::add);

    Set<String> queueIds = new LinkedHashSet<>(new TreeSet<>(c.queues().keySet()));
    queueIds.addAll(new TreeSet<>(byQueue.keySet()));
    queueIds.addAll(openByQueue.keySet());
    List<Row> queues = new ArrayList<>();
    for (String q : queueIds) {
      queues.add(
          row(
              q,
              OUTBOUND.equals(q) ? "Agent-dialled" : q,
              null,
              byQueue.get(q),
              openByQueue.getOrDefault(q, 0),
              null));
    }
    Set<String> agentIds = new LinkedHashSet<>();
    c.agents().forEach(a -> agentIds.add(a.id()));
    agentIds.addAll(new TreeSet<>(byAgent.keySet()));
    List<Row> agentRows = new ArrayList<>();
    for (String a : agentIds) {
      agentRows.add(
          row(a, agentName(a), team(a), byAgent.get(a), openByAgent.getOrDefault(a, 0), target));
    }
    List<LiveSnapshot.Board> boards = new ArrayList<>();
    for (String t :
        new TreeSet<>(
            c.agents().stream().map(Agent::group).filter(java.util.Objects::nonNull).toList())) {
      List<Row> rows = agentRows.stream().filter(r -> t.equals(r.team())).sorted(RANKING).toList();
      boards.add(new LiveSnapshot.Board("Team " + t, rows));
    }
    for (String q : queueIds) {
      List<Row> rows = new ArrayList<>();
      for (var e : byQueueAgent.entrySet()) {
        String[] qa = e.getKey().split("\n", 2);
        if (qa[0].equals(q)) {
          rows.add(row(qa[1], agentName(qa[1]), team(qa[1]), e.getValue(), 0, null));
        }
      }
      if (!rows.isEmpty()) {
        rows.sort(RANKING);
        boards.add(
            new LiveSnapshot.Board(
                OUTBOUND.equals(q) ? "Agent-dialled calls" : "Queue " + q, rows));
      }
    }
    return new LiveSnapshot.View(
        w.name(),
        w.from().toString(),
        w.to().toString(),
        w.fromMillis(),
        w.toMillis(),
        row("total", "All", null, total, open.size(), null),
        queues,
        agentRows,
        boards);
  }

  private static final Comparator<Row> RANKING =
      Comparator.comparingLong(Row::advances)
          .reversed()
          .thenComparing(
              r -> r.advanceRate() == null ? -1 : r.advanceRate(), Comparator.reverseOrder())
          .thenComparing(Comparator.comparingLong(Row::handled).reversed())
          .thenComparing(Row::name);

  static Row row(
      String id,
      String name,
      String team,
      Figures f,
      long inProgress,
      Integer opportunitiesTarget) {
    Figures x = f == null ? new Figures() : f;
    return new Row(
        id,
        name,
        team,
        inProgress,
        x.handled,
        x.abandoned,
        x.timedOut,
        x.averageHandleSeconds(),
        x.dispositioned,
        x.advances,
        x.advanceRate(),
        x.compliance(),
        x.complianceCalls,
        x.complianceFullCalls,
        x.opportunities,
        opportunitiesTarget,
        x.conversions,
        x.sales,
        x.csat(),
        x.undisposed,
        x.topCodes(3));
  }

  // ---- plumbing

  private CompletableFuture<Void> run(Runnable r) {
    return supply(
        () -> {
          r.run();
          return null;
        });
  }

  private <T> CompletableFuture<T> supply(Supplier<T> s) {
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      thread.execute(
          () -> {
            try {
              f.complete(s.get());
            } catch (RuntimeException e) {
              log.error("live statistics task failed", e);
              f.completeExceptionally(e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      f.completeExceptionally(new IllegalStateException("live statistics are closed"));
    }
    return f;
  }

  static String json(Object o) {
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
