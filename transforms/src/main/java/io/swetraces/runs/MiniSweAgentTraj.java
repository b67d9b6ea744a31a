package io.swetraces.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;

/**
 * A mini-swe-agent {@code .traj.json}: its {@code messages} are the conversation as sent; the
 * thinking text a provider returned ({@code extra.response.choices[0].message.reasoning}) becomes
 * the message's {@code reasoning_content}. The patch is {@code info.submission}, the model the
 * run config's.
 */
final class MiniSweAgentTraj extends NamedFormat {
  private static final long serialVersionUID = 1L;

  MiniSweAgentTraj() {
    super("minisweagent_traj", "minisweagent");
  }

  @Override
  public boolean matches(JsonNode record) {
    JsonNode format = record.get("trajectory_format");
    if (format != null && format.isTextual()) {
      return format.textValue().startsWith("mini-swe-agent");
    }
    JsonNode info = record.get("info");
    return record.path("messages").isArray() && info != null && info.isObject()
        && (info.has("mini_version") || info.has("submission"));
  }

  @Override
  public ObjectNode toRow(JsonNode record, String path) throws BadRowException {
    JsonNode info = record.path("info");
    String instance = RecordFields.text(record.get("instance_id"), "instance_id");
    if (instance == null) {
      instance = RunPaths.instanceFromFileName(path);
    }
    OswtRow row = OswtRow.of(agent())
        .instanceId(instance)
        .teacher(RecordFields.anyText(info.at("/config/model/model_name")))
        .patch(RecordFields.text(info.get("submission"), "info.submission"));
    for (JsonNode m : RecordFields.objects(record.get("messages"), "messages")) {
      ObjectNode message = Json.MAPPER.createObjectNode();
      message.set("role", m.get("role"));
      message.set("content", m.get("content"));
      String reasoning = RecordFields.anyText(m.at("/extra/response/choices/0/message/reasoning"));
      if (reasoning != null && !reasoning.isEmpty()) {
        message.put("reasoning_content", reasoning);
      }
      row.message(message);
    }
    return row.benchmarkFacts(path).build();
  }
}
