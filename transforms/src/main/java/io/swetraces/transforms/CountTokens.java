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
 * by newlines), the rendered SFT text, and its assistant turns. Each worker thread keeps a
 * {@link TokenCounter} with bounded memos of line and word counts, so text that repeats across
 * turns and rows is tokenized once, and each turn is counted once for both of the last two; counts
 * are exactly plain jtokkit's.
 */
public final class CountTokens extends PTransform<PCollection<Trajectory>, PCollection<Trajectory>> {
  private CountTokens() {}

  public static CountTokens cl100k() {
    return new CountTokens();
  }

  /**
   * What joining two turns adds to their counts. A turn ends with {@link ChatMl#TURN_END}, whose
   * last pre-tokenizer piece {@code |>} takes the separating newline in ({@code |>\n}); the next
   * turn's pieces start after it as they would alone. So the render's count is its turns' counts
   * plus this for each join, exactly. A holder, so the vocabulary loads on a worker, not while the
   * graph is built.
   */
  private static final class Join {
    static final long TOKENS =
        TokenCounter.count(ChatMl.TURN_END + ChatMl.SEPARATOR) - TokenCounter.count(ChatMl.TURN_END);
  }

  /** The counts of one conversation; what the transform attaches to each trajectory. */
  public static TokenCounts of(List<Message> messages, TokenCounter counter) {
    List<String> turns = ChatMl.turns(messages);
    int length = messages.size();
    for (Message m : messages) {
      length += m.getContent().length();
    }
    StringBuilder joined = new StringBuilder(length);
    long rendered = turns.isEmpty() ? 0 : Join.TOKENS * (turns.size() - 1);
    long assistant = 0;
    for (int i = 0; i < messages.size(); i++) {
      if (i > 0) {
        joined.append('\n');
      }
      joined.append(messages.get(i).getContent());
      long turn = counter.countOf(turns.get(i));
      rendered += turn;
      if ("assistant".equals(messages.get(i).getRole())) {
        assistant += turn;
      }
    }
    return TokenCounts.of(counter.countOf(joined.toString()), rendered, assistant);
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
