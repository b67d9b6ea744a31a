package io.swetraces.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import java.util.HashSet;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A record of an OpenHands evaluation {@code output.jsonl}: the run as an event stream (actions and
 * the observations they caused), not as chat messages. The conversation is rebuilt from what the
 * model saw and said: the system prompt and its tools, the task, each model response once (a
 * response that issued several calls is one assistant turn), each call's result; the {@code recall}
 * events are workspace bookkeeping the model never saw as turns.
 */
final class OpenHandsOutput extends NamedFormat {
  private static final long serialVersionUID = 1L;

  OpenHandsOutput() {
    super("openhands_output", "openhands");
  }

  /**
   * An event stream beside the task ({@code instruction}, {@code instance}) or its result: an
   * SWE-agent {@code .traj} has a {@code history} of chat messages beside {@code info} instead.
   */
  @Override
  public boolean matches(JsonNode record) {
    return record.isObject()
        && record.path("history").isArray()
        && (record.has("instruction") || record.has("test_result") || record.has("instance"));
  }

  @Override
  public ObjectNode toRow(JsonNode record, String path) throws BadRowException {
    String instanceId = RecordFields.text(record.get("instance_id"), "instance_id");
    // Multi-SWE-bench's instance.repo names an image (mswebench/alibaba_m_fastjson2): the id says it better.
    String repo = OswtRow.repoOf(instanceId);
    OswtRow row =
        OswtRow.of(agent())
            .instanceId(instanceId)
            .repo(repo != null ? repo : RecordFields.text(record.path("instance").get("repo"), "instance.repo"))
            .teacher(RecordFields.text(record.path("metadata").path("llm_config").get("model"), "metadata.llm_config.model"))
            .patch(RecordFields.text(record.path("test_result").get("git_patch"), "test_result.git_patch"));
    Set<String> responses = new HashSet<>();
    for (JsonNode event : RecordFields.objects(record.get("history"), "history")) {
      JsonNode call = event.get("tool_call_metadata");
      boolean called = call != null && call.isObject();
      if (event.has("observation")) {
        if (!"recall".equals(event.path("observation").asText())) {
          row.message(called ? toolAnswer(event, call) : chat("user", event.get("content")));
        }
      } else if (called) {
        // One assistant turn per model response, however many calls it issued (and events it became).
        JsonNode response = call.path("model_response");
        JsonNode id = response.get("id");
        if (id == null || !id.isTextual() || id.textValue().isEmpty() || responses.add(id.textValue())) {
          row.message(said(response));
        }
      } else {
        action(row, event);
      }
    }
    return row.benchmarkFacts(path).build();
  }

  /** The assistant turn of a model response, with every call it issued. */
  private static ObjectNode said(JsonNode response) throws BadRowException {
    JsonNode message = response.path("choices").path(0).path("message");
    if (!message.isObject()) {
      throw new BadRowException("invalid_value", "a tool call's model_response has no choices[0].message");
    }
    return OpenHandsLlmLog.message(message);
  }

  /**
   * An action no model call issued: the system prompt with its tools, a message of the user or of
   * the agent (a reply without a call). The rest (state changes, bookkeeping) was no turn.
   */
  private static void action(OswtRow row, JsonNode event) throws BadRowException {
    JsonNode args = event.path("args");
    switch (event.path("action").asText()) {
      case "system":
        row.message(chat("system", args.get("content")));
        JsonNode tools = args.get("tools");
        if (tools != null && !tools.isNull()) {
          for (JsonNode tool : RecordFields.objects(tools, "tools")) {
            row.tool(tool);
          }
        }
        break;
      case "message":
        row.message(chat("user".equals(event.path("source").asText()) ? "user" : "assistant", args.get("content")));
        break;
      default:
        break;
    }
  }

  /** An observation answering a call, under the call's id and function name. */
  private static ObjectNode toolAnswer(JsonNode event, JsonNode call) {
    ObjectNode message = chat("tool", event.get("content"));
    message.set("tool_call_id", call.get("tool_call_id"));
    message.set("name", call.get("function_name"));
    return message;
  }

  private static ObjectNode chat(String role, @Nullable JsonNode content) {
    ObjectNode message = Json.MAPPER.createObjectNode();
    message.put("role", role);
    message.set("content", content);
    return message;
  }
}
