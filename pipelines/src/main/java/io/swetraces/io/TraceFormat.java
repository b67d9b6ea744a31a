package io.swetraces.io;

import java.io.IOException;
import java.io.Serializable;

/**
 * One input file format. A new source format is one more implementation in the {@link
 * TraceFormats} registry; what it reads becomes trajectories like every other format's rows, so
 * nothing downstream changes.
 */
public interface TraceFormat extends Serializable {
  /** The format's name, for messages: {@code JSON Lines}, {@code Parquet}, ... */
  String name();

  /** Whether this format reads a file of this name (compression suffixes already removed). */
  boolean accepts(String fileName);

  /**
   * Opens the file at a resume position.
   *
   * @param from 0 for the whole file; otherwise one past a position a cursor of this format gave
   *     before: reading starts at the first resume position at or after it
   * @param firstRow the number of the first row read from {@code from}, as that cursor said;
   *     formats that can tell row numbers from the file itself may ignore it
   * @param maxRowBytes rows larger than this are rejected; a format that can skip a row unread
   *     should, rather than hold it
   */
  TraceCursor open(TraceFile file, long from, long firstRow, long maxRowBytes) throws IOException;
}
