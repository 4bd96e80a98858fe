package org.callobjectives.server.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Objective;
import org.callobjectives.server.goals.Window;
import org.callobjectives.server.store.CommitmentTotals;
import org.callobjectives.server.store.StatsTotals;

/**
 * The periodic review: per objective and per agent, this period against the previous one of the
 * same length, so managers can spot objectives nobody reaches (a low advance rate) and adjust them.
 */
public final class Review {
  /** Below this advance rate (with enough dispositions) an objective is flagged for review. */
  static final double LOW_ADVANCE_RATE = 20;

  static final int MIN_DISPOSITIONS = 5;

  /** The whole report, as /api/stats/review answers it. */
  public record Report(
      String from,
      String to,
      String previousFrom,
      String previousTo,
      List<Line> objectives,
      List<Line> agents) {}

  /**
   * One objective's or agent's figures now and before; rates are percentages (null: nothing to
   * divide). Commitments: the advances obtained on this period's calls with customers who can be
   * recognised again, how many a later call checked (kept or not), kept, not yet due, and replaced
   * by a later advance unchecked; {@code keptRate} = kept / checked.
   */
  public record Line(
      String id,
      String name,
      long calls,
      long callsBefore,
      long dispositioned,
      Double advanceRate,
      Double advanceRateBefore,
      Double compliance,
      Double complianceBefore,
      long opportunities,
      long opportunitiesBefore,
      long conversions,
      long conversionsBefore,
      Double csat,
      Double csatBefore,
      long undisposed,
      List<String> topCodes,
      String note,
      long commitments,
      long commitmentsChecked,
      long commitmentsKept,
      long commitmentsNotYet,
      long commitmentsReplaced,
      Double keptRate,
      Double keptRateBefore) {}

  private Review() {}

  public static Report compute(
      Window current,
      Window previous,
      List<StatsTotals> now,
      List<StatsTotals> before,
      List<CommitmentTotals> commitmentsNow,
      List<CommitmentTotals> commitmentsBefore,
      Config config) {
    Function<StatsTotals, String> byObjective = StatsTotals::objectiveId;
    Function<StatsTotals, String> byAgent = StatsTotals::agentId;
    Map<String, String> objectiveNames = new LinkedHashMap<>();
    for (Objective o : config.objectives().values()) {
      objectiveNames.put(o.id(), o.title());
    }
    for (StatsTotals r : now) {
      if (r.objectiveId() != null && r.objectiveTitle() != null) {
        objectiveNames.putIfAbsent(r.objectiveId(), r.objectiveTitle());
      }
    }
    Map<String, String> agentNames = new LinkedHashMap<>();
    for (Agent a : config.agents()) {
      agentNames.put(a.id(), a.name());
    }
    return new Report(
        current.from().toString(),
        current.to().toString(),
        previous.from().toString(),
        previous.to().toString(),
        lines(
            now,
            before,
            byObjective,
            objectiveNames,
            true,
            kept(commitmentsNow, CommitmentTotals::objectiveId),
            kept(commitmentsBefore, CommitmentTotals::objectiveId)),
        lines(
            now,
            before,
            byAgent,
            agentNames,
            false,
            kept(commitmentsNow, CommitmentTotals::agentId),
            kept(commitmentsBefore, CommitmentTotals::agentId)));
  }

  /** Commitment counts summed per objective or agent: agreed, checked, kept, not yet, replaced. */
  private static Map<String, long[]> kept(
      List<CommitmentTotals> rows, Function<CommitmentTotals, String> key) {
    Map<String, long[]> out = new TreeMap<>();
    for (CommitmentTotals r : rows) {
      String k = key.apply(r);
      if (k != null) {
        long[] n = out.computeIfAbsent(k, x -> new long[5]);
        n[0] += r.agreed();
        n[1] += r.checked();
        n[2] += r.kept();
        n[3] += r.notYet();
        n[4] += r.replaced();
      }
    }
    return out;
  }

  private static Double keptRate(long[] n) {
    return n == null ? null : Figures.percent(n[2], n[1]);
  }

