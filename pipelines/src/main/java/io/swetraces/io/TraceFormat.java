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
   * Reads every row of the file into the sink. A problem with one row is a reject for that row; a
   * problem that stops the reading (truncation, corruption) is a reject for the rest of the file.
   * It may throw only for I/O failures that retrying could fix.
   */
  void read(TraceFile file, RowSink sink) throws IOException;
}
