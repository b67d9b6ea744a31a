package io.swetraces.parse;

import io.swetraces.model.Message;
import io.swetraces.model.ToolCall;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the tools a trajectory uses, from the five places agents record them: structured {@code
 * tool_calls}, the {@code name} of tool messages, {@code <function=NAME>} XML in assistant text
 * (SWE-agent 1.x, OpenHands without native calls), {@code <execute_X>} tags (CodeAct), and fenced
 * bash blocks (mini-swe-agent), counted once per assistant turn as {@code bash_block}.
 */
public final class ToolExtractor {
  // Python's re with str patterns is Unicode-aware; these flags give Java the same reading.
  private static final int FLAGS =
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
  private static final Pattern FUNCTION_XML = Pattern.compile("<function\\s*=\\s*([a-zA-Z0-9_\\-]+)", FLAGS);
  private static final Pattern EXECUTE_TAG = Pattern.compile("<(execute_[a-z]+)>", FLAGS);
  private static final Pattern BASH_FENCE = Pattern.compile("```(?:bash|sh|shell)\\b", FLAGS);

  public static final String BASH_BLOCK = "bash_block";

  private ToolExtractor() {}

  /** Tool name to number of uses, sorted by name. */
  public static Map<String, Long> extract(List<Message> messages) {
    Map<String, Long> names = new TreeMap<>();
    for (Message m : messages) {
      for (ToolCall call : m.getToolCalls()) {
        if (call.getName() != null && !call.getName().isEmpty()) {
          names.merge(call.getName(), 1L, Long::sum);
        }
      }
      if ("tool".equals(m.getRole()) && m.getName() != null && !m.getName().isEmpty()) {
        names.merge(m.getName(), 1L, Long::sum);
      }
      if ("assistant".equals(m.getRole())) {
        String text = m.getContent();
        countGroups(FUNCTION_XML.matcher(text), names);
        countGroups(EXECUTE_TAG.matcher(text), names);
        if (BASH_FENCE.matcher(text).find()) {
          names.merge(BASH_BLOCK, 1L, Long::sum);
        }
      }
    }
    return names;
  }

  private static void countGroups(Matcher matcher, Map<String, Long> names) {
    while (matcher.find()) {
      names.merge(matcher.group(1).toLowerCase(Locale.ROOT), 1L, Long::sum);
    }
  }
}
