package io.swetraces.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The binary form of the statistics' parts, for {@link AnalysisStatsCoder}. */
final class StatsIo {
  private StatsIo() {}

  interface Writer<T> {
    void write(DataOutput out, T value) throws IOException;
  }

  interface Reader<T> {
    T read(DataInput in) throws IOException;
  }

  static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Longs in one write: the summary's accumulators are copied often, and mostly hold long values. */
  static void writeLongs(DataOutput out, long[] values, int from, int to) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(8 * (to - from));
    bytes.asLongBuffer().put(values, from, to - from);
    out.write(bytes.array());
  }

  static void readLongs(DataInput in, long[] values, int from, int to) throws IOException {
    byte[] bytes = new byte[8 * (to - from)];
    in.readFully(bytes);
    ByteBuffer.wrap(bytes).asLongBuffer().get(values, from, to - from);
  }

  static byte[] readBytes(DataInput in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return bytes;
  }

  /** As UTF-8, so any length fits (writeUTF stops at 64 KB). */
  static void writeString(DataOutput out, String s) throws IOException {
    writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  static String readString(DataInput in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  static <V> void writeMap(DataOutput out, Map<String, V> map, Writer<V> values) throws IOException {
    writeMap(out, map, StatsIo::writeString, values);
  }

  static <K, V> void writeMap(DataOutput out, Map<K, V> map, Writer<K> keys, Writer<V> values) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<K, V> e : map.entrySet()) {
      keys.write(out, e.getKey());
      values.write(out, e.getValue());
    }
  }

  static <V> void readMap(DataInput in, Map<String, V> map, Reader<V> values) throws IOException {
    readMap(in, map, StatsIo::readString, values);
  }

  static <K, V> void readMap(DataInput in, Map<K, V> map, Reader<K> keys, Reader<V> values) throws IOException {
    for (int n = in.readInt(); n > 0; n--) {
      K key = keys.read(in);
      map.put(key, values.read(in));
    }
  }
}
