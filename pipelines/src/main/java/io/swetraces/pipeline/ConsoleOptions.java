package io.swetraces.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** What the launcher prints while a run goes on in its own process. */
public interface ConsoleOptions extends PipelineOptions {
  /** How progress is shown. */
  enum Progress {
    /** Redrawn in place on a terminal, plain lines otherwise. */
    AUTO,
    /** One line at each interval. */
    PLAIN,
    OFF
  }

  @Description("Progress while the job runs in this process (DirectRunner, embedded Flink): AUTO "
      + "(redrawn in place on a terminal, lines otherwise), PLAIN or OFF. On a cluster or Dataflow the "
      + "runner's UI shows the same counters.")
  @Default.Enum("AUTO")
  Progress getProgress();

  void setProgress(Progress value);

  @Description("Seconds between two progress reports.")
  @Default.Integer(5)
  int getProgressSeconds();

  void setProgressSeconds(int value);
}
