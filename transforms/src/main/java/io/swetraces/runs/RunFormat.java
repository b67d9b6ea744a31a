package io.swetraces.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.parse.BadRowException;
import java.io.Serializable;

/**
 * One kind of record an agent harness or a public trajectory dataset writes: an SWE-agent {@code
 * .traj}, a mini-swe-agent {@code .traj.json}, an OpenHands event stream, a dataset row... Each
 * turns its record into an Open-SWE-Traces row, which the one row parser then reads like any
 * other, so a format adds no code downstream.
 */
public interface RunFormat extends Serializable {
  /** Stable id, as {@code --format} names it: {@code sweagent_traj}, {@code swegym_row}, ... */
  String id();

  /** The harness tag of its rows: {@code sweagent}, {@code minisweagent} or {@code openhands}. */
  String agent();

  /** Whether a record has this format's shape. Looks at keys only, never at the whole record. */
  boolean matches(JsonNode record);

  /**
   * The record as an Open-SWE-Traces row ({@link OswtRow}).
   *
   * @param path where the record was read, for what the record leaves to its file's name and folder
   */
  ObjectNode toRow(JsonNode record, String path) throws BadRowException;

  /**
   * Whether the row's label and missing patch come from the evaluation files of its run folder
   * (joined later), rather than from the record itself.
   */
  default boolean labelledByRun() {
    return true;
  }
}
