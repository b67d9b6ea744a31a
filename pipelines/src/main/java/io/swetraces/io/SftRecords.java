package io.swetraces.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import io.swetraces.model.Trajectory;
import io.swetraces.tokens.ChatMl;
import io.swetraces.text.Json;

/**
 * One SFT training example as a JSON line: the tutorial's fields, with {@code messages} in the
 * OpenAI / TRL conversational form (tool calls, tool call ids, tool names and reasoning kept) and
 * the {@code tools} definitions as JSON objects, so {@code datasets.load_dataset("json", ...)} and
 * TRL's chat templates read it as it is.
 */
public final class SftRecords {
  private SftRecords() {}

  public static String jsonLine(Trajectory t) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("instance_id", t.getInstanceId());
    out.put("repo", t.getRepo());
    out.put("language", t.getLanguage());
    out.put("agent", t.getAgent());
    out.put("model", t.getModel());
    ArrayNode messages = out.putArray("messages");
    for (Message m : t.getMessages()) {
      messages.add(message(m));
    }
    ArrayNode tools = out.putArray("tools");
    for (String tool : t.getTools()) {
      try {
        tools.add(Json.parse(tool));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Normalize keeps only parsed tool definitions", e);
      }
    }
    out.put("text", ChatMl.render(t.getMessages()));
    out.put("model_patch", t.getModelPatch());
    out.put("approx_tokens", t.getTokenCounts().getTrajTokens());
    out.put("sft_tokens", t.getTokenCounts().getSftTokens());
    out.put("assistant_tokens", t.getTokenCounts().getAssistantTokens());
    out.put("trajectory_id", t.getTrajectoryId());
    out.put("resolved", t.getResolved());
    return Json.write(out);
  }

  private static ObjectNode message(Message m) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("role", m.getRole());
    node.put("content", m.getContent());
    if (m.getReasoningContent() != null) {
      node.put("reasoning_content", m.getReasoningContent());
    }
    if (!m.getToolCalls().isEmpty()) {
      ArrayNode calls = node.putArray("tool_calls");
      for (ToolCall call : m.getToolCalls()) {
        ObjectNode c = calls.addObject();
        c.put("id", call.getId());
        c.put("type", call.getType());
        ObjectNode fn = c.putObject("function");
        fn.put("name", call.getName());
        fn.put("arguments", call.getArguments());
      }
    }
    if (m.getToolCallId() != null) {
      node.put("tool_call_id", m.getToolCallId());
    }
    if (m.getName() != null) {
      node.put("name", m.getName());
    }
    return node;
  }
}
