package io.swetraces.io;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The registry of input formats: which format reads a file. A new format joins with {@link #with};
 * the first format that accepts a file's name reads it. A file no format accepts is one reject,
 * {@code unsupported_format}, not an error.
 */
public final class TraceFormats implements Serializable {
  private static final TraceFormats DEFAULTS =
      new TraceFormats(List.of(new ParquetFormat(), new JsonLinesFormat(), new JsonFormat()));

  /** The reject of a file whose name no format reads, when it was named as an input. */
  static final String UNSUPPORTED = "unsupported_format";

  private final List<TraceFormat> formats;

  private TraceFormats(List<TraceFormat> formats) {
    this.formats = List.copyOf(formats);
  }

  /** Open-SWE-Traces rows as Parquet, JSON Lines and JSON arrays, each optionally compressed. */
  public static TraceFormats defaults() {
    return DEFAULTS;
  }

  /** Only these formats. */
  public static TraceFormats of(TraceFormat... formats) {
    return new TraceFormats(List.of(formats));
  }

  /** These formats and one more, tried after them. */
  public TraceFormats with(TraceFormat format) {
    List<TraceFormat> all = new ArrayList<>(formats);
    all.add(format);
    return new TraceFormats(all);
  }

  /** The format that reads this file, or null. */
  public @Nullable TraceFormat forFile(TraceFile file) {
    String name = file.uncompressedName();
    for (TraceFormat format : formats) {
      if (format.accepts(name)) {
        return format;
      }
    }
    return null;
  }

  /**
   * Opens the file with its format, or, when none reads it, a cursor that only rejects it (a file
   * found in a folder is then counted as no trajectory file instead).
   */
  public TraceCursor open(TraceFile file, long from, long firstRow, long maxRowBytes) throws IOException {
    TraceFormat format = forFile(file);
    return format != null
        ? format.open(file, from, firstRow, maxRowBytes)
        : new FileReject(from, UNSUPPORTED,
            "no reader for this file name (expected .parquet, .jsonl, .json or .traj, optionally compressed)");
  }
}
