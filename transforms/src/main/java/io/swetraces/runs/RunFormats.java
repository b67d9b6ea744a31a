package io.swetraces.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The raw formats known by content, in the order they are tried: the first whose shape a record
 * has converts it. Records none of them matches are read as Open-SWE-Traces rows.
 */
public final class RunFormats {
  private static final List<RunFormat> ALL = List.of(new OpenHandsLlmLog(), new OpenHandsOutput(),
      new SweAgentTraj(), new MiniSweAgentTraj(), new SweGymRow(), new SweSmithRow(), new NebiusRow(),
      new MiniCoderRow());

  private RunFormats() {}

  public static List<RunFormat> all() {
    return ALL;
  }

  /** The format whose shape the record has, or null for an Open-SWE-Traces row (or no trajectory). */
  public static @Nullable RunFormat detect(JsonNode record) {
    for (RunFormat format : ALL) {
      if (format.matches(record)) {
        return format;
      }
    }
    return null;
  }

  /** The format of this id, for {@code --format}; null for an unknown id. */
  public static @Nullable RunFormat byId(String id) {
    for (RunFormat format : ALL) {
      if (format.id().equals(id)) {
        return format;
      }
    }
    return null;
  }

  /** The ids, for messages. */
  public static String ids() {
    return ALL.stream().map(RunFormat::id).collect(Collectors.joining(", "));
  }
}
