package io.swetraces.pipeline;

import io.swetraces.hub.SourceUnavailableException;
import io.swetraces.io.OutputDir;
import io.swetraces.stats.ConsoleTables;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;

/** Command line: {@code --input=... --output=...} plus any Beam runner option. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    RunnerTuning.warmUp();
    SweTracesOptions options;
    PipelineResult result;
    try {
      options = Options.parse(RunnerTuning.launcherDefaults(args));
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
      OutputDir.at(options.getOutput()).release();
      System.err.println("swe-traces: the run ended " + state);
      System.exit(1);
    }
    ConsoleTables.print(SweTracesPipeline.readSummary(options), System.out);
    System.out.println();
    System.out.println("Outputs written under " + options.getOutput()
        + "/ (analysis/, sft/, rejects/, report/report.html, README.md dataset card, summary.json)");
  }

  /** Whether Beam-style arguments set the option {@code name} ({@code --name} or {@code --name=value}). */
  public static boolean given(List<String> args, String name) {
    return args.stream().anyMatch(a -> a.equals("--" + name) || a.startsWith("--" + name + "="));
  }
}
