package io.swetraces.transforms;

import io.swetraces.model.Message;
import io.swetraces.model.TokenCounts;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.ChatMl;
import io.swetraces.parse.TokenCounter;
import java.util.List;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Counts cl100k_base tokens per trajectory: the tutorial's {@code traj_tokens} (message texts joined
 * by newlines), the rendered SFT text, and its assistant turns.
 */
public final class CountTokens extends PTransform<PCollection<Trajectory>, PCollection<Trajectory>> {
  private CountTokens() {}

  public static CountTokens cl100k() {
    return new CountTokens();
  }

  /** The counts of one conversation; what the transform attaches to each trajectory. */
  public static TokenCounts of(List<Message> messages) {
    StringBuilder joined = new StringBuilder();
    long assistant = 0;
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      if (i > 0) {
        joined.append('\n');
      }
      joined.append(m.getContent());
      if ("assistant".equals(m.getRole())) {
        assistant += TokenCounter.count(ChatMl.turn(m));
      }
    }
    return TokenCounts.of(
        TokenCounter.count(joined.toString()), TokenCounter.count(ChatMl.render(messages)), assistant);
  }

  @Override
  public PCollection<Trajectory> expand(PCollection<Trajectory> trajectories) {
    return trajectories.apply(
        "CountCl100kTokens",
        MapElements.into(TypeDescriptor.of(Trajectory.class))
            .via(t -> t.toBuilder().setTokenCounts(of(t.getMessages())).build()));
  }
}
