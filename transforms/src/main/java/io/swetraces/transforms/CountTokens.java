package io.swetraces.transforms;

import io.swetraces.chat.ChatTemplate;
import io.swetraces.chat.LossMask;
import io.swetraces.chat.Shortener;
import io.swetraces.chat.StudentModel;
import io.swetraces.chat.TrainedText;
import io.swetraces.model.Message;
import io.swetraces.model.TokenCounts;
import io.swetraces.model.Trajectory;
import io.swetraces.template.TemplateException;
import io.swetraces.tokens.ConversationTokens;
import io.swetraces.tokens.SpecialTokenText;
import io.swetraces.tokens.StudentTokenizer;
import io.swetraces.tokens.TokenCounter;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Counts tokens per trajectory in cl100k_base: the tutorial's {@code traj_tokens} (message texts
 * joined by newlines), the rendered SFT text, and its assistant turns. Each worker thread keeps a
 * {@link ConversationTokens} with bounded memos of line and word counts, so text that repeats
 * across turns and rows is tokenized once, and a content is counted once for all three; counts are
 * exactly plain jtokkit's. It also counts the {@link SpecialTokenText special tokens written as
 * text} in the conversation. A trajectory holding text too long to count (see {@link
 * io.swetraces.tokens.PathologicalTextException}) is rejected. With a {@link StudentModel},
 * {@code sft_tokens} is the student's count of its chat template's rendering; a conversation the
 * template raises on is dropped from the SFT set ({@link #TEMPLATE_ERROR}). With a budget to
 * shorten to, a conversation over it has its longest tool outputs cut ({@link Shortener}).
 */
public final class CountTokens extends PTransform<PCollection<Trajectory>, WithRejects<Trajectory>> {
  /** The SFT drop reason of a conversation the student's chat template refuses (raises on). */
  public static final String TEMPLATE_ERROR = "chat_template_error";

  private final @Nullable StudentModel student;
  private final long shortenTo;
  private final LossMask mask;

  private CountTokens(@Nullable StudentModel student, long shortenTo, LossMask mask) {
    this.student = student;
    this.shortenTo = shortenTo;
    this.mask = mask;
  }

  public static CountTokens cl100k() {
    return new CountTokens(null, 0, LossMask.ALL_ASSISTANT_TURNS);
  }

  /**
   * {@code sft_tokens} as the student model sees its training text: the conversation rendered by
   * its chat template, counted by its tokenizer. The other counts stay cl100k's (the tutorial's).
   */
  public CountTokens withStudent(@Nullable StudentModel student) {
    return new CountTokens(student, shortenTo, mask);
  }

  /**
   * The SFT text as the mask has it (reasoning dropped or not), and {@code assistant_tokens} the
   * tokens it trains on: the turns flagged to train, a masked reasoning left out.
   */
  public CountTokens withLossMask(LossMask mask) {
    return new CountTokens(student, shortenTo, mask);
  }

  /**
   * Conversations whose SFT text is over {@code budget} tokens get their longest tool outputs cut
   * to fit ({@link Shortener}); 0 leaves them whole, for the budget filter to drop.
   */
  public CountTokens withShorteningTo(long budget) {
    return new CountTokens(student, budget, mask);
  }

  @Override
  public WithRejects<Trajectory> expand(PCollection<Trajectory> trajectories) {
    return new CountFn(student, shortenTo, mask).applyTo(trajectories, "CountCl100kTokens");
  }

  private static final class CountFn extends MeasureFn {
    private final @Nullable StudentModel student;
    private final long shortenTo;
    private final LossMask mask;
    private transient ConversationTokens counter;
    private transient ChatTemplate template;
    private transient StudentTokenizer tokenizer;

    CountFn(@Nullable StudentModel student, long shortenTo, LossMask mask) {
      this.student = student;
      this.shortenTo = shortenTo;
      this.mask = mask;
    }

    @Setup
    public void setup() throws IOException {
      counter = ConversationTokens.memoized();
      if (student != null) {
        template = student.template();
        tokenizer = student.tokenizer();
      }
    }

    @Override
    Trajectory measure(Trajectory t) {
      List<Message> messages = mask.messages(t.getMessages());
      boolean[] train = mask.train(messages);
      TokenCounts counts = counter.of(messages, train, mask.masksReasoning());
      long sft = counts.getSftTokens();
      long assistant = counts.getAssistantTokens();
      String dropReason = t.getSftDropReason();
      if (template != null) {
        try {
          ChatTemplate.Rendering rendering = template.prepare(messages, t.getTools());
          String text = rendering.render();
          sft = tokenizer.count(text);
          assistant = TrainedText.tokens(text,
              TrainedText.spans(rendering, text, messages, train, mask.masksReasoning()), tokenizer::count);
        } catch (TemplateException e) {
          dropReason = dropReason != null ? dropReason : TEMPLATE_ERROR;
        }
      }
      Trajectory.Builder out = t.toBuilder();
      // Assistant turns are never cut: their count holds for the shortened text.
      if (shortenTo > 0 && sft > shortenTo && dropReason == null) {
        Shortener.Shortened fit = shortener(t.getTools()).fit(messages, shortenTo);
        if (fit != null) {
          sft = fit.tokens();
          out.setMessages(fit.messages()).setSftTokensCut(fit.tokensCut());
        }
      }
      return out.setSftDropReason(dropReason).setTokenCounts(TokenCounts.of(counts.getTrajTokens(), sft,
          assistant, SpecialTokenText.count(t.getMessages()))).build();
    }

    /** Cuts measured as the budget is: the student's rendering and tokenizer, else ChatML in cl100k. */
    private Shortener shortener(List<String> tools) {
      if (template == null) {
        return new Shortener(m -> counter.of(m).getSftTokens(), TokenCounter::count);
      }
      return new Shortener(m -> tokenizer.count(template.render(m, tools)), tokenizer::count);
    }
  }
}
