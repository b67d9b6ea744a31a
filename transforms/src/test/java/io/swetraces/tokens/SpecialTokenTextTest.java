package io.swetraces.tokens;

import static org.junit.Assert.assertEquals;

import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import java.util.List;
import org.junit.Test;

public class SpecialTokenTextTest {
  @Test
  public void countsEveryMarkerInContentReasoningAndToolCalls() {
    assertEquals(0, SpecialTokenText.count("plain <| text |> <|im_startx"));
    assertEquals(3, SpecialTokenText.count("<|im_start|>system\nhi<|im_end|><|<|endoftext|>"));
    Message assistant = Message.builder().setRole("assistant").setContent("<|im_end|>")
        .setReasoningContent("think <|fim_prefix|>")
        .setToolCalls(List.of(ToolCall.of("c1", "function", "bash", "{\"cmd\": \"echo '<|im_start|>'\"}")))
        .build();
    assertEquals(3, SpecialTokenText.count(List.of(Message.of("user", "none"), assistant)));
  }
}
