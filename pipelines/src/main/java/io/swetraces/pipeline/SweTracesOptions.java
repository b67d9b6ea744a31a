package io.swetraces.pipeline;

import io.swetraces.hub.HubOptions;
import io.swetraces.parse.PatchCounting;
import io.swetraces.transforms.TokenBudget;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.StreamingOptions;

/** Every option of a swe-traces run; runner options come on top of these. */
public interface SweTracesOptions extends HubOptions {
  @Description("Input files: comma-separated paths or globs of .parquet, .jsonl, .jsonl.gz or .json "
      + "(array of rows) files in the Open-SWE-Traces row schema, on any file system: local, gs://, "
      + "or hf://datasets/OWNER/NAME[@REVISION]/PATH-OR-GLOB on the Hugging Face Hub. Give this or "
      + "--dataset.")
  String getInput();

  void setInput(String value);

  @Description("A Hugging Face dataset to read as load_dataset does, OWNER/NAME[@REVISION] (e.g. "
      + "nvidia/Open-SWE-Traces): the files of each chosen config and split, each row tagged with "
      + "its config as agent and its split as model. Give this or --input.")
  String getDataset();

  void setDataset(String value);

  @Description("With --dataset: the configs (agents) to read, comma-separated; all if unset.")
  List<String> getConfigs();

  void setConfigs(List<String> value);

  @Description("With --dataset: the splits (models) to read in every chosen config, "
      + "comma-separated; all if unset.")
  List<String> getSplits();

  void setSplits(List<String> value);

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

  @Description("Agent (harness) tag for every row, overriding the rows' own `_agent` and the path "
      + "layout <harness>/<teacher>/.")
  String getAgent();

  void setAgent(String value);

  @Description("Model tag for every row, overriding `_model`, the path layout and "
      + "metadata.teacher_model.name.")
  String getModel();

  void setModel(String value);

  @Description("Keep only the first N rows of each (agent, model) pair, by file name then row "
      + "order (the tutorial's PER_COMBO); 0 keeps all.")
  @Default.Integer(0)
  int getLimitPerCombo();

  void setLimitPerCombo(int value);

  @Description("Reject rows larger than this many MiB (row_too_large) instead of processing them; "
      + "bounds the memory one row can take.")
  @Default.Integer(64)
  int getMaxRowMegabytes();

  void setMaxRowMegabytes(int value);

  @Description("Files read at the same time, dealt into this many lanes of about equal bytes; 0 "
      + "reads every file on its own. Defaults to the number of cores on the DirectRunner, which "
      + "keeps every unfinished bundle in memory, and to 0 elsewhere.")
  @Default.InstanceFactory(ConcurrentReadsFactory.class)
  int getConcurrentReads();

  void setConcurrentReads(int value);

  /** The DirectRunner reads a few files at a time so that memory stays flat; other runners all. */
  final class ConcurrentReadsFactory implements DefaultValueFactory<Integer> {
    @Override
    public Integer create(PipelineOptions options) {
      return "DirectRunner".equals(options.getRunner().getSimpleName())
          ? Runtime.getRuntime().availableProcessors()
          : 0;
    }
  }

  @Description("Read files with a splittable DoFn, which a runner can checkpoint and split inside a "
      + "file, rather than each file in one go. Defaults to false on Flink in batch mode, which does "
      + "neither and places splittable reads on workers at random (few files could fall on one "
      + "worker), and to true elsewhere.")
  @Default.InstanceFactory(SplittableReadsFactory.class)
  boolean getSplittableReads();

  void setSplittableReads(boolean value);

  /** Flink, outside streaming mode, gains nothing from splittable reads. */
  final class SplittableReadsFactory implements DefaultValueFactory<Boolean> {
    @Override
    public Boolean create(PipelineOptions options) {
      return !"FlinkRunner".equals(options.getRunner().getSimpleName())
          || options.as(StreamingOptions.class).isStreaming();
    }
  }

  @Description("SFT: keep only resolved trajectories (resolved == 1).")
  @Default.Boolean(true)
  boolean getRequireResolved();

  void setRequireResolved(boolean value);

  @Description("SFT: the most tokens a training example may have (see --budgetOn).")
  @Default.Long(32_000)
  long getMaxSftTokens();

  void setMaxSftTokens(long value);

  @Description("SFT: comma-separated languages to keep (lower case, e.g. python,java); all if unset.")
  String getLanguages();

  void setLanguages(String value);

  @Description("SFT: which count the token budget applies to: SFT_TOKENS (the rendered training "
      + "text, tool calls included) or TRAJ_TOKENS (the tutorial's traj_tokens).")
  @Default.Enum("SFT_TOKENS")
  TokenBudget getBudgetOn();

  void setBudgetOn(TokenBudget value);

  @Description("How patch lines are counted: HUNK (follows hunk headers) or TUTORIAL (the "
      + "tutorial's line-prefix rule).")
  @Default.Enum("HUNK")
  PatchCounting getPatchCounting();

  void setPatchCounting(PatchCounting value);
}
