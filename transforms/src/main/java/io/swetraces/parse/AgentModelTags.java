package io.swetraces.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Decides a row's agent (harness) and model tags, in this order: the user's {@code --agent} /
 * {@code --model}, the row's own {@code _agent} / {@code _model}, the Hugging Face layout {@code
 * .../<harness>/<teacher>/...} of the file's path, {@code metadata.teacher_model.name} (model only),
 * else {@code unknown}.
 */
public final class AgentModelTags {
  public static final String UNKNOWN = "unknown";

  private static final Set<String> HARNESSES =
      Set.of("openhands", "sweagent", "swe-agent", "minisweagent", "mini-swe-agent");
  private static final Pattern DATE_SUFFIX = Pattern.compile("[-_@](\\d{8}|\\d{4}-\\d{2}-\\d{2})$");

  private AgentModelTags() {}

  public static String agent(@Nullable String flag, @Nullable String rowField, String source) {
    if (present(flag)) {
      return flag;
    }
    if (present(rowField)) {
      return rowField;
    }
    String[] path = segments(source);
    int harness = harnessSegment(path);
    return harness < 0 ? UNKNOWN : path[harness].toLowerCase(Locale.ROOT).replace("-", "");
  }

  public static String model(
      @Nullable String flag, @Nullable String rowField, String source, @Nullable String teacher) {
    if (present(flag)) {
      return flag;
    }
    if (present(rowField)) {
      return rowField;
    }
    String[] path = segments(source);
    int harness = harnessSegment(path);
    // The teacher directory follows the harness and is never the file name itself.
    if (harness >= 0 && harness < path.length - 2) {
      return path[harness + 1];
    }
    return present(teacher) ? slug(teacher) : UNKNOWN;
  }

  /**
   * The Hub's split-name style for a model name: {@code MiniMax-M2.5} becomes {@code minimax_m25};
   * a provider prefix and a date suffix are dropped.
   */
  public static String slug(String modelName) {
    String s = modelName.trim();
    s = s.substring(s.lastIndexOf('/') + 1);
    s = DATE_SUFFIX.matcher(s).replaceAll("");
    s = s.toLowerCase(Locale.ROOT).replace(".", "");
    s = s.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return s.isEmpty() ? UNKNOWN : s;
  }

  /** The directory named after a harness, or -1; the file name itself never counts. */
  private static int harnessSegment(String[] path) {
    for (int i = 0; i < path.length - 1; i++) {
      if (HARNESSES.contains(path[i].toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean present(@Nullable String s) {
    return s != null && !s.isBlank();
  }

  private static String[] segments(String source) {
    return source.replace('\\', '/').split("/");
  }
}
