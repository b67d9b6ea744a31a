package io.swetraces.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An OpenHands LLM-completion log, {@code trajs/<instance_id>/<model>-<unix time>.json}: the last
 * model call of a run, so its prompt in OpenAI tool-call form ({@code fncall_messages}) plus the
 * answer ({@code fncall_response}) is the whole conversation. The file holds no patch, no tool
 * definitions and no instance id; the folders name the instance and the model (a log named after
 * its instance instead, {@code <instance_id>.traj}, is read the same way).
 */
final class OpenHandsLlmLog extends NamedFormat {
  private static final long serialVersionUID = 1L;
  /** {@code Claude-3.5-Sonnet(Oct)-1743405160.9238958.json}: the model, then when it was called. */
  private static final Pattern MODEL_TIME_FILE = Pattern.compile("^(?<model>.+)-\\d{10}(?:\\.\\d+)?\\.[A-Za-z.]+$");
  /** What a tool answer keeps of the call it answers. */
  private static final List<String> ANSWER_KEYS = List.of("tool_call_id", "name");

  OpenHandsLlmLog() {
    super("openhands_llm_log", "openhands");
  }

  @Override
  public boolean matches(JsonNode record) {
    return record.isObject() && record.path("fncall_messages").isArray();
  }

  @Override
  public ObjectNode toRow(JsonNode record, String path) throws BadRowException {
    Matcher named = MODEL_TIME_FILE.matcher(RunPaths.fileName(path));
    boolean timed = named.matches();
    // A file named after its model and time sits in its instance's folder; else it is named after the instance.
    String instanceId = timed ? RunPaths.fileName(RunPaths.folder(path)) : RunPaths.instanceFromFileName(path);
    String teacher = RunPaths.modelOfRun(RunPaths.runOf(path, instanceId));
    OswtRow row =
        OswtRow.of(agent())
            .instanceId(instanceId)
            .teacher(teacher != null ? teacher : timed ? named.group("model") : null);
    for (JsonNode message : RecordFields.objects(record.get("fncall_messages"), "fncall_messages")) {
      row.message(message(message));
    }
    JsonNode answer = record.path("fncall_response").path("choices").path(0).path("message");
    if (answer.isObject()) {
      row.message(message(answer));
    }
    return row.benchmarkFacts(path).build();
  }

  /**
   * A chat-completion message as a row keeps it: role, content as it is (a string, null or text
   * blocks), tool calls as {@code {id, type, function: {name, arguments}}} (without the API's
   * {@code index}), and a tool answer's {@code tool_call_id} and {@code name}.
   */
  static ObjectNode message(JsonNode message) throws BadRowException {
    ObjectNode kept = Json.MAPPER.createObjectNode();
    kept.set("role", message.get("role"));
    kept.set("content", message.get("content"));
    JsonNode calls = message.get("tool_calls");
    if (calls != null && !calls.isNull()) {
      ArrayNode copied = kept.putArray("tool_calls");
      for (JsonNode call : RecordFields.objects(calls, "tool_calls")) {
        ObjectNode c = copied.addObject();
        c.set("id", call.get("id"));
        c.set("type", call.get("type"));
        ObjectNode function = c.putObject("function");
        function.set("name", call.path("function").get("name"));
        function.set("arguments", call.path("function").get("arguments"));
      }
    }
    for (String key : ANSWER_KEYS) {
      if (message.hasNonNull(key)) {
        kept.set(key, message.get(key));
      }
    }
    return kept;
  }
}
