package io.swetraces.hub;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.text.Json;
import io.swetraces.pipeline.StudentModelTest;
import io.swetraces.pipeline.SweTracesOptions;
import io.swetraces.pipeline.SweTracesPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The whole graph on the DirectRunner reading from a fake Hub, against the same files read locally. */
public class HubPipelineTest {
  private static final String REPO = HubFixtures.REPO;

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Rule public final PublishedHub published = new PublishedHub();

  private FakeHub hub;
  private Path tree;
  private String sha;

  @Before
  public void useHub() {
    hub = published.hub();
    tree = published.tree();
    sha = published.sha();
  }

  private Path run(String name, String... args) throws IOException {
    Path out = tmp.getRoot().toPath().resolve(name);
    List<String> all = new ArrayList<>(List.of("--output=" + out, "--runner=DirectRunner",
        "--hfEndpoint=" + hub.endpoint(), "--hfBackoffMillis=10"));
    all.addAll(Arrays.asList(args));
    SweTracesOptions options =
        PipelineOptionsFactory.fromArgs(all.toArray(new String[0])).withValidation().as(SweTracesOptions.class);
    assertEquals(PipelineResult.State.DONE, SweTracesPipeline.run(options).waitUntilFinish());
    return out;
  }

  /** Every output line, sorted, with file names made relative to the repository's root. */
  private List<String> content(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String dir : List.of("analysis", "sft", "rejects")) {
      try (Stream<Path> files = Files.list(out.resolve(dir))) {
        for (Path f : files.filter(f -> Files.isRegularFile(f) && !f.toString().endsWith(".parquet")).sorted().toList()) {
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            lines.add(dir + ": " + line.replace("hf://datasets/" + REPO + "@" + sha + "/", "")
                .replace(tree.toString() + "/", ""));
          }
        }
      }
    }
    JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
    lines.add("figures: " + summary.path("figures"));
    lines.add("counts: " + summary.path("counts"));
    return lines.stream().sorted().toList();
  }

  /** (agent, model) → instance ids, in source order, from the analysis CSV. */
  private static Map<String, List<String>> idsByCombo(Path out) throws IOException {
    Map<String, List<String>> ids = new TreeMap<>();
    try (Stream<Path> files = Files.list(out.resolve("analysis"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        lines.stream().skip(1).map(l -> l.split(","))
            .sorted((a, b) -> (a[header.indexOf("source_file")] + String.format("%09d", Long.parseLong(a[header.indexOf("source_row")])))
                .compareTo(b[header.indexOf("source_file")] + String.format("%09d", Long.parseLong(b[header.indexOf("source_row")]))))
            .forEach(r -> ids.computeIfAbsent(r[header.indexOf("agent")] + "/" + r[header.indexOf("model")],
                k -> new ArrayList<>()).add(r[header.indexOf("instance_id")]));
      }
    }
    return ids;
  }

  @Test
  public void readingFromTheHubWritesWhatReadingTheFilesLocallyWrites() throws IOException {
    Path local = run("local", "--input=" + tree + "/data/**/*.parquet");
    Path remote = run("hub", "--input=hf://datasets/" + REPO + "/data/**/*.parquet");
    List<String> expected = content(local);
    assertEquals(43 + 1, expected.stream().filter(l -> l.startsWith("analysis: ")).count());
    assertEquals(expected, content(remote));
  }

  @Test
  public void aStudentTokenizerIsReadFromAModelRepositoryAtItsPinnedCommit() throws IOException {
    Path model = tmp.newFolder("student-model").toPath();
    Files.copy(Path.of("..", "transforms", "src", "test", "resources", "io", "swetraces", "template",
        "qwen3-tokenizer_config.json"), model.resolve("tokenizer_config.json"));
    Files.writeString(model.resolve("tokenizer.json"), StudentModelTest.bytesOnlyTokenizer());
    String commit = hub.model("acme/student").commit("main", model);
    Path out = run("student", "--input=" + tree + "/data/**/*.parquet", "--tokenizer=hf://models/acme/student",
        "--decontaminate=FLAG", "--requireResolved=false");
    JsonNode settings = Json.MAPPER.readTree(out.resolve("summary.json").toFile()).path("settings");
    assertEquals("hf://models/acme/student@" + commit, settings.path("tokenizer").asText());
    List<String> sft = new ArrayList<>();
    try (var files = Files.list(out.resolve("sft"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        sft.addAll(Files.readAllLines(f));
      }
    }
    assertTrue(sft.size() > 0);
    for (String line : sft) {
      JsonNode r = Json.parse(line);
      assertTrue(r.path("text").asText().startsWith("<|im_start|>"));
      assertEquals(r.path("text").asText().getBytes(StandardCharsets.UTF_8).length, r.path("sft_tokens").asLong());
    }
  }

  @Test
  public void aDatasetsConfigsAndSplitsTagTheirRows() throws IOException {
    Path out = run("dataset", "--dataset=" + REPO, "--configs=openhands,sweagent", "--splits=model_a,model_b");
    Map<String, List<String>> ids = idsByCombo(out);
    assertEquals(List.of("openhands/model_a", "sweagent/model_b"), List.copyOf(ids.keySet()));
    assertEquals(26, ids.get("openhands/model_a").size());
    assertEquals(17, ids.get("sweagent/model_b").size());
    JsonNode settings = Json.MAPPER.readTree(out.resolve("summary.json").toFile()).path("settings");
    assertEquals(REPO, settings.path("dataset").asText());
    assertEquals("openhands,sweagent", settings.path("configs").asText());
  }

  @Test
  public void samplingFetchesTheRowGroupsOfTheFirstRowsAndNothingMore() throws IOException {
    int limit = 4;
    List<String> firstRows = idsByCombo(run("whole", "--dataset=" + REPO)).get("sweagent/model_b").subList(0, limit);
    hub.resetCounts();
    Map<String, List<String>> ids = idsByCombo(run("sampled", "--dataset=" + REPO, "--limitPerCombo=" + limit));
    assertEquals(Map.of("openhands/model_a", firstRows, "sweagent/model_b", firstRows), ids);
    assertEquals("the second shard of model_a is never opened", 0, bytesOf(HubFixtures.FILES.get(1)));

    for (String f : List.of(HubFixtures.FILES.get(0), HubFixtures.FILES.get(2))) {
      long size = Files.size(tree.resolve(f));
      List<BlockMetaData> groups = HubFixtures.rowGroups(tree.resolve(f));
      BlockMetaData last = groups.get(groups.size() - 1);
      long footer = size - (last.getStartingPos() + last.getCompressedSize());
      long needed = 0;
      long rows = 0;
      for (BlockMetaData g : groups) {
        if (rows >= limit) {
          break;
        }
        needed += g.getCompressedSize();
        rows += g.getRowCount();
      }
      long served = bytesOf(f);
      String figures = f + ": served " + served + " of " + size + " bytes; footer " + footer + ", row groups of the first "
          + limit + " rows " + needed + " (" + groups.size() + " groups)";
      System.out.println(figures);
      // The footer's last 8 bytes are read twice (its length, then itself). Ranges read ahead, doubling
      // while reads are sequential, so the last one may run past the last row group needed by at most
      // as much as was read before it, or one minimum range.
      assertTrue(figures, served <= footer + 8 + needed + Math.max(needed, HubReadChannel.MIN_RANGE));
      assertTrue(figures, served < size / 2);
    }
  }

  private long bytesOf(String file) {
    return hub.bytesServed(file);
  }
}
