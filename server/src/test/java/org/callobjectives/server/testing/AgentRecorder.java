package org.callobjectives.server.testing;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.AgentStats;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.Congratulation;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Message;
import org.callobjectives.protocol.Welcome;

/**
 * Every callback of a real agent-bridge client into a queue; a wait that times out fails the test.
 */
public final class AgentRecorder implements BridgeClient.Listener {
  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  // Kept as well, for tests that look at everything an agent got: every pop, and the figures and
  // congratulations (these two never enter the queue, so next() sequences stay as they were).
  private final List<CallStarted> pops = new CopyOnWriteArrayList<>();
  private final List<AgentStats> stats = new CopyOnWriteArrayList<>();
  private final List<Congratulation> congratulations = new CopyOnWriteArrayList<>();
  private final List<org.callobjectives.protocol.ComplianceReminder> reminders =
      new CopyOnWriteArrayList<>();
  private final String agentId;

  public AgentRecorder(String agentId) {
    this.agentId = agentId;
  }

  @Override
  public void onWelcome(Welcome w) {
    messages.add(w);
  }

  @Override
  public void onCallStarted(CallStarted c) {
    pops.add(c);
    messages.add(c);
  }

  private final List<org.callobjectives.protocol.AgentState> states = new CopyOnWriteArrayList<>();

  @Override
  public void onAgentState(org.callobjectives.protocol.AgentState s) {
    states.add(s);
  }

  /** Every agent_state the client heard, in order (kept apart from the other messages). */
  public List<org.callobjectives.protocol.AgentState> states() {
    return states;
  }

  @Override
  public void onAgentStats(AgentStats s) {
    stats.add(s);
  }

  @Override
  public void onCongratulation(Congratulation c) {
    congratulations.add(c);
  }

  public List<CallStarted> pops() {
    return pops;
  }

  public List<AgentStats> stats() {
    return stats;
  }

  public List<Congratulation> congratulations() {
    return congratulations;
  }

  @Override
  public void onComplianceReminder(org.callobjectives.protocol.ComplianceReminder r) {
    reminders.add(r);
  }

  /** Compliance reminders, kept apart from the other messages (they come on a timer). */
  public List<org.callobjectives.protocol.ComplianceReminder> reminders() {
    return reminders;
  }

  @Override
  public void onCallEnded(CallEnded e) {
    messages.add(e);
  }

  @Override
  public void onAck(DispositionAck a) {
    messages.add(a);
  }

  @Override
  public void onError(ErrorMessage e) {
    messages.add(e);
  }

  public <T extends Message> T next(Class<T> type) throws InterruptedException {
    return next(type, 10);
  }

  /** The next message, which must be of {@code type}. */
  public <T extends Message> T next(Class<T> type, int seconds) throws InterruptedException {
    Message m = messages.poll(seconds, TimeUnit.SECONDS);
    if (m == null) {
      fail("agent " + agentId + ": no " + type.getSimpleName() + " within " + seconds + " s");
    }
    if (!type.isInstance(m)) {
      fail("agent " + agentId + ": expected " + type.getSimpleName() + " but got " + m);
    }
    return type.cast(m);
  }

  /** The next message of {@code type}, skipping others (e.g. the welcome); fails after the wait. */
  public <T extends Message> T await(Class<T> type, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      long left = deadline - System.nanoTime();
      Message m = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
      if (m == null) {
        fail("agent " + agentId + ": no " + type.getSimpleName() + " within " + seconds + " s");
      }
      if (type.isInstance(m)) {
        return type.cast(m);
      }
    }
  }

  /** The next message of any type, or null after the wait. */
  public Message poll(long millis) throws InterruptedException {
    return messages.poll(millis, TimeUnit.MILLISECONDS);
  }

  public void assertNothingMore(long millis) throws InterruptedException {
    assertNull(
        messages.poll(millis, TimeUnit.MILLISECONDS),
        "agent " + agentId + " got an unexpected message");
  }
}
