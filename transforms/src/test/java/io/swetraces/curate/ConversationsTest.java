package io.swetraces.curate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.swetraces.model.Message;
import io.swetraces.model.TokenCounts;
import io.swetraces.model.Trajectory;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

public class ConversationsTest {
  private static Trajectory row(String id, int resolved, long tokens, String... texts) {
    List<Message> messages = Arrays.stream(texts).map(t -> Message.of("user", t)).toList();
    return Trajectory.builder().setSource("f").setPosition(0).setTrajectoryId(id).setResolved(resolved)
        .setMessages(messages).setTokenCounts(TokenCounts.of(tokens, tokens, 0)).build();
  }

  @Test
  public void whiteSpaceAsideTheSameConversationHashesTheSame() {
    assertEquals(Conversations.hash(row("a", 1, 5, "fix  the\nbug ")), Conversations.hash(row("b", 0, 9, "fix the bug")));
    assertNotEquals(Conversations.hash(row("a", 1, 5, "fix the bug")), Conversations.hash(row("a", 1, 5, "fix a bug")));
  }

  @Test
  public void resolvedThenShorterThenIdRanksFirst() {
    assertTrue(Conversations.rank(row("z", 1, 900, "x")).compareTo(Conversations.rank(row("a", 0, 1, "x"))) < 0);
    assertTrue(Conversations.rank(row("z", 1, 10, "x")).compareTo(Conversations.rank(row("a", 1, 900, "x"))) < 0);
    assertTrue(Conversations.rank(row("a", 1, 10, "x")).compareTo(Conversations.rank(row("b", 1, 10, "x"))) < 0);
  }
}
