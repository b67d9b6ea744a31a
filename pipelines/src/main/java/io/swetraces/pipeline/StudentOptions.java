package io.swetraces.pipeline;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The model the SFT set is for: its tokenizer and chat template. */
public interface StudentOptions extends PipelineOptions {
  @Description("The student model's tokenizer: a folder as Hugging Face stores it beside a model (tokenizer.json, "
      + "tokenizer_config.json, optionally chat_template.jinja), on any file system, or a model on the Hub "
      + "(hf://models/OWNER/NAME[@REVISION], pinned to a commit). The SFT text becomes its chat template's rendering "
      + "of each conversation, and sft_tokens that text's count under its tokenizer; unset: ChatML counted in "
      + "cl100k, as the tutorial.")
  String getTokenizer();

  void setTokenizer(String value);

  @Description("A chat template file (Jinja) used instead of the --tokenizer folder's.")
  String getChatTemplate();

  void setChatTemplate(String value);
}
