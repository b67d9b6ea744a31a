package io.swetraces.runs;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the folders of an agent run say about the files in them: the instance a trajectory file is
 * named after, the run folder it belongs to, the model a run folder is named after, the language
 * of a Multi-SWE-bench style {@code evaluation/<language>/<subset>/<run>} tree.
 */
public final class RunPaths {
  /** Folders a harness or an evaluation puts inside a run folder. */
  private static final Set<String> INNER_FOLDERS =
      Set.of("trajs", "logs", "results", "eval_reports", "evaluation_logs", "eval_outputs", "llm_completions",
          "reports", "patches", "preds", "test", "dev", "train");
  private static final Pattern TRAJECTORY_FILE =
      Pattern.compile("(?i)(\\.traj(\\.json)?|\\.json)(\\.(gz|bz2|zst|xz|lz4|deflate|snappy))?$");
  /** {@code 20240825_SWE-agent_gpt-4o-2024-05-13}: a date, the harness, the model. */
  private static final Pattern DATED_RUN =
      Pattern.compile("^\\d{8}_(?i:(?:mini-?)?swe-?agent|openhands|moatless|agentless|codeact\\w*)_(?<model>.+)$");
  /** SWE-agent's {@code <model>__<data>__<config>__t-0.00__p-0.95__c-3.00__install-1}. */
  private static final Pattern SWEAGENT_RUN =
      Pattern.compile("^(?<model>[^_][^/]*?)__(?<data>[^/]*?)__.*__t-[0-9.]+__.*$");
  private static final Pattern LANGUAGE_TREE =
      Pattern.compile("(?:^|/)evaluation/(?<language>[a-z+#]+)/(?<subset>verified|lite|full|test|mini|flash)/[^/]+/");

  private RunPaths() {}

  /** The file's name without its folder. */
  public static String fileName(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** The file's folder, without a trailing slash ("" for a bare name). */
  public static String folder(String path) {
    String p = path.replace('\\', '/');
    int slash = p.lastIndexOf('/');
    return slash < 0 ? "" : p.substring(0, slash);
  }

  /** The instance a trajectory file is named after: {@code <id>.traj}, {@code <id>.traj.json}. */
  public static String instanceFromFileName(String path) {
    return TRAJECTORY_FILE.matcher(fileName(path)).replaceFirst("");
  }

  /**
   * The run folder of a file: its folder, leaving per-instance folders and the folders a harness
   * or an evaluation writes inside a run ({@code trajs/}, {@code logs/<id>/}, {@code results/}...).
   */
  public static String runOf(String path, @Nullable String instanceId) {
    String dir = folder(path);
    while (!dir.isEmpty()) {
      String name = fileName(dir);
      if (!name.equals(instanceId) && !INNER_FOLDERS.contains(name.toLowerCase(Locale.ROOT))) {
        break;
      }
      dir = folder(dir);
    }
    return dir;
  }

  /** The model a run folder is named after, as the harness names it; null when the name says none. */
  public static @Nullable String modelOfRun(String runFolder) {
    String name = fileName(runFolder);
    Matcher dated = DATED_RUN.matcher(name);
    if (dated.matches()) {
      return dated.group("model");
    }
    Matcher sweAgent = SWEAGENT_RUN.matcher(name);
    return sweAgent.matches() ? sweAgent.group("model") : null;
  }

  /** The data an SWE-agent run folder is named after ({@code <model>__<data>__<config>__t-…}), or null. */
  static @Nullable String dataOfRun(String runFolder) {
    Matcher sweAgent = SWEAGENT_RUN.matcher(fileName(runFolder));
    return sweAgent.matches() ? sweAgent.group("data") : null;
  }

  /** The language of an {@code evaluation/<language>/<subset>/<run>/} tree, or null. */
  public static @Nullable String languageOfTree(String path) {
    Matcher m = LANGUAGE_TREE.matcher(path.replace('\\', '/'));
    return m.find() ? m.group("language") : null;
  }

  /**
   * The Hugging Face dataset of an {@code evaluation/python/verified/<run>/} tree (SWE-bench
   * Verified), or null: other languages' trees are Multi-SWE-bench's, which has no single dataset.
   */
  public static @Nullable String benchmarkOfTree(String path) {
    Matcher m = LANGUAGE_TREE.matcher(path.replace('\\', '/'));
    return m.find() && m.group("language").equals("python") && m.group("subset").equals("verified")
        ? "princeton-nlp/SWE-bench_Verified"
        : null;
  }
}
