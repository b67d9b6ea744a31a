package io.swetraces.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.parse.BadRowException;

/**
 * A row of the Hub's {@code ricdomolm/mini-coder-trajs-400k}: mini-swe-agent style role/content
 * messages (one bash block per assistant turn) with the final patch, the model and the bool label
 * {@code verified} beside them.
 */
final class MiniCoderRow extends NamedFormat {
  private static final long serialVersionUID = 1L;

  MiniCoderRow() {
    super("minicoder_row", "minisweagent", false);
  }

  /** Messages labelled {@code verified}, which no other dataset calls its label. */
  @Override
  public boolean matches(JsonNode record) {
    return record.isObject() && record.path("messages").isArray() && record.path("verified").isBoolean();
  }

  @Override
  public ObjectNode toRow(JsonNode record, String path) throws BadRowException {
    OswtRow row = OswtRow.ofDatasetRow(agent(), "ricdomolm/mini-coder-trajs-400k", record, "verified", "model",
        "patch");
    for (JsonNode message : RecordFields.array(record.get("messages"), "messages")) {
      row.message(RecordFields.element(message, "messages"));
    }
    return row.build();
  }
}
