package io.swetraces.tokens;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * cl100k_base token counts of short printable-ASCII text (plus tab, CR and LF), computed the way
 * tiktoken does: the pre-tokenizer's pieces, then a byte-pair merge of each piece that is not a
 * token itself, always merging the lowest-ranked adjacent pair first (the leftmost on a tie). Every
 * part of a merge is a token, so the rank of two adjacent parts comes from one table lookup of their
 * ids instead of hashing their bytes, which is where jtokkit spends its time on text it has not
 * seen. The tables are built from jtokkit's own vocabulary, once per JVM.
 */
final class AsciiBytePairs {
  /** Returned for text this class does not count: other bytes, or pieces longer than this. */
  static final int NOT_ASCII = -1;

  static final int MAX_PIECE = 1 << 8;

  private static final int VOCABULARY = 100_256;
  private static final int ID_BITS = 17;
  private static final long ID_MASK = (1L << ID_BITS) - 1;
  private static final int NONE = Integer.MAX_VALUE;
  private static final int LOW = 256;

  /** The id of each single byte. */
  private final int[] byteIds = new int[128];
  /**
   * The pairs of the first 256 ids (the single bytes among them), where every merge starts, in a
   * table small enough to stay in a core's cache.
   */
  private final int[] lowPairs = new int[LOW * LOW];
  /**
   * (left id, right id) → id of their concatenation when that is a token, packed into one long per
   * entry (left, right, id; 0 is empty) so a lookup touches one cache line.
   */
  private final long[] pairs;
  /**
   * The tokens of 2 to 8 bytes, each packed into a long ({@link #packed}): most pieces of text are
   * a token, found by one lookup here instead of a merge.
   */
  private final long[] shortTokens;

  private AsciiBytePairs(Encoding encoding) {
    Map<String, Integer> ids = new HashMap<>();
    for (int id = 0; id < VOCABULARY; id++) {
      IntArrayList one = new IntArrayList(1);
      one.add(id);
      byte[] bytes = encoding.decodeBytes(one);
      if (isAscii(bytes)) {
        ids.put(new String(bytes, StandardCharsets.US_ASCII), id);
      }
    }
    for (int c = 0; c < byteIds.length; c++) {
      byteIds[c] = ids.get(String.valueOf((char) c));
    }
    List<long[]> entries = new ArrayList<>();
    ids.forEach((token, id) -> {
      for (int split = 1; split < token.length(); split++) {
        Integer left = ids.get(token.substring(0, split));
        Integer right = ids.get(token.substring(split));
        if (left != null && right != null) {
          entries.add(new long[] {left, right, id});
        }
      }
    });
    List<Long> packedTokens = new ArrayList<>();
    ids.keySet().forEach(token -> {
      if (token.length() >= 2 && token.length() <= Long.BYTES && token.indexOf('\0') < 0) {
        packedTokens.add(packed(token.getBytes(StandardCharsets.US_ASCII), 0, token.length()));
      }
    });
    shortTokens = new long[Integer.highestOneBit(packedTokens.size()) << 2];
    for (long key : packedTokens) {
      int slot = mix(key, shortTokens.length);
      while (shortTokens[slot] != 0) {
        slot = (slot + 1) & (shortTokens.length - 1);
      }
      shortTokens[slot] = key;
    }
    pairs = new long[Integer.highestOneBit(entries.size()) << 2];
    Arrays.fill(lowPairs, NONE);
    for (long[] e : entries) {
      if (e[0] < LOW && e[1] < LOW) {
        lowPairs[(int) e[0] * LOW + (int) e[1]] = (int) e[2];
        continue;
      }
      long key = (e[0] << ID_BITS) | e[1];
      int slot = mix(key, pairs.length);
      while (pairs[slot] != 0) {
        slot = (slot + 1) & (pairs.length - 1);
      }
      pairs[slot] = (key << ID_BITS) | e[2];
    }
  }

  static AsciiBytePairs of(Encoding cl100k) {
    return new AsciiBytePairs(cl100k);
  }

  /** Work space for {@link #count}: one per thread. */
  static int[] scratch() {
    return new int[2 * MAX_PIECE];
  }

  /** The token count of b[start, end), or {@link #NOT_ASCII}; scratch comes from {@link #scratch}. */
  int count(byte[] b, int start, int end, int[] scratch) {
    for (int i = start; i < end; i++) {
      if (!inAlphabet(b[i])) {
        return NOT_ASCII;
      }
    }
    int total = 0;
    for (int i = start; i < end; ) {
      int to = pieceEnd(b, i, end);
      if (to - i > MAX_PIECE) {
        return NOT_ASCII;
      }
      total += merge(b, i, to, scratch);
      i = to;
    }
    return total;
  }

