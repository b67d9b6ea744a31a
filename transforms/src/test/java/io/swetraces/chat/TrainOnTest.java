package io.swetraces.chat;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import io.swetraces.model.Message;
import java.util.List;
import org.junit.Test;

/** Which assistant turns carry the loss, and what the reasoning option leaves in the messages. */
public class TrainOnTest {
  /** A task, two calls answered by tools, a follow-up question from the human, and its answer. */
  private static final List<Message> WITH_TOOLS = List.of(Message.of("system", "s"), Message.of("user", "task"),
      Message.of("assistant", "a1"), Message.of("tool", "o1"), Message.of("assistant", "a2"),
      Message.of("user", "and now?"), Message.of("assistant", "a3"), Message.of("tool", "o2"),
      Message.of("assistant", "a4"));

  /** An agent without tool calls: its observations come back as user messages. */
  private static final List<Message> OBSERVATIONS_AS_USERS = List.of(Message.of("system", "s"),
      Message.of("user", "task"), Message.of("assistant", "a1"), Message.of("user", "o1"),
      Message.of("assistant", "a2"), Message.of("user", "o2"), Message.of("assistant", "a3"));

  private static boolean[] flags(int size, int... trained) {
    boolean[] f = new boolean[size];
    for (int i : trained) {
      f[i] = true;
    }
    return f;
  }

  @Test
  public void allTrainsEveryAssistantTurnAndNothingElse() {
    assertArrayEquals(flags(9, 2, 4, 6, 8), TrainOn.ALL.flags(WITH_TOOLS));
  }

  @Test
  public void lastTrainsTheLastAssistantTurn() {
    assertArrayEquals(flags(9, 8), TrainOn.LAST.flags(WITH_TOOLS));
    assertArrayEquals(flags(7, 6), TrainOn.LAST.flags(OBSERVATIONS_AS_USERS));
  }

  @Test
  public void finalTrainsTheTurnsAfterTheLastHumanMessage() {
    assertArrayEquals(flags(9, 6, 8), TrainOn.FINAL.flags(WITH_TOOLS));
  }

  @Test
  public void withoutToolMessagesOnlyTheTaskIsHuman() {
    assertArrayEquals(flags(7, 2, 4, 6), TrainOn.FINAL.flags(OBSERVATIONS_AS_USERS));
  }

  @Test
  public void dropRemovesTheReasoningAndKeepsTheRest() {
    Message thinking = Message.builder().setRole("assistant").setContent("answer").setReasoningContent("why")
        .build();
    List<Message> conversation = List.of(Message.of("user", "q"), thinking);
    List<Message> dropped = new LossMask(TrainOn.ALL, Reasoning.DROP).messages(conversation);
    assertEquals(List.of(Message.of("user", "q"), Message.of("assistant", "answer")), dropped);
    assertEquals(conversation, new LossMask(TrainOn.ALL, Reasoning.MASK).messages(conversation));
    assertEquals(conversation, LossMask.ALL_ASSISTANT_TURNS.messages(conversation));
  }
}
