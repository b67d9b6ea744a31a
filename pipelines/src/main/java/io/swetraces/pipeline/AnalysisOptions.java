package io.swetraces.pipeline;

import io.swetraces.parse.PatchCounting;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How trajectories are measured. */
public interface AnalysisOptions extends PipelineOptions {
  @Description("How patch lines are counted: HUNK (follows hunk headers) or TUTORIAL (the "
      + "tutorial's line-prefix rule).")
  @Default.Enum("HUNK")
  PatchCounting getPatchCounting();

  void setPatchCounting(PatchCounting value);
}
