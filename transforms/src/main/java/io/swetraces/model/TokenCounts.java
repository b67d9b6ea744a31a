package io.swetraces.model;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/** cl100k_base token counts of one trajectory, and the special-token text it holds. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class TokenCounts {
  /** The tutorial's {@code traj_tokens}: the message texts joined with newlines. */
  public abstract long getTrajTokens();

  /** The rendered ChatML SFT text, tool calls and reasoning included. */
  public abstract long getSftTokens();

  /** The assistant turns as rendered in the SFT text: what a loss on assistant turns trains on. */
  public abstract long getAssistantTokens();

  /** Special tokens (ChatML's turn markers, cl100k's) written as text in the conversation. */
  public abstract long getSpecialTokenTexts();

  public static TokenCounts of(long trajTokens, long sftTokens, long assistantTokens) {
    return of(trajTokens, sftTokens, assistantTokens, 0);
  }

  public static TokenCounts of(long trajTokens, long sftTokens, long assistantTokens, long specialTokenTexts) {
    return new AutoValue_TokenCounts(trajTokens, sftTokens, assistantTokens, specialTokenTexts);
  }
}
