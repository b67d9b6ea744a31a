package io.swetraces.parse;

/** How a unified diff's lines are counted. */
public enum PatchCounting {
  /**
   * Follows the hunk headers: exactly the lines each {@code @@ -a,b +c,d @@} announces, so a removed
   * line that starts with {@code ---} or an added one that starts with {@code +++} counts, and diffs
   * without {@code diff --git} headers still count their files.
   */
  HUNK,
  /**
   * The tutorial's line-prefix rule: files are {@code diff --git} lines, every line starting with
   * {@code +} but not {@code +++} is added, every line starting with {@code -} but not {@code ---}
   * deleted.
   */
  TUTORIAL
}
