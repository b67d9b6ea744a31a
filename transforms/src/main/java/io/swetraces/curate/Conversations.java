package io.swetraces.curate;

import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import io.swetraces.model.Trajectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What makes two trajectories the same training example, and which of several to keep: the
 * conversation with white space runs made one space (copies across dumps differ in little else),
 * and a ranking that prefers a resolved run, then the shorter one, then the smaller id, so the same
 * one is kept on every runner and every run.
 */
public final class Conversations {
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private Conversations() {}

  /** A SHA-256 of the normalized conversation: roles, texts, reasoning and tool calls in order. */
  public static String hash(Trajectory t) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    for (Message m : t.getMessages()) {
      update(digest, m.getRole());
      update(digest, normalized(m.getContent()));
      update(digest, m.getReasoningContent() == null ? "" : normalized(m.getReasoningContent()));
      for (ToolCall c : m.getToolCalls()) {
        update(digest, String.valueOf(c.getName()));
        update(digest, normalized(c.getArguments()));
      }
      update(digest, String.valueOf(m.getToolCallId() != null));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** A key that sorts the trajectory to keep first. */
  public static String rank(Trajectory t) {
    long tokens = t.getTokenCounts() == null ? Long.MAX_VALUE : t.getTokenCounts().getSftTokens();
    return (t.getResolved() == 1 ? "0" : "1") + String.format("%020d", tokens) + "|" + ref(t) + "|" + rowKey(t);
  }

  /** The trajectory's id, or where it was read when it has none: what a duplicate names. */
  public static String ref(Trajectory t) {
    return t.getTrajectoryId() != null ? t.getTrajectoryId() : rowKey(t);
  }

  /** Where the row was read: unique to it, even among copies with one id. */
  public static String rowKey(Trajectory t) {
    return t.getSource() + "#" + t.getPosition();
  }

  private static String normalized(String text) {
    return SPACE.matcher(text).replaceAll(" ").strip();
  }

  private static void update(MessageDigest digest, String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }
}
