package io.swetraces.pipeline;

import io.swetraces.transforms.TokenBudget;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Which trajectories become SFT training examples. */
public interface SftOptions extends PipelineOptions {
  /** What becomes of an example over the token budget. */
  enum OverBudget {
    /** Dropped ({@code over_token_budget}). */
    DROP,
    /** Its longest tool outputs cut, head and tail kept, until it fits; dropped only if it cannot. */
    SHORTEN
  }

  @Description("SFT: an example over --maxSftTokens is DROPped, or SHORTENed: its longest tool outputs cut in the "
      + "middle (head and tail kept, a marker says how many tokens went) until it fits; assistant turns, tool "
      + "calls and the task are never cut. Applies to the budget on SFT_TOKENS.")
  @Default.Enum("DROP")
  OverBudget getOverBudget();

  void setOverBudget(OverBudget value);

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
