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
        countGroups(FUNCTION_XML.matcher(text), text, "<", names);
        countGroups(EXECUTE_TAG.matcher(text), text, "<", names);
        if (next(BASH_FENCE.matcher(text), text, "```", 0)) {
          names.merge(BASH_BLOCK, 1L, Long::sum);
        }
      }
    }
    return names;
  }

  private static void countGroups(Matcher matcher, String text, String start, Map<String, Long> names) {
    for (int from = 0; next(matcher, text, start, from); from = matcher.end()) {
      names.merge(matcher.group(1).toLowerCase(Locale.ROOT), 1L, Long::sum);
    }
  }

  /**
   * {@code find} from {@code from} for a pattern whose every match begins with {@code start} (which
   * has no case variants): the case-insensitive pattern is tried only where that text occurs,
   * instead of at every character.
   */
  private static boolean next(Matcher matcher, String text, String start, int from) {
    for (int at = text.indexOf(start, from); at >= 0; at = text.indexOf(start, at + 1)) {
      if (matcher.region(at, text.length()).lookingAt()) {
        return true;
      }
    }
    return false;
  }
}
