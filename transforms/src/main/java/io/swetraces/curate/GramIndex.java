package io.swetraces.curate;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The word grams of many documents (benchmark task statements, gold patches), to find the one a
 * text repeats: the document the largest share of whose grams the text holds. Grams are kept
 * sorted with their document, so a lookup is a binary search and the index is two arrays.
 */
final class GramIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] grams;
  private final int[] documents;
  private final int[] sizes;

  /** An index of these documents' grams ({@link WordGrams#of}), each document by its position. */
  GramIndex(List<long[]> perDocument) {
    sizes = new int[perDocument.size()];
    int total = 0;
    for (int d = 0; d < sizes.length; d++) {
      sizes[d] = perDocument.get(d).length;
      total += sizes[d];
    }
    long[] keyed = new long[total];
    Integer[] order = new Integer[total];
    long[] flat = new long[total];
    int[] owner = new int[total];
    int i = 0;
    for (int d = 0; d < sizes.length; d++) {
      for (long g : perDocument.get(d)) {
        flat[i] = g;
        owner[i] = d;
        order[i] = i;
        i++;
      }
    }
    Arrays.sort(order, (a, b) -> a.equals(b) ? 0
        : flat[a] != flat[b] ? Long.compare(flat[a], flat[b]) : Integer.compare(owner[a], owner[b]));
    documents = new int[total];
    for (int k = 0; k < total; k++) {
      keyed[k] = flat[order[k]];
      documents[k] = owner[order[k]];
    }
    grams = keyed;
  }

  /**
   * The document whose grams the text's ({@code query}, sorted and distinct) hold the largest share
   * of, when that share is at least {@code minShare} of a document of at least {@code minGrams}
   * grams; -1 for none. Ties go to the first document.
   */
  int best(long[] query, double minShare, int minGrams) {
    if (grams.length == 0 || query.length == 0) {
      return -1;
    }
    int[] shared = new int[sizes.length];
    for (long g : query) {
      int at = Arrays.binarySearch(grams, g);
      if (at < 0) {
        continue;
      }
      while (at > 0 && grams[at - 1] == g) {
        at--;
      }
      for (; at < grams.length && grams[at] == g; at++) {
        shared[documents[at]]++;
      }
    }
    int best = -1;
    double bestShare = 0;
    for (int d = 0; d < sizes.length; d++) {
      if (sizes[d] >= minGrams && shared[d] > 0) {
        double share = (double) shared[d] / sizes[d];
        if (share >= minShare && share > bestShare) {
          best = d;
          bestShare = share;
        }
      }
    }
    return best;
  }
}
