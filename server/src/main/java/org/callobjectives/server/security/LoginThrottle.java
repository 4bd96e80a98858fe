package org.callobjectives.server.security;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down token guessing: too many failures for one name, or very many from one address (a whole
 * floor may share one address behind NAT), and that name or address is refused for a minute.
 */
public final class LoginThrottle {
  static final int MAX_FAILURES_PER_NAME = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 50;
  static final long WINDOW_MS = 60_000;

  private final Clock clock;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** True when {@code key} (an address or a name) may try now. */
  public boolean allowed(String key) {
    Deque<Long> d = failures.get(key);
    if (d == null) {
      return true;
    }
    synchronized (d) {
      prune(d);
      return d.size() < (key.startsWith("name:") ? MAX_FAILURES_PER_NAME : MAX_FAILURES_PER_ADDRESS);
    }
  }

  public void failed(String key) {
    Deque<Long> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (d) {
      prune(d);
      d.addLast(clock.millis());
    }
    if (failures.size() > 100_000) {
      failures.clear(); // bounded memory under a flood of distinct keys
    }
  }

  public void succeeded(String key) {
    failures.remove(key);
  }

  private void prune(Deque<Long> d) {
    long cutoff = clock.millis() - WINDOW_MS;
    while (!d.isEmpty() && d.peekFirst() < cutoff) {
      d.removeFirst();
    }
  }
}
