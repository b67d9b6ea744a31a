package io.swetraces.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where a run writes, and in how many shards. */
public interface OutputOptions extends PipelineOptions {
  @Description("Output directory; it must be empty unless --overwrite is set.")
  @Default.String("out")
  String getOutput();

  void setOutput(String value);

  @Description("Replace the outputs of an earlier run in --output.")
  @Default.Boolean(false)
  boolean getOverwrite();

  void setOverwrite(boolean value);

  @Description("Number of shards of each sharded output (analysis, sft, rejects).")
  @Default.Integer(1)
  int getNumShards();

  void setNumShards(int value);
}
