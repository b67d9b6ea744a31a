package io.swetraces.curate;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Finds every occurrence of a set of ASCII words in one pass over a text, letter case aside (an
 * Aho-Corasick automaton over lower-cased ASCII in a dense table). One pass for all words costs
 * about what one {@code indexOf} of a single word does: the secret rules' dozens of literal pieces
 * were dozens of passes.
 */
final class Anchors implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int ASCII = 128;

  /** Receives each occurrence: the word's index and where it starts in the text. */
  interface Hit {
    void at(int word, int start);
  }

  private final int[] lengths;
  /**
   * Each ASCII character's column: 0 for those no word holds, else one per lower-cased character.
   * A narrow table stays in the first-level cache.
   */
  private final byte[] column = new byte[ASCII];
  private final int width;
  /** The next state for each state and column. */
  private final int[] next;
  /** The words ending at each state (its own and, through its failure links, its suffixes'). */
  private final int[][] ends;
  private final boolean[] found;

  private static final int MAX_KEPT_BUFFER = 1 << 20;
  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[4096]);

  Anchors(List<String> words) {
    lengths = new int[words.size()];
    int columns = 1;
    for (String word : words) {
      for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
        if (c < ASCII && column[c] == 0) {
          column[c] = (byte) columns++;
        }
      }
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      column[c] = column[c + ('a' - 'A')];
    }
    width = columns;
    List<int[]> children = new ArrayList<>();
    List<int[]> endsAt = new ArrayList<>();
    children.add(newRow());
    endsAt.add(new int[0]);
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w).toLowerCase(Locale.ROOT);
      if (word.isEmpty() || !word.chars().allMatch(c -> c < ASCII)) {
        throw new IllegalArgumentException("an anchor must be non-empty ASCII: " + word);
      }
      lengths[w] = word.length();
      int state = 0;
      for (int i = 0; i < word.length(); i++) {
        int c = column[word.charAt(i)];
        if (children.get(state)[c] < 0) {
          children.get(state)[c] = children.size();
          children.add(newRow());
          endsAt.add(new int[0]);
        }
        state = children.get(state)[c];
      }
      endsAt.set(state, append(endsAt.get(state), w));
    }
    int states = children.size();
    next = new int[states * width];
    ends = new int[states][];
    int[] fail = new int[states];
    Deque<Integer> queue = new ArrayDeque<>();
    ends[0] = endsAt.get(0);
    for (int c = 0; c < width; c++) {
      int child = children.get(0)[c];
      next[c] = Math.max(child, 0);
      if (child > 0) {
        queue.add(child);
      }
    }
    found = new boolean[states];
    while (!queue.isEmpty()) { // breadth first: a state's failure target is complete before it
      int s = queue.poll();
      ends[s] = endsAt.get(s);
      for (int w : ends[fail[s]]) {
        ends[s] = append(ends[s], w);
      }
      found[s] = ends[s].length > 0;
      for (int c = 0; c < width; c++) {
        int child = children.get(s)[c];
        if (child > 0) {
          fail[child] = next[fail[s] * width + c];
          next[s * width + c] = child;
          queue.add(child);
        } else {
          next[s * width + c] = next[fail[s] * width + c];
        }
      }
    }
  }

  /** Calls {@code hit} for every occurrence, in order of where they end. */
  void find(String text, Hit hit) {
    // Read from a copy: a loop over String.charAt costs more than the copy (twice, measured).
    char[] chars = BUFFER.get();
    if (chars.length < text.length()) {
      chars = new char[Math.max(text.length(), 2 * chars.length)];
      if (chars.length <= MAX_KEPT_BUFFER) {
        BUFFER.set(chars); // a huge row's copy is not kept for the thread's lifetime
      }
    }
    int length = text.length();
    text.getChars(0, length, chars, 0);
    int state = 0;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      state = c < ASCII ? next[state * width + column[c]] : 0; // no word holds other characters
      if (found[state]) {
        for (int w : ends[state]) {
          hit.at(w, i + 1 - lengths[w]);
        }
      }
    }
  }

  private static int[] newRow() {
    int[] row = new int[ASCII];
    Arrays.fill(row, -1);
    return row;
  }

  private static int[] append(int[] a, int v) {
    int[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
  }
}
