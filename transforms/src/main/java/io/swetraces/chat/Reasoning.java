package io.swetraces.chat;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.swetraces.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What becomes of the assistant's {@code reasoning_content} in the training examples. */
public enum Reasoning {
  /** Kept, rendered as the template renders it, and trained on with its turn. */
  KEEP,
  /** Removed from the messages, so from the text too. */
  DROP,
  /** Kept in the messages and the text, as context, but not counted among the tokens trained on. */
  MASK;

  /** The value an option names, in any case ({@code --reasoning=mask}). */
  @JsonCreator
  public static Reasoning named(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  /** The messages as the training example holds them. */
  public List<Message> apply(List<Message> messages) {
    if (this != DROP || messages.stream().allMatch(m -> m.getReasoningContent() == null)) {
      return messages;
    }
    List<Message> out = new ArrayList<>(messages.size());
    for (Message m : messages) {
      out.add(m.withoutReasoning());
    }
    return out;
  }
}
