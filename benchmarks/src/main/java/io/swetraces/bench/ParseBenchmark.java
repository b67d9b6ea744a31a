package io.swetraces.bench;

import io.swetraces.model.Trajectory;
import io.swetraces.parse.DiffParser;
import io.swetraces.parse.PatchCounting;
import io.swetraces.parse.ToolExtractor;
import io.swetraces.parse.TrajectoryParser;
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

/** The parsers, one pass over a corpus slice per operation. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ParseBenchmark {
  private final TrajectoryParser parser = new TrajectoryParser(null, null);

  @Benchmark
  public void trajectoryParser(BenchCorpus corpus, Blackhole out) throws Exception {
    for (int i = 0; i < corpus.lines.size(); i++) {
      out.consume(parser.parse("bench", i, corpus.lines.get(i)));
    }
  }

  @Benchmark
  public void toolExtractor(BenchCorpus corpus, Blackhole out) {
    for (Trajectory t : corpus.trajectories) {
      out.consume(ToolExtractor.extract(t.getMessages()));
    }
  }

  @Benchmark
  public void diffParser(BenchCorpus corpus, Blackhole out) {
    for (Trajectory t : corpus.trajectories) {
      out.consume(DiffParser.parse(t.getModelPatch(), PatchCounting.TUTORIAL));
    }
  }
}
