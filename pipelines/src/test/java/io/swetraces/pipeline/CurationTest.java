package io.swetraces.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.swetraces.stats.RunSummary;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A real row and copies of it with planted problems ({@code src/sample/make_planted.py}): an exact
 * copy, a copy differing in white space, secrets in a tool output (the assistant's turns unchanged:
 * a near duplicate too), a SWE-bench Verified task, a call to an undefined tool, a few words of an
 * assistant turn reworded. With the defaults only the original is kept, every drop has its reason,
 * and no secret value is in any output.
 */
public class CurationTest {
  private static final Path PLANTED = Runs.SAMPLE.resolve("planted-curation.jsonl");
  /** A benchmark whose one task is the kept row's issue, under another id and repository. */
  private static final Path BENCHMARK = Runs.SAMPLE.resolve("benchmark").resolve("planted-benchmark.jsonl");
  private static final List<String> SECRETS = List.of("ghp_Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz9Xc8V", "AKIAQ5XV7PLANTED0EXM");

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void eachStageFindsItsPlantAndNoSecretIsWritten() throws Exception {
    Path out = tmp.getRoot().toPath().resolve("out");
    RunSummary summary = Runs.run(PLANTED.toString(), out);

    Map<String, String> verdicts = new TreeMap<>();
    for (CSVRecord r : analysis(out)) {
      String id = r.get("trajectory_id");
      verdicts.put(id.substring(id.length() - 2), r.get("sft_drop_reason") + "|" + r.get("contamination") + "|"
          + (r.get("duplicate_of").isEmpty() ? "" : "dup") + "|" + r.get("tool_call_error") + "|" + r.get("secrets_redacted"));
    }
    assertEquals(Map.of(
        "a0", "||||{}",
        "b1", "duplicate||dup||{}",
        "c2", "duplicate||dup||{}",
        "d3", "near_duplicate||dup||{\"aws_access_key_id\":1,\"github_token\":1}",
        "e4", "contaminated|swe-bench-verified:instance_id|||{}",
        "f5", "broken_tool_call|||undefined_tool: run_shell|{}",
        "g6", "near_duplicate||dup||{}"), verdicts);
    assertEquals(1, summary.counts().sftKept());
    assertEquals(Map.of("broken_tool_call", 1L, "contaminated", 1L, "duplicate", 2L, "near_duplicate", 2L),
        nonZero(summary.counts().sftDropped()));
    assertEquals(Map.of("secret:aws_access_key_id", 1L, "secret:github_token", 1L,
            "contaminated:swe-bench-verified:instance_id", 1L, "broken_tool_call:undefined_tool", 1L, "duplicate", 4L),
        summary.integrity());
    assertEquals(7, summary.counts().rowsRead());
    assertEquals(summary.counts().rowsRead(), summary.counts().analysed() + summary.counts().rejected());
    assertNoSecretUnder(out);
  }

  @Test
  public void flaggedStagesKeepWhatTheyFindAndTheTutorialPresetLooksForNothing() throws Exception {
    RunSummary flagged = Runs.run(PLANTED.toString(), tmp.getRoot().toPath().resolve("flagged"),
        "--toolCalls=flag", "--decontaminate=flag", "--deduplicate=flag", "--secrets=drop");
    assertEquals(6, flagged.counts().sftKept());
    assertEquals(Map.of("contains_secret", 1L), nonZero(flagged.counts().sftDropped()));
    assertNoSecretUnder(tmp.getRoot().toPath().resolve("flagged"));

    RunSummary tutorial = Runs.run(PLANTED.toString(), tmp.getRoot().toPath().resolve("tutorial"), "--preset=tutorial");
    assertEquals(Map.of(), tutorial.integrity());
    assertEquals("TUTORIAL", tutorial.settings().patchCounting());
  }

  @Test
  public void benchmarksGivenAsFilesMatchTheTaskStatementUnderAnotherId() throws Exception {
    Path out = tmp.getRoot().toPath().resolve("against");
    RunSummary summary = Runs.run(PLANTED.toString(), out, "--decontaminateAgainst=" + BENCHMARK);
    // The kept row and its five copies share the issue (the one with a broken tool call is dropped for
    // that first, but noted); the Verified plant is still found by its id.
    assertEquals(0, summary.counts().sftKept());
    assertEquals(Map.of("contaminated", 6L, "broken_tool_call", 1L), nonZero(summary.counts().sftDropped()));
    assertEquals(6L, (long) summary.integrity().get("contaminated:planted-benchmark:statement_overlap"));
    assertEquals(1L, (long) summary.integrity().get("contaminated:swe-bench-verified:instance_id"));
    String id = "730ecb22-e81d-5cd0-94b3-ab47697e0f";
    assertEquals(List.of(id + "a0", id + "b1", id + "c2"),
        summary.integrityExamples().get("contaminated:planted-benchmark:statement_overlap"));
    assertEquals("planted-benchmark:statement_overlap", analysis(out).stream()
        .filter(r -> r.get("trajectory_id").endsWith("a0")).findFirst().orElseThrow().get("contamination"));
  }

  private static Map<String, Long> nonZero(Map<String, Long> counts) {
    Map<String, Long> out = new TreeMap<>(counts);
    out.values().removeIf(n -> n == 0);
    return out;
  }

  private static void assertNoSecretUnder(Path out) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String secret : SECRETS) {
          assertFalse(f + " holds a secret", text.contains(secret));
        }
      }
    }
  }

  private static List<CSVRecord> analysis(Path out) throws IOException {
    String csv = String.join("\n", Runs.lines(out, "analysis"));
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv)).getRecords();
  }
}
