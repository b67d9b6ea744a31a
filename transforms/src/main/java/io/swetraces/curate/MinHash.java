package io.swetraces.curate;

import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import io.swetraces.model.Trajectory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * MinHash signatures of what a trajectory's assistant said (texts and tool calls), over shingles of
 * {@link #SHINGLE} words, and their banding for locality-sensitive hashing: two trajectories whose
 * shingle sets have Jaccard similarity s share a band with probability 1 - (1 - s^r)^b. With
 * {@link #BANDS} bands of {@link #ROWS} rows, a pair at 0.8 is a candidate 99.9% of the time, a pair
 * at 0.3 0.1% of the time; candidates are then compared on their signatures.
 */
public final class MinHash {
  public static final int SHINGLE = 5;
  public static final int BANDS = 16;
  public static final int ROWS = 4;
  public static final int PERMUTATIONS = BANDS * ROWS;
  /** Near duplicates by default: at least this estimated Jaccard similarity. */
  public static final double DEFAULT_THRESHOLD = 0.8;

  private static final long PRIME = (1L << 61) - 1;
  private static final long[] A = new long[PERMUTATIONS];
  private static final long[] B = new long[PERMUTATIONS];

  static {
    SplittableRandom random = new SplittableRandom(20261203L);
    for (int i = 0; i < PERMUTATIONS; i++) {
      A[i] = 1 + random.nextLong(PRIME - 1);
      B[i] = random.nextLong(PRIME);
    }
  }

  private MinHash() {}

  /** The signature, or null when the assistant said fewer than {@link #SHINGLE} words. */
  public static long[] signature(Trajectory t) {
    Set<Long> shingles = shingles(t);
    if (shingles.isEmpty()) {
      return null;
    }
    long[] signature = new long[PERMUTATIONS];
    Arrays.fill(signature, Long.MAX_VALUE);
    for (long x : shingles) {
      long v = Long.remainderUnsigned(x, PRIME);
      for (int i = 0; i < PERMUTATIONS; i++) {
        long h = mulMod(A[i], v) + B[i];
        if (h >= PRIME) {
          h -= PRIME;
        }
        if (h < signature[i]) {
          signature[i] = h;
        }
      }
    }
    return signature;
  }

  /** The key of band {@code band}: its number and a hash of its rows. */
  public static String bandKey(long[] signature, int band) {
    long h = 0xcbf29ce484222325L;
    for (int i = band * ROWS; i < (band + 1) * ROWS; i++) {
      h = (h ^ signature[i]) * 0x100000001b3L;
    }
    return band + ":" + Long.toHexString(h);
  }

  /** The share of equal positions: an estimate of the Jaccard similarity. */
  public static double similarity(long[] a, long[] b) {
    int same = 0;
    for (int i = 0; i < PERMUTATIONS; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / PERMUTATIONS;
  }

  private static Set<Long> shingles(Trajectory t) {
    StringBuilder said = new StringBuilder();
    for (Message m : t.getMessages()) {
      if ("assistant".equals(m.getRole())) {
        said.append(m.getContent()).append(' ');
        for (ToolCall c : m.getToolCalls()) {
          said.append(c.getName()).append(' ').append(c.getArguments()).append(' ');
        }
      }
    }
    String[] words = said.toString().toLowerCase(Locale.ROOT).split("\\s+");
    Set<Long> shingles = new HashSet<>();
    for (int i = 0; i + SHINGLE <= words.length; i++) {
      long h = 0xcbf29ce484222325L;
      for (int w = i; w < i + SHINGLE; w++) {
        for (byte b : words[w].getBytes(StandardCharsets.UTF_8)) {
          h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ ' ') * 0x100000001b3L;
      }
      shingles.add(h);
    }
    return shingles;
  }

  /** (a * b) mod 2^61 - 1, without overflow. */
  private static long mulMod(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    // a*b = hi * 2^64 + lo (unsigned); 2^64 = 8 mod (2^61 - 1)
    long low61 = lo & PRIME;
    long rest = (lo >>> 61) | (hi << 3);
    long r = low61 + rest;
    while (Long.compareUnsigned(r, PRIME) >= 0) {
      r -= PRIME;
    }
    return r;
  }
}
