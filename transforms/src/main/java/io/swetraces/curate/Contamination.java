package io.swetraces.curate;

import io.swetraces.runs.Benchmarks;
import java.io.Serializable;
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
 * spelled differently across datasets ({@code owner__repo-123} and {@code owner/repo} #123).
 */
public final class Contamination implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The bundled lists, most commonly reported first: a task in several is named by the first. */
  public static final List<String> BUNDLED = List.of("swe-bench-verified", "swe-bench-lite", "swe-bench-test",
      "swe-bench-multilingual", "multi-swe-bench", "multi-swe-bench-mini");

  public static final String BY_ID = "instance_id";
  public static final String BY_REPO_ISSUE = "repo_issue";

  private static final Pattern SUFFIX = Pattern.compile("_\\d+$");
  /** {@code owner__repo-123}: the repository and the issue or PR number. */
  private static final Pattern ID = Pattern.compile("^([A-Za-z0-9_.-]+?)__([A-Za-z0-9_.-]+)-(\\d+)$");
  private static final Pattern TRAILING_NUMBER = Pattern.compile("[-_#/](\\d{1,9})$");

  private transient volatile Map<String, String> byId;
  private transient volatile Map<String, String> byRepoIssue;

  /**
   * The benchmark and the kind of match ({@code swe-bench-verified:instance_id}), or null for a
   * task of none of them.
   */
  public @Nullable String match(@Nullable String instanceId, @Nullable String repo) {
    if (instanceId == null) {
      return null;
    }
    load();
    String id = instanceId.toLowerCase(Locale.ROOT);
    String found = byId.get(id);
    if (found == null && SUFFIX.matcher(id).find()) {
      found = byId.get(SUFFIX.matcher(id).replaceFirst(""));
    }
    if (found != null) {
      return found + ":" + BY_ID;
    }
    String key = repoIssue(SUFFIX.matcher(id).replaceFirst(""), repo);
    found = key == null ? null : byRepoIssue.get(key);
    return found == null ? null : found + ":" + BY_REPO_ISSUE;
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
