package org.callobjectives.server.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.callobjectives.server.store.StatsTotals;

/**
 * Running totals for one slot and key (or a sum of them); every rate is derived from these counts.
 */
final class Figures {
  long handled;
  long abandoned;
  long timedOut;
  long talkSeconds;
  long dispositioned;
  long advances;
  long sales;
  long opportunities;
  long conversions;
  long csatSum;
  long csatCount;
  long complianceRequired;
  long complianceDone;
  long complianceCalls;
  long complianceFullCalls;
  long undisposed;
  long queueAnswered;
  long answeredInTarget;
  final Map<String, Long> codes = new HashMap<>();

  /** Adds ({@code sign} 1) or removes ({@code -1}) everything one call contributes. */
  void apply(CallFact f, int sign) {
    if (f.handled()) {
      handled += sign;
      talkSeconds += sign * f.talkSeconds();
    }
    if (f.answeredFromQueue()) {
      queueAnswered += sign;
      answeredInTarget += f.answeredInTarget() ? sign : 0;
    }
    if ("ABANDONED".equals(f.outcome())) {
      abandoned += sign;
    } else if ("TIMED_OUT".equals(f.outcome())) {
      timedOut += sign;
    }
    if (f.undisposed()) {
      undisposed += sign;
    }
    CallFact.Disposition d = f.disposition();
    if (d != null) {
      dispositioned += sign;
      advances += d.advance() ? sign : 0;
      sales += d.sale() ? sign : 0;
      opportunities += sign * d.upsellCount();
      // Upsell conversion: a sale on a call where the agent identified at least one upsell
      // opportunity.
      conversions += d.sale() && d.upsellCount() > 0 ? sign : 0;
      if (d.csat() != null) {
        csatSum += sign * d.csat();
        csatCount += sign;
      }
      if (d.complianceRequired() > 0) {
        complianceRequired += sign * d.complianceRequired();
        complianceDone += sign * d.complianceDone();
        complianceCalls += sign;
        complianceFullCalls += d.complianceDone() == d.complianceRequired() ? sign : 0;
      }
      codes.merge(d.code(), (long) sign, Long::sum);
      codes.remove(d.code(), 0L);
    }
  }

  void add(Figures o) {
    handled += o.handled;
    abandoned += o.abandoned;
    timedOut += o.timedOut;
    talkSeconds += o.talkSeconds;
    dispositioned += o.dispositioned;
    advances += o.advances;
    sales += o.sales;
    opportunities += o.opportunities;
    conversions += o.conversions;
    csatSum += o.csatSum;
    csatCount += o.csatCount;
    complianceRequired += o.complianceRequired;
    complianceDone += o.complianceDone;
    complianceCalls += o.complianceCalls;
    complianceFullCalls += o.complianceFullCalls;
    undisposed += o.undisposed;
    queueAnswered += o.queueAnswered;
    answeredInTarget += o.answeredInTarget;
    o.codes.forEach((k, v) -> codes.merge(k, v, Long::sum));
  }

  /** Adds counts the database summed (one agent, objective and code). */
  void add(StatsTotals t) {
    handled += t.handled();
    abandoned += t.abandoned();
    timedOut += t.timedOut();
    talkSeconds += t.talkSeconds();
    dispositioned += t.dispositioned();
    advances += t.advances();
    sales += t.sales();
    opportunities += t.opportunities();
    conversions += t.conversions();
    csatSum += t.csatSum();
    csatCount += t.csatCount();
    complianceRequired += t.complianceRequired();
    complianceDone += t.complianceDone();
    complianceCalls += t.complianceCalls();
    complianceFullCalls += t.complianceFullCalls();
    undisposed += t.undisposed();
    if (t.dispositioned() > 0) {
      codes.merge(t.code(), t.dispositioned(), Long::sum);
    }
  }

  boolean isEmpty() {
    return handled == 0 && abandoned == 0 && timedOut == 0 && dispositioned == 0 && undisposed == 0;
  }

  /** Queue calls offered: answered, abandoned or timed out. */
  long offered() {
    return queueAnswered + abandoned + timedOut;
  }

  /** Share of the calls offered that an agent answered within the queue's threshold. */
  Double serviceLevel() {
    return percent(answeredInTarget, offered());
  }

  Double abandonRate() {
    return percent(abandoned, offered());
  }

  Double advanceRate() {
    return percent(advances, dispositioned);
  }

  Double compliance() {
    return percent(complianceDone, complianceRequired);
  }

  Double csat() {
    return csatCount == 0 ? null : round1((double) csatSum / csatCount);
  }

  Long averageHandleSeconds() {
    return handled == 0 ? null : Math.round((double) talkSeconds / handled);
  }

  /** The most used disposition codes, most first, as "CODE n". */
  List<String> topCodes(int n) {
    return codes.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(e -> e.getKey() + " " + e.getValue())
        .toList();
  }

  static Double percent(long part, long whole) {
    return whole == 0 ? null : round1(100.0 * part / whole);
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
