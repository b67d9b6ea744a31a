package io.swetraces.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Input folders built from the bundled sample of real trajectories, for runs on several runners. */
final class TestInputs {
  static final Path SAMPLE = FlinkCluster.ROOT.resolve("src/sample");

  private TestInputs() {}

  /**
   * Real rows in every input format and schema variant, plus bad rows and files of each kind the
   * readers and later steps reject: 60 rows analysed, 9 rejected when the folder is the input (58
   * from its top level alone).
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
    // JSON Lines named .json, as on the Hub, with a value that is not a row among them.
    write(dir.resolve("lines.json"), rows.get(2) + "\n" + rows.get(3) + "\n7\n" + rows.get(4) + "\n");
    // A byte order mark; a patch as `git diff --no-prefix` writes it; a word too long to count;
    // two rows on one line.
    write(dir.resolve("bom.jsonl"), "\uFEFF" + rows.get(5) + "\n");
    String noPrefix = rows.get(6).replaceFirst("\"model_patch\": \"", "\"model_patch\": \"diff --git x x\\\\n@@ -1 +1 @@\\\\n-a\\\\n+b\\\\n");
    String longWord = rows.get(7).replaceFirst("\"content\": \"", "\"content\": \"" + "a".repeat(300_000) + " ");
    write(dir.resolve("hostile.jsonl"), noPrefix + "\n" + longWord + "\n" + rows.get(8) + rows.get(9) + "\n");
    // A folder within the folder: read when the folder is the input.
    Files.createDirectories(dir.resolve("nested/deeper"));
    write(dir.resolve("nested/deeper/more.jsonl"), rows.get(10) + "\n" + rows.get(11) + "\n");
    byte[] parquet = Files.readAllBytes(SAMPLE.resolve("oswt-sample-00000-of-00001.parquet"));
    Files.write(dir.resolve("cut.parquet"), Arrays.copyOf(parquet, parquet.length / 2));
    // Agent run folders as their harnesses wrote them, with their evaluation files to join.
    copyTree(SAMPLE.resolve("runs"), dir.resolve("runs"));
    // A real row and copies with planted duplicates, secrets, a benchmark task, a broken tool call.
    Files.copy(SAMPLE.resolve("planted-curation.jsonl"), dir.resolve("planted-curation.jsonl"));
    return dir;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
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
