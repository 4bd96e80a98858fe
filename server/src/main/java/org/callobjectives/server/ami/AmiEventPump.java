package org.callobjectives.server.ami;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own event queue between Asterisk-Java's dispatch thread and call tracking: the listener only
 * offers (never blocks Asterisk-Java), and one thread applies events in arrival order.
 */
public final class AmiEventPump implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AmiEventPump.class);
  private static final Object STOP = new Object();

  /** Wakes the thread for {@link #submit}ted tasks. */
  private static final Object WAKE = new Object();

  private final BlockingQueue<Object> queue;
  private final Consumer<AmiEvent> handler;
  private final Thread thread;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final java.util.Set<String> droppedFrom =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Consumer<String> afterDrops;
  private final java.util.Queue<Runnable> tasks =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * {@code afterDrops} runs on the tracking thread for each AMI link that lost events (to resync
   * it).
   */
  public AmiEventPump(int capacity, Consumer<AmiEvent> handler, Consumer<String> afterDrops) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.handler = handler;
    this.afterDrops = afterDrops;
    this.thread = new Thread(this::run, "call-tracking");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** From any thread; never blocks. A full queue drops the event and counts it. */
  public boolean offer(AmiEvent e) {
    received.incrementAndGet();
    if (queue.offer(e)) {
      return true;
    }
    droppedFrom.add(e.server());
    if (dropped.incrementAndGet() % 1000 == 1) {
      log.error(
          "call-tracking queue full ({} events): dropped {} AMI events so far",
          queue.size(),
          dropped.get());
    }
    return false;
  }

  /**
   * Runs a task on the call-tracking thread, in order with the events (e.g. a query of open calls).
   */
  public void execute(Runnable task) {
    try {
      queue.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs a task on the call-tracking thread before the next event, from any thread (Netty, the
   * store's writer) without ever blocking: tasks wait in their own unbounded queue, never dropped.
   */
  public void submit(Runnable task) {
    tasks.add(task);
    queue.offer(WAKE); // a full queue needs no wake-up: the thread drains tasks after every item
  }

  public long received() {
    return received.get();
  }

  public long dropped() {
    return dropped.get();
  }

  /** False if the tracking thread has died (it never should): /health shows it. */
  public boolean alive() {
    return thread.isAlive();
  }

  public int backlog() {
    return queue.size();
  }

  private void run() {
    while (true) {
      Object o;
      try {
        o = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (o == STOP) {
        return;
      }
      for (Runnable t; (t = tasks.poll()) != null; ) {
        runTask(t);
      }
      if (o == WAKE) {
        continue;
      }
      try {
        if (o instanceof Runnable r) {
          r.run();
        } else {
          handler.accept((AmiEvent) o);
        }
        if (!droppedFrom.isEmpty()) {
          for (String server : java.util.List.copyOf(droppedFrom)) {
            droppedFrom.remove(server);
            afterDrops.accept(server);
          }
        }
      } catch (VirtualMachineError fatal) {
        log.error("call tracking stopped: {}", fatal.toString());
        throw fatal;
      } catch (Throwable ex) {
        log.error("call tracking failed on {}", o, ex);
      }
    }
  }

  private void runTask(Runnable t) {
    try {
      t.run();
    } catch (VirtualMachineError fatal) {
      log.error("call tracking stopped: {}", fatal.toString());
      throw fatal;
    } catch (Throwable ex) {
      log.error("call tracking task failed", ex);
    }
  }

  @Override
  public void close() {
    queue.clear();
    if (!queue.offer(STOP)) {
      thread.interrupt();
    }
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
