package io.swetraces.parse;

import static org.junit.Assert.assertEquals;

import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /** Trying the patterns only where a match can begin finds what {@code Matcher.find} finds. */
  @Test
  public void findsWhatAPlainScanFinds() {
    String[] parts = {
      "<", "<<", "function", "FUNCTION", "=", " = ", "str_replace", "-x", "<function=a<function=b", "execute_",
      "bash", ">", "```", "``", "sh", "shell", "ell", "\n", " ", "K", "\u212a", "x", "<execute_ls>"
    };
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int p = random.nextInt(15); p >= 0; p--) {
        text.append(parts[random.nextInt(parts.length)]);
      }
      String s = text.toString();
      assertEquals(s, plainScan(s), ToolExtractor.extract(List.of(Message.of("assistant", s))));
    }
  }

  private static Map<String, Long> plainScan(String text) {
    int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    Map<String, Long> names = new TreeMap<>();
    for (String regex : new String[] {"<function\\s*=\\s*([a-zA-Z0-9_\\-]+)", "<(execute_[a-z]+)>"}) {
      Matcher m = Pattern.compile(regex, flags).matcher(text);
      while (m.find()) {
        names.merge(m.group(1).toLowerCase(Locale.ROOT), 1L, Long::sum);
      }
    }
    if (Pattern.compile("```(?:bash|sh|shell)\\b", flags).matcher(text).find()) {
      names.merge(ToolExtractor.BASH_BLOCK, 1L, Long::sum);
    }
    return names;
  }
}
