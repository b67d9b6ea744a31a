package io.swetraces.curate;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.swetraces.model.Message;
import io.swetraces.model.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.Test;

public class MinHashTest {
  private static Trajectory said(String... turns) {
    List<Message> messages = new ArrayList<>(List.of(Message.of("user", "the same task")));
    for (String turn : turns) {
      messages.add(Message.of("assistant", turn));
    }
    return Trajectory.builder().setSource("s").setPosition(0).setMessages(messages).build();
  }

  private static String words(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append("w").append(random.nextInt(5_000)).append(' ');
    }
    return s.toString();
  }

  @Test
  public void alikeTurnsEstimateAHighSimilarityAndOthersALowOne() {
    String text = words(1, 400);
    long[] a = MinHash.signature(said(text));
    long[] reworded = MinHash.signature(said(text.replaceFirst("w\\d+ ", "changed ") + " and one more line"));
    long[] other = MinHash.signature(said(words(2, 400)));
    assertTrue(MinHash.similarity(a, reworded) >= MinHash.DEFAULT_THRESHOLD);
    assertTrue(MinHash.similarity(a, other) < 0.2);
    assertEquals(1.0, MinHash.similarity(a, MinHash.signature(said(text))), 0);
  }

  @Test
  public void signaturesAndBandsAreTheSameOnEveryRun() {
    long[] a = MinHash.signature(said("fix the parser so that it reads nested lists"));
    assertArrayEquals(a, MinHash.signature(said("Fix the  parser so that it reads nested lists")));
    assertEquals(MinHash.bandKey(a, 3), MinHash.bandKey(a.clone(), 3));
    assertNull(MinHash.signature(said("too short")));
  }
}
