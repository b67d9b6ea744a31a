package io.swetraces.chat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.swetraces.model.Message;
import java.util.List;
import org.junit.Test;

/** The longest outputs lose their middles first; assistant turns and the task stay whole. */
public class ShortenerTest {
  /** One token per character: exact and easy to follow. */
  private final Shortener shortener = new Shortener(
      messages -> messages.stream().mapToLong(m -> m.getContent().length()).sum(), String::length);

  private static Message m(String role, String content) {
    return Message.of(role, content);
  }

  @Test
  public void cutsTheLongestToolOutputFirstKeepingHeadAndTail() {
    String big = "H".repeat(1000) + "M".repeat(3000) + "T".repeat(1000);
    String small = "s".repeat(900);
    List<Message> conversation = List.of(m("user", "task"), m("assistant", "a".repeat(100)), m("tool", big),
        m("assistant", "b".repeat(100)), m("tool", small));
    Shortener.Shortened fit = shortener.fit(conversation, 3000);
    String cut = fit.messages().get(2).getContent();
    assertTrue(cut.startsWith("HHHH") && cut.endsWith("TTTT"));
    assertTrue(cut.contains(" tokens cut ...]"));
    assertEquals(small, fit.messages().get(4).getContent());
    assertEquals(conversation.get(1), fit.messages().get(1));
    assertEquals(conversation.get(3), fit.messages().get(3));
    assertTrue(fit.tokens() <= 3000);
    assertEquals(fit.tokens(), fit.messages().stream().mapToLong(x -> x.getContent().length()).sum());
    assertEquals(big.length() - cut.substring(0, cut.indexOf('\n')).length()
        - cut.substring(cut.lastIndexOf('\n') + 1).length(), fit.tokensCut());
  }

  @Test
  public void withoutToolMessagesTheObservationsAfterTheTaskAreCutNeverTheTask() {
    String task = "t".repeat(2000);
    List<Message> conversation = List.of(m("user", task), m("assistant", "look"), m("user", "o".repeat(3000)));
    Shortener.Shortened fit = shortener.fit(conversation, 3000);
    assertEquals(task, fit.messages().get(0).getContent());
    assertTrue(fit.messages().get(2).getContent().length() < 3000);
  }

  @Test
  public void aConversationThatCannotFitIsLeftForTheBudgetToDrop() {
    List<Message> conversation = List.of(m("user", "task"), m("assistant", "a".repeat(5000)), m("tool", "x".repeat(800)));
    assertNull(shortener.fit(conversation, 1000));
  }
}
