package io.swetraces.pipeline;

import io.swetraces.transforms.TokenBudget;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Which trajectories become SFT training examples. */
public interface SftOptions extends PipelineOptions {
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
}
