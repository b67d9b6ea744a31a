package io.swetraces.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.text.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real agent-run sample beside the project ({@code shared/data/real}) and its Open-SWE-Traces
 * conversion ({@code shared/data/oswt/dev.jsonl}), when present; tests that need them are skipped
 * where they are not (set {@code -Dswetraces.shared.dir}).
 */
final class RealRecords {
  static final Path SHARED = Path.of(System.getProperty("swetraces.shared.dir", "../../shared/data"));
  static final Path REAL = SHARED.resolve("real");
  static final Path DEV = SHARED.resolve("oswt").resolve("dev.jsonl");

  private RealRecords() {}

  static boolean present() {
    return Files.isDirectory(REAL) && Files.isRegularFile(DEV);
  }

  /** The dev rows, each an object with its {@code _source}. */
  static List<JsonNode> devRows() throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(DEV, StandardCharsets.UTF_8)) {
      rows.add(Json.parse(line));
    }
    return rows;
  }

  /** The record a dev row was converted from: a line, an array element or the whole file. */
  static JsonNode record(String path, int index) throws IOException {
    Path file = REAL.resolve(path);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (path.endsWith(".jsonl")) {
      return Json.parse(text.lines().filter(l -> !l.isBlank()).toList().get(index));
    }
    JsonNode value = Json.parse(text);
    return value.isArray() ? value.get(index) : value;
  }
}
