package io.swetraces.parse;

import static org.junit.Assert.assertEquals;

import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ToolExtractorTest {
  @Test
  public void countsAllFiveSources() {
    List<Message> messages =
        List.of(
            Message.builder().setRole("assistant").setContent("")
                .setToolCalls(List.of(
                    ToolCall.of("1", "function", "execute_bash", "{}"),
                    ToolCall.of("2", "function", "str_replace_editor", "{}")))
                .build(),
            Message.builder().setRole("tool").setContent("ok").setName("execute_bash").build(),
            Message.of("assistant", "<function=Str_Replace_Editor>\n<parameter=command>view"
                + "</parameter></function> and <FUNCTION = submit>"),
            Message.of("assistant", "<execute_ipython>print(1)</execute_ipython> <EXECUTE_BASH>ls"),
            Message.of("assistant", "```bash\nls\n```\n```sh\npwd\n```"),
            Message.of("assistant", "```bashful``` is not a fence"),
            // Only assistant text is scanned for XML, tags and fences.
            Message.of("user", "<function=ignored> ```bash\nls\n```"));
    assertEquals(
        Map.of("execute_bash", 3L, "str_replace_editor", 2L, "submit", 1L, "execute_ipython", 1L,
            "bash_block", 1L),
        ToolExtractor.extract(messages));
  }

  @Test
  public void toolMessagesWithoutNameAndCallsWithoutNameCountNothing() {
    List<Message> messages =
        List.of(
            Message.builder().setRole("assistant").setContent("")
                .setToolCalls(List.of(ToolCall.of(null, "function", null, "{}"))).build(),
            Message.of("tool", "output"));
    assertEquals(Map.of(), ToolExtractor.extract(messages));
  }
}
