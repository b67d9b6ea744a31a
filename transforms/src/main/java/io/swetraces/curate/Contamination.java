package io.swetraces.curate;

import io.swetraces.model.BenchmarkTask;
import io.swetraces.model.Message;
import io.swetraces.model.Trajectory;
import io.swetraces.runs.Benchmarks;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Whether a trajectory's task is one of an evaluation benchmark's: by instance id (an extractor's
 * {@code _3} suffix and letter case aside), or by repository and issue/PR number, the same task
 * spelled differently across datasets ({@code owner__repo-123} and {@code owner/repo} #123); and,
 * for benchmarks given with their texts, by the task statement repeated in the first user message
 * or the gold patch repeated in the trajectory's patch (shares of word n-grams).
 */
public final class Contamination implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The bundled lists, most commonly reported first: a task in several is named by the first. */
  public static final List<String> BUNDLED = List.of("swe-bench-verified", "swe-bench-lite", "swe-bench-test",
      "swe-bench-multilingual", "multi-swe-bench", "multi-swe-bench-mini");

  public static final String BY_ID = "instance_id";
  public static final String BY_REPO_ISSUE = "repo_issue";
  public static final String BY_STATEMENT = "statement_overlap";
  public static final String BY_PATCH = "patch_overlap";

  /** Statements are compared by 13-word grams, as language-model decontamination usually is. */
  static final int STATEMENT_GRAM = 13;
  /** Patches by 8-word grams of their changed lines: code lines hold few words. */
  static final int PATCH_GRAM = 8;
  /** The share of a statement's (a gold patch's) grams a trajectory must repeat to match it. */
  static final double MIN_SHARE = 0.5;
  /** A gold patch shorter than this many grams is too common a change to tell a task by. */
  static final int MIN_PATCH_GRAMS = 5;

  private static final Pattern SUFFIX = Pattern.compile("_\\d+$");
  /** {@code owner__repo-123}: the repository and the issue or PR number. */
  private static final Pattern ID = Pattern.compile("^([A-Za-z0-9_.-]+?)__([A-Za-z0-9_.-]+)-(\\d+)$");
  private static final Pattern TRAILING_NUMBER = Pattern.compile("[-_#/](\\d{1,9})$");

  private final Map<String, String> givenIds = new HashMap<>();
  private final Map<String, String> givenRepoIssues = new HashMap<>();
  private final List<String> statementBenchmarks = new ArrayList<>();
  private final List<String> patchBenchmarks = new ArrayList<>();
  private final GramIndex statements;
  private final GramIndex patches;

  private transient volatile Map<String, String> byId;
  private transient volatile Map<String, String> byRepoIssue;

  /** The bundled lists only. */
  public Contamination() {
    this(List.of());
  }

  /** The bundled lists, then these tasks, in order. */
  public Contamination(List<BenchmarkTask> given) {
    List<long[]> statementGrams = new ArrayList<>();
    List<long[]> patchGrams = new ArrayList<>();
    for (BenchmarkTask task : given) {
      if (task.getInstanceId() != null && !task.getInstanceId().isBlank()) {
        String id = SUFFIX.matcher(task.getInstanceId().toLowerCase(Locale.ROOT)).replaceFirst("");
        givenIds.putIfAbsent(id, task.getBenchmark());
        String key = repoIssue(id, task.getRepo());
        if (key != null) {
          givenRepoIssues.putIfAbsent(key, task.getBenchmark());
        }
      }
      long[] statement = task.getProblemStatement() == null ? new long[0]
          : WordGrams.of(task.getProblemStatement(), STATEMENT_GRAM);
      if (statement.length > 0) {
        statementGrams.add(statement);
        statementBenchmarks.add(task.getBenchmark());
      }
      long[] patch = task.getPatch() == null ? new long[0]
          : WordGrams.of(WordGrams.changedLines(task.getPatch()), PATCH_GRAM);
      if (patch.length >= MIN_PATCH_GRAMS) {
        patchGrams.add(patch);
        patchBenchmarks.add(task.getBenchmark());
      }
    }
    statements = new GramIndex(statementGrams);
    patches = new GramIndex(patchGrams);
  }

  /**
   * The benchmark and the kind of match ({@code swe-bench-verified:instance_id}), or null for a
   * task of none of them.
   */
  public @Nullable String match(Trajectory t) {
    String byTask = match(t.getInstanceId(), t.getRepo());
    if (byTask != null) {
      return byTask;
    }
    if (!statementBenchmarks.isEmpty()) {
      String first = firstUserMessage(t);
      int found = first == null ? -1 : statements.best(WordGrams.of(first, STATEMENT_GRAM), MIN_SHARE, 1);
      if (found >= 0) {
        return statementBenchmarks.get(found) + ":" + BY_STATEMENT;
      }
    }
    if (!patchBenchmarks.isEmpty() && t.getModelPatch() != null) {
      int found = patches.best(WordGrams.of(WordGrams.changedLines(t.getModelPatch()), PATCH_GRAM), MIN_SHARE,
          MIN_PATCH_GRAMS);
      if (found >= 0) {
        return patchBenchmarks.get(found) + ":" + BY_PATCH;
      }
    }
    return null;
  }

  /** The match by instance id, then by repository and issue number, or null. */
  @Nullable String match(@Nullable String instanceId, @Nullable String repo) {
    if (instanceId == null) {
      return null;
    }
    load();
    String id = instanceId.toLowerCase(Locale.ROOT);
    String unsuffixed = SUFFIX.matcher(id).replaceFirst("");
    String found = byId.get(id);
    found = found != null ? found : byId.get(unsuffixed);
    found = found != null ? found : givenIds.get(id);
    found = found != null ? found : givenIds.get(unsuffixed);
    if (found != null) {
      return found + ":" + BY_ID;
    }
    String key = repoIssue(unsuffixed, repo);
    found = key == null ? null : byRepoIssue.getOrDefault(key, givenRepoIssues.get(key));
    return found == null ? null : found + ":" + BY_REPO_ISSUE;
  }

  private static @Nullable String firstUserMessage(Trajectory t) {
    for (Message m : t.getMessages()) {
      if ("user".equals(m.getRole())) {
        return m.getContent();
      }
    }
    return null;
  }

  /**
   * {@code owner/repo#123} of an id: the repository the row states, else the id's; the number the
   * id ends with.
   */
  static @Nullable String repoIssue(String id, @Nullable String repo) {
    Matcher m = ID.matcher(id);
    boolean stated = repo != null && repo.contains("/");
    if (m.matches()) {
      String name = stated ? repo : m.group(1) + "/" + m.group(2);
      return name.toLowerCase(Locale.ROOT) + "#" + Long.parseLong(m.group(3));
    }
    Matcher number = TRAILING_NUMBER.matcher(id);
    return stated && number.find() ? repo.toLowerCase(Locale.ROOT) + "#" + Long.parseLong(number.group(1)) : null;
  }

  private void load() {
    if (byId != null) {
      return;
    }
    synchronized (this) {
      if (byId != null) {
        return;
      }
      Map<String, String> ids = new HashMap<>();
      Map<String, String> issues = new HashMap<>();
      for (String list : BUNDLED) {
        for (String id : Benchmarks.instances(list)) {
          String lower = id.toLowerCase(Locale.ROOT);
          ids.putIfAbsent(lower, list);
          String key = repoIssue(lower, null);
          if (key != null) {
            issues.putIfAbsent(key, list);
          }
        }
      }
      byRepoIssue = issues;
      byId = ids;
    }
  }
}
