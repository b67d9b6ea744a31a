package io.swetraces.text;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import org.junit.Test;

public class LoneSurrogatesTest {
  @Test
  public void replacesOnlyUnpairedSurrogates() {
    assertEquals("a\uFFFDb", LoneSurrogates.replace("a\ud800b"));
    assertEquals("\uFFFD", LoneSurrogates.replace("\udc00"));
    assertEquals("x\uFFFD", LoneSurrogates.replace("x\ud83d"));
    assertEquals("\uFFFD\uFFFD ok", LoneSurrogates.replace("\udc00\ud800 ok"));
    assertEquals("😀\uFFFD😀", LoneSurrogates.replace("😀\ud800😀"));
    String pair = "ok 😀 still";
    assertSame(pair, LoneSurrogates.replace(pair));
  }
}
