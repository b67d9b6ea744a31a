package io.swetraces.curate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** The automaton finds what a search for each word, letter case aside, finds. */
public class AnchorsTest {
  private static List<String> hits(Anchors anchors, String text) {
    List<String> found = new ArrayList<>();
    anchors.find(text, (word, start) -> found.add(word + "@" + start));
    return found;
  }

  @Test
  public void findsOverlappingWordsAndSuffixesInAnyCase() {
    Anchors anchors = new Anchors(List.of("he", "she", "his", "hers", "sk-", "sk-ant-"));
    assertEquals(List.of("1@1", "0@2", "3@2"), hits(anchors, "uSHErs"));
    assertEquals(List.of("4@4", "5@4"), hits(anchors, "key=sk-ant-x"));
    assertEquals(List.of(), hits(anchors, "h\u00e9 s\u00e9"));
  }

  @Test
  public void findsWhatIndexOfFindsOnRandomText() {
    List<String> words = List.of("ab", "aba", "bab", "b", "abba", "ca");
    Anchors anchors = new Anchors(words);
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 60; i++) {
        text.append("abcABé".charAt(random.nextInt(6)));
      }
      String lower = text.toString().toLowerCase(java.util.Locale.ROOT);
      List<String> expected = new ArrayList<>();
      for (int end = 1; end <= lower.length(); end++) {
        for (int w = 0; w < words.size(); w++) {
          int start = end - words.get(w).length();
          if (start >= 0 && lower.startsWith(words.get(w), start)) {
            expected.add(w + "@" + start);
          }
        }
      }
      List<String> found = hits(anchors, text.toString());
      expected.sort(null);
      found.sort(null);
      assertEquals(text.toString(), expected, found);
    }
  }

  @Test
  public void refusesWordsItCannotFind() {
    assertThrows(IllegalArgumentException.class, () -> new Anchors(List.of("")));
    assertThrows(IllegalArgumentException.class, () -> new Anchors(List.of("caf\u00e9")));
  }
}
