package io.swetraces.parse;

import io.swetraces.model.PatchStats;
import io.swetraces.text.PyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Counts the files, added and deleted lines and file extensions of a unified diff. */
public final class DiffParser {
  private static final Pattern HUNK_HEADER =
      Pattern.compile("^@@ -\\d+(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@");
  private static final String DEV_NULL = "/dev/null";

  private DiffParser() {}

  public static PatchStats parse(@Nullable String diff, PatchCounting counting) {
    if (diff == null || diff.isEmpty()) {
      return PatchStats.empty();
    }
    // Python's splitlines: CRLF diffs and stray form feeds split exactly as in the tutorial.
    List<String> lines = PyText.splitLines(diff);
    return counting == PatchCounting.TUTORIAL ? byPrefix(lines) : byHunks(lines);
  }

  private static PatchStats byPrefix(List<String> lines) {
    Map<String, Integer> exts = new TreeMap<>();
    int files = 0;
    int added = 0;
    int deleted = 0;
    for (String line : lines) {
      if (line.startsWith("diff --git")) {
        List<String> parts = PyText.split(line);
        if (parts.size() >= 3) {
          String path = parts.get(2).startsWith("a/") ? parts.get(2).substring(2) : parts.get(2);
          files++;
          countExtension(path, exts);
        }
      } else if (line.startsWith("+") && !line.startsWith("+++")) {
        added++;
      } else if (line.startsWith("-") && !line.startsWith("---")) {
        deleted++;
      }
    }
    return PatchStats.of(files, added, deleted, exts);
  }

  private static PatchStats byHunks(List<String> lines) {
    Map<String, Integer> exts = new TreeMap<>();
    int[] counts = new int[3]; // files, added, deleted
    walk(lines, new Visitor() {
      @Override
      public void file(String path) {
        counts[0]++;
        countExtension(path, exts);
      }

      @Override
      public void changed(String line) {
        counts[line.charAt(0) == '+' ? 1 : 2]++;
      }
    });
    return PatchStats.of(counts[0], counts[1], counts[2], exts);
  }

  /** Each file of a diff, by its new-side path (the old one for a deletion), with its changed lines. */
  public static List<FileChange> files(@Nullable String diff) {
    List<FileChange> files = new ArrayList<>();
    if (diff == null || diff.isEmpty()) {
      return files;
    }
    walk(PyText.splitLines(diff), new Visitor() {
      @Override
      public void file(String path) {
        files.add(new FileChange(path, new ArrayList<>()));
      }

      @Override
      public void changed(String line) {
        if (!files.isEmpty()) {
          files.get(files.size() - 1).lines().add(line);
        }
      }
    });
    return files;
  }

  /** A file a diff changes, and its added ({@code +...}) and deleted ({@code -...}) lines in order. */
  public record FileChange(String path, List<String> lines) {}

  /** What a walk over a diff reports: each file's header, then each line a hunk adds or deletes. */
  private interface Visitor {
    void file(String path);

    void changed(String line);
  }

  /**
   * Walks a diff hunk by hunk: a line is added or deleted only inside a hunk, as its header counts
   * them, so a deleted {@code -- comment} or an added {@code ++i} is never taken for a file header.
   */
  private static void walk(List<String> lines, Visitor visitor) {
    int oldLeft = 0;
    int newLeft = 0;
    boolean gitHeaders = false;
    String oldPath = null;
    for (String line : lines) {
      if (oldLeft > 0 || newLeft > 0) {
        char c = line.isEmpty() ? ' ' : line.charAt(0);
        if (c == '+') {
          visitor.changed(line);
          newLeft--;
          continue;
        } else if (c == '-') {
          visitor.changed(line);
          oldLeft--;
          continue;
        } else if (c == ' ') {
          oldLeft--;
          newLeft--;
          continue;
        } else if (c == '\\') {
          continue; // "\ No newline at end of file"
        }
        // Anything else ends a hunk that announced more lines than it has.
        oldLeft = 0;
        newLeft = 0;
      }
      if (line.startsWith("diff --git ")) {
        gitHeaders = true;
        visitor.file(gitHeaderPath(line.substring("diff --git ".length())));
      } else if (line.startsWith("--- ")) {
        oldPath = headerPath(line.substring(4), "a/");
      } else if (line.startsWith("+++ ") && !gitHeaders) {
        String newPath = headerPath(line.substring(4), "b/");
        visitor.file(DEV_NULL.equals(newPath) && oldPath != null ? oldPath : newPath);
      } else if (line.startsWith("@@ ")) {
        Matcher m = HUNK_HEADER.matcher(line);
        if (m.find()) {
          oldLeft = lineCount(m.group(1));
          newLeft = lineCount(m.group(2));
        }
      }
    }
  }

  /**
   * A hunk's line count: 1 when the header leaves it out; a count no patch can reach (past {@code
   * int}) is taken as "to the end of the hunk's lines", since a hunk also ends at a line that is not
   * one of its own.
   */
  private static int lineCount(@Nullable String digits) {
    if (digits == null) {
      return 1;
    }
    return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }

  /**
   * The new-side path of {@code a/OLD b/NEW}, also when names hold spaces or are quoted, or have no
   * {@code a/} and {@code b/} (as {@code git diff --no-prefix} writes them).
   */
  static String gitHeaderPath(String rest) {
    String s = rest.strip();
    if (s.endsWith("\"")) {
      int open = s.lastIndexOf(" \"");
      return stripPrefix(unquote(s.substring(open + 1)), "b/");
    }
    int half = (s.length() - 1) / 2;
    if (s.length() % 2 == 1 && s.charAt(half) == ' ') {
      // The same name on both sides, with or without the prefixes: split in the middle.
      String left = s.substring(0, half);
      String right = s.substring(half + 1);
      if (left.equals(right)) {
        return right;
      }
      if (left.startsWith("a/") && right.startsWith("b/") && left.substring(2).equals(right.substring(2))) {
        return right.substring(2);
      }
    }
    int b = s.indexOf(" b/");
    return b >= 0 ? s.substring(b + 3) : s;
  }

  private static String headerPath(String rest, String prefix) {
    String s = rest;
    int tab = s.indexOf('\t');
    if (tab >= 0) {
      s = s.substring(0, tab);
    }
    s = s.strip();
    if (s.startsWith("\"")) {
      s = unquote(s);
    }
    return stripPrefix(s, prefix);
  }

  private static String stripPrefix(String path, String prefix) {
    return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
  }

  private static String unquote(String quoted) {
    String s = quoted.length() >= 2 ? quoted.substring(1, quoted.length() - 1) : quoted;
    return s.replace("\\\"", "\"").replace("\\\\", "\\").replace("\\t", "\t");
  }

  /** Python's {@code path.split("/")[-1].rsplit(".", 1)[-1].lower()}, when the name has a dot. */
  private static void countExtension(String path, Map<String, Integer> exts) {
    String base = path.substring(path.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    if (dot >= 0) {
      exts.merge(base.substring(dot + 1).toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
  }
}
