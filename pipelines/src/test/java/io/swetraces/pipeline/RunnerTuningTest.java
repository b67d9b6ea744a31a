package io.swetraces.pipeline;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import io.swetraces.report.ReportPage;
import io.swetraces.stats.RunSummary;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Test;

/** Runner tuning with the DirectRunner, the runner on this module's classpath. */
public class RunnerTuningTest {
  private static final String CORES = String.valueOf(Runtime.getRuntime().availableProcessors());

  @Test
  public void theLauncherAddsTheDirectRunnerDefaultsUnlessGiven() {
    assertEquals(
        List.of("--input=x", "--enforceImmutability=true", "--enforceEncodability=false",
            "--targetParallelism=" + CORES),
        List.of(RunnerTuning.launcherDefaults(new String[] {"--input=x", "--enforceImmutability=true"})));
    assertEquals(
        List.of("--targetParallelism=5", "--enforceImmutability=false", "--enforceEncodability=false"),
        List.of(RunnerTuning.launcherDefaults(new String[] {"--targetParallelism=5"})));
  }

  @Test
  public void theDirectRunnerReadsALanePerCoreSplittablyUnlessTold() {
    SweTracesOptions options = PipelineOptionsFactory.fromArgs("--runner=DirectRunner").as(SweTracesOptions.class);
    RunnerTuning.resolveReads(options);
    assertEquals(CORES, String.valueOf(options.getConcurrentReads()));
    assertEquals(true, options.getSplittableReads());

    SweTracesOptions told = PipelineOptionsFactory
        .fromArgs("--runner=DirectRunner", "--concurrentReads=0", "--splittableReads=false")
        .as(SweTracesOptions.class);
    RunnerTuning.resolveReads(told);
    assertEquals(Integer.valueOf(0), told.getConcurrentReads());
    assertEquals(false, told.getSplittableReads());
  }

  @Test
  public void aRenderAfterTheWarmUpIsTheSameReport() throws Exception {
    RunSummary summary;
    try (InputStream in = RunnerTuningTest.class.getResourceAsStream("/report-summary.json")) {
      summary = RunSummary.fromJson(in);
    }
    Map<String, byte[]> before = ReportPage.render(summary);
    RunnerTuning.warmUp();
    Map<String, byte[]> after = ReportPage.render(summary);
    assertEquals(before.keySet(), after.keySet());
    for (String file : before.keySet()) {
      assertArrayEquals(file, before.get(file), after.get(file));
    }
  }
}
