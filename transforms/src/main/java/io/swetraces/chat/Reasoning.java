package io.swetraces.chat;

import io.swetraces.model.Message;
import java.util.ArrayList;
import java.util.List;

/** What becomes of the assistant's {@code reasoning_content} in the training examples. */
public enum Reasoning {
  /** Kept, rendered as the template renders it, and trained on with its turn. */
  KEEP,
  /** Removed from the messages, so from the text too. */
  DROP,
  /** Kept in the messages and the text, as context, but not counted among the tokens trained on. */
  MASK;

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
