package io.swetraces.transforms;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * A Beam counter that also keeps its count in this process. Runners that run the job in the
 * launching process (the DirectRunner, embedded Flink) report Beam metrics only when the job ends,
 * or from the result a blocking run returns too late; the local count lets the launcher show
 * progress while the job runs. Elsewhere the Beam counter is what the runner's UI shows.
 */
final class LocalCounter implements Counter {
  private static final ConcurrentMap<String, LongAdder> LOCAL = new ConcurrentHashMap<>();

  private final Counter beam;
  private final LongAdder local;

  private LocalCounter(String name) {
    this.beam = Metrics.counter(TraceMetrics.NAMESPACE, name);
    this.local = LOCAL.computeIfAbsent(name, n -> new LongAdder());
  }

  static LocalCounter named(String name) {
    return new LocalCounter(name);
  }

  /** This process's count under {@code name} so far. */
  static long local(String name) {
    LongAdder adder = LOCAL.get(name);
    return adder == null ? 0 : adder.sum();
  }

  /** This process's counts whose names start with {@code prefix}, summed. */
  static long localStartingWith(String prefix) {
    long sum = 0;
    for (var e : LOCAL.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        sum += e.getValue().sum();
      }
    }
    return sum;
  }

  @Override
  public void inc() {
    inc(1);
  }

  @Override
  public void inc(long n) {
    beam.inc(n);
    local.add(n);
  }

  @Override
  public void dec() {
    inc(-1);
  }

  @Override
  public void dec(long n) {
    inc(-n);
  }

  @Override
  public MetricName getName() {
    return beam.getName();
  }
}
