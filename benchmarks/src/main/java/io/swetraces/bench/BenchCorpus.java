package io.swetraces.bench;

import io.swetraces.model.Trajectory;
import io.swetraces.text.Json;
import io.swetraces.parse.TrajectoryParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The JMH benchmarks' input: the generator's first rows in memory, as JSON lines and parsed. */
@State(Scope.Benchmark)
public class BenchCorpus {
  @Param("400")
  int rows;

  final List<String> lines = new ArrayList<>();
  final List<Trajectory> trajectories = new ArrayList<>();

  @Setup(Level.Trial)
  public void load() throws Exception {
    Path sample = Path.of(System.getProperty("swetraces.sample", "src/sample/oswt-sample.jsonl"));
    CorpusExpander expander =
        new CorpusExpander(Files.readAllLines(sample, StandardCharsets.UTF_8), 42, 4, false);
    TrajectoryParser parser = new TrajectoryParser(null, null);
    for (int k = 0; k < rows; k++) {
      String line = Json.write(expander.row(k));
      lines.add(line);
      trajectories.add(parser.parse("bench", k, line));
    }
  }
}
