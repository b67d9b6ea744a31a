package io.swetraces.chat;

import io.swetraces.model.Message;
import java.util.List;

/**
 * Which assistant turns of a training example carry the loss: each message's {@code train} flag, as
 * axolotl reads it ({@code message_field_training: train}). Other messages never train.
 */
public enum TrainOn {
  /** Every assistant turn. */
  ALL,
  /** The last assistant turn only. */
  LAST,
  /**
   * The assistant turns after the last human message: the final exchange of a conversation the
   * human spoke in more than once. Tool outputs are not human; nor are the user messages after the
   * first in a conversation without tool messages (the observations of agents that call no tools).
   */
  FINAL;

  public boolean[] flags(List<Message> messages) {
    boolean[] train = new boolean[messages.size()];
    int from = this == FINAL ? lastHuman(messages) + 1 : 0;
    for (int i = messages.size() - 1; i >= from; i--) {
      if ("assistant".equals(messages.get(i).getRole())) {
        train[i] = true;
        if (this == LAST) {
          break;
        }
      }
    }
    return train;
  }

  private static int lastHuman(List<Message> messages) {
    boolean observationsAsUsers = messages.stream().noneMatch(m -> "tool".equals(m.getRole()));
    int last = -1;
    for (int i = 0; i < messages.size(); i++) {
      if ("user".equals(messages.get(i).getRole())) {
        if (observationsAsUsers && last >= 0) {
          break;
        }
        last = i;
      }
    }
    return last;
  }
}
