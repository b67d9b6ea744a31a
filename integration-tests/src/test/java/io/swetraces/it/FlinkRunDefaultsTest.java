package io.swetraces.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.swetraces.pipeline.RunnerTuning;
import io.swetraces.pipeline.SweTracesOptions;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Test;

/** The production defaults for Flink, with Flink's runner on the classpath. */
public class FlinkRunDefaultsTest {
  @Test
  public void addsTheFlinkDefaultsUnlessGiven() {
    List<String> args =
        List.of(RunnerTuning.launcherDefaults(new String[] {"--runner=FlinkRunner", "--objectReuse=false"}));
    assertEquals(List.of("--runner=FlinkRunner", "--objectReuse=false"), args.subList(0, 2));
    assertEquals(
        List.of("--fasterCopy=true", "--useDataStreamForBatch=true"),
        args.stream().filter(a -> a.startsWith("--fasterCopy") || a.startsWith("--useDataStream")).toList());
    assertEquals(1, args.stream().filter(a -> a.startsWith("--objectReuse")).count());
  }

  @Test
  public void readsFilesWholeOnFlinkInBatchModeOnly() {
    assertFalse(options("--runner=FlinkRunner").getSplittableReads());
    assertTrue(options("--runner=FlinkRunner", "--streaming=true").getSplittableReads());
    assertTrue(options("--runner=DirectRunner").getSplittableReads());
    assertTrue(options("--runner=FlinkRunner", "--splittableReads=true").getSplittableReads());
  }

  private static SweTracesOptions options(String... args) {
    SweTracesOptions options = PipelineOptionsFactory.fromArgs(args).as(SweTracesOptions.class);
    RunnerTuning.resolveReads(options);
    return options;
  }
}
