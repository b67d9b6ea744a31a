package io.swetraces.tokens;

import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import java.util.List;

/**
 * Counts the special tokens of ChatML and cl100k written as text inside a conversation: an
 * {@code <|im_start|>} in a tool output, say. Counted as text they are ordinary tokens, but a chat
 * template that renders them raw gives the model turn markers that are not turns; the count
 * ({@code special_token_texts} per row) lets that be seen before training.
 */
public final class SpecialTokenText {
  /** ChatML's turn markers and cl100k_base's special tokens. */
  public static final List<String> MARKERS = List.of("<|im_start|>", "<|im_end|>", "<|im_sep|>",
      "<|endoftext|>", "<|endofprompt|>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>");

  private SpecialTokenText() {}

  /** Occurrences in every message's content, reasoning and tool calls. */
  public static long count(List<Message> messages) {
    long n = 0;
    for (Message m : messages) {
      n += count(m.getContent());
      if (m.getReasoningContent() != null) {
        n += count(m.getReasoningContent());
      }
      for (ToolCall call : m.getToolCalls()) {
        n += (call.getName() == null ? 0 : count(call.getName())) + count(call.getArguments());
      }
    }
    return n;
  }

  static long count(String text) {
    long n = 0;
    // Every marker starts with "<|": look for that, then which marker it begins.
    for (int at = text.indexOf("<|"); at >= 0; at = text.indexOf("<|", at + 2)) {
      for (String marker : MARKERS) {
        if (text.startsWith(marker, at)) {
          n++;
          break;
        }
      }
    }
    return n;
  }
}
