package org.callobjectives.server.push;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** AMI-event-to-pop latency (event received by our listener to the pop handed to Netty). */
public final class PopLatency {
  private final Recorder recorder = new Recorder(3);
  private Histogram total = new Histogram(3);
  private volatile java.util.function.LongConsumer also = n -> {};

  public void record(long nanos) {
    long n = Math.max(0, nanos);
    recorder.recordValue(n);
    also.accept(n);
  }

  /** Also hands every latency (nanoseconds) to {@code sink}, e.g. a metrics histogram. */
  public void alsoTo(java.util.function.LongConsumer sink) {
    this.also = sink;
  }

  /** Everything recorded since the last call, added to the running total; returns a copy. */
  public synchronized Histogram snapshot() {
    total.add(recorder.getIntervalHistogram());
    return total.copy();
  }

  public synchronized void reset() {
    recorder.reset();
    total = new Histogram(3);
  }
}