  private static List<Line> lines(
      List<StatsTotals> now,
      List<StatsTotals> before,
      Function<StatsTotals, String> key,
      Map<String, String> names,
      boolean objectives,
      Map<String, long[]> keptNow,
      Map<String, long[]> keptBefore) {
    Map<String, Figures> cur = fold(now, key);
    Map<String, Figures> prev = fold(before, key);
    Set<String> ids = new java.util.LinkedHashSet<>(new java.util.TreeSet<>(cur.keySet()));
    ids.addAll(new java.util.TreeSet<>(prev.keySet()));
    ids.addAll(keptNow.keySet());
    List<Line> out = new ArrayList<>();
    for (String id : ids) {
      Figures c = cur.getOrDefault(id, new Figures());
      Figures p = prev.getOrDefault(id, new Figures());
      Double rate = c.advanceRate();
      long[] k = keptNow.getOrDefault(id, new long[5]);
      String note = null;
      if (objectives
          && rate != null
          && c.dispositioned >= MIN_DISPOSITIONS
          && rate < LOW_ADVANCE_RATE) {
        note =
            String.format(
                Locale.ROOT, "low advance rate (%.0f %%): is the objective realistic?", rate);
      }
      out.add(
          new Line(
              id,
              names.getOrDefault(id, id),
              c.handled,
              p.handled,
              c.dispositioned,
              rate,
              p.advanceRate(),
              c.compliance(),
              p.compliance(),
              c.opportunities,
              p.opportunities,
              c.conversions,
              p.conversions,
              c.csat(),
              p.csat(),
              c.undisposed,
              c.topCodes(3),
              note,
              k[0],
              k[1],
              k[2],
              k[3],
              k[4],
              keptRate(keptNow.get(id)),
              keptRate(keptBefore.get(id))));
    }
    return out;
  }

  private static Map<String, Figures> fold(
      List<StatsTotals> rows, Function<StatsTotals, String> key) {
    Map<String, Figures> out = new TreeMap<>();
    for (StatsTotals r : rows) {
      String k = key.apply(r);
      if (k != null) {
        out.computeIfAbsent(k, x -> new Figures()).add(r);
      }
    }
    return out;
  }

  /** The report as CSV (RFC 4180), one line per objective and per agent. */
  public static String csv(Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "kind,id,name,from,to,calls,calls_previous,dispositioned,advance_rate,advance_rate_previous,"
            + "compliance,compliance_previous,opportunities,opportunities_previous,conversions,conversions_previous,"
            + "csat,csat_previous,undisposed,top_codes,note,commitments,commitments_checked,"
            + "commitments_kept,commitments_not_yet,commitments_replaced,kept_rate,"
            + "kept_rate_previous\r\n");
    for (Line l : r.objectives()) {
      csvLine(sb, "objective", l, r);
    }
    for (Line l : r.agents()) {
      csvLine(sb, "agent", l, r);
    }
    return sb.toString();
  }

  private static void csvLine(StringBuilder sb, String kind, Line l, Report r) {
    Object[] cells = {
      kind,
      l.id(),
      l.name(),
      r.from(),
      r.to(),
      l.calls(),
      l.callsBefore(),
      l.dispositioned(),
      l.advanceRate(),
      l.advanceRateBefore(),
      l.compliance(),
      l.complianceBefore(),
      l.opportunities(),
      l.opportunitiesBefore(),
      l.conversions(),
      l.conversionsBefore(),
      l.csat(),
      l.csatBefore(),
      l.undisposed(),
      String.join(" | ", l.topCodes()),
      l.note(),
      l.commitments(),
      l.commitmentsChecked(),
      l.commitmentsKept(),
      l.commitmentsNotYet(),
      l.commitmentsReplaced(),
      l.keptRate(),
      l.keptRateBefore()
    };
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells[i]));
    }
    sb.append("\r\n");
  }

  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    String s = v.toString();
    // A spreadsheet would run a cell starting with = + - @ as a formula: names come from config.
    if (!(v instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",")
        || s.contains("\"")
        || s.contains("\n")
        || s.contains("\r")
        || s.contains("'")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
