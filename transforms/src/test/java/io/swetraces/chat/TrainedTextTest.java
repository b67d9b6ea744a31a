package io.swetraces.chat;

import static org.junit.Assert.assertEquals;

import io.swetraces.chat.TrainedText.Span;
import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

/**
 * The trained parts of Qwen3's rendering: what the assistant wrote, without the role header and end
 * marker around it. The expected texts are Python jinja2's renders of the same conversation, emptied
 * turn against whole.
 */
public class TrainedTextTest {
  private static final List<Message> CONVERSATION = List.of(Message.of("user", "Fix it."),
      Message.builder().setRole("assistant").setContent("Reading.")
          .setToolCalls(List.of(ToolCall.of("c1", "function", "view", "{\"path\": \"a.py\"}"))).build(),
      Message.builder().setRole("tool").setContent("A").setToolCallId("c1").build(),
      Message.builder().setRole("assistant").setContent("Done.").setReasoningContent("Think.").build());

  private static ChatTemplate qwen3() throws Exception {
    try (InputStream in = TrainedTextTest.class.getResourceAsStream(
        "/io/swetraces/template/qwen3-tokenizer_config.json")) {
      return ChatTemplate.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
    }
  }

  private static List<String> trained(boolean[] train, boolean maskReasoning) throws Exception {
    ChatTemplate.Rendering rendering = qwen3().prepare(CONVERSATION, List.of());
    String text = rendering.render();
    List<Span> spans = TrainedText.spans(rendering, text, CONVERSATION, train, maskReasoning);
    return spans.stream().map(s -> text.substring(s.start(), s.end())).toList();
  }

  @Test
  public void eachTrainedTurnIsWhatTheAssistantWroteWithItsCallsAndReasoning() throws Exception {
    assertEquals(List.of("Reading.\n<tool_call>\n{\"name\": \"view\", \"arguments\": {\"path\": \"a.py\"}}\n"
        + "</tool_call>", "Think.\n</think>\n\nDone."), trained(TrainOn.ALL.flags(CONVERSATION), false));
  }

  @Test
  public void maskedReasoningStaysInTheTextButOutOfTheTrainedPart() throws Exception {
    assertEquals(List.of("Done."), trained(TrainOn.LAST.flags(CONVERSATION), true));
  }

  @Test
  public void tokensCountEachSpanAlone() {
    assertEquals(7, TrainedText.tokens("abcdefghij", List.of(new Span(0, 3), new Span(6, 10)), String::length));
  }
}
