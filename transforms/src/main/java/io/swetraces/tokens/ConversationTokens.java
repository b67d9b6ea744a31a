package io.swetraces.tokens;

import io.swetraces.model.Message;
import io.swetraces.model.TokenCounts;
import io.swetraces.text.PyText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The three cl100k counts of a conversation, exactly plain jtokkit's on each text: the tutorial's
 * {@code traj_tokens} (contents joined by newlines), the ChatML render and its assistant turns.
 *
 * <p>The render's count is its turns' counts plus a fixed amount per join. The joined text and a
 * turn whose body is the content alone ({@link ChatMl#contentOnly}) hold the same content; they
 * differ only at its edges (the turn strips it, and the joined text runs into the next message). So
 * a content is encoded once, and its middle lines are counted once for both texts: the lines
 * between two newlines after which the pre-tokenizer splits in either text, because the byte that
 * decides it ({@link TokenCounter#afterSpaces}) lies inside the stripped content. Only the edges
 * are copied, into two reused buffers, and counted apart.
 *
 * <p>Not thread-safe: one per thread, like the {@link TokenCounter} it holds.
 */
public final class ConversationTokens {
  private static final byte[] TURN_END = ChatMl.TURN_END.getBytes(StandardCharsets.UTF_8);

  /**
   * What joining two turns adds to their counts. A turn ends with {@link ChatMl#TURN_END}, whose
   * last pre-tokenizer piece {@code |>} takes the separating newline in ({@code |>\n}); the next
   * turn's pieces start after it as they would alone. A holder, so the vocabulary loads on first
   * use.
   */
  private static final class Join {
    static final long TOKENS =
        TokenCounter.count(ChatMl.TURN_END + ChatMl.SEPARATOR) - TokenCounter.count(ChatMl.TURN_END);
  }

  private final TokenCounter counter;
  /** The joined text since the last shared middle. */
  private final Bytes joined = new Bytes();
  /** A turn's head or tail. */
  private final Bytes edge = new Bytes();
  /** The joined text's count so far, in the conversation being counted. */
  private long traj;

  private ConversationTokens(TokenCounter counter) {
    this.counter = counter;
  }

  /** Counts with a new {@link TokenCounter#memoized()} counter. */
  public static ConversationTokens memoized() {
    return new ConversationTokens(TokenCounter.memoized());
  }

  /** The counts with every assistant turn, reasoning included, as trained on. */
  public TokenCounts of(List<Message> messages) {
    boolean[] train = new boolean[messages.size()];
    for (int i = 0; i < train.length; i++) {
      train[i] = "assistant".equals(messages.get(i).getRole());
    }
    return of(messages, train, false);
  }

  /**
   * The counts with the assistant tokens of the turns flagged to train; a masked reasoning's turn
   * is counted as it renders without it.
   */
  public TokenCounts of(List<Message> messages, boolean[] train, boolean maskReasoning) {
    traj = 0;
    long rendered = messages.isEmpty() ? 0 : Join.TOKENS * (messages.size() - 1);
    long assistant = 0;
    joined.clear();
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      if (i > 0) {
        joined.add((byte) '\n');
      }
      byte[] content = TokenCounter.utf8(m.getContent());
      long turn;
      if (ChatMl.contentOnly(m)) {
        turn = contentTurn(m, content);
      } else {
        turn = counter.countOf(ChatMl.turn(m));
        joined.add(content, 0, content.length);
      }
      rendered += turn;
      if (train[i]) {
        assistant += maskReasoning && m.getReasoningContent() != null
            ? counter.countOf(ChatMl.turn(m.withoutReasoning())) : turn;
      }
    }
    traj += count(joined);
    joined.trim();
    edge.trim();
    return TokenCounts.of(traj, rendered, assistant);
  }

  /**
   * The count of a content-only turn; passes the content on to the joined text, counting the
   * middle it shares with the turn on the way.
   */
  private long contentTurn(Message m, byte[] c) {
    String content = m.getContent();
    int from = PyText.stripStart(content, 0, content.length());
    int to = PyText.stripEnd(content, from, content.length());
    // Stripped characters are white space, never surrogates: 1 to 3 UTF-8 bytes each.
    int s = utf8Length(content, 0, from);
    int e = c.length - utf8Length(content, to, content.length());
    edge.clear().add(TokenCounter.utf8(ChatMl.header(m)));
    int f = TokenCounter.lineEnd(c, s, c.length);
    if (!isSharedSplit(c, f, e)) {
      joined.add(c, 0, c.length);
      return count(edge.add(c, s, e).add(TURN_END));
    }
    long middle = 0;
    int g = f;
    while (true) {
      int next = TokenCounter.lineEnd(c, g, c.length);
      if (!isSharedSplit(c, next, e)) {
        break;
      }
      middle += counter.countOfLine(c, g, next);
      g = next;
    }
    traj += count(joined.add(c, 0, f)) + middle;
    joined.clear().add(c, g, c.length);
    return count(edge.add(c, s, f)) + middle + count(edge.clear().add(c, g, e).add(TURN_END));
  }

  /**
   * Whether a line end in {@code c} is a split whose deciding byte is inside {@code c[.., e)}. If
   * the first line end after the stripped start is not, none after it is: the bytes from there to
   * the stripped end might all be white space.
   */
  private static boolean isSharedSplit(byte[] c, int at, int e) {
    return at < e && TokenCounter.afterSpaces(c, at, c.length) < e;
  }

  private long count(Bytes text) {
    return counter.countOf(text.bytes, 0, text.size);
  }

  private static int utf8Length(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      n += ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
    }
    return n;
  }

  /** A reused, growing byte buffer. */
  private static final class Bytes {
    private static final int KEPT = 1 << 20;

    byte[] bytes = new byte[KEPT];
    int size;

    /** Lets go of what one very long message made it grow to. */
    void trim() {
      if (bytes.length > KEPT) {
        bytes = new byte[KEPT];
      }
    }

    Bytes clear() {
      size = 0;
      return this;
    }

    Bytes add(byte b) {
      room(1);
      bytes[size++] = b;
      return this;
    }

    Bytes add(byte[] b) {
      return add(b, 0, b.length);
    }

    Bytes add(byte[] b, int from, int to) {
      room(to - from);
      System.arraycopy(b, from, bytes, size, to - from);
      size += to - from;
      return this;
    }

    private void room(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }
}
