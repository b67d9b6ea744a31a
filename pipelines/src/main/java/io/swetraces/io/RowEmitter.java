package io.swetraces.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.model.Reject;
import io.swetraces.model.RunLabel;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.BadRowException;
import io.swetraces.runs.RunRecords;
import io.swetraces.text.Json;
import io.swetraces.transforms.TraceMetrics;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

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

    /** A label or prediction an evaluation file gives. */
    void label(RunLabel label);

    /** A value of a file found in a folder that is no trajectory, nor evaluation file (a config, an index). */
    void notATrajectory(String path);
  }

  private final TraceInput file;
  private final RunRecords records;
  private final long maxRowBytes;
  private final Output out;
  /** The row being read: its position, size and text (for a reject's excerpt). */
  private long position;
  private long size;
  private String rowText = "";
  private @Nullable JsonNode rowTree;

  RowEmitter(TraceInput file, RunRecords records, long maxRowBytes, Output out) {
    this.file = file;
    this.records = records;
    this.maxRowBytes = maxRowBytes;
    this.out = out;
  }

  private final RunRecords.Sink sink = new RunRecords.Sink() {
    @Override
    public void trajectory(Trajectory trajectory) {
      emit(trajectory, size);
    }

    @Override
    public void labels(List<RunLabel> labels) {
      labels.forEach(out::label);
    }

    @Override
    public void notATrajectory() {
      if (file.isNamed()) {
        // A file the user named is meant to hold trajectories: what is none is a bad row.
        normalizeReject(position, "missing_messages", "row has neither `messages` nor `trajectory`",
            rowTree != null ? Json.write(rowTree) : rowText);
      } else {
        out.notATrajectory(file.getPath());
      }
    }
  };


  @Override
  public void text(long position, String json) {
    if (json.length() > maxRowBytes) {
      tooLarge(position, json.length(), json);
      return;
    }
    TraceMetrics.ROWS_READ.inc();
    try {
      this.position = position;
      size = json.length();
      rowText = json;
      rowTree = null;
      records.read(file.getPath(), position, json, file.getAgent(), file.getModel(), sink);
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
      this.position = position;
      size = bytes;
      rowText = "";
      rowTree = row;
      records.read(file.getPath(), position, row, file.getAgent(), file.getModel(), sink);
    } catch (BadRowException e) {
      normalizeReject(position, e.reason(), e.getMessage(), Json.write(row));
    } catch (RuntimeException | StackOverflowError e) {
      normalizeReject(position, "unparseable_row", e.getClass().getSimpleName() + ": " + e.getMessage(),
          Json.write(row));
    }
  }

  @Override
  public void reject(long position, String reason, String detail, String excerpt) {
    if (reason.equals(TraceFormats.UNSUPPORTED) && !file.isNamed()) {
      // A log, a config or an image found in a folder: no trajectory file, and no bad row either.
      out.notATrajectory(file.getPath());
      return;
    }
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
