package io.swetraces.io;

import java.util.Arrays;

/**
 * The bytes of one row as a reader scans it: kept up to the row limit; past it only counted, with
 * the first few KiB kept for the reject's excerpt, so an oversized row never sits in memory.
 */
final class RowBytes {
  /** Bytes kept of a row over the limit. */
  static final int EXCERPT = 4096;
  /** A buffer grown past this by a long row is given back before the next one. */
  private static final int KEPT_BUFFER = 1 << 20;

  private final long maxBytes;
  private byte[] buf = new byte[1 << 16];
  private int len;
  private long fullLength;

  RowBytes(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Starts the next row. */
  void clear() {
    len = 0;
    fullLength = 0;
    if (buf.length > KEPT_BUFFER) {
      buf = new byte[1 << 16];
    }
  }

  void add(byte b) {
    fullLength++;
    if (fullLength <= maxBytes || len < EXCERPT) {
      grow(1);
      buf[len++] = b;
    }
  }

  void add(byte[] from, int start, int end) {
    int n = end - start;
    fullLength += n;
    if (fullLength > maxBytes) {
      n = (int) Math.max(0, Math.min(n, (long) EXCERPT - len));
    }
    grow(n);
    System.arraycopy(from, start, buf, len, n);
    len += n;
  }

  /** Drops the last byte of a row kept whole (a line's {@code \r}). */
  void dropLast() {
    len--;
    fullLength--;
  }

  /** The kept bytes: {@code bytes()[0, length())}. */
  byte[] bytes() {
    return buf;
  }

  int length() {
    return len;
  }

  /** The row's whole length in bytes. */
  long fullLength() {
    return fullLength;
  }

  boolean keptWhole() {
    return fullLength == len;
  }

  private void grow(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }
}
