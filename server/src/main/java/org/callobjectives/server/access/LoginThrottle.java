package org.callobjectives.server.access;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down token guessing without letting a stranger lock a real user out: failures count per
 * name from one address (5 a minute), per address (50: a floor may share one address behind NAT),
 * and per name from everywhere (100, a backstop against a spread-out attack), which never refuses
 * an address the name has signed in from before.
 */
public final class LoginThrottle {
  static final int PER_NAME_AND_ADDRESS = 5;
  static final int PER_ADDRESS = 50;
  static final int PER_NAME = 100;
  static final long WINDOW_MS = 60_000;
  static final int MAX_KEYS = 100_000;

  /** The addresses remembered per name: the latest ones a sign-in succeeded from. */
  static final int KNOWN_ADDRESSES = 16;

  private final Clock clock;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
  // Name -> addresses it signed in from, oldest first. Only names that signed in are here.
  private final Map<String, LinkedHashSet<String>> known = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** True when {@code name} may try to sign in from {@code address} now. */
  public boolean allowed(String name, String address) {
    return under("n:" + name + "@" + address, PER_NAME_AND_ADDRESS)
        && under("a:" + address, PER_ADDRESS)
        // The backstop counts every address: a stranger could fill it, so it must not stop the
        // user where they have signed in before.
        && (knownFrom(name, address) || under("n:" + name, PER_NAME));
  }

  public void failed(String name, String address) {
    if (failures.size() >= MAX_KEYS) {
      failures
          .values()
          .removeIf(
              d -> {
                synchronized (d) {
                  prune(d);
                  return d.isEmpty();
                }
              });
    }
    for (String key : new String[] {"n:" + name + "@" + address, "a:" + address, "n:" + name}) {
      if (failures.size() >= MAX_KEYS && !failures.containsKey(key)) {
        continue; // memory stays bounded under a flood of distinct names; existing counts are kept
      }
      Deque<Long> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (d) {
        prune(d);
        d.addLast(clock.millis());
      }
    }
  }

  public void succeeded(String name, String address) {
    failures.remove("n:" + name + "@" + address);
    if (known.size() >= MAX_KEYS && !known.containsKey(name)) {
      return; // names that sign in are configured ones: this bound is only a guard
    }
    LinkedHashSet<String> from = known.computeIfAbsent(name, k -> new LinkedHashSet<>());
    synchronized (from) {
      from.remove(address); // re-added as the latest
      from.add(address);
      while (from.size() > KNOWN_ADDRESSES) {
        from.remove(from.iterator().next());
      }
    }
  }

  private boolean knownFrom(String name, String address) {
    LinkedHashSet<String> from = known.get(name);
    if (from == null) {
      return false;
    }
    synchronized (from) {
      return from.contains(address);
    }
  }

  private boolean under(String key, int limit) {
    Deque<Long> d = failures.get(key);
    if (d == null) {
      return true;
    }
    synchronized (d) {
      prune(d);
      return d.size() < limit;
    }
  }

  private void prune(Deque<Long> d) {
    long cutoff = clock.millis() - WINDOW_MS;
    while (!d.isEmpty() && d.peekFirst() < cutoff) {
      d.removeFirst();
    }
  }
}
