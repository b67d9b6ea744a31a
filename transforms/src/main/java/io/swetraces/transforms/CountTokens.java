package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import io.swetraces.tokens.ConversationTokens;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Counts cl100k_base tokens per trajectory: the tutorial's {@code traj_tokens} (message texts joined
 * by newlines), the rendered SFT text, and its assistant turns. Each worker thread keeps a
 * {@link ConversationTokens} with bounded memos of line and word counts, so text that repeats
 * across turns and rows is tokenized once, and a content is counted once for all three; counts are
 * exactly plain jtokkit's.
 */
public final class CountTokens extends PTransform<PCollection<Trajectory>, PCollection<Trajectory>> {
  private CountTokens() {}

  public static CountTokens cl100k() {
    return new CountTokens();
  }

  @Override
  public PCollection<Trajectory> expand(PCollection<Trajectory> trajectories) {
    return trajectories.apply("CountCl100kTokens", ParDo.of(new CountFn()));
  }

  private static final class CountFn extends DoFn<Trajectory, Trajectory> {
    private transient ConversationTokens counter;

    @Setup
    public void setup() {
      counter = ConversationTokens.memoized();
    }

    @ProcessElement
    public void process(@Element Trajectory t, OutputReceiver<Trajectory> out) {
      out.output(t.toBuilder().setTokenCounts(counter.of(t.getMessages())).build());
    }
  }
}
