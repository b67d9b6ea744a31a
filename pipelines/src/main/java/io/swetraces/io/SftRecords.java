package io.swetraces.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.chat.ChatFormat;
import io.swetraces.chat.ChatTemplate;
import io.swetraces.chat.LossMask;
import io.swetraces.model.Message;
import io.swetraces.model.Trajectory;
import io.swetraces.text.Json;
import io.swetraces.tokens.ChatMl;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One SFT training example as a JSON line: the tutorial's fields, with {@code messages} in the
 * OpenAI / TRL conversational form (tool calls, tool call ids, tool names, and reasoning unless the
 * {@link LossMask} drops it) and the {@code tools} definitions as JSON objects, so
 * {@code datasets.load_dataset("json", ...)} and TRL's chat templates read it as it is.
 */
public final class SftRecords {
  private SftRecords() {}

  /**
   * The record's JSON line; {@code text} is the student's chat template rendering of the record's
   * own messages and tools when there is a template, else the ChatML render cl100k counts.
   */
  public static String jsonLine(Trajectory t, @Nullable ChatTemplate template, LossMask mask) {
    List<Message> messages = mask.messages(t.getMessages());
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("instance_id", t.getInstanceId());
    out.put("repo", t.getRepo());
    out.put("language", t.getLanguage());
    out.put("agent", t.getAgent());
    out.put("model", t.getModel());
    out.set("messages", Json.MAPPER.valueToTree(ChatFormat.messages(messages)));
    out.set("tools", Json.MAPPER.valueToTree(ChatFormat.tools(t.getTools())));
    out.put("text", text(messages, t.getTools(), template));
    out.put("model_patch", t.getModelPatch());
    out.put("approx_tokens", t.getTokenCounts().getTrajTokens());
    out.put("sft_tokens", t.getTokenCounts().getSftTokens());
    out.put("assistant_tokens", t.getTokenCounts().getAssistantTokens());
    out.put("trajectory_id", t.getTrajectoryId());
    out.put("resolved", t.getResolved());
    return Json.write(out);
  }

  /** The training text: the student's chat template rendering, else the ChatML render cl100k counts. */
  static String text(List<Message> messages, List<String> tools, @Nullable ChatTemplate template) {
    return template == null ? ChatMl.render(messages) : template.render(messages, tools);
  }
}
