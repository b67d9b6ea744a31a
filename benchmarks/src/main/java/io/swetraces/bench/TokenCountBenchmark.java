package io.swetraces.bench;

import io.swetraces.model.Message;
import io.swetraces.model.Trajectory;
import io.swetraces.tokens.ChatMl;
import io.swetraces.tokens.ConversationTokens;
import io.swetraces.tokens.TokenCounter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One pass over a corpus slice per operation, as one worker thread sees a stream of rows. {@code
 * plainJtokkit} counts what CountTokens reports (joined messages, the SFT render, assistant turns)
 * with jtokkit alone; {@code countTokens} is CountTokens with a memo that starts empty each pass;
 * {@code naiveTrajTokens} is the naive loop's single count of the joined messages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class TokenCountBenchmark {

  @Benchmark
  public void plainJtokkit(BenchCorpus corpus, Blackhole out) {
    for (Trajectory t : corpus.trajectories) {
      long assistant = 0;
      for (Message m : t.getMessages()) {
        if ("assistant".equals(m.getRole())) {
          assistant += TokenCounter.count(ChatMl.turn(m));
        }
      }
      out.consume(TokenCounter.count(joined(t)));
      out.consume(TokenCounter.count(ChatMl.render(t.getMessages())));
      out.consume(assistant);
    }
  }

  @Benchmark
  public void countTokens(BenchCorpus corpus, Blackhole out) {
    ConversationTokens counter = ConversationTokens.memoized();
    for (Trajectory t : corpus.trajectories) {
      out.consume(counter.of(t.getMessages()));
    }
  }

  @Benchmark
  public void naiveTrajTokens(BenchCorpus corpus, Blackhole out) {
    for (Trajectory t : corpus.trajectories) {
      out.consume(TokenCounter.count(joined(t)));
    }
  }

  /** The tutorial's trajectory text: message contents joined by newlines. */
  private static String joined(Trajectory t) {
    StringBuilder joined = new StringBuilder();
    for (Message m : t.getMessages()) {
      if (joined.length() > 0) {
        joined.append('\n');
      }
      joined.append(m.getContent());
    }
    return joined.toString();
  }
}
