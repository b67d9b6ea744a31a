package io.swetraces.bench;

import io.swetraces.model.Trajectory;
import io.swetraces.parse.Json;
import io.swetraces.parse.TrajectoryParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An in-memory slice of the benchmark corpus for JMH: the generator's first rows, as JSON lines. */
final class BenchCorpus {
  final List<String> lines = new ArrayList<>();
  final List<Trajectory> trajectories = new ArrayList<>();
  final long bytes;

  BenchCorpus(int rows) throws Exception {
    Path sample = Path.of(System.getProperty("swetraces.sample", "src/sample/oswt-sample.jsonl"));
    CorpusExpander expander =
        new CorpusExpander(Files.readAllLines(sample, StandardCharsets.UTF_8), 42, 4);
    TrajectoryParser parser = new TrajectoryParser(null, null);
    long total = 0;
    for (int k = 0; k < rows; k++) {
      String line = Json.write(expander.row(k));
      lines.add(line);
      trajectories.add(parser.parse("bench", k, line));
      total += line.getBytes(StandardCharsets.UTF_8).length;
    }
    this.bytes = total;
  }
}
