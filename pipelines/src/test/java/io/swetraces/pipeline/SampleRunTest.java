package io.swetraces.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.stats.RunSummary;
import io.swetraces.text.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The bundled sample through the whole graph: outputs, formats and the output directory rules. */
public class SampleRunTest {
  private static final String TUTORIAL_COLUMNS =
      "instance_id,repo,language,license,resolved,agent,model,n_messages,n_system,n_user,"
          + "n_assistant,n_tool,patch_files,patch_add,patch_del,patch_churn,traj_tokens,category,"
          + "meta_files,meta_lines,is_resolved,known_label";

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private Path out() {
    return tmp.getRoot().toPath().resolve("out");
  }

  @Test
  public void writesEveryOutput() throws Exception {
    // Contamination only flagged: 15 of the sample's 17 tasks are SWE-bench Verified or Multi-SWE-bench ones.
    RunSummary summary = Runs.run(Runs.SAMPLE.resolve("oswt-sample.jsonl").toString(), out(), "--numShards=2",
        "--decontaminate=flag");
    RunSummary.Counts counts = summary.counts();
    assertEquals(17, counts.rowsRead());
    assertEquals(17, counts.analysed());
    assertEquals(5, counts.sftKept());
    assertEquals(11, (long) counts.sftDropped().get("unresolved"));
    assertEquals(1, (long) counts.sftDropped().get("over_token_budget"));

    List<String> csv = Runs.lines(out(), "analysis");
    // Two shards, each with its header.
    assertEquals(2, csv.stream().filter(l -> l.startsWith("instance_id,")).count());
    assertTrue(csv.get(0).startsWith(TUTORIAL_COLUMNS + ",trajectory_id,"));
    assertEquals(17 + 2, csv.size());
    assertTrue(Files.exists(out().resolve("analysis/analysis-00000-of-00002.parquet")));
    assertTrue(Files.exists(out().resolve("sft/sft-00001-of-00002.jsonl")));

    List<String> sft = Runs.lines(out(), "sft");
    assertEquals(5, sft.size());
    JsonNode example = sft.stream().map(SampleRunTest::json)
        .filter(n -> n.path("instance_id").asText().equals("astropy__astropy-12907")).findFirst().orElseThrow();
    assertEquals(List.of("instance_id", "repo", "language", "agent", "model", "messages", "tools", "text",
            "model_patch", "approx_tokens", "sft_tokens", "assistant_tokens", "trajectory_id", "resolved"),
        fieldNames(example));
    assertEquals(42, example.path("messages").size());
    assertEquals(18335, example.path("approx_tokens").asLong());
    assertTrue(example.path("text").asText().startsWith("<|im_start|>system\nYou are a helpful assistant"));
    assertFalse(example.path("messages").findValues("reasoning_content").isEmpty());
    assertEquals(0, Runs.lines(out(), "rejects").size());
  }

  @Test
  public void jsonlVariantsAndParquetGiveTheSameAnalysis() throws Exception {
    List<List<String>> tables = new ArrayList<>();
    for (String input : List.of("oswt-sample.jsonl", "oswt-sample-variants.jsonl", "oswt-sample-00000-of-00001.parquet")) {
      Path o = tmp.getRoot().toPath().resolve(input);
      Runs.run(Runs.SAMPLE.resolve(input).toString(), o);
      tables.add(Runs.lines(o, "analysis").stream()
          .map(l -> l.replaceAll("," + "[^,]*" + java.util.regex.Pattern.quote(input) + ",\\d+,", ",SOURCE,"))
          .sorted()
          .collect(Collectors.toList()));
    }
    assertEquals(18, tables.get(0).size());
    assertEquals(tables.get(0), tables.get(1));
    assertEquals(tables.get(0), tables.get(2));
  }

  @Test
  public void limitPerComboKeepsTheFirstRowsOfEachPair() throws Exception {
    RunSummary summary = Runs.run(Runs.SAMPLE.resolve("oswt-sample.jsonl").toString(), out(), "--limitPerCombo=2");
    RunSummary.Counts counts = summary.counts();
    assertEquals(17, counts.rowsRead());
    // sweagent/gpt_4o 1, sweagent/gpt4 1, minisweagent/gemini_3_pro 2, openhands/llama_4_maverick 2
    assertEquals(6, counts.analysed());
    assertEquals(11, counts.sampledOut());
    List<String> ids = Runs.lines(out(), "analysis").stream().skip(1).map(l -> l.split(",")[0]).sorted()
        .collect(Collectors.toList());
    assertEquals(List.of("6e44b9__sweagenttestrepo-1c2844", "astropy__astropy-12907", "astropy__astropy-13033",
        "ponylang__ponyc-4593", "ponylang__ponyc-4595", "pydicom__pydicom-1458"), ids);
  }

  @Test
  public void refusesAnUsedOutputDirectoryUnlessOverwriting() throws Exception {
    String input = Runs.SAMPLE.resolve("oswt-sample.jsonl").toString();
    Runs.run(input, out(), "--languages=c", "--requireResolved=false", "--decontaminate=off");
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> Runs.run(input, out()));
    assertTrue(refused.getMessage().contains("--overwrite"));
    RunSummary again =
        Runs.run(input, out(), "--overwrite", "--languages=c", "--requireResolved=false", "--decontaminate=off");
    assertEquals(3, again.counts().sftKept());
    assertEquals(1, Files.list(out().resolve("sft")).filter(f -> !f.getFileName().toString().startsWith(".")).count());

    Path foreign = tmp.newFolder("mine").toPath();
    Files.writeString(foreign.resolve("thesis.tex"), "keep me");
    assertThrows(IllegalArgumentException.class, () -> Runs.run(input, foreign, "--overwrite"));
    assertTrue(Files.exists(foreign.resolve("thesis.tex")));
    assertThrows(IllegalArgumentException.class, () -> Runs.run(input + ",nothing-here-*.jsonl", out(), "--overwrite"));
  }

  private static JsonNode json(String line) {
    try {
      return Json.parse(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return Collections.unmodifiableList(names);
  }
}
