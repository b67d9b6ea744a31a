package io.swetraces.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.swetraces.text.LoneSurrogates;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * cl100k_base token counts equal to {@code len(tiktoken.get_encoding("cl100k_base").encode(s,
 * disallowed_special=()))}: special-token text counts as ordinary text.
 *
 * <p>An instance memoizes counts at two levels, so text is byte-pair encoded only when it is new.
 * A text splits into lines: a line ends after a {@code \n} that is followed by a whitespace run
 * without {@code \r} or {@code \n} (or by no whitespace). A line the memo has not seen splits
 * further into words: a word ends before a space that follows a non-space. cl100k's pre-tokenizer
 * always ends a piece at both places, whatever comes before or after (no piece holds a non-space
 * followed by a space, nor runs on past such a newline), and never looks behind, so the count of a
 * text is exactly the sum of its lines' counts, and a line's the sum of its words'. Where a
 * character might be whitespace (any non-ASCII one), it is taken as whitespace: that only makes a
 * line or word longer. Repeated prompts and tool outputs cost one lookup per line, and new lines
 * still reuse their words' counts. A new word is counted by {@link AsciiBytePairs} when it is plain
 * ASCII and by jtokkit otherwise. The text is scanned, hashed and compared as UTF-8 bytes.
 *
 * <p>An instance is not thread-safe; use one per thread (a DoFn instance).
 */
public final class TokenCounter {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Longer lines are counted word by word without a line entry: they rarely repeat. */
  private static final int MAX_CACHED_LINE = 1 << 16;
  /** Longer words (base64, minified code, text without spaces) are counted directly. */
  private static final int MAX_CACHED_WORD = AsciiBytePairs.MAX_PIECE;

  private final int[] scratch = AsciiBytePairs.scratch();
  private final Memo words = new Memo(1 << 17, 4 << 20, MAX_CACHED_WORD, this::encodedCount);
  private final Memo lines = new Memo(1 << 16, 16 << 20, MAX_CACHED_LINE, this::wordsOf);

  private TokenCounter() {}

  /** A counter with empty bounded memos (23 MB). */
  public static TokenCounter memoized() {
    return new TokenCounter();
  }

  /**
   * Loads cl100k's vocabulary and pair tables now (about 0.4 s) rather than in the first count: a
   * launcher may do it on another thread while the pipeline is set up.
   */
  public static void preload() {
    Ascii.PAIRS.hashCode();
  }

  /** Plain jtokkit, no memo: the reference the memoized counter must equal. */
  public static int count(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    return Cl100k.ENCODING.countTokensOrdinary(LoneSurrogates.replace(text));
  }

  public long countOf(String text) {
    byte[] b = utf8(text);
    return countOf(b, 0, b.length);
  }

  /** The count of the UTF-8 text {@code b[from, to)}. */
  long countOf(byte[] b, int from, int to) {
    long total = 0;
    for (int start = from; start < to; ) {
      int end = lineEnd(b, start, to);
      total += lines.count(b, start, end);
      start = end;
    }
    return total;
  }

  /** The count of one line, {@code b[start, end)} with {@code end} a {@link #lineEnd}. */
  long countOfLine(byte[] b, int start, int end) {
    return lines.count(b, start, end);
  }

  /** The bytes tiktoken encodes for a text: UTF-8, with unpaired surrogates as U+FFFD. */
  static byte[] utf8(String text) {
    return LoneSurrogates.replace(text).getBytes(StandardCharsets.UTF_8);
  }

  /** Share of line lookups answered from the memo since this counter was made. */
  public double hitRate() {
    return lines.hitRate();
  }

  /**
   * The end of the line of UTF-8 text {@code b[start, n)}: just after a splitting newline, or
   * {@code n}.
   */
  static int lineEnd(byte[] b, int start, int n) {
    for (int i = start; i < n; i++) {
      if (b[i] == '\n') {
        int j = afterSpaces(b, i + 1, n);
        if (j == n || (b[j] != '\n' && b[j] != '\r')) {
          return i + 1;
        }
        i = j - 1;
      }
    }
    return n;
  }

  /**
   * Where the run of bytes that might be white space other than {@code \r} and {@code \n}, from
   * {@code i}, ends: at a newline, at a byte that is surely not white space, or at {@code n}. After
   * a newline, whether the pre-tokenizer must split there depends on that byte alone.
   */
  static int afterSpaces(byte[] b, int i, int n) {
    while (i < n && b[i] != '\n' && b[i] != '\r' && maybeSpace(b[i])) {
      i++;
    }
    return i;
  }

