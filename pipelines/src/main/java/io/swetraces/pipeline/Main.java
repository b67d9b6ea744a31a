package io.swetraces.pipeline;

import io.swetraces.hub.SourceUnavailableException;
import io.swetraces.tokens.TokenCounter;
import io.swetraces.report.ReportPage;
import io.swetraces.stats.ConsoleTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** Command line: {@code --input=... --output=...} plus any Beam runner option. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    // Beam's options take about half a second to set up on one core; the other loads the
    // vocabulary and the report's renderer meanwhile, rather than in the first and last steps.
    TokenCounter.preloadInBackground();
    ReportPage.warmUpInBackground();
    PipelineOptionsFactory.register(SweTracesOptions.class);
    SweTracesOptions options;
    PipelineResult result;
    try {
      options =
          PipelineOptionsFactory.fromArgs(withRunDefaults(args)).withValidation().as(SweTracesOptions.class);
      result = SweTracesPipeline.run(options);
    } catch (IllegalArgumentException e) {
      System.err.println("swe-traces: " + e.getMessage());
      System.exit(2);
      return;
    } catch (SourceUnavailableException e) {
      System.err.println("swe-traces: " + e.getMessage());
      System.exit(1);
      return;
    }
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      System.err.println("swe-traces: the run ended " + state);
      System.exit(1);
    }
    ConsoleTables.print(SweTracesPipeline.readSummary(options), System.out);
    System.out.println();
    System.out.println("Outputs written under " + options.getOutput()
        + "/ (analysis/, sft/, rejects/, report/report.html, summary.json)");
  }

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
  public static String[] withRunDefaults(String[] args) {
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

  private static void addUnlessGiven(List<String> args, String name, String value) {
    if (!given(args, name)) {
      args.add("--" + name + "=" + value);
    }
  }

  /** Whether Beam-style arguments set the option {@code name} ({@code --name} or {@code --name=value}). */
  public static boolean given(List<String> args, String name) {
    return args.stream().anyMatch(a -> a.equals("--" + name) || a.startsWith("--" + name + "="));
  }
}
