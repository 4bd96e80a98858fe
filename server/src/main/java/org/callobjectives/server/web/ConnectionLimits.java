package org.callobjectives.server.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counts open connections in all and per client address, and says whether one more may open. */
public final class ConnectionLimits {
  /** What becomes of a new connection. */
  public enum Admission {
    /** Served. */
    OPEN,
    /** Answered 429 and closed: its address holds its share already. */
    TOO_MANY_FROM_ADDRESS,
    /** Answered 503 and closed: the server holds all it may. */
    TOO_MANY,
    /** Closed unanswered: so many refusals are being answered already. */
    CLOSE
  }

  /** Refusals answered at once at most; beyond, a connection is closed without an answer. */
  static final int MAX_REFUSING = 1024;

  /** Files kept for the database, logs, AMI links and the JDK when the connection cap is fitted. */
  public static final int FILES_KEPT = 512;

  private final int all;
  private final int perAddress;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger refusing = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();
  private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();

  public ConnectionLimits(int all, int perAddress) {
    this.all = all;
    this.perAddress = perAddress;
  }

  public int all() {
    return all;
  }

  public int perAddress() {
    return perAddress;
  }

  /** Counts a new connection from {@code address} in, or says why it is refused. */
  public Admission admit(String address) {
    if (open.incrementAndGet() > all) {
      open.decrementAndGet();
      return refusal(Admission.TOO_MANY);
    }
    boolean[] admitted = {false};
    byAddress.compute(
        address,
        (k, n) -> {
          int now = n == null ? 0 : n;
          if (now >= perAddress) {
            return n;
          }
          admitted[0] = true;
          return now + 1;
        });
    if (!admitted[0]) {
      open.decrementAndGet();
      return refusal(Admission.TOO_MANY_FROM_ADDRESS);
    }
    return Admission.OPEN;
  }

  private Admission refusal(Admission why) {
    refused.incrementAndGet();
    if (refusing.incrementAndGet() > MAX_REFUSING) {
      refusing.decrementAndGet();
      return Admission.CLOSE;
    }
    return why;
  }

  /** A connection {@link #admit} let in has closed. */
  public void closed(String address) {
    open.decrementAndGet();
    byAddress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
  }

  /** A refused connection (not one closed unanswered) has closed. */
  public void refusalClosed() {
    refusing.decrementAndGet();
  }

  /** Connections served now. */
  public int open() {
    return open.get();
  }

  /** Connections refused since the start. */
  public long refused() {
    return refused.get();
  }

  /**
   * {@code wanted}, lowered to what a process that may open {@code maxFiles} files can hold with
   * {@link #FILES_KEPT} to spare ({@code maxFiles} 0 or less: not known, {@code wanted} as is).
   */
  public static int fitted(int wanted, long maxFiles) {
    if (maxFiles <= 0) {
      return wanted;
    }
    return (int) Math.max(1, Math.min(wanted, maxFiles - FILES_KEPT));
  }

  /** How many files this process may open, or 0 when the JDK does not say. */
  public static long maxFiles() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return unix.getMaxFileDescriptorCount();
    }
    return 0;
  }
}
