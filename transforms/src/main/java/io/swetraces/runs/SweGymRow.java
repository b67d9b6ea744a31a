package io.swetraces.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A row of the Hub's {@code SWE-Gym/OpenHands-Sampled-Trajectories}: OpenHands chat messages with
 * OpenAI tool calls, already in the Open-SWE-Traces shape but for the empty fields the dump writes
 * as null, the tool definitions stored as objects, the patch in {@code test_result} and the model
 * only in the run id.
 */
final class SweGymRow extends NamedFormat {
  private static final long serialVersionUID = 1L;

  SweGymRow() {
    super("swegym_row", "openhands", false);
  }
  /** OpenHands' run folder name: {@code <model>_maxiter_<n>_N_<version>-...-run_<k>}. */
  private static final Pattern RUN_MODEL = Pattern.compile("^(.+?)_maxiter_");

  /** Chat messages with a run id or a test result, unlike an OpenHands {@code output.jsonl} event stream. */
  @Override
  public boolean matches(JsonNode record) {
    return record.isObject()
        && record.path("messages").isArray()
        && (record.has("run_id") || record.has("test_result"))
        && !record.has("history");
  }

  @Override
  public ObjectNode toRow(JsonNode record, String path) throws BadRowException {
    ObjectNode testResult = RecordFields.object(record.get("test_result"), "test_result");
    String patch = testResult == null ? null : RecordFields.text(testResult.get("git_patch"), "test_result.git_patch");
    OswtRow row = OswtRow.ofDatasetRow(agent(), "SWE-Gym/OpenHands-Sampled-Trajectories", record, "resolved",
        "run_id", null)
        .teacher(modelOfRun(RecordFields.text(record.get("run_id"), "run_id")))
        .patch(patch);
    for (JsonNode message : RecordFields.array(record.get("messages"), "messages")) {
      row.message(message(RecordFields.element(message, "messages")));
    }
    JsonNode tools = record.get("tools");
    if (RecordFields.present(tools)) {
      for (JsonNode tool : RecordFields.array(tools, "tools")) {
        row.tool(tool);
      }
    }
    return row.build();
  }

  /** The model a run id starts with; null for a run id of another form. */
  static @Nullable String modelOfRun(@Nullable String runId) {
    if (runId == null) {
      return null;
    }
    Matcher m = RUN_MODEL.matcher(runId);
    return m.find() ? m.group(1) : null;
  }

  /**
   * The message without the dump's nulls (a null {@code content} stays: a turn that only calls
   * tools), the legacy {@code function_call} and the streaming {@code index} of its tool calls.
   */
  private static ObjectNode message(ObjectNode source) throws BadRowException {
    ObjectNode message = Json.MAPPER.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals("function_call") || (value.isNull() && !name.equals("content"))) {
        continue;
      }
      message.set(name, name.equals("tool_calls") ? toolCalls(value) : value.deepCopy());
    }
    return message;
  }

  private static ArrayNode toolCalls(JsonNode calls) throws BadRowException {
    ArrayNode copied = Json.MAPPER.createArrayNode();
    for (JsonNode call : RecordFields.array(calls, "messages[].tool_calls")) {
      ObjectNode c = RecordFields.element(call, "messages[].tool_calls").deepCopy();
      c.remove("index");
      copied.add(c);
    }
    return copied;
  }
}
