package io.swetraces.io;

/** Where a {@link TraceFormat} puts what it reads: rows, or rejects for what it cannot read. */
public interface RowSink {
  /** A row at this 0-based position, as JSON text. */
  void row(long position, String json);

  /**
   * Something that is not a readable row; {@code position} -1 for the file as a whole.
   *
   * @param reason a short stable code, e.g. {@code invalid_utf8}
   * @param detail what exactly is wrong
   * @param excerpt the start of the offending input, for a person to recognise it
   */
  void reject(long position, String reason, String detail, String excerpt);

  /** Rows longer than this are rejected; a reader that can skip a row unread should. */
  default long maxRowBytes() {
    return Long.MAX_VALUE;
  }

  /** The detail of a {@code row_too_large} reject. */
  static String tooLarge(long bytes, long max) {
    return String.format("the row holds %,d bytes, over the limit of %,d (--maxRowMegabytes)", bytes, max);
  }

  /**
   * Asked before the reader reads on from {@code resumeAt}, a position in the file where reading can
   * start again (a line's byte offset, a row group's index), after which the next row is {@code
   * nextRow}. False: stop there, unread; a split read or a sample with all its rows says so.
   */
  default boolean claim(long resumeAt, long nextRow) {
    return true;
  }
}
