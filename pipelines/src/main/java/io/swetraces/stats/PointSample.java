package io.swetraces.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * A bounded sample of (messages, tokens, resolved) points for the scatter plot: the rows whose key
 * hashes lowest. It merges in any order to the same sample, so every runner plots the same points.
 */
final class PointSample {
  static final int CAPACITY = 2_000;

  private long seen;
  /** Key hash and row key (ties) → {messages, tokens, resolved 0/1}. */
  private final TreeMap<String, long[]> points = new TreeMap<>();

  void add(String rowKey, long messages, long tokens, boolean resolved) {
    seen++;
    offer(String.format("%016x", fnv1a64(rowKey)) + rowKey, new long[] {messages, tokens, resolved ? 1 : 0});
  }

  void addAll(PointSample other) {
    seen += other.seen;
    other.points.forEach(this::offer);
  }

  private void offer(String key, long[] point) {
    points.put(key, point);
    if (points.size() > CAPACITY) {
      points.pollLastEntry();
    }
  }

  /** How many points were offered; the sample holds at most {@link #CAPACITY} of them. */
  long seen() {
    return seen;
  }

  Iterable<long[]> points() {
    return points.values();
  }

  int size() {
    return points.size();
  }

  /** FNV-1a: a fixed, well-spread 64-bit hash, the same on every JVM. */
  private static long fnv1a64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  void writeTo(DataOutput out) throws IOException {
    out.writeLong(seen);
    StatsIo.writeMap(out, points, (o, p) -> {
      for (long x : p) {
        o.writeLong(x);
      }
    });
  }

  /** Fills an empty sample from what {@link #writeTo} wrote. */
  void readFrom(DataInput in) throws IOException {
    seen = in.readLong();
    StatsIo.readMap(in, points, i -> new long[] {i.readLong(), i.readLong(), i.readLong()});
  }
}
