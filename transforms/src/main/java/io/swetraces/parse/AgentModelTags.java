package io.swetraces.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Decides a row's agent (harness) and model tags, in this order: the user's {@code --agent} /
 * {@code --model}; the file's tags (the config and split a dataset file was resolved from); the
 * Open-SWE-Traces layouts of the file's path, {@code <harness>/<teacher>/[<source>/]<file>} (later
 * revisions) or {@code <teacher>_<harness>_trajectories/<file>} (v1.0); the row's own {@code
 * _agent} / {@code _model}; {@code metadata.teacher_model.name} (model only); else {@code
 * unknown}.
 *
 * <p>Everything before the row's own fields is known before a file is read, which is what lets a
 * sampled read stop early: a file in the Hub's layout holds that one config and split, as {@code
 * load_dataset(name, config, split)} sees it.
 */
public final class AgentModelTags {
  public static final String UNKNOWN = "unknown";

  private static final Set<String> HARNESSES =
      Set.of("openhands", "sweagent", "swe-agent", "minisweagent", "mini-swe-agent");
  /** v1.0's shard folders, e.g. {@code minimax_m25_openhands_trajectories}. */
  private static final Pattern V1_FOLDER =
      Pattern.compile("(?<model>[a-z0-9][a-z0-9_]*?)_(?<harness>openhands|sweagent|minisweagent)_trajectories");
  private static final Pattern DATE_SUFFIX = Pattern.compile("[-_@](\\d{8}|\\d{4}-\\d{2}-\\d{2})$");
  private static final Pattern BRACKETED = Pattern.compile("\\s*\\([^)]*\\)");
  private static final Pattern PROVIDER =
      Pattern.compile("^(?i)(openrouter|openai|anthropic|azure|bedrock|vertex_ai|together_ai|litellm_proxy)[-_]");
  private static final Pattern PREVIEW = Pattern.compile("(?i)[-_](preview|latest)$");
  private static final Pattern DASHED_VERSION = Pattern.compile("(?<![0-9])([0-9])-(?=[0-9](?![0-9]))");

  private AgentModelTags() {}

  /** The agent known before reading the file, or null when only its rows can tell. */
  public static @Nullable String fileAgent(@Nullable String flag, @Nullable String fileTag, String source) {
    if (present(flag)) {
      return flag;
    }
    if (present(fileTag)) {
      return fileTag;
    }
    String[] path = segments(source);
    int harness = harnessSegment(path);
    if (harness >= 0) {
      return path[harness].toLowerCase(Locale.ROOT).replace("-", "");
    }
    Matcher v1 = v1Folder(path);
    return v1 == null ? null : v1.group("harness");
  }

  /** The model known before reading the file, or null when only its rows can tell. */
  public static @Nullable String fileModel(@Nullable String flag, @Nullable String fileTag, String source) {
    if (present(flag)) {
      return flag;
    }
    if (present(fileTag)) {
      return fileTag;
    }
    String[] path = segments(source);
    int harness = harnessSegment(path);
    if (harness >= 0) {
      return path[harness + 1];
    }
    Matcher v1 = v1Folder(path);
    return v1 == null ? null : v1.group("model");
  }

  public static String agent(
      @Nullable String flag, @Nullable String fileTag, @Nullable String rowField, String source) {
    String known = fileAgent(flag, fileTag, source);
    return known != null ? known : present(rowField) ? rowField : UNKNOWN;
  }

  public static String model(
      @Nullable String flag, @Nullable String fileTag, @Nullable String rowField, String source,
      @Nullable String teacher) {
    String known = fileModel(flag, fileTag, source);
    if (known != null) {
      return known;
    }
    if (present(rowField)) {
      return rowField;
    }
    return present(teacher) ? slug(teacher) : UNKNOWN;
  }

  /**
   * The Hub's split-name style for a model name: {@code MiniMax-M2.5} becomes {@code minimax_m25};
   * a provider prefix ({@code openai/}, {@code openrouter-}), a date suffix, a {@code -preview} and a
   * bracketed note ({@code (Oct)}) are dropped, and a version written with a dash between single
   * digits ({@code claude-3-7}) reads like one with a dot ({@code claude-3.7}).
   */
  public static String slug(String modelName) {
    String s = modelName.trim();
    s = s.substring(s.lastIndexOf('/') + 1);
    s = BRACKETED.matcher(s).replaceAll("");
    s = PROVIDER.matcher(s).replaceAll("");
    s = DATE_SUFFIX.matcher(s).replaceAll("");
    s = PREVIEW.matcher(s).replaceAll("");
    s = DASHED_VERSION.matcher(s).replaceAll("$1");
    s = s.toLowerCase(Locale.ROOT).replace(".", "");
    s = s.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return s.isEmpty() ? UNKNOWN : s;
  }

  /**
   * The harness directory of {@code <harness>/<teacher>/<file>} or {@code
   * <harness>/<teacher>/<source>/<file>}, or -1. Only the last levels count, so a checkout that
   * happens to sit under a directory named like a harness does not tag every file in it.
   */
  private static int harnessSegment(String[] path) {
    for (int i = Math.max(0, path.length - 4); i <= path.length - 3; i++) {
      if (HARNESSES.contains(path[i].toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  /** The v1.0 shard folder a file sits in, directly or one level up, or null. */
  private static @Nullable Matcher v1Folder(String[] path) {
    for (int i = Math.max(0, path.length - 3); i <= path.length - 2; i++) {
      Matcher m = V1_FOLDER.matcher(path[i].toLowerCase(Locale.ROOT));
      if (m.matches()) {
        return m;
      }
    }
    return null;
  }

  private static boolean present(@Nullable String s) {
    return s != null && !s.isBlank();
  }

  private static String[] segments(String source) {
    return source.replace('\\', '/').split("/");
  }
}
