package io.swetraces.pipeline;

import io.swetraces.chat.Reasoning;
import io.swetraces.chat.SftFormat;
import io.swetraces.chat.TrainOn;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How the training examples are written for a trainer: the turns trained on, the reasoning, the formats. */
public interface TrainingOptions extends PipelineOptions {
  @Description("Which assistant turns carry the loss: ALL, the LAST one, or the FINAL ones (after the last human "
      + "message). Written as each message's train flag (axolotl: message_field_training: train) and counted in "
      + "assistant_tokens.")
  @Default.Enum("ALL")
  TrainOn getTrainOn();

  void setTrainOn(TrainOn value);

  @Description("The assistant's reasoning_content: KEEP it, DROP it from messages and text, or MASK it (kept as "
      + "context, left out of assistant_tokens).")
  @Default.Enum("KEEP")
  Reasoning getReasoning();

  void setReasoning(Reasoning value);

  @Description("Comma-separated training formats to export besides the SFT records, each as JSON Lines and Parquet "
      + "under sft/FORMAT/, named in the output's dataset card (README.md): OPENAI (TRL's messages and tools), "
      + "SHAREGPT (LLaMA-Factory's conversations), TEXT (the rendered template).")
  List<SftFormat> getSftFormat();

  void setSftFormat(List<SftFormat> value);
}
