package io.swetraces.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
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
    out.writeInt(points.size());
    long[] values = new long[3 * points.size()];
    int i = 0;
    for (Map.Entry<String, long[]> p : points.entrySet()) {
      StatsIo.writeBytes(out, p.getKey().getBytes(StandardCharsets.UTF_8));
      System.arraycopy(p.getValue(), 0, values, i, 3);
      i += 3;
    }
    StatsIo.writeLongs(out, values, 0, values.length);
  }

  /** Fills an empty sample from what {@link #writeTo} wrote. */
  void readFrom(DataInput in) throws IOException {
    seen = in.readLong();
    String[] keys = new String[in.readInt()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new String(StatsIo.readBytes(in), StandardCharsets.UTF_8);
    }
    long[] values = new long[3 * keys.length];
    StatsIo.readLongs(in, values, 0, values.length);
    for (int i = 0; i < keys.length; i++) {
      points.put(keys[i], Arrays.copyOfRange(values, 3 * i, 3 * i + 3));
    }
  }
}
