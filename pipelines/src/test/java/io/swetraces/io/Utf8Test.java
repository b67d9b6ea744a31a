package io.swetraces.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class Utf8Test {
  private static String decode(byte[] b) throws CharacterCodingException {
    return Utf8.decode(b, 0, b.length);
  }

  @Test
  public void decodesValidTextIncludingARealReplacementCharacter() throws Exception {
    for (String s : new String[] {"plain ascii", "café ✓ 😀", "a real \uFFFD stays", ""}) {
      assertEquals(s, decode(s.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  public void rejectsInvalidBytes() {
    byte[][] bad = {
      {'a', (byte) 0xC3, '('}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {'x', (byte) 0xE2, (byte) 0x9C}
    };
    for (byte[] b : bad) {
      assertThrows(CharacterCodingException.class, () -> decode(b));
    }
  }
}
