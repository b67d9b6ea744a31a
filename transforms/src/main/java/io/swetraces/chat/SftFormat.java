package io.swetraces.chat;

import java.util.Locale;

/** The training formats the SFT set can be exported in, each a folder of shards and a config of the dataset card. */
public enum SftFormat {
  /** TRL's conversational form: {@code messages} with tool calls and a {@code train} flag, {@code tools} as JSON. */
  OPENAI,
  /** LLaMA-Factory's ShareGPT form: {@code conversations}, {@code system}, {@code tools} as JSON. */
  SHAREGPT,
  /** The rendered chat template, for trainers that take plain text. */
  TEXT;

  /** The folder under {@code sft/}, and the dataset card's config name. */
  public String folder() {
    return name().toLowerCase(Locale.ROOT);
  }
}
