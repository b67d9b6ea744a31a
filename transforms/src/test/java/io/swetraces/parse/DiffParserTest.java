package io.swetraces.parse;

import static org.junit.Assert.assertEquals;

import io.swetraces.model.PatchStats;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.Test;

public class DiffParserTest {
  /** A real SWE-agent submission (SWE-agent repository, MIT). */
  private static String realPatch() throws Exception {
    try (var in = DiffParserTest.class.getResourceAsStream("/fixtures/pydicom__pydicom-1458.patch")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  public void realPatchCountsAgreeInBothModes() throws Exception {
    String patch = realPatch();
    PatchStats expected = PatchStats.of(1, 3, 2, Map.of("py", 1));
    assertEquals(expected, DiffParser.parse(patch, PatchCounting.HUNK));
    assertEquals(expected, DiffParser.parse(patch, PatchCounting.TUTORIAL));
  }

  private static final String DASHES =
      "diff --git a/docs/notes.md b/docs/notes.md\n"
          + "--- a/docs/notes.md\n"
          + "+++ b/docs/notes.md\n"
          + "@@ -1,3 +1,3 @@\n"
          + " title\n"
          + "---- old rule\n"
          + "+++++ new rule\n"
          + " end\n";

  @Test
  public void hunkCountingCountsLinesThatLookLikeHeaders() {
    assertEquals(PatchStats.of(1, 1, 1, Map.of("md", 1)), DiffParser.parse(DASHES, PatchCounting.HUNK));
  }

  @Test
  public void tutorialCountingSkipsThemAsTheTutorialDoes() {
    assertEquals(PatchStats.of(1, 0, 0, Map.of("md", 1)), DiffParser.parse(DASHES, PatchCounting.TUTORIAL));
  }

  @Test
  public void crlfDiffsAndMissingCountsAndNoNewlineMarkers() {
    String diff =
        "diff --git a/A.java b/A.java\r\n--- a/A.java\r\n+++ b/A.java\r\n@@ -5 +5,2 @@\r\n-x\r\n"
            + "+y\r\n+z\r\n\\ No newline at end of file\r\n";
    assertEquals(PatchStats.of(1, 2, 1, Map.of("java", 1)), DiffParser.parse(diff, PatchCounting.HUNK));
    assertEquals(PatchStats.of(1, 2, 1, Map.of("java", 1)), DiffParser.parse(diff, PatchCounting.TUTORIAL));
  }

  @Test
  public void plainUnifiedDiffsWithoutGitHeadersStillCountFiles() {
    String diff =
        "--- src/a.py\t2024-01-01\n+++ src/a.py\t2024-01-02\n@@ -1,2 +1,2 @@\n-a\n+b\n c\n"
            + "--- /dev/null\n+++ b/new.TXT\n@@ -0,0 +1 @@\n+hello\n"
            + "--- a/gone.c\n+++ /dev/null\n@@ -1 +0,0 @@\n-bye\n";
    assertEquals(PatchStats.of(3, 2, 2, Map.of("py", 1, "txt", 1, "c", 1)),
        DiffParser.parse(diff, PatchCounting.HUNK));
    assertEquals(PatchStats.of(0, 2, 2, Map.of()), DiffParser.parse(diff, PatchCounting.TUTORIAL));
  }

  @Test
  public void pathsWithSpacesRenamesAndBinaries() {
    String diff =
        "diff --git a/my dir/x y.rs b/my dir/x y.rs\nindex 1..2\n"
            + "diff --git a/old.go b/new.go\nsimilarity index 100%\nrename from old.go\nrename to new.go\n"
            + "diff --git a/logo.PNG b/logo.PNG\nBinary files a/logo.PNG and b/logo.PNG differ\n"
            + "diff --git a/Makefile b/Makefile\n";
    assertEquals(PatchStats.of(4, 0, 0, Map.of("rs", 1, "go", 1, "png", 1)),
        DiffParser.parse(diff, PatchCounting.HUNK));
  }

  @Test
  public void aHunkShorterThanAnnouncedEndsAtTheNextHeader() {
    String diff =
        "diff --git a/a.py b/a.py\n@@ -1,9 +1,9 @@\n-x\n+y\n"
            + "diff --git a/b.py b/b.py\n@@ -1 +1 @@\n-p\n+q\n";
    assertEquals(PatchStats.of(2, 2, 2, Map.of("py", 2)), DiffParser.parse(diff, PatchCounting.HUNK));
  }

  @Test
  public void emptyAndMissingPatches() {
    assertEquals(PatchStats.empty(), DiffParser.parse(null, PatchCounting.HUNK));
    assertEquals(PatchStats.empty(), DiffParser.parse("", PatchCounting.TUTORIAL));
  }

  @Test
  public void namesWithoutPrefixesAsGitDiffNoPrefixWritesThem() {
    String diff = "diff --git x x\n--- x\n+++ x\n@@ -1 +1 @@\n-a\n+b\n"
        + "diff --git src/m.py src/m.py\n@@ -1 +1 @@\n-c\n+d\n";
    assertEquals(PatchStats.of(2, 2, 2, Map.of("py", 1)), DiffParser.parse(diff, PatchCounting.HUNK));
    assertEquals(PatchStats.of(2, 2, 2, Map.of("py", 1)), DiffParser.parse(diff, PatchCounting.TUTORIAL));
    assertEquals("a", DiffParser.gitHeaderPath("a a"));
    assertEquals("x", DiffParser.gitHeaderPath("a/x b/x"));
    assertEquals("", DiffParser.gitHeaderPath(""));
  }

  @Test
  public void hunkCountsPastAnyIntegerRunToTheEndOfTheHunk() {
    String diff = "diff --git a/f.py b/f.py\n@@ -1,99999999999999999999 +1,99999999999999999999 @@\n"
        + "-a\n+b\n c\ndiff --git a/g.py b/g.py\n@@ -1,2147483648 +1 @@\n-d\n";
    assertEquals(PatchStats.of(2, 1, 2, Map.of("py", 2)), DiffParser.parse(diff, PatchCounting.HUNK));
  }
}
