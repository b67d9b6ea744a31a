package io.swetraces.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertTrue;

import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import io.swetraces.model.Trajectory;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ExamplesPageTest {
  private static Trajectory trajectory(String id, List<Message> messages, String patch) {
    return Trajectory.builder().setSource("dir/rows.jsonl").setPosition(3).setInstanceId(id).setResolved(1)
        .setLanguage("python").setAgent("openhands").setModel("gpt_4o").setMessages(messages).setModelPatch(patch)
        .build();
  }

  @Test
  public void eachGroupShowsItsConversationsEscapedWithLongTextsFolded() {
    Message assistant = Message.builder().setRole("assistant").setContent("<script>alert(1)</script>")
        .setReasoningContent("think first")
        .setToolCalls(List.of(ToolCall.of("c1", "function", "execute_bash", "{\"command\": \"ls & echo\"}")))
        .build();
    Message tool = Message.builder().setRole("tool").setContent("x".repeat(5_000)).setToolCallId("c1").build();
    Trajectory kept = trajectory("kept-1", List.of(Message.of("user", "fix it"), assistant, tool),
        "diff --git a/a.py b/a.py\n@@ -1 +1 @@\n-old\n+new\n");
    Trajectory dropped = trajectory("dropped-1", List.of(Message.of("user", "hi")), null);
    String html = ExamplesPage.render(Map.of("unresolved", List.of(dropped), ExamplesPage.KEPT, List.of(kept)));

    assertTrue("kept first", html.indexOf("id=\"group-kept\"") < html.indexOf("id=\"group-unresolved\""));
    assertThat(html, containsString("<h2>Dropped: unresolved</h2>"));
    assertThat(html, containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertThat(html, not(containsString("<script")));
    assertThat(html, containsString("<span class=\"tool\">execute_bash</span>"));
    assertThat(html, containsString("{&quot;command&quot;: &quot;ls &amp; echo&quot;}"));
    assertThat(html, containsString("<details class=\"reasoning\"><summary>reasoning, 11 characters</summary>"));
    assertThat(html, containsString(" … 5,000 characters in all</summary>"));
    assertThat(html, containsString("<span class=\"add\">+new</span>"));
    assertThat(html, containsString("<span class=\"del\">-old</span>"));
    assertThat(html, containsString("openhands / gpt_4o · python · resolved · 3 messages"));
  }

  @Test
  public void anEmptyRunSaysSo() {
    assertThat(ExamplesPage.render(Map.of()), containsString("No trajectory was analysed in this run."));
  }
}
