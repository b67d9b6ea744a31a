package io.swetraces.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An SWE-agent {@code .traj}: {@code history} is the conversation the model saw, demonstrations
 * included (they were in its context), so it becomes the messages; the step list {@code
 * trajectory} repeats it and is left out. Function-calling runs keep their {@code tool_calls}, and
 * a tool message's {@code tool_call_ids[0]} answers its call. The patch is {@code info.submission},
 * the instance the file's name, the model the replay config's or the run folder's.
 */
final class SweAgentTraj extends NamedFormat {
  private static final long serialVersionUID = 1L;

  SweAgentTraj() {
    super("sweagent_traj", "sweagent");
  }

  @Override
  public boolean matches(JsonNode record) {
    JsonNode history = record.get("history");
    return history != null && history.isArray() && (record.has("info") || record.has("environment")
        || firstHas(history, "agent") || firstHas(history, "message_type"));
  }

  @Override
  public ObjectNode toRow(JsonNode record, String path) throws BadRowException {
    String instance = RunPaths.instanceFromFileName(path);
    JsonNode replay = replayConfig(record.get("replay_config"));
    String teacher = RecordFields.anyText(replay.at("/agent/model/name"));
    if (teacher == null) {
      teacher = RunPaths.modelOfRun(RunPaths.runOf(path, instance));
    }
    OswtRow row = OswtRow.of(agent())
        .instanceId(instance)
        .repo(repoOfUrl(RecordFields.anyText(replay.at("/env/repo/github_url"))))
        .teacher(teacher)
        .patch(RecordFields.text(record.path("info").get("submission"), "info.submission"));
    for (JsonNode m : RecordFields.objects(record.get("history"), "history")) {
      ObjectNode message = Json.MAPPER.createObjectNode();
      message.set("role", m.get("role"));
      message.set("content", m.get("content"));
      if (m.has("tool_calls") && !m.get("tool_calls").isNull()) {
        message.set("tool_calls", m.get("tool_calls"));
      }
      JsonNode ids = m.get("tool_call_ids");
      if (ids != null && ids.isArray() && !ids.isEmpty()) {
        message.set("tool_call_id", ids.get(0));
      }
      row.message(message);
    }
    return row.benchmarkFacts(path).build();
  }

  private static boolean firstHas(JsonNode history, String field) {
    return !history.isEmpty() && history.get(0).has(field);
  }

  /** The replay config, an object or (older versions) a JSON string; empty when absent. */
  private static JsonNode replayConfig(@Nullable JsonNode node) {
    if (node != null && node.isTextual()) {
      try {
        return Json.parse(node.textValue());
      } catch (JsonProcessingException e) {
        return Json.MAPPER.createObjectNode();
      }
    }
    return node != null && node.isObject() ? node : Json.MAPPER.createObjectNode();
  }

  /** {@code owner/name} of a GitHub URL, or null. */
  private static @Nullable String repoOfUrl(@Nullable String url) {
    if (url == null) {
      return null;
    }
    String[] parts = url.replaceFirst("^https?://github\\.com/", "").replaceAll("(\\.git)?/*$", "").split("/");
    return parts.length == 2 ? parts[0] + "/" + parts[1] : null;
  }
}
