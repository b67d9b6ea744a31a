package io.swetraces.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.text.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's outputs as committed golden files, with the input folder written {@code <input>/}: the
 * analysis CSV and the rejects in full, the summary pretty-printed, and the analysis Parquet rows
 * and SFT records as SHA-256 hashes (the SFT records hold the trajectories' text, which stays out of
 * the repository).
 */
record Golden(Map<String, String> files) {
  static final List<String> FILES =
      List.of("analysis.csv", "analysis-parquet.sha256", "sft.sha256", "rejects.jsonl", "summary.json");

  static Golden of(RunOutput run, String inputRoot) {
    Map<String, String> files = new LinkedHashMap<>();
    List<String> csv = new ArrayList<>();
    csv.add(run.analysisCsvHeader());
    csv.addAll(relative(run.analysisCsv(), inputRoot));
    files.put("analysis.csv", lines(csv));
    files.put("analysis-parquet.sha256", lines(hashes(relative(run.analysisParquet(), inputRoot))));
    files.put("sft.sha256", lines(sftHashes(run.sft())));
    files.put("rejects.jsonl", lines(relative(run.rejects(), inputRoot)));
    files.put("summary.json", run.summary().toPrettyString().replace(inputRoot, "<input>/") + "\n");
    return new Golden(files);
  }

  static Golden read(Path dir) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    for (String f : FILES) {
      files.put(f, Files.readString(dir.resolve(f), StandardCharsets.UTF_8));
    }
    return new Golden(files);
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> relative(List<String> lines, String root) {
    return lines.stream().map(l -> l.replace(root, "<input>/")).sorted().toList();
  }

  private static List<String> hashes(List<String> lines) {
    return lines.stream().map(Golden::sha256).sorted().toList();
  }

  /** {@code trajectory_id sha256} per record: a failure names the record that changed. */
  private static List<String> sftHashes(List<String> records) {
    return records.stream()
        .map(r -> id(r) + " " + sha256(r))
        .sorted()
        .toList();
  }

  private static String id(String record) {
    try {
      JsonNode node = Json.MAPPER.readTree(record);
      return node.path("trajectory_id").asText("-") + "/" + node.path("instance_id").asText("-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lines(List<String> lines) {
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
