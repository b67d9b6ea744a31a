package io.swetraces.transforms;

import io.swetraces.model.TokenCounts;
import io.swetraces.model.Trajectory;
import io.swetraces.tokens.ConversationTokens;
import io.swetraces.tokens.SpecialTokenText;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Counts cl100k_base tokens per trajectory: the tutorial's {@code traj_tokens} (message texts joined
 * by newlines), the rendered SFT text, and its assistant turns. Each worker thread keeps a
 * {@link ConversationTokens} with bounded memos of line and word counts, so text that repeats
 * across turns and rows is tokenized once, and a content is counted once for all three; counts are
 * exactly plain jtokkit's. It also counts the {@link SpecialTokenText special tokens written as
 * text} in the conversation. A trajectory holding text too long to count (see {@link
 * io.swetraces.tokens.PathologicalTextException}) is rejected.
 */
public final class CountTokens extends PTransform<PCollection<Trajectory>, WithRejects<Trajectory>> {
  private CountTokens() {}

  public static CountTokens cl100k() {
    return new CountTokens();
  }

  @Override
  public WithRejects<Trajectory> expand(PCollection<Trajectory> trajectories) {
    return new CountFn().applyTo(trajectories, "CountCl100kTokens");
  }

  private static final class CountFn extends MeasureFn {
    private transient ConversationTokens counter;

    @Setup
    public void setup() {
      counter = ConversationTokens.memoized();
    }

    @Override
    Trajectory measure(Trajectory t) {
      TokenCounts counts = counter.of(t.getMessages());
      return t.toBuilder().setTokenCounts(TokenCounts.of(counts.getTrajTokens(), counts.getSftTokens(),
          counts.getAssistantTokens(), SpecialTokenText.count(t.getMessages()))).build();
    }
  }
}
