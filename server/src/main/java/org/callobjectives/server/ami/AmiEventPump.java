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

  private final BlockingQueue<Object> queue;
  private final Consumer<AmiEvent> handler;
  private final Thread thread;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  public AmiEventPump(int capacity, Consumer<AmiEvent> handler) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.handler = handler;
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
    if (dropped.incrementAndGet() % 1000 == 1) {
      log.error("call-tracking queue full ({} events): dropped {} AMI events so far", queue.size(), dropped.get());
    }
    return false;
  }

  /** Runs a task on the call-tracking thread, in order with the events (e.g. a query of open calls). */
  public void execute(Runnable task) {
    try {
      queue.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public long received() {
    return received.get();
  }

  public long dropped() {
    return dropped.get();
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
      try {
        if (o instanceof Runnable r) {
          r.run();
        } else {
          handler.accept((AmiEvent) o);
        }
      } catch (RuntimeException ex) {
        log.error("call tracking failed on {}", o, ex);
      }
    }
  }

  @Override
  public void close() {
    queue.clear();
    queue.offer(STOP);
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
