package io.swetraces.stats;

import java.io.Serializable;
import java.util.Arrays;

/** All values of one numeric column, for exact pandas-style summaries (8 bytes per trajectory). */
final class LongSample implements Serializable {
  private long[] values = new long[16];
  private int size;
  private boolean sorted = true;

  void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    if (size > 0 && v < values[size - 1]) {
      sorted = false;
    }
    values[size++] = v;
  }

  void addAll(LongSample other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
  }

  int size() {
    return size;
  }

  private long[] sortedValues() {
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    return values;
  }

  long max() {
    return size == 0 ? 0 : sortedValues()[size - 1];
  }

  long min() {
    return size == 0 ? 0 : sortedValues()[0];
  }

  // Sums run over the sorted values: floating-point addition depends on order, and the order in
  // which runners merge partial samples does not, so every runner reports the same digits.
  double mean() {
    long[] v = sortedValues();
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += v[i];
    }
    return size == 0 ? Double.NaN : sum / size;
  }

  /** Sample standard deviation (ddof 1), as pandas' describe() reports it. */
  double std() {
    if (size < 2) {
      return Double.NaN;
    }
    long[] v = sortedValues();
    double mean = mean();
    double ss = 0;
    for (int i = 0; i < size; i++) {
      ss += (v[i] - mean) * (v[i] - mean);
    }
    return Math.sqrt(ss / (size - 1));
  }

  /** pandas' default quantile: linear interpolation between the closest ranks. */
  double quantile(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] v = sortedValues();
    double pos = (size - 1) * q;
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, size - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
  }

  /** Fraction of values at most {@code limit}. */
  double fractionAtMost(long limit) {
    if (size == 0) {
      return Double.NaN;
    }
    long n = 0;
    for (int i = 0; i < size; i++) {
      if (values[i] <= limit) {
        n++;
      }
    }
    return (double) n / size;
  }
}
