package io.swetraces.chat;

import static org.junit.Assert.assertEquals;

import io.swetraces.chat.ShareGpt.Turn;
import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import java.util.List;
import org.junit.Test;

/** Conversations in the ShareGPT form LLaMA-Factory's converter accepts. */
public class ShareGptTest {
  private static Message calling(String content, String reasoning, ToolCall... calls) {
    return Message.builder().setRole("assistant").setContent(content).setReasoningContent(reasoning)
        .setToolCalls(List.of(calls)).build();
  }

  private static ToolCall call(String name, String arguments) {
    return ToolCall.of("id-" + name, "function", name, arguments);
  }

  @Test
  public void parallelCallsBecomeOneFunctionCallAndTheirOutputsOneObservation() {
    List<Message> conversation = List.of(Message.of("system", "You fix bugs."), Message.of("user", "Fix it."),
        calling("Looking.", "First read both.", call("view", "{\"path\": \"a.py\"}"),
            call("view", "{\"path\": \"b.py\"}")),
        Message.of("tool", "A"), Message.of("tool", "B"),
        Message.of("assistant", "Done."),
        Message.of("user", "Thanks."));
    ShareGpt.Conversation c = ShareGpt.of(conversation);
    assertEquals("You fix bugs.", c.system());
    assertEquals(List.of(new Turn("human", "Fix it."),
        new Turn("function_call", "<think>\nFirst read both.\n\nLooking.\n</think>\n\n"
            + "[{\"name\":\"view\",\"arguments\":{\"path\":\"a.py\"}},"
            + "{\"name\":\"view\",\"arguments\":{\"path\":\"b.py\"}}]"),
        new Turn("observation", "A\nB"),
        new Turn("gpt", "Done.")), c.turns());
  }

  @Test
  public void aSingleCallIsAnObjectAndArgumentsThatAreNotJsonStayText() {
    ShareGpt.Conversation c = ShareGpt.of(List.of(Message.of("user", "Go."),
        calling("", null, call("bash", "ls -la")), Message.of("tool", "out")));
    assertEquals("", c.system());
    assertEquals(List.of(new Turn("human", "Go."),
        new Turn("function_call", "{\"name\":\"bash\",\"arguments\":\"ls -la\"}")), c.turns());
  }

  @Test
  public void theModelAlwaysAnswersAHumanTurnAndReasoningIsAThought() {
    Message answer = Message.builder().setRole("assistant").setContent("Hi.").setReasoningContent("\nGreet.\n")
        .build();
    ShareGpt.Conversation c = ShareGpt.of(List.of(answer, Message.of("user", "a"), Message.of("user", "b"),
        Message.of("assistant", "Yes.")));
    assertEquals(List.of(new Turn("human", ""), new Turn("gpt", "<think>\nGreet.\n</think>\n\nHi."),
        new Turn("human", "a\n\nb"), new Turn("gpt", "Yes.")), c.turns());
  }
}
