package io.swetraces.chat;

import io.swetraces.model.Message;
import io.swetraces.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The parts of a rendered training text that carry the loss, found as axolotl finds a turn: the
 * conversation is rendered again with the turn emptied, and the turn's part is where the two texts
 * differ. What the assistant wrote (reasoning, content, tool calls) is in it; the role header and
 * end marker the template writes around every turn are not. A masked reasoning stays in the emptied
 * turn, so it is left out. Rendering the whole conversation, not a prefix, keeps what a template
 * writes depending on later messages (Qwen3's reasoning after the last query) as it is.
 */
public final class TrainedText {
  /** The characters {@code [start, end)} of the text. */
  public record Span(int start, int end) {}

  private TrainedText() {}

  /**
   * The spans of the turns flagged to train. A turn the template refuses to render emptied has
   * none: its place in the text cannot be found.
   */
  public static List<Span> spans(ChatTemplate.Rendering rendering, String text, List<Message> messages,
      boolean[] train, boolean maskReasoning) {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      if (!train[i]) {
        continue;
      }
      Message m = messages.get(i);
      Message emptied = Message.builder().setRole(m.getRole())
          .setReasoningContent(maskReasoning ? m.getReasoningContent() : null).build();
      String other;
      try {
        other = rendering.renderReplacing(i, emptied);
      } catch (TemplateException e) {
        continue;
      }
      int start = 0;
      int limit = Math.min(other.length(), text.length());
      while (start < limit && other.charAt(start) == text.charAt(start)) {
        start++;
      }
      int end = text.length();
      int o = other.length();
      while (end > start && o > start && other.charAt(o - 1) == text.charAt(end - 1)) {
        end--;
        o--;
      }
      if (end > start) {
        spans.add(new Span(start, end));
      }
    }
    return spans;
  }

  /** The tokens of the spans, each counted alone. */
  public static long tokens(String text, List<Span> spans, ToLongFunction<String> count) {
    long tokens = 0;
    for (Span s : spans) {
      tokens += count.applyAsLong(text.substring(s.start(), s.end()));
    }
    return tokens;
  }
}
