package io.swetraces.pipeline;

import io.swetraces.report.ReportPage;
import io.swetraces.stats.AnalysisStats;
import io.swetraces.stats.RunSummary;
import io.swetraces.tokens.TokenCounter;
import java.awt.AWTError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.StreamingOptions;

/**
 * Everything a run does differently on each runner, in one place, and why. Three kinds: defaults
 * the launcher adds to a real run's arguments (tests keep Beam's checks on), the reading plan a
 * runner gets when the options leave it open, and work the launcher starts in the background while
 * Beam sets up.
 */
public final class RunnerTuning {
  private static final String DIRECT = "DirectRunner";
  private static final String FLINK = "FlinkRunner";

  private RunnerTuning() {}

  /**
   * Production defaults for the runners on the classpath, each unless given. The DirectRunner
   * checks every element for mutation and re-encodes it: right for tests, only a cost for real runs
   * with MB-sized trajectories. Its worker pool defaults to at least 3 threads, and a third thread
   * on 2 cores only adds contention (one of its threads keeps polling for work). Flink copies
   * each element between chained operators, and gives each deserialized element a new object,
   * unless told that no step mutates its input; that holds here, as every record is an immutable
   * value (and Beam's coders never decode into a reused object). Its DataSet translation cannot
   * chain a step to one with several consumers (a step with a rejects output, a collection written
   * twice), so whole trajectories would cross a serializer at each; the DataStream translation, in
   * batch mode, chains them.
   */
  public static String[] launcherDefaults(String[] args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    Set<String> registered = PipelineOptionsFactory.getRegisteredOptions().stream()
        .map(Class::getSimpleName)
        .collect(Collectors.toSet());
    if (registered.contains("DirectOptions")) {
      addUnlessGiven(all, "enforceImmutability", "false");
      addUnlessGiven(all, "enforceEncodability", "false");
      addUnlessGiven(all, "targetParallelism", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }
    if (registered.contains("FlinkPipelineOptions")) {
      addUnlessGiven(all, "fasterCopy", "true");
      addUnlessGiven(all, "objectReuse", "true");
      addUnlessGiven(all, "useDataStreamForBatch", "true");
    }
    return all.toArray(new String[0]);
  }

  /**
   * The reading plan, where the options leave it to the runner.
   *
   * <p>Files read at once: the DirectRunner keeps every unfinished bundle in memory, so it reads a
   * few files at a time, one lane per core; other runners read every file on its own.
   *
   * <p>Splittable reads: Flink in batch mode neither checkpoints nor splits a splittable read, and
   * Beam's expansion places each on a worker by a random key, so few files could fall on one worker;
   * read whole, the lanes are dealt to the workers in turn. Everywhere else reads are splittable.
   */
  public static void resolveReads(InputOptions options) {
    String runner = options.getRunner().getSimpleName();
    if (options.getConcurrentReads() == null) {
      options.setConcurrentReads(DIRECT.equals(runner) ? Runtime.getRuntime().availableProcessors() : 0);
    }
    if (options.getSplittableReads() == null) {
      options.setSplittableReads(!FLINK.equals(runner) || options.as(StreamingOptions.class).isStreaming());
    }
  }

  /**
   * Whether the job may run in this process, where its progress can be shown: the DirectRunner's
   * always does; Flink's does when its master is embedded (on a cluster the progress reporter finds
   * its counters still and says where to look); Dataflow's never does, and a template creation's
   * result has no state to ask for.
   */
  static boolean mayRunInThisProcess(PipelineOptions options) {
    String runner = options.getRunner().getSimpleName();
    return DIRECT.equals(runner) || FLINK.equals(runner);
  }

  /**
   * Starts, on background threads, what a run needs first and last: cl100k's vocabulary (about
   * 0.4 s) for its first token count, and the report's renderer (Java2D and JFreeChart, about
   * 0.4 s) for its last step. Beam takes about half a second to set up its options on one core,
   * and the other core does this meanwhile. The report renders without a display.
   */
  public static void warmUp() {
    System.setProperty("java.awt.headless", "true");
    start("cl100k-preload", TokenCounter::preload);
    start("report-warm-up", RunnerTuning::renderEmptyReport);
  }

  private static void renderEmptyReport() {
    try {
      ReportPage.render(RunSummary.of(new AnalysisStats(), 0, 0, Map.of(),
          new RunSummary.Settings(null, null, null, null, "", null, null, 0, "", "", "", null, "")));
    } catch (RuntimeException | LinkageError | AWTError e) {
      // Only time is lost: the run's own render meets the same failure and reports it.
    }
  }

  private static void start(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void addUnlessGiven(List<String> args, String name, String value) {
    if (!Main.given(args, name)) {
      args.add("--" + name + "=" + value);
    }
  }
}
