package io.swetraces.it;

import static org.junit.Assert.assertEquals;

import io.swetraces.pipeline.RunnerTuning;
import io.swetraces.pipeline.SweTracesOptions;
import io.swetraces.pipeline.SweTracesPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The same graph on the same input writes the same rows on the DirectRunner, on embedded Flink and
 * on a standalone Flink cluster the jar is submitted to: analysis rows (CSV and Parquet), SFT
 * records, rejects and summary figures.
 */
public class RunnerEquivalenceIT {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private String[] args(Path input, Path out) {
    // The folder, and a glob matching some of its files again: each file is read once. Three shards
    // per output: several workers write each one on Flink. A benchmark given as a file: a side input.
    return new String[] {"--input=" + input + "," + input + "/*.jsonl", "--output=" + out, "--numShards=3",
        "--decontaminateAgainst=" + TestInputs.SAMPLE.resolve("benchmark/planted-benchmark.jsonl")};
  }

  /** Runs in this process with the launcher's defaults for the runner. */
  private RunOutput inProcess(Path input, String name, String... runnerArgs) throws Exception {
    Path out = tmp.getRoot().toPath().resolve(name);
    List<String> all = new ArrayList<>(List.of(args(input, out)));
    all.addAll(List.of(runnerArgs));
    SweTracesOptions options =
        PipelineOptionsFactory.fromArgs(RunnerTuning.launcherDefaults(all.toArray(new String[0])))
            .withValidation()
            .as(SweTracesOptions.class);
    assertEquals(PipelineResult.State.DONE, SweTracesPipeline.run(options).waitUntilFinish());
    return RunOutput.read(out);
  }

  @Test
  public void directEmbeddedFlinkAndClusterWriteTheSameRows() throws Exception {
    Path input = TestInputs.mixed(tmp.getRoot().toPath().resolve("input"));
    RunOutput direct = inProcess(input, "direct", "--runner=DirectRunner");
    // The sample's files, the agent runs behind 17 of its rows, 7 rows with planted problems.
    assertEquals(60 + 17 + 7, direct.analysed());
    assertEquals(9, direct.rejected());
    assertEquals(60 + 17 + 7, direct.analysisCsv().size());

    RunOutput embedded =
        inProcess(input, "embedded", "--runner=FlinkRunner", "--parallelism=2",
            "--flinkConfDir=" + FlinkCluster.ROOT.resolve("runners/flink/embedded"));
    RunOutput.assertSameOutput("embedded Flink vs DirectRunner", direct, embedded);

    Path clusterOut = tmp.getRoot().toPath().resolve("cluster");
    try (FlinkCluster cluster = FlinkCluster.start(tmp.getRoot().toPath().resolve("flink"), 2)) {
      cluster.awaitSuccess("submit", cluster.submit("submit", args(input, clusterOut)), Duration.ofMinutes(10));
    }
    RunOutput.assertSameOutput("Flink cluster vs DirectRunner", direct, RunOutput.read(clusterOut));
  }
}
