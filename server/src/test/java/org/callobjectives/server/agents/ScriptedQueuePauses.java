package org.callobjectives.server.agents;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.callobjectives.server.ami.AmiCapabilities;

/**
 * A QueuePause link for tests: every action allowed, each one recorded, failures scripted in order.
 */
final class ScriptedQueuePauses implements QueuePauses {
  /** One QueuePause as sent. */
  record Action(String iface, String queue, boolean paused, String reason) {
    /** "pause Local/1001@agents/n sales wrap-up" ("*" for every queue). */
    String line() {
      return (paused ? "pause " : "unpause ")
          + iface
          + " "
          + (queue == null ? "*" : queue)
          + (reason == null ? "" : " " + reason);
    }

    /** "pause sales". */
    String queueLine() {
      return (paused ? "pause " : "unpause ") + queue;
    }
  }

  final List<Action> sent = new ArrayList<>();

  /** Failures the next actions get, in order (null: accepted). */
  final Deque<String> failures = new ArrayDeque<>();

  @Override
  public AmiCapabilities capabilities(String server) {
    return new AmiCapabilities(true, true, true);
  }

  @Override
  public CompletableFuture<Void> pause(
      String server, String iface, String queue, boolean paused, String reason) {
    sent.add(new Action(iface, queue, paused, reason));
    String failure = failures.poll();
    return failure == null
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.failedFuture(new IllegalStateException(failure));
  }

  List<String> lines() {
    return sent.stream().map(Action::line).toList();
  }

  List<String> queueLines() {
    return sent.stream().map(Action::queueLine).toList();
  }
}
