package org.callobjectives.amisim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link ScheduledExecutorService} on virtual time for deterministic tests: nothing runs until
 * {@link #advance(Duration)}, which runs due tasks in time order (FIFO for ties) on the caller's
 * thread while moving {@link #clock()} forward.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final PriorityQueue<Task<?>> tasks = new PriorityQueue<>();
  private final long startMillis;
  private long nowNanos;
  private long sequence;
  private boolean shutdown;

  /** Virtual time starts at the given instant. */
  public ManualScheduler(Instant start) {
    this.startMillis = start.toEpochMilli();
  }

  /** A clock that reads this scheduler's virtual time. */
  public Clock clock() {
    return new VirtualClock();
  }

  /** Runs every task due within {@code duration}, in order, then sets time to the end of it. */
  public void advance(Duration duration) {
    long target;
    synchronized (this) {
      target = nowNanos + duration.toNanos();
    }
    while (true) {
      Task<?> next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.dueNanos > target) {
          nowNanos = target;
          return;
        }
        tasks.poll();
        nowNanos = Math.max(nowNanos, next.dueNanos);
      }
      next.run();
    }
  }

  /** Tasks waiting to run. */
  public synchronized int pendingTasks() {
    return tasks.size();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(new Task<>(command, null, unit.toNanos(delay)));
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(new Task<>(callable, unit.toNanos(delay)));
  }

  /** Not supported: the generator only schedules one-shot tasks. */
  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("periodic tasks are not supported");
  }

  /** Not supported: the generator only schedules one-shot tasks. */
  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("periodic tasks are not supported");
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> pending = List.copyOf(tasks);
    tasks.clear();
    return pending;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && tasks.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private synchronized <V> Task<V> enqueue(Task<V> task) {
    if (shutdown) {
      throw new RejectedExecutionException("shut down");
    }
    task.dueNanos = nowNanos + Math.max(0, task.delayNanos);
    task.order = sequence++;
    tasks.add(task);
    return task;
  }

  /** A one-shot task ordered by due time, then by submission. */
  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    final long delayNanos;
    long dueNanos;
    long order;

    Task(Runnable runnable, V result, long delayNanos) {
      super(runnable, result);
      this.delayNanos = delayNanos;
    }

    Task(Callable<V> callable, long delayNanos) {
      super(callable);
      this.delayNanos = delayNanos;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      synchronized (ManualScheduler.this) {
        return unit.convert(dueNanos - nowNanos, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public int compareTo(Delayed other) {
      Task<?> that = (Task<?>) other;
      int byTime = Long.compare(dueNanos, that.dueNanos);
      return byTime != 0 ? byTime : Long.compare(order, that.order);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      synchronized (ManualScheduler.this) {
        tasks.remove(this);
      }
      return super.cancel(mayInterruptIfRunning);
    }

    @Override
    public V get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      if (!isDone()) {
        throw new TimeoutException("virtual time has not reached this task");
      }
      return get();
    }
  }

  /** Reads the scheduler's virtual time. */
  private final class VirtualClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      synchronized (ManualScheduler.this) {
        return Instant.ofEpochMilli(startMillis).plusNanos(nowNanos);
      }
    }
  }
}
