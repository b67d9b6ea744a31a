package io.swetraces.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Input folders built from the bundled sample of real trajectories, for runs on several runners. */
final class TestInputs {
  static final Path SAMPLE = FlinkCluster.ROOT.resolve("src/sample");

  private TestInputs() {}

  /**
   * Real rows in every input format and schema variant, plus bad rows and files of each kind the
   * readers reject: 53 rows analysed, 6 rejected.
   */
  static Path mixed(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String f : List.of("oswt-sample.jsonl", "oswt-sample-variants.jsonl", "oswt-sample-00000-of-00001.parquet")) {
      Files.copy(SAMPLE.resolve(f), dir.resolve(f));
    }
    List<String> rows = Files.readAllLines(SAMPLE.resolve("oswt-sample.jsonl"), StandardCharsets.UTF_8);
    // Malformed JSON, a wrong type, a non-object, a row without messages, between two good rows.
    write(dir.resolve("bad-rows.jsonl"), rows.get(0) + "\n{\"messages\": [\n"
        + "{\"messages\": [{\"role\": \"user\", \"content\": 7}]}\n[1, 2]\n{\"instance_id\": \"x\"}\n" + rows.get(1) + "\n");
    write(dir.resolve("empty.jsonl"), "");
    byte[] parquet = Files.readAllBytes(SAMPLE.resolve("oswt-sample-00000-of-00001.parquet"));
    Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(parquet, parquet.length / 2));
    return dir;
  }

  /** {@code copies} copies of the sample JSON Lines file, as separate files read in parallel. */
  static Path copies(Path dir, int copies) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < copies; i++) {
      Files.copy(SAMPLE.resolve("oswt-sample.jsonl"), dir.resolve(String.format("part-%03d.jsonl", i)));
    }
    return dir;
  }

  private static void write(Path file, String text) throws IOException {
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
  }
}
