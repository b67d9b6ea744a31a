package io.swetraces.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * A file being read row by row. Between any two rows it can stop, and a later read can start again
 * where it stopped: from this same cursor if it was kept ({@link ParkedCursors}), or from a new one
 * opened at {@link #position()}.
 */
public interface TraceCursor extends Closeable {
  /**
   * Where the next row starts, as a resume position of the format (a line's byte offset, a row's
   * index). Positions grow as the cursor reads rows on; a call that only reports why the rest of the
   * file cannot be read may leave the position where it was.
   */
  long position();

  /** The 0-based number of the next row. */
  long nextRow();

  /**
   * Reads on: one row or reject into the sink, or nothing (a blank line, a row group's end); false
   * at the end of the file, where nothing was read. A problem with one row is a reject for that row;
   * a problem that stops the reading (truncation, corruption) is a reject for the rest of the file.
   * It may throw only for I/O failures that retrying could fix.
   */
  boolean next(RowSink sink) throws IOException;
}
