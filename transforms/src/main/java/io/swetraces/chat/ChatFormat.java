package io.swetraces.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import io.swetraces.text.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation in the OpenAI / TRL conversational form, as the SFT records hold it and as chat
 * templates receive it: the same values for both, so a record's text is the template's rendering
 * of the record's own messages and tools. Tool-call arguments stay JSON strings.
 */
public final class ChatFormat {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private ChatFormat() {}

  public static List<Map<String, Object>> messages(List<Message> messages) {
    List<Map<String, Object>> out = new ArrayList<>(messages.size());
    for (Message m : messages) {
      out.add(message(m));
    }
    return out;
  }

  /** role, content, then reasoning_content, tool_calls, tool_call_id and name where the message has them. */
  public static Map<String, Object> message(Message m) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("role", m.getRole());
    node.put("content", m.getContent());
    if (m.getReasoningContent() != null) {
      node.put("reasoning_content", m.getReasoningContent());
    }
    if (!m.getToolCalls().isEmpty()) {
      List<Object> calls = new ArrayList<>();
      for (ToolCall call : m.getToolCalls()) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", call.getName());
        function.put("arguments", call.getArguments());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", call.getId());
        c.put("type", call.getType());
        c.put("function", function);
        calls.add(c);
      }
      node.put("tool_calls", calls);
    }
    if (m.getToolCallId() != null) {
      node.put("tool_call_id", m.getToolCallId());
    }
    if (m.getName() != null) {
      node.put("name", m.getName());
    }
    return node;
  }

  /** The tool definitions as JSON objects; the parser kept only definitions that parse. */
  public static List<Map<String, Object>> tools(List<String> tools) {
    List<Map<String, Object>> out = new ArrayList<>(tools.size());
    for (String tool : tools) {
      try {
        out.add(Json.MAPPER.readValue(tool, OBJECT));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the parser keeps only tool definitions that parse", e);
      }
    }
    return out;
  }
}
