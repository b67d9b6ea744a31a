package io.swetraces.transforms;

import io.swetraces.model.Trajectory;
import io.swetraces.parse.TrajectoryParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Rows of the bundled sample: real SWE-agent, mini-swe-agent and OpenHands runs (MIT). */
final class TestData {
  static final String SOURCE = "sample/oswt-sample.jsonl";
  private static final List<String> LINES = read();

  private TestData() {}

  private static List<String> read() {
    try {
      return Files.readAllLines(Path.of("..", "src", "sample", "oswt-sample.jsonl"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Trajectory trajectory(int i) {
    try {
      return new TrajectoryParser(null, null).parse(SOURCE, i, LINES.get(i));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
