package io.swetraces.stats;

import java.io.IOException;
import java.io.DataInput;
import java.io.DataOutput;
import java.math.BigInteger;
import java.util.Arrays;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * One numeric column's distribution. Count, sum, mean, standard deviation, min and max are always
 * exact. Quantiles, histograms and window fits are exact (pandas' semantics) while the column holds
 * at most {@link #EXACT_LIMIT} values; beyond that the values go into a KLL sketch of bounded size,
 * and those figures carry its rank error ({@link #rankError()}).
 */
final class LongSample {
  /** Values kept exactly: 800 KB per column. */
  static final int EXACT_LIMIT = 100_000;
  /** KLL's accuracy parameter: about 0.7% rank error with 99% confidence, about 8 KB. */
  private static final int SKETCH_K = 400;

  private long count;
  private long sum;
  private BigInteger sumOfSquares = BigInteger.ZERO;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;
  /** The exact values, until there are too many; then null and {@link #sketch} takes over. */
  private long[] values = new long[16];
  private int size;
  private boolean sorted = true;
  private KllDoublesSketch sketch;

  void add(long v) {
    count++;
    sum += v;
    sumOfSquares = sumOfSquares.add(BigInteger.valueOf(v).multiply(BigInteger.valueOf(v)));
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (values == null) {
      sketch.update(v);
      return;
    }
    if (size == EXACT_LIMIT) {
      toSketch();
      sketch.update(v);
      return;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.min(size * 2, EXACT_LIMIT));
    }
    if (size > 0 && v < values[size - 1]) {
      sorted = false;
    }
    values[size++] = v;
  }

  void addAll(LongSample other) {
    count += other.count;
    sum += other.sum;
    sumOfSquares = sumOfSquares.add(other.sumOfSquares);
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    if (values != null && other.values != null && size + other.size <= EXACT_LIMIT) {
      if (size + other.size > values.length) {
        values = Arrays.copyOf(values, Math.min(Math.max(values.length * 2, size + other.size), EXACT_LIMIT));
      }
      System.arraycopy(other.values, 0, values, size, other.size);
      size += other.size;
      sorted = false;
      return;
    }
    if (values != null) {
      toSketch();
    }
    if (other.values != null) {
      for (int i = 0; i < other.size; i++) {
        sketch.update(other.values[i]);
      }
    } else {
      sketch.merge(other.sketch);
    }
  }

  private void toSketch() {
    sketch = KllDoublesSketch.newHeapInstance(SKETCH_K);
    for (int i = 0; i < size; i++) {
      sketch.update(values[i]);
    }
    values = null;
    size = 0;
  }

  long size() {
    return count;
  }

  boolean isExact() {
    return values != null;
  }

  /** The normalized rank error of quantiles, histograms and fits; 0 while exact. */
  double rankError() {
    return isExact() ? 0 : sketch.getNormalizedRankError(false);
  }

  private long[] sortedValues() {
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    return values;
  }

  long max() {
    return count == 0 ? 0 : max;
  }

  long min() {
    return count == 0 ? 0 : min;
  }

  double mean() {
    return count == 0 ? Double.NaN : (double) sum / count;
  }

  /**
   * Sample standard deviation (ddof 1), as pandas' describe() reports it, from exact integer sums:
   * the same digits whatever order a runner merges partial results in.
   */
  double std() {
    if (count < 2) {
      return Double.NaN;
    }
    BigInteger n = BigInteger.valueOf(count);
    BigInteger s = BigInteger.valueOf(sum);
    BigInteger spread = n.multiply(sumOfSquares).subtract(s.multiply(s));
    return Math.sqrt(spread.doubleValue() / ((double) count * (count - 1)));
  }

  /** pandas' default quantile (linear interpolation between the closest ranks), or KLL's estimate. */
  double quantile(double q) {
    if (count == 0) {
      return Double.NaN;
    }
    if (!isExact()) {
      return sketch.getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
    }
    long[] v = sortedValues();
    double pos = (size - 1) * q;
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, size - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
  }

  /** Fraction of values at most {@code limit}. */
  double fractionAtMost(long limit) {
    if (count == 0) {
      return Double.NaN;
    }
    if (!isExact()) {
      return sketch.getRank(limit, QuantileSearchCriteria.INCLUSIVE);
    }
    long n = 0;
    for (int i = 0; i < size; i++) {
      if (values[i] <= limit) {
        n++;
      }
    }
    return (double) n / size;
  }

  /**
   * numpy's histogram of the values clipped at {@code upper}: {@code bins} equal bins from the
   * minimum to the clipped maximum, the last bin closed. Returns the bin edges and the counts.
   */
  Histogram histogram(int bins, double upper) {
    if (count == 0) {
      return new Histogram(new double[0], new long[0]);
    }
    double lo = min;
    double hi = Math.min(max, upper);
    if (hi <= lo) {
      lo -= 0.5;
      hi += 0.5;
    }
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = lo + (hi - lo) * i / bins;
    }
    long[] counts = new long[bins];
    if (isExact()) {
      for (int i = 0; i < size; i++) {
        double v = Math.min(values[i], upper);
        counts[Math.max(0, Math.min(bins - 1, (int) Math.floor((v - lo) / (hi - lo) * bins)))]++;
      }
    } else {
      double[] cdf = sketch.getCDF(Arrays.copyOfRange(edges, 1, bins), QuantileSearchCriteria.EXCLUSIVE);
      double below = 0;
      for (int i = 0; i < bins; i++) {
        double at = i == bins - 1 ? 1.0 : cdf[i];
        counts[i] = Math.round((at - below) * count);
        below = at;
      }
    }
    return new Histogram(edges, counts);
  }

  /** Bin edges (one more than counts) and counts. */
  record Histogram(double[] edges, long[] counts) {}

  void writeTo(DataOutput out) throws IOException {
    out.writeLong(count);
    out.writeLong(sum);
    StatsIo.writeBytes(out, sumOfSquares.toByteArray());
    out.writeLong(min);
    out.writeLong(max);
    out.writeBoolean(sorted);
    out.writeInt(values == null ? -1 : size);
    if (values != null) {
      StatsIo.writeLongs(out, values, 0, size);
    } else {
      StatsIo.writeBytes(out, sketch.toByteArray());
    }
  }

  static LongSample readFrom(DataInput in) throws IOException {
    LongSample s = new LongSample();
    s.count = in.readLong();
    s.sum = in.readLong();
    s.sumOfSquares = new BigInteger(StatsIo.readBytes(in));
    s.min = in.readLong();
    s.max = in.readLong();
    s.sorted = in.readBoolean();
    int size = in.readInt();
    if (size < 0) {
      s.values = null;
      s.sketch = KllDoublesSketch.heapify(Memory.wrap(StatsIo.readBytes(in)));
    } else {
      s.values = new long[Math.max(size, 16)];
      s.size = size;
      StatsIo.readLongs(in, s.values, 0, size);
    }
    return s;
  }
}
