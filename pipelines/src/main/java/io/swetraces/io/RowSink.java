package io.swetraces.io;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a {@link TraceCursor} puts what it reads: a row, as JSON text or as an already parsed
 * tree, or a reject for what is not a readable row.
 */
public interface RowSink {
  /** A row at this 0-based position, as JSON text (a JSON Lines line). */
  void text(long position, String json);

  /**
   * A row at this position already parsed, as a JSON object tree (a Parquet record, an element of a
   * JSON array); {@code bytes} is its size as read.
   */
  void tree(long position, JsonNode row, long bytes);

  /**
   * Something that is not a readable row; {@code position} -1 for the file as a whole.
   *
   * @param reason a short stable code, e.g. {@code invalid_utf8}
   * @param detail what exactly is wrong
   * @param excerpt the start of the offending input, for a person to recognise it
   */
  void reject(long position, String reason, String detail, String excerpt);

  /** The detail of a {@code row_too_large} reject. */
  static String tooLarge(long bytes, long max) {
    return String.format(
        "the row holds %,d bytes, over the limit of %,d (--maxRowMegabytes, and at most 1/16 of the heap)",
        bytes, max);
  }
}
