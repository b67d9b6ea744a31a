package io.swetraces.tokens;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import io.swetraces.model.Message;
import io.swetraces.parse.TrajectoryParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.BeforeClass;
import org.junit.Test;

/** The ASCII byte-pair counter equals jtokkit on every text it accepts. */
public class AsciiBytePairsTest {
  private static final Encoding CL100K =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
  private static AsciiBytePairs pairs;

  @BeforeClass
  public static void build() {
    pairs = AsciiBytePairs.of(CL100K);
  }

  @Test
  public void equalsJtokkitOnEveryLineOfTheRealSample() throws Exception {
    TrajectoryParser parser = new TrajectoryParser(null, null);
    List<String> rows =
        Files.readAllLines(Path.of("..", "src", "sample", "oswt-sample.jsonl"), StandardCharsets.UTF_8);
    int counted = 0;
    for (int r = 0; r < rows.size(); r++) {
      for (Message m : parser.parse("sample", r, rows.get(r)).getMessages()) {
        for (String line : ChatMl.turn(m).split("(?<=\n)")) {
          if (line.length() <= AsciiBytePairs.MAX_PIECE && assertEqual(line)) {
            counted++;
          }
        }
      }
    }
    assertTrue("lines counted: " + counted, counted > 5_000);
  }

  @Test
  public void equalsJtokkitOnRandomAsciiWithThePreTokenizersEdges() {
    String[] parts = {
      " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", " \n", "'", "'s", "'S", "'re", "'VE", "'ll", "'d",
      "'m", "'t", "'x", "a", "the", "Zed", "word", "xqzv", "0", "12", "345", "6789", ".", ",", "!?", "(",
      ")", "{}", "\"", "\\", "_", "-", "#", "<|", "|>", "->", "==", "/*", "~", "`", "@", ":", ";"
    };
    Random random = new Random(20261124);
    int counted = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int p = 1 + random.nextInt(12); p > 0; p--) {
        text.append(parts[random.nextInt(parts.length)]);
      }
      if (assertEqual(text.toString())) {
        counted++;
      }
    }
    assertEquals(200_000, counted);
  }

  @Test
  public void equalsJtokkitOnRandomPrintableAscii() {
    Random random = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      char[] text = new char[1 + random.nextInt(40)];
      for (int c = 0; c < text.length; c++) {
        int k = random.nextInt(100);
        text[c] = k < 3 ? '\n' : k < 5 ? '\r' : k < 7 ? '\t' : (char) (' ' + random.nextInt(95));
      }
      assertTrue(assertEqual(new String(text)));
    }
  }

  /**
   * Every ASCII token that is one piece counts 1: looked up when it has up to 8 bytes, merged when
   * longer (why the counter may skip tiktoken's whole-piece lookup there).
   */
  @Test
  public void mergesEveryAsciiTokenThatIsOnePieceIntoOneToken() {
    int tokens = 0;
    for (int id = 0; id < 100_256; id++) {
      IntArrayList one = new IntArrayList(1);
      one.add(id);
      byte[] b = CL100K.decodeBytes(one);
      int count = pairs.count(b, 0, b.length, AsciiBytePairs.scratch());
      if (count != AsciiBytePairs.NOT_ASCII && AsciiBytePairs.pieceEnd(b, 0, b.length) == b.length) {
        assertEquals("token " + id, 1, count);
        tokens++;
      }
    }
    assertTrue("ASCII tokens: " + tokens, tokens > 50_000);
  }

  @Test
  public void declinesTextOutsideItsAlphabet() {
    for (String s : new String[] {"caf\u00e9", "a\u000bb", "a\fb", "x\u001cy", "\u0000", "\u007f"}) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      assertEquals(s, AsciiBytePairs.NOT_ASCII, pairs.count(b, 0, b.length, AsciiBytePairs.scratch()));
    }
  }

  @Test
  public void splitsPiecesLikeTheCl100kPattern() {
    assertEquals(List.of("'s", "elf"), pieces("'self"));
    assertEquals(List.of("I", "'RE"), pieces("I'RE"));
    assertEquals(List.of(" hello", " world"), pieces(" hello world"));
    assertEquals(List.of("123", "45"), pieces("12345"));
    assertEquals(List.of("(db", "_field", ","), pieces("(db_field,"));
    assertEquals(List.of(" (", "x"), pieces(" (x"));
    assertEquals(List.of("x", ");\n\n"), pieces("x);\n\n"));
    assertEquals(List.of("  ", " x"), pieces("   x"));
    assertEquals(List.of(" \n"), pieces(" \n"));
    assertEquals(List.of("\n \n", "  "), pieces("\n \n  "));
    assertEquals(List.of("\t", "1"), pieces("\t1"));
  }

  /** Compares with jtokkit; false when the counter declines the text. */
  private static boolean assertEqual(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    int count = pairs.count(b, 0, b.length, AsciiBytePairs.scratch());
    if (count == AsciiBytePairs.NOT_ASCII) {
      return false;
    }
    assertEquals(escape(text), CL100K.countTokensOrdinary(text), count);
    return true;
  }

  private static List<String> pieces(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < b.length; ) {
      int to = AsciiBytePairs.pieceEnd(b, i, b.length);
      out.add(text.substring(i, to));
      i = to;
    }
    return out;
  }

  private static String escape(String s) {
    return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }
}
