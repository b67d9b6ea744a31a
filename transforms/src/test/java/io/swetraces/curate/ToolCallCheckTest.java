package io.swetraces.curate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import io.swetraces.model.Trajectory;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Tool calls against the row's definitions, and results against the calls. */
public class ToolCallCheckTest {
  private static final String BASH = "{\"type\": \"function\", \"function\": {\"name\": \"execute_bash\", \"parameters\":"
      + " {\"type\": \"object\", \"properties\": {\"command\": {\"type\": \"string\"}}, \"required\": [\"command\"]}}}";
  private final ToolCallCheck check = new ToolCallCheck();

  private static Message call(String id, String name, String arguments) {
    return Message.builder().setRole("assistant").setContent("")
        .setToolCalls(List.of(ToolCall.of(id, "function", name, arguments))).build();
  }

  private static Message result(String id) {
    return Message.builder().setRole("tool").setContent("ok").setToolCallId(id).build();
  }

  private static Trajectory row(List<String> tools, Message... messages) {
    List<Message> all = new ArrayList<>(List.of(Message.of("user", "fix it")));
    all.addAll(List.of(messages));
    all.add(Message.of("assistant", "done"));
    return Trajectory.builder().setSource("s").setPosition(0).setTools(tools).setMessages(all).build();
  }

  @Test
  public void soundCallsPass() {
    assertNull(check.firstError(row(List.of(BASH), call("1", "execute_bash", "{\"command\": \"ls\"}"), result("1"))));
  }

  @Test
  public void eachKindOfBrokenCall() {
    assertEquals("undefined_tool: run", check.firstError(row(List.of(BASH), call("1", "run", "{}"), result("1"))));
    assertEquals("arguments_not_json: execute_bash",
        check.firstError(row(List.of(BASH), call("1", "execute_bash", "{\"command\": "), result("1"))));
    assertEquals("arguments_not_an_object: execute_bash",
        check.firstError(row(List.of(BASH), call("1", "execute_bash", "[\"ls\"]"), result("1"))));
    assertEquals("arguments_off_schema: execute_bash",
        check.firstError(row(List.of(BASH), call("1", "execute_bash", "{\"command\": 7}"), result("1")))
            .replaceFirst(" \\(.*", ""));
    assertEquals("unpaired_tool_result: 9",
        check.firstError(row(List.of(BASH), call("1", "execute_bash", "{\"command\": \"ls\"}"), result("9"))));
    assertEquals("unanswered_call: 1",
        check.firstError(row(List.of(BASH), call("1", "execute_bash", "{\"command\": \"ls\"}"))));
  }

  @Test
  public void withoutDefinitionsOnlyPairingCountsAndTheLastCallNeedsNoAnswer() {
    assertNull(check.firstError(row(List.of(), call("1", "anything", "{\"x\": 1}"), result("1"))));
    Trajectory endsWithACall = Trajectory.builder().setSource("s").setPosition(0).setTools(List.of(BASH))
        .setMessages(List.of(Message.of("user", "go"), call("1", "execute_bash", "{\"command\": \"ls\"}"))).build();
    assertNull(check.firstError(endsWithACall));
  }
}