  /** The end of the word starting at {@code start} within a line ending at {@code end}. */
  static int wordEnd(byte[] b, int start, int end) {
    for (int i = start + 1; i < end; i++) {
      if (b[i] == ' ' && !maybeSpace(b[i - 1])) {
        return i;
      }
    }
    return end;
  }

  /**
   * A superset of the pre-tokenizer's {@code \s} for one UTF-8 byte: ASCII whitespace, the
   * separators U+001C to U+001F, and every byte of a non-ASCII character.
   */
  private static boolean maybeSpace(byte c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f) || c < 0;
  }

  private int wordsOf(byte[] b, int start, int end) {
    int total = 0;
    for (int from = start; from < end; ) {
      int to = wordEnd(b, from, end);
      total += words.count(b, from, to);
      from = to;
    }
    return total;
  }

  private int encodedCount(byte[] b, int start, int end) {
    int count = Ascii.PAIRS.count(b, start, end, scratch);
    if (count != AsciiBytePairs.NOT_ASCII) {
      return count;
    }
    String word = new String(b, start, end - start, StandardCharsets.UTF_8);
    PathologicalTextException.checkRuns(word);
    return Cl100k.ENCODING.countTokensOrdinary(word);
  }

  /**
   * Loaded once per JVM, on first use rather than with this class: loading the class does not cost
   * the vocabulary. jtokkit's Encoding is immutable and safe to share.
   */
  private static final class Cl100k {
    static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
  }

  /** Built on first use: plain counts do not need it. */
  private static final class Ascii {
    static final AsciiBytePairs PAIRS = AsciiBytePairs.of(Cl100k.ENCODING);
  }

  /** A 64-bit hash of b[start, end), eight bytes at a step. */
  private static long hash(byte[] b, int start, int end) {
    long h = end - start;
    int i = start;
    for (; i + 8 <= end; i += 8) {
      h = Long.rotateLeft((h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L, 29);
    }
    for (; i < end; i++) {
      h = Long.rotateLeft((h ^ b[i]) * 0x9E3779B97F4A7C15L, 29);
    }
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 29);
  }

  /** How a memo counts text it does not hold. */
  @FunctionalInterface
  private interface Counting {
    int count(byte[] b, int start, int end);
  }

  /**
   * A direct-mapped table of UTF-8 text → count, in front of a way to count. A slot is two longs
   * side by side, the text's hash and where its bytes sit in one arena with its count, so a lookup
   * touches two places in memory rather than one per field. When the arena is full the memo starts
   * over; texts longer than {@code maxKey} are counted without it.
   */
  private static final class Memo {
    private static final int BITS = 17;
    private static final long MASK = (1L << BITS) - 1;

    private final long[] slots;
    private final byte[] arena;
    private final int maxKey;
    private final Counting uncached;
    private int used;
    private long hits;
    private long lookups;

    Memo(int slots, int arenaBytes, int maxKey, Counting uncached) {
      this.slots = new long[2 * slots];
      this.arena = new byte[arenaBytes];
      this.maxKey = Math.min(maxKey, (int) MASK);
      this.uncached = uncached;
    }

    int count(byte[] b, int start, int end) {
      int len = end - start;
      if (len > maxKey) {
        return uncached.count(b, start, end);
      }
      lookups++;
      long hash = hash(b, start, end);
      int i = ((int) hash & (slots.length / 2 - 1)) << 1;
      long entry = slots[i + 1];
      if (entry != 0 && slots[i] == hash && (int) ((entry >>> BITS) & MASK) == len) {
        int at = (int) (entry >>> (2 * BITS));
        if (Arrays.equals(arena, at, at + len, b, start, end)) {
          hits++;
          return (int) (entry & MASK);
        }
      }
      int count = uncached.count(b, start, end);
      if (used + len > arena.length) {
        Arrays.fill(slots, 0);
        used = 0;
      }
      System.arraycopy(b, start, arena, used, len);
      slots[i] = hash;
      // A count fits 17 bits: a text of at most maxKey bytes has at most that many tokens.
      slots[i + 1] = ((long) used << (2 * BITS)) | ((long) len << BITS) | count;
      used += len;
      return count;
    }

    double hitRate() {
      return lookups == 0 ? 0 : (double) hits / lookups;
    }
  }
}
