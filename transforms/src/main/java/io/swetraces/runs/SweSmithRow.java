package io.swetraces.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.parse.BadRowException;

/**
 * A row of the Hub's {@code SWE-bench/SWE-smith-trajectories}: SWE-agent 1.x role/content messages
 * whose tool calls are XML in the assistant text, stored nested or (the Hub's string column) as a
 * JSON string, with the final patch, the model and a bool label beside them.
 */
final class SweSmithRow extends NamedFormat {
  private static final long serialVersionUID = 1L;

  SweSmithRow() {
    super("swesmith_row", "sweagent", false);
  }

  /**
   * Messages with a trajectory id, or with a patch and a model. A mini-coder row has those too but
   * labels itself {@code verified}, and the older SWE-smith dump has neither patch nor model: both
   * are left to others.
   */
  @Override
  public boolean matches(JsonNode record) {
    JsonNode messages = record.path("messages");
    return record.isObject()
        && (messages.isArray() || messages.isTextual())
        && !record.has("verified")
        && (record.has("traj_id") || (record.has("patch") && record.has("model")));
  }

  @Override
  public ObjectNode toRow(JsonNode record, String path) throws BadRowException {
    OswtRow row = OswtRow.ofDatasetRow(agent(), "SWE-bench/SWE-smith-trajectories", record, "resolved", "model",
        "patch");
    for (JsonNode message : RecordFields.arrayOrJson(record.get("messages"), "messages")) {
      row.message(RecordFields.element(message, "messages"));
    }
    return row.build();
  }
}
