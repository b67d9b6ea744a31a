package io.swetraces.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import io.swetraces.text.Json;
import io.swetraces.text.PyText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation in LLaMA-Factory's ShareGPT form, as its converter reads it: a leading system
 * message becomes {@code system}; then turns alternate between the human side ({@code human},
 * {@code observation}) and the model's ({@code gpt}, {@code function_call}), starting with the human
 * and ending with the model.
 *
 * <ul>
 *   <li>A {@code function_call} holds the JSON of its call ({@code name}, {@code arguments} as an
 *       object), or a list of them for parallel calls; the turn's text and reasoning come before it
 *       as a thought, {@code <think>\n...\n</think>\n\n}, which LLaMA-Factory's function formatter
 *       takes apart. A {@code gpt} turn's reasoning is written the same way.
 *   <li>Consecutive turns of one side are merged: tool outputs answering parallel calls become one
 *       observation, a text followed by calls one function call.
 *   <li>Messages after the model's last turn carry no loss and are left out.
 * </ul>
 */
public final class ShareGpt {
  public static final String HUMAN = "human";
  public static final String GPT = "gpt";
  public static final String FUNCTION_CALL = "function_call";
  public static final String OBSERVATION = "observation";

  /** One turn: who speaks, and what. */
  public record Turn(String from, String value) {}

  /** The system prompt ("" if none) and the alternating turns. */
  public record Conversation(String system, List<Turn> turns) {}

  private ShareGpt() {}

  public static Conversation of(List<Message> messages) {
    String system = "";
    int i = 0;
    if (!messages.isEmpty() && "system".equals(messages.get(0).getRole())) {
      system = messages.get(0).getContent();
      i = 1;
    }
    List<Turn> turns = new ArrayList<>();
    List<Message> side = new ArrayList<>();
    for (; i < messages.size(); i++) {
      Message m = messages.get(i);
      if (!side.isEmpty() && isModel(side.get(0)) != isModel(m)) {
        turns.add(turn(side));
        side.clear();
      }
      side.add(m);
    }
    if (!side.isEmpty() && isModel(side.get(0))) {
      turns.add(turn(side));
    }
    if (!turns.isEmpty() && isModelTag(turns.get(0).from())) {
      turns.add(0, new Turn(HUMAN, ""));
    }
    return new Conversation(system, turns);
  }

  private static boolean isModel(Message m) {
    return "assistant".equals(m.getRole());
  }

  private static boolean isModelTag(String from) {
    return GPT.equals(from) || FUNCTION_CALL.equals(from);
  }

  /** One side's consecutive messages as one turn. */
  private static Turn turn(List<Message> side) {
    if (!isModel(side.get(0))) {
      boolean observations = side.stream().allMatch(m -> "tool".equals(m.getRole()));
      List<String> values = side.stream().map(Message::getContent).toList();
      return new Turn(observations ? OBSERVATION : HUMAN, String.join(observations ? "\n" : "\n\n", values));
    }
    List<String> thoughts = new ArrayList<>();
    ArrayNode calls = Json.MAPPER.createArrayNode();
    for (Message m : side) {
      if (m.getReasoningContent() != null && !PyText.strip(m.getReasoningContent()).isEmpty()) {
        thoughts.add(PyText.strip(m.getReasoningContent()));
      }
      for (ToolCall call : m.getToolCalls()) {
        ObjectNode c = calls.addObject();
        c.put("name", call.getName());
        c.set("arguments", arguments(call.getArguments()));
      }
    }
    if (calls.isEmpty()) {
      String content = String.join("\n\n", side.stream().map(Message::getContent).toList());
      return new Turn(GPT, thought(thoughts) + content);
    }
    for (Message m : side) {
      if (!PyText.strip(m.getContent()).isEmpty()) {
        thoughts.add(PyText.strip(m.getContent()));
      }
    }
    return new Turn(FUNCTION_CALL, thought(thoughts) + Json.write(calls.size() == 1 ? calls.get(0) : calls));
  }

  private static String thought(List<String> thoughts) {
    return thoughts.isEmpty() ? "" : "<think>\n" + String.join("\n\n", thoughts) + "\n</think>\n\n";
  }

  /** The arguments as an object, as LLaMA-Factory re-encodes them; a string that is not JSON stays one. */
  private static JsonNode arguments(String arguments) {
    try {
      return Json.parse(arguments);
    } catch (IOException | RuntimeException e) {
      return Json.MAPPER.getNodeFactory().textNode(arguments);
    }
  }
}
