package io.swetraces.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.swetraces.model.BenchmarkTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Benchmark files: SWE-bench-shaped rows in any input format, named by their dataset or file. */
public class ReadBenchmarkTasksTest {
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void readsRowsOfJsonLinesAndJsonArraysNamedByTheirFile() throws Exception {
    Path lines = tmp.getRoot().toPath().resolve("verified-2025.jsonl");
    Files.writeString(lines, "{\"instance_id\":\"a__b-1\",\"repo\":\"a/b\",\"problem_statement\":\"It fails.\","
        + "\"patch\":\"+x\\n\",\"created_at\":\"2024-01-01\"}\n\n{\"instance_id\":\"a__b-2\",\"problem_statement\":null}\n");
    Path array = tmp.newFolder("my-bench", "data").toPath().resolve("test-00000-of-00001.json");
    Files.writeString(array, "[{\"instance_id\":3,\"patch\":\"-y\\n\"}]");

    PAssert.that(pipeline.apply(ReadBenchmarkTasks.from(List.of(TraceSource.of(lines.toString()),
            TraceSource.of(array.toString())))))
        .containsInAnyOrder(
            BenchmarkTask.of("verified-2025", "a__b-1", "a/b", "It fails.", "+x\n"),
            BenchmarkTask.of("verified-2025", "a__b-2", null, null, null),
            BenchmarkTask.of("my-bench", "3", null, null, "-y\n"));
    pipeline.run();
  }

  @Test
  public void aFileOfOtherRowsStopsTheRunWithWhatIsWrong() throws Exception {
    Path other = tmp.getRoot().toPath().resolve("trajectories.jsonl");
    Files.writeString(other, "{\"trajectory_id\":\"t1\",\"messages\":[]}\n");
    pipeline.apply(ReadBenchmarkTasks.from(List.of(TraceSource.of(other.toString()))));
    Pipeline.PipelineExecutionException e = assertThrows(Pipeline.PipelineExecutionException.class, pipeline::run);
    assertTrue(e.getMessage(), e.getMessage().contains("trajectories.jsonl row 0 is not a SWE-bench-shaped row"
        + " (no instance_id, problem_statement or patch)"));
  }

  @Test
  public void aBenchmarkIsNamedByItsHubDatasetElseItsFileElseItsFolder() {
    assertEquals("princeton-nlp/SWE-bench_Verified",
        ReadBenchmarkTasks.benchmarkName("hf://datasets/princeton-nlp/SWE-bench_Verified@c104f840/data/test-0.parquet"));
    assertEquals("swe-bench-extra", ReadBenchmarkTasks.benchmarkName("/data/swe-bench-extra.jsonl.gz"));
    assertEquals("SWE-Gym", ReadBenchmarkTasks.benchmarkName("gs://b/SWE-Gym/data/train-00000-of-00002.parquet"));
    assertEquals("lite", ReadBenchmarkTasks.benchmarkName("/x/lite/test.jsonl"));
  }
}
