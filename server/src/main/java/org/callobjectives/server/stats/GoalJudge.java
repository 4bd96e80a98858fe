package org.callobjectives.server.stats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.callobjectives.protocol.Congratulation;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.goals.Goal;
import org.callobjectives.server.goals.GoalsConfig;
import org.callobjectives.server.goals.Metric;
import org.callobjectives.server.goals.ShiftCalendar;
import org.callobjectives.server.goals.Window;
import org.callobjectives.server.stats.LiveSnapshot.GoalProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each goal against the folded figures (reached, on track, behind, ...) and congratulates
 * the agents behind a count goal the first time it is reached. Live-stats thread only.
 */
final class GoalJudge {
  private static final Logger log = LoggerFactory.getLogger(LiveStats.class);
  static final int MAX_WINS = 20;

  private final Supplier<Config> config;
  private final GoalsConfig goals;
  private final ShiftCalendar calendar;
  private final Ledger ledger;
  private final Supplier<LiveStats.AgentPush> agents;
  private final Set<String> won = new HashSet<>();
  private final Deque<LiveSnapshot.Win> wins = new ArrayDeque<>();
  private boolean announce;

  GoalJudge(
      Supplier<Config> config,
      GoalsConfig goals,
      Ledger ledger,
      Supplier<LiveStats.AgentPush> agents) {
    this.config = config;
    this.goals = goals;
    this.calendar = goals.calendar();
    this.ledger = ledger;
    this.agents = agents;
  }

  /** Targets reached so far are not announced again; those reached from now on are. */
  void announceFromNow(long now) {
    evaluate(now);
    announce = true;
  }

  /** The latest targets reached, newest first. */
  List<LiveSnapshot.Win> wins() {
    return List.copyOf(wins);
  }

  /** Bounded memory; at worst a long-running goal is congratulated twice. */
  void forgetOldWins() {
    if (won.size() > 100_000) {
      won.clear();
    }
  }

  private record Subject(String label, String group, Set<String> congratulate) {}

  List<GoalProgress> evaluate(long now) {
    Config c = config.get();
    List<GoalProgress> out = new ArrayList<>();
    for (Goal g : goals.goals()) {
      Window w = calendar.window(g.period(), now);
      Function<StatsKey, String> grouping =
          switch (g.scope()) {
            case CENTRE -> k -> "";
            case QUEUE -> Labels::queueId;
            case TEAM -> k -> Labels.team(c, k.agentId());
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
                new Subject(
                    Labels.agentName(c, g.scopeValue()), g.scopeValue(), Set.of(g.scopeValue())));
        case EACH_AGENT ->
            c.agents().forEach(a -> subjects.add(new Subject(a.name(), a.id(), Set.of(a.id()))));
      }
      Map<String, Figures> current = ledger.sumBy(w, grouping);
      Map<String, Figures> previous =
          g.changePercent() == null ? Map.of() : ledger.sumBy(calendar.previous(w), grouping);
      for (Subject s : subjects) {
        Figures f = current.getOrDefault(s.group(), new Figures());
        Double value = value(g.metric(), f);
        Double target = g.target();
        boolean noBaseline = false;
        if (g.changePercent() != null) {
          Double before = value(g.metric(), previous.getOrDefault(s.group(), new Figures()));
          // "+10 % on last period" means nothing when last period had nothing to grow from.
          noBaseline = before == null || before == 0;
          target = noBaseline ? null : Math.ceil(before * (1 + g.changePercent() / 100));
        }
        Double expected = null;
        String status;
        if (now < w.fromMillis()) {
          status = "upcoming";
        } else if (noBaseline) {
          status = "no_baseline";
        } else if (value == null) {
          status = "no_data";
        } else if (g.metric().isCount()) {
          expected = Figures.round1(target * calendar.workedFraction(w, now));
          // The same comparison the page draws: the bar against the pace mark.
          status =
              value >= target
                  ? "reached"
                  : now >= w.toMillis() ? "missed" : value >= expected ? "on_track" : "behind";
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
                !g.metric().isCount(),
                base(g.metric(), f)));
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
    // Queue and centre goals: everyone who handled calls towards it.
    Set<String> to =
        s.congratulate() != null ? s.congratulate() : ledger.agentsWhoHandled(w, s.group());
    String who =
        g.scope() == Goal.Scope.AGENT || g.scope() == Goal.Scope.EACH_AGENT
            ? ""
            : " (" + s.label() + ")";
    Congratulation msg =
        new Congratulation(g.id(), "Well done! Target reached" + who + ": " + g.title(), now);
    log.info("target reached by {}: {}", s.label(), g.title());
    for (String agentId : to) {
      agents.get().send(agentId, msg);
    }
  }

  /** How many calls (or scores) a percentage rests on; null for counts. */
  static Long base(Metric m, Figures f) {
    return switch (m) {
      case ADVANCE_RATE -> f.dispositioned;
      case CSAT -> f.csatCount;
      case COMPLIANCE -> f.complianceCalls;
      default -> null;
    };
  }

  static Double value(Metric m, Figures f) {
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
}
