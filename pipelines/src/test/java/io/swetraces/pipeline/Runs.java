package io.swetraces.pipeline;

import io.swetraces.stats.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;

/** Runs the whole graph through {@link SweTracesPipeline#run}, as main does, for tests. */
final class Runs {
  static final Path SAMPLE = Path.of("..", "src", "sample");

  private Runs() {}

  static SweTracesOptions options(String input, Path output, String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--runner=DirectRunner"));
    args.addAll(Arrays.asList(extra));
    return Options.parse(args.toArray(new String[0]));
  }

  static RunSummary run(String input, Path output, String... extra) throws IOException {
    SweTracesOptions options = options(input, output, extra);
    PipelineResult.State state = SweTracesPipeline.run(options).waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new AssertionError("run ended " + state);
    }
    return SweTracesPipeline.readSummary(options);
  }

  /** All lines of the shards of one output, header lines of CSV shards included. */
  static List<String> lines(Path output, String dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(output.resolve(dir))) {
      for (Path f : files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")).sorted().toList()) {
        if (!f.toString().endsWith(".parquet")) {
          lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
      }
    }
    return lines;
  }
}
