package io.swetraces.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.model.LabelSource;
import io.swetraces.model.RunLabel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads the files an evaluation writes next to agent runs, known by their shape: the SWE-bench
 * harness's per-instance {@code report.json} (bare, or keyed by instance id), a run's {@code
 * results.json} in its several spellings, mini-swe-agent's {@code results_summary.json}, and
 * predictions ({@code all_preds.jsonl} lines, {@code preds.json} keyed by id).
 */
public final class EvaluationFiles {
  /** Run-level id lists, by the verdict they give; lists not named here give none. */
  private static final Map<String, Boolean> VERDICT_LISTS = Map.of(
      "resolved", true, "resolved_ids", true, "success_ids", true,
      "unresolved_ids", false, "failure_ids", false, "empty_patch_ids", false, "empty_error_patch_ids", false);
  /** Lists a run's results may hold that give no verdict (incomplete, errors, bookkeeping). */
  private static final Set<String> OTHER_LISTS = Set.of("completed_ids", "incomplete_ids", "submitted_ids",
      "error_ids", "unstopped_ids", "empty_generation_ids", "no_generation_ids", "no_logs_ids");

  private EvaluationFiles() {}

  /** Whether a value has the shape of an evaluation file (and is no trajectory). */
  public static boolean matches(JsonNode value) {
    return value.isObject() && !value.has("messages") && !value.has("trajectory") && !value.has("history")
        && (isPrediction(value) || isReport(value) || isKeyedReport(value) || isRunResults(value)
            || isResultsSummary(value) || isKeyedPredictions(value));
  }

  /** The labels a value of an evaluation file gives, found at {@code path}; empty for any other value. */
  public static List<RunLabel> labels(JsonNode value, String path) {
    List<RunLabel> out = new ArrayList<>();
    if (!matches(value)) {
      return out;
    }
    if (isPrediction(value)) {
      prediction(value, null, path, out);
    } else if (isReport(value)) {
      String instance = value.path("instance_id").isTextual()
          ? value.get("instance_id").textValue() : RunPaths.fileName(RunPaths.folder(path));
      out.add(RunLabel.verdict(RunPaths.runOf(path, instance), instance, LabelSource.INSTANCE_REPORT,
          value.get("resolved").booleanValue()));
    } else if (isKeyedReport(value)) {
      Map.Entry<String, JsonNode> only = value.fields().next();
      out.add(RunLabel.verdict(RunPaths.runOf(path, only.getKey()), only.getKey(), LabelSource.INSTANCE_REPORT,
          only.getValue().get("resolved").booleanValue()));
    } else if (isKeyedPredictions(value)) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        prediction(entry.getValue(), entry.getKey(), path, out);
      }
    } else if (isRunResults(value)) {
      runResults(value, path, out);
    } else {
      for (JsonNode instance : value.get("instances")) {
        if (instance.path("instance_id").isTextual() && instance.path("resolved").isBoolean()) {
          out.add(RunLabel.verdict(RunPaths.runOf(path, null), instance.get("instance_id").textValue(),
              LabelSource.RUN_RESULTS, instance.get("resolved").booleanValue()));
        }
      }
    }
    return out;
  }

  private static void prediction(JsonNode value, @Nullable String key, String path, List<RunLabel> out) {
    String instance = value.path("instance_id").isTextual() ? value.get("instance_id").textValue() : key;
    JsonNode patch = value.get("model_patch");
    if (instance != null) {
      out.add(RunLabel.prediction(RunPaths.runOf(path, null), instance,
          patch != null && patch.isTextual() ? patch.textValue() : null));
    }
  }

  /**
   * A run's verdict lists. An id in a resolved list is resolved even when a careless writer also put
   * it in an unresolved one; ids in neither (incomplete, errors) get no verdict.
   */
  private static void runResults(JsonNode value, String path, List<RunLabel> out) {
    String run = RunPaths.runOf(path, null);
    Map<String, Boolean> verdicts = new LinkedHashMap<>();
    VERDICT_LISTS.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(list -> {
      JsonNode ids = value.get(list.getKey());
      if (ids != null && ids.isArray()) {
        for (JsonNode id : ids) {
          if (id.isTextual()) {
            verdicts.put(id.textValue(), list.getValue());
          }
        }
      }
    });
    verdicts.forEach((id, resolved) -> out.add(RunLabel.verdict(run, id, LabelSource.RUN_RESULTS, resolved)));
  }

  /** An {@code all_preds.jsonl} line: {@code {instance_id, model_patch, model_name_or_path}}. */
  private static boolean isPrediction(JsonNode value) {
    return value.path("instance_id").isTextual() && value.has("model_patch") && !value.has("resolved");
  }

  /** A bare per-instance report: {@code {resolved: bool, tests_status | patch_exists | FAIL_TO_PASS ...}}. */
  private static boolean isReport(JsonNode value) {
    return value.path("resolved").isBoolean()
        && (value.has("tests_status") || value.has("patch_exists") || value.has("patch_successfully_applied")
            || value.has("FAIL_TO_PASS"));
  }

  /** The harness's report: {@code {"<instance id>": <report>}}. */
  private static boolean isKeyedReport(JsonNode value) {
    return value.size() == 1 && value.elements().next().isObject() && isReport(value.elements().next());
  }

  /** {@code preds.json}: predictions keyed by instance id. */
  private static boolean isKeyedPredictions(JsonNode value) {
    if (value.isEmpty()) {
      return false;
    }
    for (JsonNode entry : value) {
      if (!entry.isObject() || !entry.has("model_patch")) {
        return false;
      }
    }
    return true;
  }

  /** A run's results: at least one verdict list, and nothing but lists and counters. */
  private static boolean isRunResults(JsonNode value) {
    boolean verdicts = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode v = field.getValue();
      if (VERDICT_LISTS.containsKey(field.getKey()) && v.isArray()) {
        verdicts = true;
      } else if (!(v.isArray() && OTHER_LISTS.contains(field.getKey())) && !v.isNumber() && !v.isTextual()
          && !v.isBoolean() && !v.isNull() && !(v.isArray() && allText(v))) {
        return false;
      }
    }
    return verdicts;
  }

  /** mini-swe-agent's {@code results_summary.json}: {@code {total, passed, ..., instances: [...]}}. */
  private static boolean isResultsSummary(JsonNode value) {
    return value.path("instances").isArray() && value.has("pass_rate");
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode element : array) {
      if (!element.isTextual()) {
        return false;
      }
    }
    return true;
  }
}
