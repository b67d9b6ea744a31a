package io.swetraces.transforms;

import io.swetraces.model.Message;
import io.swetraces.model.TokenCounts;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.ChatMl;
import io.swetraces.parse.TokenCounter;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Counts cl100k_base tokens per trajectory: the tutorial's {@code traj_tokens} (message texts joined
 * by newlines), the rendered SFT text, and its assistant turns. Each worker thread keeps a bounded
 * memo of chunk counts, so text that repeats across turns and rows is tokenized once; counts are
 * exactly plain jtokkit's.
 */
public final class CountTokens extends PTransform<PCollection<Trajectory>, PCollection<Trajectory>> {
  private CountTokens() {}

  public static CountTokens cl100k() {
    return new CountTokens();
  }

  /** The counts of one conversation; what the transform attaches to each trajectory. */
  public static TokenCounts of(List<Message> messages, TokenCounter counter) {
    StringBuilder joined = new StringBuilder();
    StringBuilder rendered = new StringBuilder();
    long assistant = 0;
    for (int i = 0; i < messages.size(); i++) {
      Message m = messages.get(i);
      String turn = ChatMl.turn(m);
      if (i > 0) {
        joined.append('\n');
        rendered.append('\n');
      }
      joined.append(m.getContent());
      rendered.append(turn);
      if ("assistant".equals(m.getRole())) {
        assistant += counter.countOf(turn);
      }
    }
    return TokenCounts.of(
        counter.countOf(joined.toString()), counter.countOf(rendered.toString()), assistant);
  }

  @Override
  public PCollection<Trajectory> expand(PCollection<Trajectory> trajectories) {
    return trajectories.apply("CountCl100kTokens", ParDo.of(new CountFn()));
  }

  private static final class CountFn extends DoFn<Trajectory, Trajectory> {
    private transient TokenCounter counter;

    @Setup
    public void setup() {
      counter = TokenCounter.memoized();
    }

    @ProcessElement
    public void process(@Element Trajectory t, OutputReceiver<Trajectory> out) {
      out.output(t.toBuilder().setTokenCounts(of(t.getMessages(), counter)).build());
    }
  }
}
