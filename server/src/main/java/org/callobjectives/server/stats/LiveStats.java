package org.callobjectives.server.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.callobjectives.protocol.AgentStats;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Message;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Objective;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.DispositionListener;
import org.callobjectives.server.domain.QueueCaller;
import org.callobjectives.server.domain.Threads;
import org.callobjectives.server.goals.Goal;
import org.callobjectives.server.goals.GoalsConfig;
import org.callobjectives.server.goals.PeriodSpec;
import org.callobjectives.server.goals.ShiftCalendar;
import org.callobjectives.server.goals.Slot;
import org.callobjectives.server.goals.Window;
import org.callobjectives.server.store.StatsRow;
import org.callobjectives.server.store.StatsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running aggregates for the supervisor view: every call change and disposition is folded into
 * per-shift-slot totals ({@link Ledger}) on one "live-stats" thread (no database scan per event);
 * snapshots ({@link SnapshotBuilder}, goals by {@link GoalJudge}) are pushed at most every {@value
 * #PUSH_EVERY_MS} ms. At start the totals are rebuilt from the database.
 */
public final class LiveStats implements CallListener, DispositionListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveStats.class);
  static final long PUSH_EVERY_MS = 250;
  static final long REFRESH_MS = 5_000;

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
  private final Ledger ledger = new Ledger();
  private final java.util.Map<String, QueueCaller> waiting = new java.util.HashMap<>();
  private final LiveChecklists checklists = new LiveChecklists();
  private final GoalJudge judge;
  private final SnapshotBuilder builder;
  private boolean dirty = true;
  private long lastPush;
  private LocalDate prunedOn;

  public LiveStats(Supplier<Config> config, GoalsConfig goals, Clock clock) {
    this.config = config;
    this.goals = goals;
    this.calendar = goals.calendar();
    this.clock = clock;
    this.thread = Executors.newSingleThreadScheduledExecutor(Threads.daemon("live-stats"));
    this.judge = new GoalJudge(config, goals, ledger, () -> agents);
    this.builder =
        new SnapshotBuilder(
            config, goals, ledger, judge, () -> agentStates, waiting::values, checklists);
  }

  public GoalsConfig goals() {
    return goals;
  }

  /**
   * Where coalesced snapshots (JSON) go, e.g. the supervisors' WebSockets; {@code watched} says
   * whether anyone is there (nobody: no snapshot is built, goals are still judged).
   */
  public void publishTo(Consumer<String> publisher, java.util.function.BooleanSupplier watched) {
    this.publisher = publisher;
    this.watched = watched;
  }

  private volatile java.util.function.BooleanSupplier watched = () -> true;
  private volatile Consumer<String> wallPublisher = json -> {};
  private volatile java.util.function.BooleanSupplier wallsWatched = () -> false;

  /** Where the wall screens' figures go, when any screen is open. */
  public void wallboardTo(Consumer<String> publisher, java.util.function.BooleanSupplier watched) {
    this.wallPublisher = publisher;
    this.wallsWatched = watched;
  }

  /** The wall screens' figures now, built on the stats thread. */
  public CompletableFuture<String> wallboardJson() {
    return supply(() -> json(Wallboard.of(builder.build(clock.millis()), config.get())));
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
              replace(ledger.fact(r.callId()), fromRow(r));
            }
            ledger.forgetSettled();
          })
          .get(120, TimeUnit.SECONDS);
    }
    run(() -> {
          judge.announceFromNow(clock.millis());
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
    return supply(ledger::factsHeld);
  }

  /** The time by this server's clock (the reviews cut a running period at it). */
  public long now() {
    return clock.millis();
  }

  /** The current figures, built on the stats thread. */
  public CompletableFuture<LiveSnapshot> snapshot() {
    return supply(() -> builder.build(clock.millis()));
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
          CallFact old = ledger.fact(call.callId());
          replace(old, fromRecord(call));
          ledger.opened(call);
        });
  }

  @Override
  public void ended(CallRecord call) {
    run(
        () -> {
          ledger.closed(call.callId());
          CallFact old = ledger.fact(call.callId());
          CallFact now =
              old == null
                  ? fromRecord(call)
                  : old.withCall(call.outcome().name(), call.talkSeconds(), call.endedAtMillis());
          replace(old, now);
          ledger.touch(call.callId());
        });
  }

  @Override
  public void updated(CallRecord call) {
    run(
        () -> {
          CallFact old = ledger.fact(call.callId());
          if (old != null) {
            replace(
                old, old.withCall(call.outcome().name(), call.talkSeconds(), call.endedAtMillis()));
          }
        });
  }

  /** An agent's client reported its ticks on a call of theirs. */
  public void checklistProgress(String agentId, org.callobjectives.protocol.ChecklistProgress p) {
    run(
        () -> {
          // Kept even before the call is known here: another node's pop may come after the tick.
          checklists.ticked(p.callId(), p.done(), clock.millis());
          dirty = true;
        });
  }

  @Override
  public void queueJoined(QueueCaller caller) {
    run(
        () -> {
          waiting.put(caller.key(), caller);
          dirty = true;
        });
  }

  @Override
  public void queueLeft(QueueCaller caller) {
    run(
        () -> {
          if (waiting.remove(caller.key()) != null) {
            dirty = true;
          }
        });
  }

  @Override
  public void stored(String agentId, DispositionSubmit d, boolean late) {
    run(
        () -> {
          CallFact old = ledger.fact(d.callId());
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
          ledger.disposed(d.callId());
          ledger.touch(d.callId());
          pushAgentStats(agentId);
        });
  }

  @Override
  public void undisposed(String agentId, String callId) {
    run(
        () -> {
          CallFact old = ledger.fact(callId);
          if (old != null && old.disposition() == null) {
            replace(old, old.withDisposition(null, true));
            ledger.touch(callId);
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
    ledger.replace(old, now);
    dirty = true;
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
        requiredCompliance(o),
        c.queue() != null
            && c.connectedAtMillis() != null
            && c.holdSeconds() <= config.get().serviceLevelSeconds(c.queue()));
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
        requiredCompliance(o),
        r.queue() == null ? 0 : config.get().serviceLevelSeconds(r.queue()));
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
      checklists.retain(ledger.open().keySet(), now);
      for (LiveChecklists.Due d :
          checklists.due(
              ledger.open().values(),
              now,
              goals.complianceReminderSeconds(),
              goals.complianceRemindersPerCall())) {
        agents.send(d.agentId(), d.reminder());
        dirty = true; // the call is flagged from now on
      }
      if (!dirty && now - lastPush < REFRESH_MS) {
        return;
      }
      dirty = false;
      lastPush = now;
      boolean supervisors = watched.getAsBoolean();
      boolean walls = wallsWatched.getAsBoolean();
      if (supervisors || walls) {
        LiveSnapshot snap = builder.build(now);
        if (supervisors) {
          publisher.accept(json(snap));
        }
        if (walls) {
          wallPublisher.accept(json(Wallboard.of(snap, config.get())));
        }
      } else {
        judge.evaluate(now); // targets reached are announced to agents all the same
      }
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
    ledger.dropBefore(calendar.slotOf(neededFrom(now)).date());
    judge.forgetOldWins();
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

  // ---- agent figures

  private void pushAgentStats(String agentId) {
    long now = clock.millis();
    Slot slot = calendar.slotOf(now);
    Window today = calendar.window(PeriodSpec.of(PeriodSpec.Kind.DAY), now);
    Figures d = ledger.sumBy(today, StatsKey::agentId).getOrDefault(agentId, new Figures());
    Figures s =
        ledger
            .sumBy(calendar.shiftWindow(slot), StatsKey::agentId)
            .getOrDefault(agentId, new Figures());
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
