package io.swetraces.io;

import java.io.IOException;
import java.io.Serializable;

/**
 * One input file format. A new source format is one more implementation handed to {@link
 * ReadTraces#withFormats}; nothing downstream changes, since every format produces rows as JSON.
 */
public interface TraceFormat extends Serializable {
  /** Whether this format reads a file of this name (compression suffixes already removed). */
  boolean accepts(String fileName);

  /**
   * Reads the file's rows into the sink, claiming each resume position before reading on from it. A
   * problem with one row is a reject for that row; a problem that stops the reading (truncation,
   * corruption) is a reject for the rest of the file. It may throw only for I/O failures that
   * retrying could fix.
   *
   * @param from 0 for the whole file; otherwise one past a position claimed before: reading starts
   *     at the first resume position at or after it
   * @param firstRow the number of the first row read from {@code from}, as that claim said; formats
   *     that can tell row numbers from the file itself may ignore it
   */
  void read(TraceFile file, long from, long firstRow, RowSink sink) throws IOException;
}
