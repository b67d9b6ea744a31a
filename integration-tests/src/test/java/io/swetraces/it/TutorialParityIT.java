package io.swetraces.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.pipeline.SweTracesOptions;
import io.swetraces.text.Json;
import io.swetraces.pipeline.SweTracesPipeline;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * With tutorial-compatible settings, the tutorial's columns equal what the tutorial's own code
 * computes, row for row, on 215 real trajectories in every input format and schema variant.
 *
 * <p>{@code tutorial-golden.csv} is the tutorial's STEP 3 table for {@code dev-variants.jsonl}, as
 * its code (pandas 3.0.6, tiktoken 0.14.0) wrote it, plus {@code trajectory_id} and the tool
 * counter as JSON to join and compare on. The data itself lives beside the project (see the
 * README); where it is absent these tests are skipped with a message.
 */
public class TutorialParityIT {
  private static final Path OSWT =
      Path.of(System.getProperty("swetraces.oswt.dir", "../../shared/data/oswt"));
  private static final List<String> TUTORIAL_COLUMNS =
      List.of("instance_id", "repo", "language", "license", "resolved", "agent", "model", "n_messages",
          "n_system", "n_user", "n_assistant", "n_tool", "patch_files", "patch_add", "patch_del",
          "patch_churn", "traj_tokens", "category", "meta_files", "meta_lines", "is_resolved", "known_label");

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private JsonNode run(String input, Path out) throws IOException {
    assumeTrue("the Open-SWE-Traces-schema dev data is not at " + OSWT.toAbsolutePath()
        + " (set -Dswetraces.oswt.dir)", Files.isDirectory(OSWT));
    SweTracesOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + OSWT.resolve(input), "--output=" + out, "--runner=DirectRunner",
                "--preset=TUTORIAL")
            .as(SweTracesOptions.class);
    assertEquals(PipelineResult.State.DONE, SweTracesPipeline.run(options).waitUntilFinish());
    return Json.MAPPER.readTree(out.resolve("summary.json").toFile());
  }

  private static Map<String, CSVRecord> byTrajectoryId(Reader reader) throws IOException {
    Map<String, CSVRecord> rows = new HashMap<>();
    try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
      for (CSVRecord r : csv) {
        rows.put(r.get("trajectory_id"), r);
      }
    }
    return rows;
  }

  private static Map<String, CSVRecord> golden() throws IOException {
    try (Reader r = new InputStreamReader(
        TutorialParityIT.class.getResourceAsStream("/tutorial-golden.csv"), StandardCharsets.UTF_8)) {
      return byTrajectoryId(r);
    }
  }

  private static Map<String, CSVRecord> analysis(Path out) throws IOException {
    Map<String, CSVRecord> rows = new HashMap<>();
    try (Stream<Path> files = Files.list(out.resolve("analysis"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          rows.putAll(byTrajectoryId(r));
        }
      }
    }
    return rows;
  }

  private void assertParity(String input) throws IOException {
    Path out = tmp.getRoot().toPath().resolve("out-" + input.replace('*', '_'));
    JsonNode summary = run(input, out);
    Map<String, CSVRecord> expected = golden();
    Map<String, CSVRecord> actual = analysis(out);
    assertEquals(215, expected.size());
    assertEquals(expected.keySet(), actual.keySet());
    for (var e : expected.entrySet()) {
      CSVRecord want = e.getValue();
      CSVRecord got = actual.get(e.getKey());
      for (String column : TUTORIAL_COLUMNS) {
        String w = want.get(column);
        // pandas writes a numeric column with missing values as floats: 3 becomes 3.0.
        if ((column.equals("meta_files") || column.equals("meta_lines")) && w.endsWith(".0")) {
          w = w.substring(0, w.length() - 2);
        }
        assertEquals(input + " " + e.getKey() + " " + column, w, got.get(column));
      }
      assertEquals(input + " " + e.getKey() + " tools",
          io.swetraces.text.Json.parseObject(want.get("tools_json")),
          io.swetraces.text.Json.parseObject(got.get("tool_counts")));
    }
    assertTutorialFigures(summary);
  }

  /** The figures the tutorial prints for the same rows (STEPs 3, 5, 6, 7). */
  private static void assertTutorialFigures(JsonNode s) {
    JsonNode pct = s.path("traj_token_percentiles");
    assertEquals(16317, pct.path("p50").asLong());
    assertEquals(22045, pct.path("p75").asLong());
    assertEquals(30146, pct.path("p90").asLong());
    assertEquals(35781, pct.path("p95").asLong());
    assertEquals(47382, pct.path("p99").asLong());
    assertEquals(284572, pct.path("max").asLong());
    JsonNode tokens = s.path("numeric_summary").path("traj_tokens");
    assertEquals(19879.0, tokens.path("mean").asDouble(), 0.05);
    assertEquals(20126.2, tokens.path("std").asDouble(), 0.05);
    assertEquals(12788.0, tokens.path("25%").asDouble(), 1e-9);
    assertEquals(28.5, s.path("numeric_summary").path("n_messages").path("25%").asDouble(), 1e-9);
    assertEquals(0.502326, s.path("context_window_fit").get(1).path("fraction").asDouble(), 1e-6);
    assertEquals(0.92093, s.path("context_window_fit").get(2).path("fraction").asDouble(), 1e-6);
    JsonNode byLanguage = s.path("resolution_by_language");
    assertEquals("python", byLanguage.get(0).path("language").asText());
    assertEquals(0.688679, byLanguage.get(0).path("rate").asDouble(), 1e-6);
    assertEquals(106, byLanguage.get(0).path("n").asLong());
    assertEquals(0.069307, byLanguage.get(1).path("rate").asDouble(), 1e-6);
    assertEquals(4.031496, s.path("mean_tool_turns_by_outcome").path("unresolved").asDouble(), 1e-6);
    assertEquals(5.5875, s.path("mean_tool_turns_by_outcome").path("resolved").asDouble(), 1e-6);
    assertEquals("bash_block", s.path("top_tools").get(0).path("tool").asText());
    assertEquals(2576, s.path("top_tools").get(0).path("count").asLong());
    assertEquals(1290, s.path("top_tools").get(1).path("count").asLong());
    assertEquals(62, s.path("counts").path("sft_kept").asLong());
    assertEquals(55, s.path("sft_by_language").get(0).path("kept").asLong());
    assertEquals(7, s.path("sft_by_language").get(1).path("kept").asLong());
  }

  @Test
  public void messagesAsTrajectoryAndJsonStrings() throws IOException {
    assertParity("dev-variants.jsonl");
  }

  @Test
  public void nestedJsonLines() throws IOException {
    assertParity("dev.jsonl");
  }

  @Test
  public void huggingFaceStyleParquetShards() throws IOException {
    assertParity("dev-0000*-of-00002.parquet");
  }
}
