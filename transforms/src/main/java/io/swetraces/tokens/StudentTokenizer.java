package io.swetraces.tokens;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} (byte-level BPE and the rest of the {@code tokenizers}
 * family), counted by the {@code tokenizers} library itself through DJL's binding: the counts are
 * Hugging Face's, added and special tokens included. Thread-safe.
 */
public final class StudentTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;

  private StudentTokenizer(HuggingFaceTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /** The tokenizer a {@code tokenizer.json} describes, with no truncation or padding. */
  public static StudentTokenizer of(byte[] tokenizerJson) throws IOException {
    return new StudentTokenizer(HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
        Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false")));
  }

  /** Tokens in the text, none added on top ({@code add_special_tokens=False}). */
  public long count(String text) {
    Encoding e = tokenizer.encode(text, false, false);
    return e.getIds().length;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
