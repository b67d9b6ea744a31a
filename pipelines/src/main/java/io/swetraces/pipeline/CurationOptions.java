package io.swetraces.pipeline;

import io.swetraces.transforms.CurationMode;
import io.swetraces.transforms.RedactSecrets;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The curation stages that make the SFT set trustworthy, and the preset that turns them off. */
public interface CurationOptions extends PipelineOptions {
  /** A whole configuration at once. */
  enum Preset {
    /** Every integrity stage on, the budget on the rendered SFT text, hunk-based patch counts. */
    DEFAULT,
    /**
     * The tutorial's exact behaviour: its patch counting, its budget on traj_tokens, none of the
     * integrity stages (whatever their own options say).
     */
    TUTORIAL
  }

  @Description("DEFAULT (every integrity stage on) or TUTORIAL (the tutorial's exact behaviour: its patch "
      + "counting, its token budget on traj_tokens, no secret redaction, decontamination, deduplication or "
      + "tool-call checks).")
  @Default.Enum("DEFAULT")
  Preset getPreset();

  void setPreset(Preset value);

  @Description("Secrets (cloud, GitHub, GitLab, Slack, OpenAI, Anthropic, Google, Stripe keys, private keys, "
      + "JWTs, passwords in URLs and random-looking assignments): REDACT (typed placeholders, before tokens "
      + "are counted), DROP (redacted and kept out of the SFT set) or OFF.")
  @Default.Enum("REDACT")
  RedactSecrets.Mode getSecrets();

  void setSecrets(RedactSecrets.Mode value);

  @Description("Tool calls to undefined tools, with arguments that are not a JSON object or off the tool's "
      + "JSON Schema, results answering no call, calls never answered: DROP, FLAG (column only) or OFF.")
  @Default.Enum("DROP")
  CurationMode getToolCalls();

  void setToolCalls(CurationMode value);

  @Description("Tasks of the SWE benchmarks (SWE-bench full, Lite, Verified, Multilingual, Multi-SWE-bench and "
      + "its mini subset), by instance id or repository and issue number: DROP, FLAG (column only) or OFF.")
  @Default.Enum("DROP")
  CurationMode getDecontaminate();

  void setDecontaminate(CurationMode value);

  @Description("Benchmarks given as files (comma-separated globs, local or hf://, Parquet, JSON Lines or JSON) "
      + "of SWE-bench-shaped rows (instance_id, repo, problem_statement, patch), also decontaminated against: "
      + "by id, repository and issue number, the task statement repeated in the first user message, or the gold "
      + "patch repeated in the trajectory's patch.")
  String getDecontaminateAgainst();

  void setDecontaminateAgainst(String value);

  @Description("Trajectories whose conversation another one repeats (white space aside): DROP (all but the "
      + "best: resolved, then fewest tokens, then id), FLAG (column only) or OFF.")
  @Default.Enum("DROP")
  CurationMode getDeduplicate();

  void setDeduplicate(CurationMode value);

  @Description("Near duplicates (with --deduplicate): trajectories whose assistant turns are at least this "
      + "alike (estimated Jaccard similarity of 5-word shingles, MinHash with LSH) to a better one; 0 turns "
      + "them off.")
  @Default.Double(0.8)
  double getNearDuplicates();

  void setNearDuplicates(double value);

  @Description("At most this many trajectories per task in the SFT set (the best by the same order); 0 for "
      + "no limit.")
  @Default.Integer(0)
  int getMaxPerInstance();

  void setMaxPerInstance(int value);
}
