package io.swetraces.parse;

import io.swetraces.model.PatchMatch;
import io.swetraces.text.PyText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Compares a final patch with a reference patch, file by file. Two patches make the same changes
 * when they change the same files and, in each, add and delete the same lines in the same order,
 * once normalized: line endings and trailing white space ignored, and neither context lines nor
 * hunk positions counted, so the same edit made against a shifted file, or shown with more
 * context, is the same.
 */
public final class PatchComparison {
  private PatchComparison() {}

  /** Null when there is no reference patch to compare with. */
  public static @Nullable PatchMatch compare(@Nullable String patch, @Nullable String reference) {
    if (reference == null || PyText.strip(reference).isEmpty()) {
      return null;
    }
    Map<String, List<String>> ours = normalized(patch);
    Map<String, List<String>> theirs = normalized(reference);
    Set<String> both = new HashSet<>(ours.keySet());
    both.retainAll(theirs.keySet());
    Double precision = ours.isEmpty() ? null : (double) both.size() / ours.size();
    Double recall = theirs.isEmpty() ? null : (double) both.size() / theirs.size();
    return PatchMatch.of(theirs.size(), both.size(), precision, recall, !ours.isEmpty() && ours.equals(theirs));
  }

  /** Each file's changed lines, normalized; a file the diff names twice has its changes joined. */
  private static Map<String, List<String>> normalized(@Nullable String diff) {
    Map<String, List<String>> files = new LinkedHashMap<>();
    for (DiffParser.FileChange file : DiffParser.files(diff)) {
      List<String> lines = files.computeIfAbsent(file.path(), p -> new ArrayList<>());
      for (String line : file.lines()) {
        lines.add(line.substring(0, PyText.stripEnd(line, 0, line.length())));
      }
    }
    return files;
  }
}
