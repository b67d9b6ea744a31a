package io.swetraces.curate;

import java.util.Arrays;

/**
 * The distinct word n-grams of a text, hashed to 64 bits: words are runs of letters, digits and
 * {@code _}, letter case aside, so quoting, escaping, line breaks and markup around a text do not
 * change its grams.
 */
final class WordGrams {
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private WordGrams() {}

  /** The sorted distinct hashes of the text's {@code n}-word grams; none for a text of fewer words. */
  static long[] of(CharSequence text, int n) {
    long[] words = new long[Math.max(16, text.length() / 4)];
    int count = 0;
    long h = 0;
    boolean inWord = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c) || c == '_') {
        h = (h ^ Character.toLowerCase(c)) * 0x100000001B3L; // FNV-1a
        inWord = true;
      } else if (inWord) {
        if (count == words.length) {
          words = Arrays.copyOf(words, 2 * count);
        }
        words[count++] = mix(h);
        h = 0;
        inWord = false;
      }
    }
    if (count < n) {
      return new long[0];
    }
    long[] grams = new long[count - n + 1];
    for (int i = 0; i < grams.length; i++) {
      long g = 0;
      for (int k = 0; k < n; k++) {
        g = (g + words[i + k]) * MULTIPLIER;
      }
      grams[i] = mix(g);
    }
    Arrays.sort(grams);
    return distinct(grams);
  }

  /** The changed lines of a unified diff (added and removed, not the file headers), one per line. */
  static String changedLines(String patch) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    while (start < patch.length()) {
      int end = patch.indexOf('\n', start);
      end = end < 0 ? patch.length() : end;
      char first = patch.charAt(start);
      boolean header = patch.startsWith("+++", start) || patch.startsWith("---", start);
      if ((first == '+' || first == '-') && !header) {
        out.append(patch, start + 1, end).append('\n');
      }
      start = end + 1;
    }
    return out.toString();
  }

  /** How many of the sorted distinct {@code grams} the sorted distinct {@code in} holds. */
  static int shared(long[] grams, long[] in) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < grams.length && j < in.length) {
      int c = Long.compare(grams[i], in[j]);
      if (c == 0) {
        n++;
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }

  private static long[] distinct(long[] sorted) {
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, n);
  }

  /** A 64-bit finaliser (SplitMix64): nearby inputs get unrelated hashes. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
