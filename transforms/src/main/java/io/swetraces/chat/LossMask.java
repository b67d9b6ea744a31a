package io.swetraces.chat;

import io.swetraces.model.Message;
import java.io.Serializable;
import java.util.List;

/** Which tokens of a training example carry the loss: the turns trained on, and the reasoning's part. */
public record LossMask(TrainOn trainOn, Reasoning reasoning) implements Serializable {
  /** Every assistant turn, reasoning included: what a trainer's assistant-only loss does. */
  public static final LossMask ALL_ASSISTANT_TURNS = new LossMask(TrainOn.ALL, Reasoning.KEEP);

  /** The conversation as the training example holds it. */
  public List<Message> messages(List<Message> messages) {
    return reasoning.apply(messages);
  }

  /** Each message's {@code train} flag. */
  public boolean[] train(List<Message> messages) {
    return trainOn.flags(messages);
  }

  public boolean masksReasoning() {
    return reasoning == Reasoning.MASK;
  }

  @Override
  public String toString() {
    return "trainOn=" + trainOn + ", reasoning=" + reasoning;
  }
}
