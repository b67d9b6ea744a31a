package io.swetraces.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.parse.BadRowException;

/**
 * A row of the Hub's {@code nebius/SWE-agent-trajectories}: SWE-agent turns under {@code trajectory}
 * with their text in {@code text} (the system turn's in {@code system_prompt}), the assistant called
 * {@code ai}, per-turn training masks, and the final patch and a bool label ({@code target}) beside
 * them.
 */
final class NebiusRow extends NamedFormat {
  private static final long serialVersionUID = 1L;

  NebiusRow() {
    super("nebius_row", "sweagent", false);
  }

  /**
   * Turns keyed {@code text}/{@code system_prompt} or spoken by {@code ai}, or a trajectory beside
   * this dataset's own fields; an Open-SWE-Traces {@code trajectory} (role/content) and an SWE-agent
   * {@code .traj} (steps of action/observation) have neither.
   */
  @Override
  public boolean matches(JsonNode record) {
    if (!record.isObject() || !record.has("trajectory")) {
      return false;
    }
    JsonNode first = record.get("trajectory").path(0);
    boolean nebiusTurn = first.isObject()
        && (first.has("text") || first.has("system_prompt") || "ai".equals(first.path("role").asText()));
    return nebiusTurn || record.has("generated_patch") || record.has("target");
  }

  @Override
  public ObjectNode toRow(JsonNode record, String path) throws BadRowException {
    OswtRow row = OswtRow.ofDatasetRow(agent(), "nebius/SWE-agent-trajectories", record, "target", "model_name",
        "generated_patch");
    for (JsonNode node : RecordFields.array(record.get("trajectory"), "trajectory")) {
      ObjectNode turn = RecordFields.element(node, "trajectory");
      String role = RecordFields.text(turn.get("role"), "trajectory[].role");
      String text = RecordFields.text(turn.get("text"), "trajectory[].text");
      row.message(
          "ai".equals(role) ? "assistant" : role,
          text != null ? text : RecordFields.text(turn.get("system_prompt"), "trajectory[].system_prompt"));
    }
    return row.build();
  }
}
