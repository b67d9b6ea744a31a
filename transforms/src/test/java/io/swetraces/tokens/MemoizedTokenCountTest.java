package io.swetraces.tokens;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.swetraces.model.Message;
import io.swetraces.model.TokenCounts;
import io.swetraces.model.ToolCall;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.TrajectoryParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** The memoized counter equals plain jtokkit on every text, whatever it has seen before. */
public class MemoizedTokenCountTest {
  /** Pieces that sit on the pre-tokenizer's edges: newline and space runs, contractions, numbers. */
  private static final String[] PIECES = {
    "\n", "\n", "\n", "\r\n", "\r", " ", " ", "  ", "\t", "\u00a0", "\u2028", "\u0085", "\u3000",
    "\u000b", "\f", "\u001c", "a", "word", "Zed", "é", "日本", "'s", "'LL", "'", "1", "234", "56789",
    ".", "!?", "{", "}", "\"", "\\", "_", "-", "#", "<|im_end|>", "<|endoftext|>", "😀", "\ud800",
    "\udc00", "\u200b", "ǅ", "ﬁ", "    def f(x):", "\n    ", " \n", "\n\n\n", ":\n", ".\n  \n"
  };

  @Test
  public void equalsPlainJtokkitOnTheRealSample() throws Exception {
    TokenCounter memo = TokenCounter.memoized();
    List<Trajectory> rows = sample();
    int texts = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < rows.size(); i++) {
        Trajectory t = rows.get(i);
        List<String> all = new ArrayList<>();
        all.add(ChatMl.render(t.getMessages()));
        for (Message m : t.getMessages()) {
          all.add(m.getContent());
          all.add(ChatMl.turn(m));
        }
        for (String text : all) {
          assertEquals("row " + i, TokenCounter.count(text), memo.countOf(text));
          texts++;
        }
      }
    }
    assertTrue(texts > 500);
    assertTrue("the memo answers repeats: " + memo.hitRate(), memo.hitRate() > 0.5);
  }

  @Test
  public void equalsPlainJtokkitOnRandomText() {
    Random random = new Random(20261124);
    TokenCounter memo = TokenCounter.memoized();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int parts = 1 + random.nextInt(40);
      for (int p = 0; p < parts; p++) {
        if (!seen.isEmpty() && random.nextInt(8) == 0) {
          text.append(seen.get(random.nextInt(seen.size())));
        } else {
          text.append(PIECES[random.nextInt(PIECES.length)]);
        }
      }
      String s = text.toString();
      assertEquals(escape(s), TokenCounter.count(s), memo.countOf(s));
      if (seen.size() < 500 && s.length() < 120) {
        seen.add(s);
      }
    }
  }

  @Test
  public void equalsPlainJtokkitOnEveryShortStringOfEdgeCharacters() {
    String[] alphabet = {"\n", "\r", " ", "\u00a0", "\u3000", "\u000b", "\u2028", "a", "."};
    TokenCounter memo = TokenCounter.memoized();
    for (int len = 1; len <= 5; len++) {
      int total = (int) Math.pow(alphabet.length, len);
      for (int k = 0; k < total; k++) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, x = k; i < len; i++, x /= alphabet.length) {
          text.append(alphabet[x % alphabet.length]);
        }
        String s = text.toString();
        assertEquals(escape(s), TokenCounter.count(s), memo.countOf(s));
      }
    }
  }

  @Test
  public void staysExactWhenTheMemoFillsAndStartsOver() {
    Random random = new Random(7);
    TokenCounter memo = TokenCounter.memoized();
    StringBuilder text = new StringBuilder();
    long expected = 0;
    long counted = 0;
    for (int i = 0; i < 200_000; i++) {
      text.setLength(0);
      for (int c = 0; c < 60; c++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      text.append(i % 3 == 0 ? " 42\n" : "\n");
      String line = text.toString();
      expected += TokenCounter.count(line);
      counted += memo.countOf(line);
    }
    assertEquals(expected, counted);
  }

  @Test
  public void splitsOnlyWhereThePreTokenizerMust() {
    assertEquals(4, lineEnd("abc\ndef", 0));
    assertEquals(4, lineEnd("abc\n    def", 0));
    assertEquals(7, lineEnd("abc\n  \ndef", 0));
    assertEquals(5, lineEnd("abc\r\n\tx", 0));
    assertEquals(6, lineEnd("abc\n\n\n", 0));
    assertEquals(8, lineEnd("abc\ndef\nghi", 4));
    assertEquals(3, lineEnd("abc", 0));
    // U+3000 might be whitespace, so the line goes on to the next newline.
    assertEquals(8, lineEnd("abc\n\u3000\ndef", 0));

    assertEquals(3, wordEnd("abc def", 0));
    assertEquals(7, wordEnd("abc def", 3));
    assertEquals(5, wordEnd("a.b() c", 0));
    assertEquals(4, wordEnd("  ab cd", 0));
    assertEquals(5, wordEnd("x\t  y", 0));
    // No split after a non-ASCII character: it might be whitespace (here U+00A0 is).
    assertEquals(6, wordEnd("ab\u00a0 c", 0));
  }

  @Test
  public void conversationCountsEqualPlainCountsOfTheirThreeTexts() throws Exception {
    ConversationTokens memo = ConversationTokens.memoized();
    List<Trajectory> rows = sample();
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < rows.size(); i++) {
        List<Message> messages = rows.get(i).getMessages();
        assertEquals("row " + i, plainCounts(messages), memo.of(messages));
      }
    }
  }

  /**
   * Conversations whose contents start and end with every kind of white space, newline runs and
   * characters that might be white space, so that the edges the joined text and the turns share or
   * not fall everywhere; some turns carry reasoning or a tool call.
   */
  @Test
  public void conversationCountsEqualPlainCountsOnRandomConversations() {
    Random random = new Random(20261125);
    ConversationTokens memo = ConversationTokens.memoized();
    String[] roles = {"system", "user", "assistant", "tool"};
    for (int i = 0; i < 5_000; i++) {
      List<Message> messages = new ArrayList<>();
      int count = random.nextInt(6);
      for (int k = 0; k < count; k++) {
        StringBuilder content = new StringBuilder();
        int parts = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(30);
        for (int p = 0; p < parts; p++) {
          content.append(PIECES[random.nextInt(PIECES.length)]);
        }
        Message.Builder m =
            Message.builder()
                .setRole(roles[random.nextInt(roles.length)])
                .setContent(content.toString())
                .setToolCalls(List.of());
        if (random.nextInt(8) == 0) {
          m.setReasoningContent(random.nextBoolean() ? " \n" : "why\n");
        }
        if (random.nextInt(8) == 0) {
          m.setToolCalls(List.of(ToolCall.of("c" + k, "function", "bash", "{\"command\": \"ls\\n\"}")));
        }
        messages.add(m.build());
      }
      assertEquals(messages.toString(), plainCounts(messages), memo.of(messages));
    }
  }

  /** The three counts by plain jtokkit on the three texts themselves. */
  private static TokenCounts plainCounts(List<Message> messages) {
    List<String> contents = new ArrayList<>();
    long assistant = 0;
    for (Message m : messages) {
      contents.add(m.getContent());
      assistant += "assistant".equals(m.getRole()) ? TokenCounter.count(ChatMl.turn(m)) : 0;
    }
    return TokenCounts.of(
        TokenCounter.count(String.join("\n", contents)),
        TokenCounter.count(ChatMl.render(messages)),
        assistant);
  }

  private static List<Trajectory> sample() throws Exception {
    TrajectoryParser parser = new TrajectoryParser(null, null);
    List<String> lines =
        Files.readAllLines(Path.of("..", "src", "sample", "oswt-sample.jsonl"), StandardCharsets.UTF_8);
    List<Trajectory> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      rows.add(parser.parse("sample", i, lines.get(i)));
    }
    return rows;
  }

  private static int lineEnd(String s, int start) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return TokenCounter.lineEnd(b, start, b.length);
  }

  private static int wordEnd(String s, int start) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return TokenCounter.wordEnd(b, start, b.length);
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
