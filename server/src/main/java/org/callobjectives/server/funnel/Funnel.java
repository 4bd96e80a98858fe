package org.callobjectives.server.funnel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.callobjectives.server.store.FunnelStep;

/**
 * Folds a queue's staged dispositions into its funnel, per customer (by the digits of the number,
 * as the chain of advances matches them), with the stage rule of the chain: an advance at stage k
 * moves the customer to k+1; an advance at the last stage completes the chain.
 */
public final class Funnel {
  static final long DAY_MILLIS = 86_400_000L;

  /** A stage of the chain as configured now. */
  public record StageDef(String id, String objectiveId, String objectiveTitle) {}

  private Funnel() {}

  /**
   * The funnel at {@code nowMillis} of {@code steps} (oldest disposition first) for the chain
   * {@code chain}; calls at stages no longer in the chain are counted apart and left out.
   */
  public static FunnelReport compute(
      String queue,
      List<StageDef> chain,
      List<FunnelStep> steps,
      long nowMillis,
      int stalledDays,
      Function<String, String> agentName) {
    int n = chain.size();
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < n; i++) {
      position.put(chain.get(i).id(), i);
    }
    Map<String, Customer> customers = new LinkedHashMap<>();
    long unknown = 0;
    for (FunnelStep s : steps) {
      Integer k = position.get(s.stage());
      String key = key(s.callerNumber());
      if (k == null || key == null) {
        unknown += k == null ? 1 : 0;
        continue;
      }
      customers.computeIfAbsent(key, x -> new Customer(n)).add(k, s);
    }
    long[] now = new long[n + 1];
    long[] reached = new long[n + 1];
    long[] stalledAt = new long[n];
    List<List<Long>> times = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      times.add(new ArrayList<>());
    }
    List<FunnelReport.Stalled> stalled = new ArrayList<>();
    long doNotCall = 0;
    long stallMillis = stalledDays * DAY_MILLIS;
    for (Customer c : customers.values()) {
      now[c.current]++;
      for (int k = 0; k <= c.maxReached; k++) {
        reached[k]++;
      }
      for (int k = 0; k < n; k++) {
        if (c.advancedAt[k] != null && c.firstCallAt[k] != null) {
          times.get(k).add(Math.max(0, c.advancedAt[k] - c.firstCallAt[k]));
        }
      }
      if (c.current == n) {
        continue; // completed: nothing to follow up
      }
      if (c.last.doNotCall()) {
        doNotCall++; // never listed for a call back
        continue;
      }
      long since = c.lastAdvanceAt != null ? c.lastAdvanceAt : c.firstCallAt();
      if (nowMillis - since >= stallMillis) {
        stalledAt[c.current]++;
        stalled.add(
            new FunnelReport.Stalled(
                c.last.callerNumber(),
                chain.get(c.current).id(),
                c.current + 1,
                (nowMillis - since) / DAY_MILLIS,
                since,
                c.last.callStartedAtMillis(),
                c.last.callId(),
                c.last.agentId(),
                agentName.apply(c.last.agentId()),
                c.last.code()));
      }
    }
    stalled.sort(
        Comparator.comparingLong(FunnelReport.Stalled::sinceMillis)
            .thenComparing(FunnelReport.Stalled::callerNumber));
    List<FunnelReport.StageLine> lines = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      StageDef d = chain.get(k);
      lines.add(
          new FunnelReport.StageLine(
              k + 1,
              d.id(),
              d.objectiveId(),
              d.objectiveTitle(),
              now[k],
              reached[k],
              reached[k + 1],
              reached[k] == 0 ? null : Math.round(1000.0 * reached[k + 1] / reached[k]) / 10.0,
              median(times.get(k)),
              times.get(k).size(),
              stalledAt[k]));
    }
    return new FunnelReport(
        queue,
        nowMillis,
        stalledDays,
        customers.size(),
        now[n],
        lines,
        stalled,
        doNotCall,
        unknown);
  }

  /** The middle value (the mean of the two middle ones for an even count); null for none. */
  static Long median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> v = new ArrayList<>(values);
    v.sort(null);
    int m = v.size() / 2;
    return v.size() % 2 == 1 ? v.get(m) : Math.round((v.get(m - 1) + v.get(m)) / 2.0);
  }

  /** Caller numbers compared by their digits: "+1 555-123" and "1555123" are one customer. */
  static String key(String number) {
    if (number == null) {
      return null;
    }
    String digits = number.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? null : digits;
  }

  /** What the funnel needs of one customer's way through the chain. */
  private static final class Customer {
    final Long[] firstCallAt;
    final Long[] advancedAt;
    int current;
    int maxReached;
    Long lastAdvanceAt;
    FunnelStep last;

    Customer(int n) {
      this.firstCallAt = new Long[n];
      this.advancedAt = new Long[n];
    }

    void add(int k, FunnelStep s) {
      if (firstCallAt[k] == null || s.callStartedAtMillis() < firstCallAt[k]) {
        firstCallAt[k] = s.callStartedAtMillis();
      }
      // The stage a disposition leaves the customer at, as the chain of advances decides the next
      // call's objective.
      int after = s.advance() ? k + 1 : k;
      if (s.advance()) {
        lastAdvanceAt = s.dispositionAtMillis();
        if (advancedAt[k] == null) {
          advancedAt[k] = s.dispositionAtMillis();
        }
      }
      current = after;
      maxReached = Math.max(maxReached, after);
      last = s;
    }

    long firstCallAt() {
      long first = Long.MAX_VALUE;
      for (Long t : firstCallAt) {
        if (t != null) {
          first = Math.min(first, t);
        }
      }
      return first;
    }
  }
}
