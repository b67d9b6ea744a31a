package io.swetraces.pipeline;

import io.swetraces.hub.HubOptions;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** What a run reads, and how. */
public interface InputOptions extends HubOptions {
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

  @Description("How records are read: auto (each told by its content: Open-SWE-Traces rows, SWE-agent "
      + ".traj, mini-swe-agent .traj.json, OpenHands output.jsonl and LLM logs, SWE-Gym, SWE-smith, "
      + "nebius and mini-coder rows, evaluation files), oswt, or one raw format for every record: "
      + "sweagent_traj, minisweagent_traj, openhands_output, openhands_llm_log, swegym_row, "
      + "swesmith_row, nebius_row, minicoder_row.")
  @Default.String("auto")
  String getFormat();

  void setFormat(String value);

  @Description("Evaluation files kept apart from the runs, comma-separated paths or globs: SWE-bench "
      + "report.json, results.json (resolved, resolved_ids, success_ids, unresolved_ids, failure_ids, "
      + "empty_patch_ids...), results_summary.json, all_preds.jsonl, preds.json. Each applies to the run "
      + "folder of the same name, or to every run when none matches; those in a run's own folder are "
      + "joined without it.")
  String getLabelFiles();

  void setLabelFiles(String value);

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
      + "reads every file on its own. Unset, the runner's tuning chooses (see docs/runners.md).")
  Integer getConcurrentReads();

  void setConcurrentReads(Integer value);

  @Description("Read files with a splittable DoFn, which a runner can checkpoint and split inside a "
      + "file, rather than each file in one go. Unset, the runner's tuning chooses (see "
      + "docs/runners.md).")
  Boolean getSplittableReads();

  void setSplittableReads(Boolean value);
}
