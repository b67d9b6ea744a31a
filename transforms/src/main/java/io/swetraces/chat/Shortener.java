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
    long[] cutTokens = new long[messages.size()];
    for (int i : outputs) {
      head[i] = messages.get(i).getContent().length();
    }
    List<Message> current = new ArrayList<>(messages);
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
      // Only the output just cut changes: its middle is counted once, for its marker and the total.
      cutTokens[longest] = textTokens.applyAsLong(
          content.substring(head[longest], content.length() - tail[longest]));
      current.set(longest, cut(messages.get(longest), head[longest], tail[longest], cutTokens[longest]));
      tokens = conversationTokens.applyAsLong(current);
    }
    if (tokens > budget) {
      return null;
    }
    long total = 0;
    for (long n : cutTokens) {
      total += n;
    }
    return new Shortened(current, tokens, total);
  }

  /** The message with all but the first {@code head} and last {@code tail} characters of its content cut. */
  private static Message cut(Message m, int head, int tail, long tokensCut) {
    String content = m.getContent();
    String marker = "\n[... " + tokensCut + " tokens cut ...]\n";
    return Message.builder().setRole(m.getRole())
        .setContent(content.substring(0, head) + marker + content.substring(content.length() - tail))
        .setReasoningContent(m.getReasoningContent()).setToolCalls(m.getToolCalls())
        .setToolCallId(m.getToolCallId()).setName(m.getName()).build();
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
