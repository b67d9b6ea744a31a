package io.swetraces.tokens;

import static org.junit.Assert.assertEquals;

import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import java.util.List;
import org.junit.Test;

public class ChatMlTest {
  @Test
  public void rendersReasoningToolCallsAndToolResults() {
    List<Message> conversation =
        List.of(
            Message.of("system", "  You are an agent.\n"),
            Message.builder().setRole("assistant").setContent("Let me look.")
                .setReasoningContent("\nThe bug is in x.\n")
                .setToolCalls(List.of(ToolCall.of("c1", "function", "execute_bash", "{\"command\":\"ls\"}")))
                .build(),
            Message.builder().setRole("tool").setContent("a.py\n").setToolCallId("c1").setName("execute_bash").build(),
            Message.builder().setRole("assistant").setContent("")
                .setToolCalls(List.of(ToolCall.of("c2", "function", "finish", "not json")))
                .build());
    assertEquals(
        "<|im_start|>system\nYou are an agent.<|im_end|>\n"
            + "<|im_start|>assistant\n<think>\nThe bug is in x.\n</think>\n\nLet me look.\n"
            + "<tool_call>\n{\"name\":\"execute_bash\",\"arguments\":{\"command\":\"ls\"}}\n</tool_call><|im_end|>\n"
            + "<|im_start|>tool\na.py<|im_end|>\n"
            + "<|im_start|>assistant\n<tool_call>\n{\"name\":\"finish\",\"arguments\":\"not json\"}\n"
            + "</tool_call><|im_end|>",
        ChatMl.render(conversation));
  }

  @Test
  public void plainTurnsRenderAsInTheTutorial() {
    assertEquals("<|im_start|>user\nhi<|im_end|>", ChatMl.turn(Message.of("user", "\thi \n")));
  }
}
