package io.swetraces.it;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.text.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * What a run wrote, as sorted content rather than files: shard names and counts, row order and the
 * runner that wrote it do not matter; every row does.
 */
record RunOutput(
    String analysisCsvHeader,
    List<String> analysisCsv,
    List<String> analysisParquet,
    List<String> sft,
    List<String> rejects,
    JsonNode summary) {

  static RunOutput read(Path out) throws IOException {
    List<String> csv = lines(out, "analysis", ".csv");
    String header = csv.isEmpty() ? "" : csv.get(0);
    List<String> rows = new ArrayList<>(csv.stream().filter(l -> !l.equals(header)).toList());
    ObjectNode summary = (ObjectNode) Json.MAPPER.readTree(out.resolve("summary.json").toFile());
    ((ObjectNode) summary.get("settings")).remove("runner");
    return new RunOutput(header, sorted(rows), sorted(parquetRows(out)), sorted(lines(out, "sft", ".jsonl")),
        sorted(lines(out, "rejects", ".jsonl")), summary);
  }

  /**
   * The same content with input file names made relative to {@code root} and without the run's
   * settings, to compare runs over the same files reached in different ways.
   */
  RunOutput sourcesRelativeTo(String root) throws IOException {
    ObjectNode figures = ((ObjectNode) Json.MAPPER.readTree(summary.toString().replace(root, "")));
    figures.remove("settings");
    return new RunOutput(analysisCsvHeader, relative(analysisCsv, root), relative(analysisParquet, root),
        relative(sft, root), relative(rejects, root), figures);
  }

  private static List<String> relative(List<String> lines, String root) {
    return sorted(lines.stream().map(l -> l.replace(root, "")).toList());
  }

  long analysed() {
    return summary.path("counts").path("analysed").asLong();
  }

  long rejected() {
    return summary.path("counts").path("rejected").asLong();
  }

  /** One hash over all content, to name a run in a message. */
  String sha256() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (List<String> part : List.of(List.of(analysisCsvHeader), analysisCsv, analysisParquet, sft, rejects,
          List.of(summary.toString()))) {
        for (String line : part) {
          digest.update(line.getBytes(StandardCharsets.UTF_8));
          digest.update((byte) '\n');
        }
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Equal outputs, part by part, so a failure names the part that differs. */
  static void assertSameOutput(String what, RunOutput expected, RunOutput actual) {
    assertEquals(what + ": analysis CSV header", expected.analysisCsvHeader, actual.analysisCsvHeader);
    assertEquals(what + ": analysis CSV rows", expected.analysisCsv, actual.analysisCsv);
    assertEquals(what + ": analysis Parquet rows", expected.analysisParquet, actual.analysisParquet);
    assertEquals(what + ": SFT records", expected.sft, actual.sft);
    assertEquals(what + ": rejects", expected.rejects, actual.rejects);
    assertEquals(what + ": summary.json", expected.summary, actual.summary);
    assertEquals(what + ": content hash", expected.sha256(), actual.sha256());
  }

  private static List<Path> shards(Path out, String dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(out.resolve(dir))) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static List<String> lines(Path out, String dir, String suffix) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path f : shards(out, dir, suffix)) {
      lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
    }
    return lines;
  }

  private static List<String> parquetRows(Path out) throws IOException {
    List<String> rows = new ArrayList<>();
    for (Path f : shards(out, "analysis", ".parquet")) {
      try (ParquetReader<Group> reader =
          ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(f.toUri())).build()) {
        for (Group g = reader.read(); g != null; g = reader.read()) {
          rows.add(g.toString().replace('\n', '\t'));
        }
      }
    }
    return rows;
  }

  private static List<String> sorted(List<String> lines) {
    return lines.stream().sorted().toList();
  }
}
