package io.swetraces.parse;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.swetraces.model.PatchMatch;
import java.util.List;
import org.junit.Test;

public class PatchComparisonTest {
  private static final String GOLD = String.join("\n",
      "diff --git a/src/a.py b/src/a.py",
      "--- a/src/a.py",
      "+++ b/src/a.py",
      "@@ -10,3 +10,3 @@ def f():",
      "     x = 1",
      "-    return x",
      "+    return x + 1",
      "     # end",
      "diff --git a/src/b.py b/src/b.py",
      "--- a/src/b.py",
      "+++ b/src/b.py",
      "@@ -1 +1,2 @@",
      " import os",
      "+import re",
      "");

  /** The same edits against shifted lines, with other context, CRLF endings and trailing spaces. */
  private static final String SAME = String.join("\r\n",
      "diff --git a/src/b.py b/src/b.py",
      "@@ -3 +3,2 @@",
      "+import re   ",
      "diff --git a/src/a.py b/src/a.py",
      "@@ -42,2 +42,2 @@",
      "-    return x",
      "+    return x + 1",
      "");

  @Test
  public void theSameEditsMadeElsewhereOrShownDifferentlyAreTheSame() {
    assertEquals(PatchMatch.of(2, 2, 1.0, 1.0, true), PatchComparison.compare(SAME, GOLD));
  }

  @Test
  public void filesInBothGivePrecisionAndRecall() {
    String partly = "diff --git a/src/a.py b/src/a.py\n@@ -1 +1 @@\n-    return x\n+    return 2\n"
        + "diff --git a/docs/c.md b/docs/c.md\n@@ -1 +1 @@\n-a\n+b\n"
        + "diff --git a/setup.py b/setup.py\n@@ -1 +1 @@\n-a\n+b\n";
    assertEquals(PatchMatch.of(2, 1, 1 / 3.0, 0.5, false), PatchComparison.compare(partly, GOLD));
    assertEquals(PatchMatch.of(2, 0, null, 0.0, false), PatchComparison.compare("", GOLD));
    assertEquals(PatchMatch.of(2, 0, null, 0.0, false), PatchComparison.compare(null, GOLD));
  }

  @Test
  public void noReferenceNoComparison() {
    assertNull(PatchComparison.compare(GOLD, null));
    assertNull(PatchComparison.compare(GOLD, " \n"));
  }

  @Test
  public void filesOfADiffWithTheirChangedLines() {
    List<DiffParser.FileChange> files = DiffParser.files(GOLD);
    assertEquals(List.of(new DiffParser.FileChange("src/a.py", List.of("-    return x", "+    return x + 1")),
        new DiffParser.FileChange("src/b.py", List.of("+import re"))), files);
  }
}
