package io.swetraces.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import io.swetraces.stats.RunSummary;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Agent run folders read as they lie give the same analysis rows as their Open-SWE-Traces
 * conversion: the bundled runs (the raw files of the bundled sample's rows) always, and the whole
 * real sample beside the project where it is present.
 */
public class RunFoldersTest {
  /** Columns that name where a row was read, or how its label was found, not what it holds. */
  private static final Set<String> PROVENANCE = Set.of("trajectory_id", "source_file", "source_row", "label_source");
  private static final Path SHARED = Path.of(System.getProperty("swetraces.shared.dir", "../../shared/data"));

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theBundledRunsGiveTheSampleRows() throws Exception {
    Path runs = tmp.getRoot().toPath().resolve("runs");
    Path rows = tmp.getRoot().toPath().resolve("rows");
    RunSummary raw = Runs.run(Runs.SAMPLE.resolve("runs").toString(), runs);
    Runs.run(Runs.SAMPLE.resolve("oswt-sample.jsonl").toString(), rows);

    assertSameRows(analysis(rows), analysis(runs));
    assertEquals(17, raw.counts().analysed());
    assertEquals(0, raw.counts().rejected());
    // patch.jsonl (Multi-SWE-bench's patch list), the bare .patch file and the README hold no trajectory.
    assertEquals(3, raw.inputs().notTrajectoryFiles());
    assertEquals(Map.of("instance_report", 12L, "none", 5L), raw.inputs().labelSources());
    assertEquals(0, raw.inputs().labelConflicts());
  }

  @Test
  public void labelsGivenApartApplyToEveryRun() throws Exception {
    Path run = Runs.SAMPLE.resolve("runs/gruckion__mini-swe-agent@d12a71a/swebench_results/20251118_gemini-3-pro-74pct");
    Path out = tmp.getRoot().toPath().resolve("given");
    RunSummary summary = Runs.run(run.resolve("trajs").toString(), out, "--labelFiles=" + run.resolve("logs") + "/*/report.json");

    assertEquals(Map.of("given", 12L), summary.inputs().labelSources());
    // 6 of the 12 resolved, as the sample rows say
    assertEquals(List.of(new RunSummary.PairRate("minisweagent", "gemini_3_pro", 0.5, 12)),
        summary.resolutionByAgentModel());
  }

  @Test
  public void theRealSampleAsItLiesGivesTheDevRows() throws Exception {
    assumeTrue("the real sample is not at " + SHARED.toAbsolutePath() + " (set -Dswetraces.shared.dir)",
        Files.isDirectory(SHARED.resolve("real")));
    Path runs = tmp.getRoot().toPath().resolve("runs");
    Path rows = tmp.getRoot().toPath().resolve("rows");
    RunSummary raw = Runs.run(SHARED.resolve("real").toString(), runs);
    Runs.run(SHARED.resolve("oswt").resolve("dev.jsonl").toString(), rows);

    assertSameRows(analysis(rows), analysis(runs));
    assertEquals(215, raw.counts().analysed());
    assertEquals(0, raw.counts().rejected());
  }

  /** Equal lists, or a failure showing the rows only one of them has. */
  private static void assertSameRows(List<String> expected, List<String> actual) {
    List<String> missing = new ArrayList<>(expected);
    actual.forEach(missing::remove);
    List<String> extra = new ArrayList<>(actual);
    expected.forEach(extra::remove);
    assertEquals("rows only the Open-SWE-Traces conversion has: " + missing, List.of(), extra);
    assertEquals(List.of(), missing);
  }

  /** The analysis rows without their provenance, sorted, as text. */
  private static List<String> analysis(Path output) throws IOException {
    String csv = String.join("\n", Runs.lines(output, "analysis"));
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv)).getRecords();
    List<String> out = new ArrayList<>();
    for (CSVRecord r : records) {
      if (r.get("instance_id").equals("instance_id")) {
        continue; // another shard's header
      }
      Map<String, String> values = new TreeMap<>(r.toMap());
      values.keySet().removeAll(PROVENANCE);
      out.add(values.toString());
    }
    out.sort(null);
    return out;
  }
}
