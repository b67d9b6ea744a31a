package io.swetraces.stats;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.util.VarInt;

/**
 * {@link AnalysisStats} as plain fields rather than Java serialization. Runners encode the
 * accumulators of the summary's combine between steps, and the DirectRunner copies its buffered
 * ones each time a bundle adds one; Java serialization made that a visible share of a run.
 */
public final class AnalysisStatsCoder extends AtomicCoder<AnalysisStats> {
  private static final AnalysisStatsCoder INSTANCE = new AnalysisStatsCoder();

  private AnalysisStatsCoder() {}

  public static AnalysisStatsCoder of() {
    return INSTANCE;
  }

  /**
   * Written whole into a buffer without locks, then copied out at once: the DirectRunner copies the
   * summary's accumulators through this coder each time one joins their group, and a write per
   * field to Beam's synchronized streams cost more than the fields.
   */
  @Override
  public void encode(AnalysisStats value, OutputStream out) throws IOException {
    Bytes buffer = new Bytes();
    value.writeTo(new DataOutputStream(buffer));
    VarInt.encode(buffer.size(), out);
    out.write(buffer.array(), 0, buffer.size());
  }

  @Override
  public AnalysisStats decode(InputStream in) throws IOException {
    byte[] bytes = new byte[VarInt.decodeInt(in)];
    new DataInputStream(in).readFully(bytes);
    return AnalysisStats.readFrom(new DataInputStream(new BytesIn(bytes)));
  }

  /** A growing byte array, unlike ByteArrayOutputStream without a lock per write. */
  private static final class Bytes extends OutputStream {
    private byte[] bytes = new byte[1 << 12];
    private int size;

    @Override
    public void write(int b) {
      grow(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      grow(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    private void grow(int n) {
      if (size + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + n));
      }
    }

    int size() {
      return size;
    }

    byte[] array() {
      return bytes;
    }
  }

  /** Reads a byte array, unlike ByteArrayInputStream without a lock per read. */
  private static final class BytesIn extends InputStream {
    private final byte[] bytes;
    private int at;

    BytesIn(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at >= bytes.length) {
        return -1;
      }
      int n = Math.min(len, bytes.length - at);
      System.arraycopy(bytes, at, b, off, n);
      at += n;
      return n;
    }
  }
}
