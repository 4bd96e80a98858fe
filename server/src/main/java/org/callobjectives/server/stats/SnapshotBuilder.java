package org.callobjectives.server.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.QueueCaller;
import org.callobjectives.server.goals.GoalsConfig;
import org.callobjectives.server.goals.PeriodSpec;
import org.callobjectives.server.goals.ShiftCalendar;
import org.callobjectives.server.goals.Slot;
import org.callobjectives.server.goals.Window;
import org.callobjectives.server.stats.LiveSnapshot.Row;
import org.callobjectives.server.store.Store;

/**
 * The supervisor's snapshot out of the folded figures: views of the shift, the day and the week,
 * the calls in progress, the latest and the undisposed ones, goals and wins. Live-stats thread
 * only.
 */
final class SnapshotBuilder {
  private final Supplier<Config> config;
  private final GoalsConfig goals;
  private final ShiftCalendar calendar;
  private final Ledger ledger;
  private final GoalJudge judge;
  private final Supplier<Supplier<List<AgentState>>> agentStates;
  private final Supplier<java.util.Collection<QueueCaller>> waiting;
  private final LiveChecklists checklists;

  SnapshotBuilder(
      Supplier<Config> config,
      GoalsConfig goals,
      Ledger ledger,
      GoalJudge judge,
      Supplier<Supplier<List<AgentState>>> agentStates,
      Supplier<java.util.Collection<QueueCaller>> waiting,
      LiveChecklists checklists) {
    this.waiting = waiting;
    this.checklists = checklists;
    this.config = config;
    this.goals = goals;
    this.calendar = goals.calendar();
    this.ledger = ledger;
    this.judge = judge;
    this.agentStates = agentStates;
  }

  LiveSnapshot build(long now) {
    Slot slot = calendar.slotOf(now);
    Map<String, LiveSnapshot.View> views = new LinkedHashMap<>();
    views.put("shift", view(calendar.shiftWindow(slot), true));
    Window today = calendar.window(PeriodSpec.of(PeriodSpec.Kind.DAY), now);
    views.put("today", view(today, false));
    views.put("week", view(calendar.window(PeriodSpec.of(PeriodSpec.Kind.WEEK), now), false));
    List<LiveSnapshot.InProgress> inProgress = new ArrayList<>();
    for (CallRecord c : ledger.open().values()) {
      LiveChecklists.Progress p = checklists.progress(c, now, goals.complianceReminderSeconds());
      inProgress.add(
          new LiveSnapshot.InProgress(
              c.callId(),
              c.queue(),
              c.agentId(),
              Labels.agentName(config.get(), c.agentId()),
              c.callerNumber(),
              c.callerName(),
              c.objective() == null ? null : c.objective().title(),
              c.connectedAtMillis() == null ? c.startedAtMillis() : c.connectedAtMillis(),
              p.done(),
              p.items(),
              p.missingCompliance(),
              p.flagged()));
    }
    List<LiveSnapshot.RecentCall> recentCalls = new ArrayList<>();
    for (String id : ledger.recent()) {
      CallFact f = ledger.fact(id);
      if (f != null) {
        recentCalls.add(recentCall(f));
      }
    }
    // The ledger keeps them in order of their last change (end or disposition); people read time.
    recentCalls.sort(Comparator.comparingLong(LiveSnapshot.RecentCall::atMillis).reversed());
    List<LiveSnapshot.RecentCall> missed = new ArrayList<>();
    for (String id : ledger.undisposedIds()) {
      CallFact f = ledger.fact(id);
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
        judge.evaluate(now),
        judge.wins(),
        agentStates.get().get(),
        goals.longCallSeconds(),
        goals.longWrapUpSeconds());
  }

