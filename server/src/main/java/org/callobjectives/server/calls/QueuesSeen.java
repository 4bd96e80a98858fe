package org.callobjectives.server.calls;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallRecord;

/** Remembers every queue name seen in call events, for the admin page's list of queues. */
public final class QueuesSeen implements CallListener {
  private final Set<String> names = ConcurrentHashMap.newKeySet();

  @Override
  public void connected(CallRecord call, long amiReceivedNanos) {
    add(call);
  }

  @Override
  public void ended(CallRecord call) {
    add(call);
  }

  private void add(CallRecord c) {
    if (c.queue() != null && names.size() < 10_000) {
      names.add(c.queue());
    }
  }

  public Set<String> names() {
    return new TreeSet<>(names);
  }
}
