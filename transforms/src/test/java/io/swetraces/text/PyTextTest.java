package io.swetraces.text;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class PyTextTest {
  @Test
  public void splitLinesBreaksWhereStrSplitlinesDoes() {
    assertEquals(List.of("a", "b", "c", "d", "e", "f"), PyText.splitLines("a\nb\r\nc\rd\u000be\u2028f"));
    assertEquals(List.of("a", ""), PyText.splitLines("a\n\n"));
    assertEquals(List.of(), PyText.splitLines(""));
    assertEquals(List.of("x", "y"), PyText.splitLines("x\u001cy"));
  }

  @Test
  public void stripUsesPythonWhitespace() {
    assertEquals("body", PyText.strip("\u00a0\u3000 body\n\u001f"));
    assertEquals("", PyText.strip(" \t\n"));
    // U+200B (zero width space) is not white space in Python either.
    assertEquals("\u200bx", PyText.strip("\u200bx "));
  }

  @Test
  public void splitOnRunsOfWhitespace() {
    assertEquals(List.of("diff", "--git", "a/x", "b/x"), PyText.split("  diff --git\ta/x  b/x \n"));
  }
}
