package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.swetraces.model.LabelSource;
import io.swetraces.model.RunLabel;
import io.swetraces.text.Json;
import java.util.Comparator;
import java.util.List;
import org.junit.Test;

/** Each evaluation file shape gives the labels its harness means, keyed to the run folder it sits in. */
public class EvaluationFilesTest {
  private static final String RUN = "runs/20240825_SWE-agent_gpt-4o";

  private static List<RunLabel> labels(String json, String path) throws Exception {
    return EvaluationFiles.labels(Json.parse(json), path);
  }

  @Test
  public void aBarePerInstanceReportIsNamedByItsFolder() throws Exception {
    assertEquals(List.of(RunLabel.verdict(RUN, "a__b-1", LabelSource.INSTANCE_REPORT, true)),
        labels("{\"patch_exists\": true, \"resolved\": true, \"tests_status\": {}}", RUN + "/logs/a__b-1/report.json"));
  }

  @Test
  public void theHarnessReportIsKeyedByInstance() throws Exception {
    assertEquals(List.of(RunLabel.verdict(RUN, "a__b-2", LabelSource.INSTANCE_REPORT, false)),
        labels("{\"a__b-2\": {\"patch_is_None\": false, \"resolved\": false, \"tests_status\": {}}}",
            RUN + "/logs/a__b-2/report.json"));
  }

  @Test
  public void runResultsInTheirSeveralSpellings() throws Exception {
    assertEquals(List.of(
            RunLabel.verdict(RUN, "u", LabelSource.RUN_RESULTS, false),
            RunLabel.verdict(RUN, "e", LabelSource.RUN_RESULTS, false),
            RunLabel.verdict(RUN, "s", LabelSource.RUN_RESULTS, true),
            RunLabel.verdict(RUN, "r", LabelSource.RUN_RESULTS, true)),
        sorted(labels("{\"total_instances\": 5, \"resolved\": [\"r\"], \"success_ids\": [\"s\"],"
            + " \"unresolved_ids\": [\"u\"], \"empty_patch_ids\": [\"e\"], \"error_ids\": [\"x\"],"
            + " \"completed_ids\": [\"r\", \"u\"]}", RUN + "/results/results.json")));
    assertEquals(List.of(RunLabel.verdict(RUN, "r", LabelSource.RUN_RESULTS, true)),
        labels("{\"schema_version\": 2, \"resolved_ids\": [\"r\"]}", RUN + "/results.json"));
  }

  @Test
  public void aResolvedIdListedTwiceStaysResolved() throws Exception {
    assertEquals(List.of(RunLabel.verdict(RUN, "r", LabelSource.RUN_RESULTS, true)),
        labels("{\"resolved\": [\"r\"], \"unresolved_ids\": [\"r\"]}", RUN + "/results/results.json"));
  }

  @Test
  public void miniSweAgentsResultsSummary() throws Exception {
    assertEquals(List.of(RunLabel.verdict(RUN, "a", LabelSource.RUN_RESULTS, true),
            RunLabel.verdict(RUN, "b", LabelSource.RUN_RESULTS, false)),
        labels("{\"total\": 2, \"passed\": 1, \"failed\": 1, \"pass_rate\": 0.5, \"instances\":"
            + " [{\"instance_id\": \"a\", \"resolved\": true}, {\"instance_id\": \"b\", \"resolved\": false}]}",
            RUN + "/results_summary.json"));
  }

  @Test
  public void predictionsLinesAndKeyedPredictions() throws Exception {
    assertEquals(List.of(RunLabel.prediction(RUN, "a", "diff --git a/x b/x\n")),
        labels("{\"model_name_or_path\": \"m\", \"instance_id\": \"a\", \"model_patch\": \"diff --git a/x b/x\\n\"}",
            RUN + "/all_preds.jsonl"));
    assertEquals(List.of(RunLabel.prediction(RUN, "b", null)),
        labels("{\"b\": {\"model_name_or_path\": \"m\", \"model_patch\": null}}", RUN + "/preds.json"));
  }

  @Test
  public void trajectoriesConfigsAndIndexesAreNoEvaluationFiles() throws Exception {
    assertFalse(EvaluationFiles.matches(Json.parse("{\"instance_id\": \"a\", \"messages\": []}")));
    assertFalse(EvaluationFiles.matches(Json.parse("{\"model\": {\"name\": \"gpt-4o\"}, \"resolved\": [1]}")));
    assertFalse(EvaluationFiles.matches(Json.parse("{\"a__b-1\": {\"repo\": \"a/b\", \"date\": \"2024\"}}")));
    assertTrue(EvaluationFiles.matches(Json.parse("{\"resolved\": [], \"unresolved_ids\": []}")));
  }

  private static List<RunLabel> sorted(List<RunLabel> labels) {
    return labels.stream().sorted(Comparator.comparing(RunLabel::getResolved)
        .thenComparing(RunLabel::getInstanceId, Comparator.reverseOrder())).toList();
  }
}
