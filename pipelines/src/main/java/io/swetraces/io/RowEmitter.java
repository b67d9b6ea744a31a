package io.swetraces.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.model.Reject;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.BadRowException;
import io.swetraces.parse.TrajectoryParser;
import io.swetraces.text.Json;
import io.swetraces.transforms.TraceMetrics;

/**
 * Turns what a cursor reads from one file into trajectories and rejects, tagged with the file and
 * counted: each row is parsed here, once, whatever its format. A row the parser cannot read, or that
 * trips it, is a reject of the {@code normalize} stage; what the format itself cannot read is one
 * of the {@code read} stage.
 */
final class RowEmitter implements RowSink {
  /** Where the results go. */
  interface Output {
    /** A trajectory, and the size of the row it was read from. */
    void trajectory(Trajectory trajectory, long size);

    void reject(Reject reject);
  }

  private final TraceInput file;
  private final TrajectoryParser parser;
  private final long maxRowBytes;
  private final Output out;

  RowEmitter(TraceInput file, TrajectoryParser parser, long maxRowBytes, Output out) {
    this.file = file;
    this.parser = parser;
    this.maxRowBytes = maxRowBytes;
    this.out = out;
  }

  @Override
  public void text(long position, String json) {
    if (json.length() > maxRowBytes) {
      tooLarge(position, json.length(), json);
      return;
    }
    TraceMetrics.ROWS_READ.inc();
    try {
      emit(parser.parse(file.getPath(), position, json, file.getAgent(), file.getModel()), json.length());
    } catch (BadRowException e) {
      normalizeReject(position, e.reason(), e.getMessage(), json);
    } catch (RuntimeException | StackOverflowError e) {
      // A row that trips the parser must not take the whole run down with it.
      normalizeReject(position, "unparseable_row", e.getClass().getSimpleName() + ": " + e.getMessage(), json);
    }
  }

  @Override
  public void tree(long position, JsonNode row, long bytes) {
    if (bytes > maxRowBytes) {
      tooLarge(position, bytes, Json.write(row));
      return;
    }
    TraceMetrics.ROWS_READ.inc();
    try {
      emit(parser.parse(file.getPath(), position, row, file.getAgent(), file.getModel()), bytes);
    } catch (BadRowException e) {
      normalizeReject(position, e.reason(), e.getMessage(), Json.write(row));
    } catch (RuntimeException | StackOverflowError e) {
      normalizeReject(position, "unparseable_row", e.getClass().getSimpleName() + ": " + e.getMessage(),
          Json.write(row));
    }
  }

  @Override
  public void reject(long position, String reason, String detail, String excerpt) {
    TraceMetrics.ROWS_READ.inc();
    TraceMetrics.READ_REJECTS.inc();
    out.reject(Reject.of(file.getPath(), position, Reject.READ, reason, detail, excerpt));
  }

  /** A row too large to process, which formats that cannot skip a row unread hand over. */
  private void tooLarge(long position, long size, String json) {
    reject(position, "row_too_large", RowSink.tooLarge(size, maxRowBytes),
        json.substring(0, Math.min(json.length(), 4096)));
  }

  private void emit(Trajectory trajectory, long size) {
    TraceMetrics.NORMALIZED.inc();
    out.trajectory(trajectory, size);
  }

  private void normalizeReject(long position, String reason, String detail, String row) {
    TraceMetrics.NORMALIZE_REJECTS.inc();
    out.reject(Reject.of(file.getPath(), position, Reject.NORMALIZE, reason, detail, row));
  }
}
