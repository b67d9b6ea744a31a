package io.swetraces.curate;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** Word grams ignore what surrounds words; a gram index finds the document a text repeats most of. */
public class WordGramsTest {
  @Test
  public void gramsAreOfWordsWhateverQuotesCaseAndLineBreaksSurroundThem() {
    long[] plain = WordGrams.of("The parser fails on empty input files", 3);
    assertEquals(5, plain.length);
    assertArrayEquals(plain, WordGrams.of("\"the  PARSER\nfails\" on `empty` input\r\nfiles!", 3));
    assertEquals(0, WordGrams.of("two words", 3).length);
    assertEquals(1, WordGrams.of("a a a a a", 3).length);
  }

  @Test
  public void changedLinesLeaveOutHeadersAndContext() {
    String patch = "diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -1,3 +1,3 @@\n keep\n-old line\n+new line\n";
    assertEquals("old line\nnew line\n", WordGrams.changedLines(patch));
  }

  @Test
  public void theIndexNamesTheDocumentWhoseGramsATextHoldsMostOf() {
    GramIndex index = new GramIndex(List.of(
        WordGrams.of("one two three four five six", 2),
        WordGrams.of("seven eight nine ten", 2)));
    assertEquals(1, index.best(WordGrams.of("say seven eight nine ten now", 2), 0.5, 1));
    assertEquals(0, index.best(WordGrams.of("one two three four and more", 2), 0.5, 1)); // 3 of 5
    assertEquals(-1, index.best(WordGrams.of("one two three and more", 2), 0.5, 1)); // 2 of 5
    assertEquals(-1, index.best(WordGrams.of("seven eight nine ten", 2), 0.5, 4)); // too short to tell
    assertEquals(-1, new GramIndex(List.of()).best(WordGrams.of("one two", 2), 0.5, 1));
  }
}
