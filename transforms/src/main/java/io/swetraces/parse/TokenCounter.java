package io.swetraces.parse;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Arrays;

/**
 * cl100k_base token counts equal to {@code len(tiktoken.get_encoding("cl100k_base").encode(s,
 * disallowed_special=()))}: special-token text counts as ordinary text.
 *
 * <p>An instance memoizes the counts of the chunks a text splits into, so system prompts, tool
 * definitions and tool outputs that repeat across turns and rows are tokenized once. A chunk ends
 * after a {@code \n} that is followed by a whitespace run without {@code \r} or {@code \n} (or by
 * no whitespace): cl100k's pre-tokenizer always ends a piece there, whatever comes before or after,
 * and never looks behind, so the count of a text is exactly the sum of its chunks' counts. An
 * instance is not thread-safe; use one per thread (a DoFn instance).
 */
public final class TokenCounter {
  // Loaded once per JVM; jtokkit's Encoding is immutable and safe to share between threads.
  private static final Encoding CL100K =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  private static final int SLOTS = 1 << 16;
  /** Longer chunks are counted directly: they rarely repeat and would crowd out the rest. */
  private static final int MAX_CACHED_CHUNK = 1 << 16;
  /** Bounds the memo's key text (chars); when full, it starts over. */
  private static final long MAX_CACHED_CHARS = 8L << 20;

  private final String[] keys = new String[SLOTS];
  private final int[] counts = new int[SLOTS];
  private long cachedChars;
  private long hits;
  private long lookups;

  private TokenCounter() {}

  /** A counter with an empty bounded memo (a few MB at most). */
  public static TokenCounter memoized() {
    return new TokenCounter();
  }

  /** Plain jtokkit, no memo: the reference the memoized counter must equal. */
  public static int count(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    return CL100K.countTokensOrdinary(replaceLoneSurrogates(text));
  }

  public long countOf(String text) {
    String s = replaceLoneSurrogates(text);
    long total = 0;
    int start = 0;
    int n = s.length();
    while (start < n) {
      int end = chunkEnd(s, start);
      total += chunk(s, start, end);
      start = end;
    }
    return total;
  }

  /** Share of chunk lookups answered from the memo since this counter was made. */
  public double hitRate() {
    return lookups == 0 ? 0 : (double) hits / lookups;
  }

  /** The end of the chunk starting at {@code start}: just after a splitting newline, or n. */
  static int chunkEnd(String s, int start) {
    int n = s.length();
    int nl = s.indexOf('\n', start);
    while (nl >= 0) {
      int j = nl + 1;
      while (j < n && isSpace(s.charAt(j)) && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
        j++;
      }
      if (j == n || (s.charAt(j) != '\n' && s.charAt(j) != '\r')) {
        return nl + 1;
      }
      nl = s.indexOf('\n', j);
    }
    return n;
  }

  /** A superset of the pre-tokenizer's {@code \s}: erring wide only makes chunks longer. */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  private int chunk(String s, int start, int end) {
    int len = end - start;
    if (len > MAX_CACHED_CHUNK) {
      return CL100K.countTokensOrdinary(s.substring(start, end));
    }
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + s.charAt(i);
    }
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    lookups++;
    String key = keys[slot];
    if (key != null && key.length() == len && s.regionMatches(start, key, 0, len)) {
      hits++;
      return counts[slot];
    }
    String text = s.substring(start, end);
    int count = CL100K.countTokensOrdinary(text);
    if (cachedChars + len > MAX_CACHED_CHARS) {
      Arrays.fill(keys, null);
      cachedChars = 0;
    } else if (key != null) {
      cachedChars -= key.length();
    }
    keys[slot] = text;
    counts[slot] = count;
    cachedChars += len;
    return count;
  }

  /**
   * tiktoken replaces unpaired surrogates (which JSON escapes can produce) with U+FFFD before
   * encoding; Java's UTF-8 encoder would turn them into {@code ?} instead.
   */
  static String replaceLoneSurrogates(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean lone;
      if (Character.isHighSurrogate(c)) {
        lone = i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1));
        if (!lone) {
          if (out != null) {
            out.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        lone = Character.isLowSurrogate(c);
      }
      if (lone && out == null) {
        out = new StringBuilder(n).append(s, 0, i);
      }
      if (out != null) {
        out.append(lone ? '\uFFFD' : c);
      }
    }
    return out == null ? s : out.toString();
  }
}