  private LiveSnapshot.RecentCall recentCall(CallFact f) {
    CallFact.Disposition d = f.disposition();
    return new LiveSnapshot.RecentCall(
        f.callId(),
        f.endedAtMillis() != null ? f.endedAtMillis() : f.startedAtMillis(),
        Labels.queueId(f.key()),
        Labels.agentName(config.get(), f.key().agentId()),
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
    Map<String, Figures> byQueue = ledger.sumBy(w, Labels::queueId);
    Map<String, Figures> byAgent = ledger.sumBy(w, StatsKey::agentId);
    Map<String, Figures> byTeam = ledger.sumBy(w, k -> Labels.team(c, k.agentId()));
    Map<String, Figures> byQueueAgent =
        ledger.sumBy(w, k -> k.agentId() == null ? null : Labels.queueId(k) + "\n" + k.agentId());
    Map<String, Integer> openByQueue = new HashMap<>();
    Map<String, Integer> openByAgent = new HashMap<>();
    for (CallRecord r : ledger.open().values()) {
      openByQueue.merge(r.queue() == null ? Labels.OUTBOUND : r.queue(), 1, Integer::sum);
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
    Map<String, List<QueueCaller>> waitingByQueue = new HashMap<>();
    for (QueueCaller qc : waiting.get()) {
      waitingByQueue.computeIfAbsent(qc.queue(), k -> new ArrayList<>()).add(qc);
    }
    queueIds.addAll(new TreeSet<>(waitingByQueue.keySet()));
    List<Row> queues = new ArrayList<>();
    for (String q : queueIds) {
      boolean outbound = Labels.OUTBOUND.equals(q);
      queues.add(
          row(
              q,
              outbound ? "Agent-dialled" : q,
              null,
              byQueue.get(q),
              openByQueue.getOrDefault(q, 0),
              null,
              waitingByQueue.getOrDefault(q, List.of()),
              outbound ? null : c.serviceLevelSeconds(q)));
    }
    Set<String> agentIds = new LinkedHashSet<>();
    c.agents().forEach(a -> agentIds.add(a.id()));
    agentIds.addAll(new TreeSet<>(byAgent.keySet()));
    List<Row> agentRows = new ArrayList<>();
    for (String a : agentIds) {
      agentRows.add(
          row(
              a,
              Labels.agentName(c, a),
              Labels.team(c, a),
              byAgent.get(a),
              openByAgent.getOrDefault(a, 0),
              target));
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
          rows.add(
              row(qa[1], Labels.agentName(c, qa[1]), Labels.team(c, qa[1]), e.getValue(), 0, null));
        }
      }
      if (!rows.isEmpty()) {
        rows.sort(RANKING);
        boards.add(
            new LiveSnapshot.Board(
                Labels.OUTBOUND.equals(q) ? "Agent-dialled calls" : "Queue " + q, rows));
      }
    }
    return new LiveSnapshot.View(
        w.name(),
        w.from().toString(),
        w.to().toString(),
        w.fromMillis(),
        w.toMillis(),
        row("total", "All", null, total, ledger.open().size(), null, waiting.get(), null),
        queues,
        agentRows,
        boards,
        funnels(w, c));
  }

  /** Each queue with stages: its chain of advances over the window. */
  private List<LiveSnapshot.Funnel> funnels(Window w, Config c) {
    Map<String, Figures> byStage =
        ledger.sumBy(w, k -> k.queue() == null ? null : k.queue() + "\n" + k.objectiveId());
    List<LiveSnapshot.Funnel> out = new ArrayList<>();
    for (String q : new TreeSet<>(c.queues().keySet())) {
      List<org.callobjectives.server.config.Stage> stages = c.rules().stages(q);
      if (stages.isEmpty()) {
        continue;
      }
      List<LiveSnapshot.FunnelStep> steps = new ArrayList<>();
      for (org.callobjectives.server.config.Stage st : stages) {
        String objective = st.target().primary();
        Figures f = byStage.getOrDefault(q + "\n" + objective, new Figures());
        steps.add(
            new LiveSnapshot.FunnelStep(
                st.id(),
                c.objective(objective).map(o -> o.title()).orElse(objective),
                f.handled,
                f.dispositioned,
                f.advances));
      }
      out.add(new LiveSnapshot.Funnel(q, steps));
    }
    return out;
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
    return row(id, name, team, f, inProgress, opportunitiesTarget, List.of(), null);
  }

  /** A row with the callers waiting now and the queue's service-level threshold. */
  static Row row(
      String id,
      String name,
      String team,
      Figures f,
      long inProgress,
      Integer opportunitiesTarget,
      java.util.Collection<QueueCaller> waiting,
      Integer serviceLevelSeconds) {
    Figures x = f == null ? new Figures() : f;
    Long oldest = null;
    for (QueueCaller w : waiting) {
      oldest = oldest == null ? w.joinedAtMillis() : Math.min(oldest, w.joinedAtMillis());
    }
    return new Row(
        id,
        name,
        team,
        inProgress,
        waiting.size(),
        oldest,
        x.offered(),
        x.answeredInTarget,
        x.serviceLevel(),
        serviceLevelSeconds,
        x.abandonRate(),
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
        x.csatCount,
        x.undisposed,
        x.topCodes(3));
  }
}
