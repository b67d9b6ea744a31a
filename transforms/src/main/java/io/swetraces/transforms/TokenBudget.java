package io.swetraces.transforms;

import io.swetraces.model.TokenCounts;

/** Which token count the SFT length budget applies to. */
public enum TokenBudget {
  /** The tutorial's {@code traj_tokens}: message texts only, tool calls and reasoning left out. */
  TRAJ_TOKENS,
  /** The rendered SFT text the trainer sees, tool calls and reasoning included. */
  SFT_TOKENS;

  public long of(TokenCounts counts) {
    return this == TRAJ_TOKENS ? counts.getTrajTokens() : counts.getSftTokens();
  }
}