  /**
   * The end of the piece at {@code i}: the first of cl100k's alternatives that matches, with the end
   * of the text as the end of b.
   */
  static int pieceEnd(byte[] b, int i, int end) {
    byte c = b[i];
    // '(?i:[stmd]|re|ve|ll)
    if (c == '\'' && i + 1 < end) {
      int x = lower(b[i + 1]);
      if (x == 's' || x == 't' || x == 'm' || x == 'd') {
        return i + 2;
      }
      if (i + 2 < end) {
        int y = lower(b[i + 2]);
        if ((x == 'r' && y == 'e') || (x == 'v' && y == 'e') || (x == 'l' && y == 'l')) {
          return i + 3;
        }
      }
    }
    // [^\r\n\p{L}\p{N}]?\p{L}+
    if (isLetter(c)) {
      return letters(b, i + 1, end);
    }
    if (c != '\r' && c != '\n' && !isDigit(c) && i + 1 < end && isLetter(b[i + 1])) {
      return letters(b, i + 2, end);
    }
    // \p{N}{1,3}
    if (isDigit(c)) {
      int j = i + 1;
      while (j < end && j < i + 3 && isDigit(b[j])) {
        j++;
      }
      return j;
    }
    // ' ?[^\s\p{L}\p{N}]+[\r\n]*'
    int p = c == ' ' && i + 1 < end && isPunct(b[i + 1]) ? i + 1 : i;
    if (isPunct(b[p])) {
      int j = p + 1;
      while (j < end && isPunct(b[j])) {
        j++;
      }
      while (j < end && (b[j] == '\r' || b[j] == '\n')) {
        j++;
      }
      return j;
    }
    // Whitespace from here on: \s*[\r\n]+ | \s+(?!\S) | \s+
    int j = i;
    int lastBreak = -1;
    while (j < end && isSpace(b[j])) {
      if (b[j] == '\r' || b[j] == '\n') {
        lastBreak = j;
      }
      j++;
    }
    if (lastBreak >= 0) {
      return lastBreak + 1;
    }
    if (j == end || j - i == 1) {
      return j;
    }
    return j - 1;
  }

  /**
   * The parts left by merging a piece's bytes. tiktoken first looks the whole piece up and counts 1
   * when it is a token; so does this, for pieces of up to 8 bytes (the merge of a longer ASCII token
   * ends at the token too: a test checks every one).
   */
  private int merge(byte[] b, int start, int end, int[] scratch) {
    int n = end - start;
    if (n == 1 || (n <= Long.BYTES && isShortToken(packed(b, start, end)))) {
      return 1;
    }
    // The parts' ids in scratch[0, n); the rank of part i with part i + 1 in scratch[R + i].
    final int r = MAX_PIECE;
    for (int i = 0; i < n; i++) {
      scratch[i] = byteIds[b[start + i]];
    }
    for (int i = 0; i + 1 < n; i++) {
      scratch[r + i] = pair(scratch[i], scratch[i + 1]);
    }
    while (n > 1) {
      int min = 0;
      for (int i = 1; i + 1 < n; i++) {
        if (scratch[r + i] < scratch[r + min]) {
          min = i;
        }
      }
      if (scratch[r + min] == NONE) {
        break;
      }
      scratch[min] = scratch[r + min];
      System.arraycopy(scratch, min + 2, scratch, min + 1, n - min - 2);
      System.arraycopy(scratch, r + min + 2, scratch, r + min + 1, n - min - 2);
      n--;
      scratch[r + min] = min + 1 < n ? pair(scratch[min], scratch[min + 1]) : NONE;
      if (min > 0) {
        scratch[r + min - 1] = pair(scratch[min - 1], scratch[min]);
      }
    }
    return n;
  }


  /** The id (which is also the rank) of the token two adjacent tokens make, or NONE. */
  private int pair(int left, int right) {
    if ((left | right) < LOW) {
      return lowPairs[left * LOW + right];
    }
    long key = ((long) left << ID_BITS) | right;
    for (int slot = mix(key, pairs.length); ; slot = (slot + 1) & (pairs.length - 1)) {
      long entry = pairs[slot];
      if (entry >>> ID_BITS == key) {
        return (int) (entry & ID_MASK);
      }
      if (entry == 0) {
        return NONE;
      }
    }
  }

  private boolean isShortToken(long key) {
    for (int slot = mix(key, shortTokens.length); ; slot = (slot + 1) & (shortTokens.length - 1)) {
      long entry = shortTokens[slot];
      if (entry == key) {
        return true;
      }
      if (entry == 0) {
        return false;
      }
    }
  }

  /** Up to 8 bytes in one long, the first lowest; ASCII holds no zero byte, so the length is implied. */
  private static long packed(byte[] b, int start, int end) {
    long key = 0;
    for (int i = end - 1; i >= start; i--) {
      key = (key << 8) | b[i];
    }
    return key;
  }

  private static int mix(long key, int tableLength) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & (tableLength - 1);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte x : bytes) {
      if (x < 0) {
        return false;
      }
    }
    return true;
  }

  private static int letters(byte[] b, int from, int end) {
    int j = from;
    while (j < end && isLetter(b[j])) {
      j++;
    }
    return j;
  }

  /** Printable ASCII, tab, CR and LF: the characters whose regex classes are plain here. */
  private static boolean inAlphabet(byte c) {
    return (c >= ' ' && c < 0x7f) || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isLetter(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isPunct(byte c) {
    return !isSpace(c) && !isLetter(c) && !isDigit(c);
  }

  private static int lower(byte c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }
}
