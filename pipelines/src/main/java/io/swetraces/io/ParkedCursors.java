package io.swetraces.io;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Cursors of reads that stopped for a checkpoint, kept open in this process until the read resumes
 * where they stopped. The DirectRunner checkpoints a read about every second, and every 16 MiB the
 * reader asks for one itself; a new cursor inside a compressed file or a Parquet row group would
 * decompress and decode everything before its position again, making a file's read quadratic in its
 * size. A resumed read finds its cursor here when it runs in the same process, as it does on the
 * DirectRunner and in Flink; elsewhere it opens a new one, which reads the same rows.
 *
 * <p>A cursor not taken back within {@link #EXPIRY_NANOS}, or pushed out by {@link #CAPACITY} newer
 * ones, is closed.
 */
final class ParkedCursors {
  static final int CAPACITY = 32;
  static final long EXPIRY_NANOS = 10L * 60 * 1_000_000_000;

  private static final Map<String, Parked> PARKED = new LinkedHashMap<>();

  private record Parked(TraceCursor cursor, long since) {}

  private ParkedCursors() {}

  /**
   * Keeps the cursor of file {@code path} for a read that resumes at {@code resumeAt} (one past the
   * last position it read from, which is where a checkpoint puts the rest of the read).
   */
  static void park(String path, long resumeAt, long maxRowBytes, TraceCursor cursor) {
    Parked evicted = null;
    synchronized (PARKED) {
      Parked old = PARKED.put(key(path, resumeAt, cursor.nextRow(), maxRowBytes),
          new Parked(cursor, System.nanoTime()));
      if (old != null) {
        evicted = old;
      } else if (PARKED.size() > CAPACITY) {
        Iterator<Parked> oldest = PARKED.values().iterator();
        evicted = oldest.next();
        oldest.remove();
      }
    }
    closeQuietly(evicted);
    expire();
  }

  /** The cursor parked for a read of {@code path} resuming at {@code from} with row {@code firstRow}. */
  static @Nullable TraceCursor take(String path, long from, long firstRow, long maxRowBytes) {
    Parked parked;
    synchronized (PARKED) {
      parked = PARKED.remove(key(path, from, firstRow, maxRowBytes));
    }
    return parked == null ? null : parked.cursor();
  }

  private static void expire() {
    long now = System.nanoTime();
    while (true) {
      Parked stale = null;
      synchronized (PARKED) {
        Iterator<Parked> oldest = PARKED.values().iterator();
        if (oldest.hasNext()) {
          Parked first = oldest.next();
          if (now - first.since() > EXPIRY_NANOS) {
            oldest.remove();
            stale = first;
          }
        }
      }
      if (stale == null) {
        return;
      }
      closeQuietly(stale);
    }
  }

  private static String key(String path, long position, long row, long maxRowBytes) {
    return path + '\u0000' + position + '\u0000' + row + '\u0000' + maxRowBytes;
  }

  private static void closeQuietly(@Nullable Parked parked) {
    if (parked != null) {
      try {
        parked.cursor().close();
      } catch (IOException | RuntimeException e) {
        // A read nobody resumed: nothing of it is owed to anyone.
      }
    }
  }
}
