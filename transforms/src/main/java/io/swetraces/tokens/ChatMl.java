package io.swetraces.tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import io.swetraces.text.Json;
import io.swetraces.text.PyText;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a conversation as ChatML text for SFT. Like the tutorial, each turn is {@code
 * <|im_start|>ROLE\nTEXT<|im_end|>} with its text stripped and turns joined by newlines; unlike the
 * tutorial, an assistant turn also carries its reasoning as {@code <think>...</think>} and its tool
 * calls as Hermes-style {@code <tool_call>{"name": ..., "arguments": ...}</tool_call>} blocks, so
 * the model is trained on the actions it took.
 */
public final class ChatMl {
  /** What every turn starts with, before its role. */
  private static final String TURN_START = "<|im_start|>";
  /** What every turn ends with. */
  public static final String TURN_END = "<|im_end|>";
  /** What joins the turns. */
  public static final String SEPARATOR = "\n";

  private ChatMl() {}

  public static String render(List<Message> messages) {
    return String.join(SEPARATOR, turns(messages));
  }

  /** Each message's turn, in order: what {@link #render} joins with newlines. */
  public static List<String> turns(List<Message> messages) {
    List<String> turns = new ArrayList<>(messages.size());
    for (Message m : messages) {
      turns.add(turn(m));
    }
    return turns;
  }

  public static String turn(Message m) {
    String reasoning = m.getReasoningContent() == null ? "" : PyText.strip(m.getReasoningContent());
    List<String> calls = new ArrayList<>(m.getToolCalls().size());
    int size = TURN_START.length() + m.getRole().length() + 1 + m.getContent().length() + TURN_END.length();
    if (!reasoning.isEmpty()) {
      size += reasoning.length() + 20;
    }
    for (ToolCall call : m.getToolCalls()) {
      calls.add(toolCall(call));
      size += calls.get(calls.size() - 1).length() + 26;
    }
    // One builder sized for the whole turn: the body is stripped in place, not copied.
    StringBuilder turn = new StringBuilder(size).append(header(m));
    int body = turn.length();
    if (!reasoning.isEmpty()) {
      turn.append("<think>\n").append(reasoning).append("\n</think>\n\n");
    }
    turn.append(m.getContent());
    for (String call : calls) {
      turn.append("\n<tool_call>\n").append(call).append("\n</tool_call>");
    }
    int from = PyText.stripStart(turn, body, turn.length());
    turn.setLength(PyText.stripEnd(turn, from, turn.length()));
    turn.delete(body, from);
    return turn.append(TURN_END).toString();
  }

  /** A turn's first line: its start and role. */
  static String header(Message m) {
    return TURN_START + m.getRole() + '\n';
  }

  /**
   * Whether a message's turn is {@link #header}, its content stripped and {@link #TURN_END}: it has
   * no tool calls and no reasoning to show.
   */
  static boolean contentOnly(Message m) {
    String reasoning = m.getReasoningContent();
    return m.getToolCalls().isEmpty()
        && (reasoning == null || PyText.stripStart(reasoning, 0, reasoning.length()) == reasoning.length());
  }

  private static String toolCall(ToolCall call) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("name", call.getName());
    node.set("arguments", arguments(call.getArguments()));
    return Json.write(node);
  }

  /** Arguments as a JSON value when they parse, else as the string the model wrote. */
  private static JsonNode arguments(String arguments) {
    try {
      JsonNode parsed = Json.parse(arguments);
      if (parsed != null) {
        return parsed;
      }
    } catch (JsonProcessingException e) {
      // fall through: keep the text exactly as the model produced it
    }
    return Json.MAPPER.getNodeFactory().textNode(arguments);
  }
}
