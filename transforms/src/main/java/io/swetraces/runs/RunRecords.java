package io.swetraces.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.model.RunLabel;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.BadRowException;
import io.swetraces.parse.TrajectoryParser;
import io.swetraces.text.Json;
import java.io.Serializable;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Tells what a value read from a file is, by its content, and reads it as that: a trajectory of a
 * raw format ({@link RunFormats}), an Open-SWE-Traces row, the labels of an evaluation file ({@link
 * EvaluationFiles}), or nothing of the kind (a config, an index), which is counted, not rejected.
 * A value that looks like a trajectory but that no reader accepts is a reject naming what was tried.
 */
public final class RunRecords implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String AUTO = "auto";
  public static final String OSWT = "oswt";

  /** Where each kind of value goes. */
  public interface Sink {
    void trajectory(Trajectory trajectory);

    void labels(List<RunLabel> labels);

    /** A value that is neither a trajectory nor an evaluation file, nor looks like either. */
    void notATrajectory();
  }

  private final TrajectoryParser parser;
  private final @Nullable RunFormat forced;
  private final boolean forcedRow;

  private RunRecords(TrajectoryParser parser, @Nullable RunFormat forced, boolean forcedRow) {
    this.parser = parser;
    this.forced = forced;
    this.forcedRow = forcedRow;
  }

  /** Every value's kind told by its content. */
  public static RunRecords detecting(TrajectoryParser parser) {
    return new RunRecords(parser, null, false);
  }

  /**
   * Every value read as one format: {@code auto} detects, {@code oswt} reads rows of the
   * Open-SWE-Traces schema only, any other id is a {@link RunFormats raw format}.
   */
  public static RunRecords forcing(TrajectoryParser parser, String format) {
    check(format);
    if (format.equals(AUTO)) {
      return detecting(parser);
    }
    return format.equals(OSWT) ? new RunRecords(parser, null, true)
        : new RunRecords(parser, RunFormats.byId(format), false);
  }

  /** Refuses a {@code --format} no reader answers to, before anything is read. */
  public static void check(String format) {
    if (!format.equals(AUTO) && !format.equals(OSWT) && RunFormats.byId(format) == null) {
      throw new IllegalArgumentException(
          "unknown format " + format + "; expected " + AUTO + ", " + OSWT + ", " + RunFormats.ids());
    }
  }

  public TrajectoryParser parser() {
    return parser;
  }

  /**
   * A record as the Open-SWE-Traces row it is read as: a raw format's record converted, a row
   * completed; anything else as it is.
   */
  public JsonNode asRow(JsonNode record, String source) throws BadRowException {
    if (!record.isObject() || EvaluationFiles.matches(record)) {
      return record;
    }
    RunFormat format = formatOf(record);
    return format != null ? format.toRow(record, source)
        : OswtRow.complete((ObjectNode) record, parser.fileAgent(source, null) != null);
  }

  /** The raw format a record is read as, or null for an Open-SWE-Traces row. */
  private @Nullable RunFormat formatOf(JsonNode record) {
    return forcedRow ? null : forced != null ? forced : RunFormats.detect(record);
  }

  /** A value as JSON text. */
  public void read(String source, long position, String json, @Nullable String fileAgent,
      @Nullable String fileModel, Sink sink) throws BadRowException {
    JsonNode value;
    try {
      value = Json.parse(json);
    } catch (JsonProcessingException e) {
      throw new BadRowException("malformed_json", "row is not valid JSON: " + e.getOriginalMessage());
    }
    read(source, position, value, fileAgent, fileModel, sink);
  }

  /** A value already parsed. */
  public void read(String source, long position, @Nullable JsonNode value, @Nullable String fileAgent,
      @Nullable String fileModel, Sink sink) throws BadRowException {
    if (value == null || !value.isObject()) {
      throw TrajectoryParser.notAnObject(value);
    }
    if (EvaluationFiles.matches(value)) {
      sink.labels(EvaluationFiles.labels(value, source));
      return;
    }
    RunFormat format = formatOf(value);
    if (format != null) {
      Trajectory t = parser.parse(source, position, format.toRow(value, source), fileAgent, fileModel);
      sink.trajectory(format.labelledByRun()
          ? t.toBuilder().setRun(RunPaths.runOf(source, t.getInstanceId())).build() : t);
    } else if (forcedRow || value.has("messages") || value.has("trajectory")) {
      OswtRow.complete((ObjectNode) value, parser.fileAgent(source, fileAgent) != null);
      sink.trajectory(parser.parse(source, position, value, fileAgent, fileModel));
    } else if (value.has("instance_id") || value.has("trajectory_id") || value.has("resolved")) {
      throw new BadRowException("missing_messages", "row has neither `messages` nor `trajectory`, and no reader"
          + " of agent runs takes it (tried " + RunFormats.ids() + ", evaluation files)");
    } else {
      sink.notATrajectory();
    }
  }
}
