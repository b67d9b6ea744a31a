package io.swetraces.chat;

import io.swetraces.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Fits a conversation into a token budget by cutting the middle of its longest tool outputs, keeping
 * each one's head and tail around a marker that says how many tokens were cut. Assistant turns,
 * tool calls and the task (the first user message) are never cut. Tool outputs are the {@code tool}
 * messages; in a conversation without them, the user messages after the first (the observations
 * of agents that call no tools).
 */
public final class Shortener {
  /** Characters of an output always kept, head and tail together. */
  static final int MIN_KEPT = 400;
  /** At most this many cuts are tried before the conversation counts as one that cannot fit. */
  private static final int MAX_ROUNDS = 64;

  private final ToLongFunction<List<Message>> conversationTokens;
  private final ToLongFunction<String> textTokens;

  /**
   * @param conversationTokens the count the budget applies to (the rendered training text's)
   * @param textTokens the count of a piece of text, for the markers
   */
  public Shortener(ToLongFunction<List<Message>> conversationTokens, ToLongFunction<String> textTokens) {
    this.conversationTokens = conversationTokens;
    this.textTokens = textTokens;
  }

  /** The shortened messages, their count and the tokens cut. */
  public record Shortened(List<Message> messages, long tokens, long tokensCut) {}

  /** The conversation cut to fit {@code budget}, or null when cutting every output cannot make it fit. */
  public @Nullable Shortened fit(List<Message> messages, long budget) {
    List<Integer> outputs = outputs(messages);
    int[] head = new int[messages.size()];
    int[] tail = new int[messages.size()];
    for (int i : outputs) {
      head[i] = messages.get(i).getContent().length();
    }
    List<Message> current = messages;
    long tokens = conversationTokens.applyAsLong(current);
    for (int round = 0; round < MAX_ROUNDS && tokens > budget; round++) {
      int longest = -1;
      for (int i : outputs) {
        if (head[i] + tail[i] > MIN_KEPT && (longest < 0 || head[i] + tail[i] > head[longest] + tail[longest])) {
          longest = i;
        }
      }
      if (longest < 0) {
        return null;
      }
      // Characters per token of the whole text, and a little more than the excess: the next round corrects.
      long chars = 0;
      for (Message m : current) {
        chars += m.getContent().length();
      }
      double perToken = Math.max(1.0, (double) chars / Math.max(1, tokens));
      int kept = head[longest] + tail[longest];
      int remove = (int) Math.min(kept - MIN_KEPT, Math.ceil((tokens - budget + 16) * perToken * 1.05));
      int keep = kept - remove;
      String content = messages.get(longest).getContent();
      head[longest] = (keep + 1) / 2;
      tail[longest] = keep / 2;
      // Never between the two halves of a surrogate pair.
      if (Character.isHighSurrogate(content.charAt(head[longest] - 1))) {
        head[longest]--;
      }
      if (tail[longest] > 0 && Character.isLowSurrogate(content.charAt(content.length() - tail[longest]))) {
        tail[longest]--;
      }
      current = cut(messages, outputs, head, tail);
      tokens = conversationTokens.applyAsLong(current);
    }
    if (tokens > budget) {
      return null;
    }
    long cutTokens = 0;
    for (int i : outputs) {
      String content = messages.get(i).getContent();
      if (head[i] + tail[i] < content.length()) {
        cutTokens += textTokens.applyAsLong(content.substring(head[i], content.length() - tail[i]));
      }
    }
    return new Shortened(current, tokens, cutTokens);
  }

  private List<Message> cut(List<Message> messages, List<Integer> outputs, int[] head, int[] tail) {
    List<Message> out = new ArrayList<>(messages);
    for (int i : outputs) {
      Message m = messages.get(i);
      String content = m.getContent();
      if (head[i] + tail[i] < content.length()) {
        String middle = content.substring(head[i], content.length() - tail[i]);
        String marker = "\n[... " + textTokens.applyAsLong(middle) + " tokens cut ...]\n";
        out.set(i, Message.builder().setRole(m.getRole())
            .setContent(content.substring(0, head[i]) + marker + content.substring(content.length() - tail[i]))
            .setReasoningContent(m.getReasoningContent()).setToolCalls(m.getToolCalls())
            .setToolCallId(m.getToolCallId()).setName(m.getName()).build());
      }
    }
    return out;
  }

  /** The messages that may be cut: tool outputs, else observations. */
  static List<Integer> outputs(List<Message> messages) {
    List<Integer> tool = new ArrayList<>();
    List<Integer> observations = new ArrayList<>();
    boolean taskSeen = false;
    for (int i = 0; i < messages.size(); i++) {
      String role = messages.get(i).getRole();
      if ("tool".equals(role)) {
        tool.add(i);
      } else if ("user".equals(role)) {
        if (taskSeen) {
          observations.add(i);
        }
        taskSeen = true;
      }
    }
    return tool.isEmpty() ? observations : tool;
  }
}
