package io.swetraces.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.text.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what benchmarks/run left in the results folder (GNU time reports, run summaries, flight
 * recordings, JMH's JSON) into results.json and a Markdown table, printed too.
 */
public final class BenchReport {
  private final Path dir;
  private final ObjectNode json = Json.MAPPER.createObjectNode();
  private final StringBuilder md = new StringBuilder();

  private BenchReport(Path dir) {
    this.dir = dir;
  }

  public static void main(String[] args) throws IOException {
    BenchReport report = new BenchReport(Path.of(args[0]));
    report.write();
    System.out.print(report.md);
  }

  private void write() throws IOException {
    JsonNode corpus = Json.MAPPER.readTree(dir.resolve("corpus.json").toFile());
    long bytes = corpus.path("jsonlBytes").asLong();
    json.put("date", LocalDate.now().toString());
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.set("corpus", corpus);
    md.append(String.format(Locale.ROOT, "Corpus: %,d rows, %.0f MB JSONL, %.0f MB Parquet; %d cores; %s%n%n",
        corpus.path("rows").asLong(), bytes / 1e6, corpus.path("parquetBytes").asLong() / 1e6,
        Runtime.getRuntime().availableProcessors(), LocalDate.now()));
    throughput(json.putObject("throughput"), bytes, List.of("naive", "direct-jsonl", "direct-parquet", "flink-jsonl"));
    realRows();
    shares();
    memory();
    jmh();
    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("results.json").toFile(), json);
    Files.writeString(dir.resolve("results.md"), md, StandardCharsets.UTF_8);
  }

  /**
   * Real rows repeated as they are (no text rewritten), as JSON Lines and as Parquet shards of
   * about 2,500 rows: the naive loop against the pipeline on the DirectRunner and on Flink, with the
   * curation stages off and with a student tokenizer; then one shard as DuckDB writes it.
   */
  private void realRows() throws IOException {
    Path manifest = dir.resolve("real-corpus.json");
    if (!Files.exists(manifest)) {
      return;
    }
    JsonNode corpus = Json.MAPPER.readTree(manifest.toFile());
    json.set("realRowsCorpus", corpus);
    md.append(String.format(Locale.ROOT, "Real rows: %,d rows, %.0f MB JSONL in %d shards, %.0f MB Parquet%n%n",
        corpus.path("rows").asLong(), corpus.path("jsonlBytes").asLong() / 1e6, corpus.path("shards").asInt(),
        corpus.path("parquetBytes").asLong() / 1e6));
    ObjectNode runs = json.putObject("realRows");
    List<String> names = new ArrayList<>(List.of("real-naive", "real-jsonl", "real-parquet", "real-flink-jsonl",
        "real-jsonl-stages-off"));
    if (Files.exists(dir.resolve("real-jsonl-student-1.time"))) {
      names.add("real-jsonl-student");
    }
    throughput(runs, corpus.path("jsonlBytes").asLong(), names);
    double stagesCost = wall(runs, "real-jsonl") / wall(runs, "real-jsonl-stages-off") - 1;
    runs.put("curationStagesCost", stagesCost);
    md.append(String.format(Locale.ROOT, "The curation stages' cost (defaults against all four off): %+.1f%%%n%n",
        100 * stagesCost));
    if (names.contains("real-jsonl-student")) {
      double studentCost = wall(runs, "real-jsonl-student") / wall(runs, "real-jsonl") - 1;
      runs.put("studentCost", studentCost);
      md.append(String.format(Locale.ROOT, "The student tokenizer's cost (--tokenizer against cl100k only): %+.1f%%%n%n",
          100 * studentCost));
    }
    Path duckdb = dir.resolve("real-duckdb-corpus.json");
    if (Files.exists(duckdb)) {
      JsonNode one = Json.MAPPER.readTree(duckdb.toFile());
      json.set("realDuckdbCorpus", one);
      md.append(String.format(Locale.ROOT, "One shard as DuckDB writes it: %,d rows, %.0f MB JSONL, %.0f MB Parquet in "
          + "one row group of one page per column%n%n", one.path("rows").asLong(), one.path("jsonlBytes").asLong() / 1e6,
          one.path("parquetBytes").asLong() / 1e6));
      throughput(json.putObject("realDuckdb"), one.path("jsonlBytes").asLong(),
          List.of("real-duckdb-naive", "real-duckdb-parquet"));
    }
  }

  private static double wall(ObjectNode runs, String name) {
    return runs.path(name).path("wallSeconds").asDouble();
  }

  /** Each throughput run's median round by wall time; the first run (a naive loop) is the baseline. */
  private void throughput(ObjectNode runs, long bytes, List<String> names) throws IOException {
    Run naive = median(rounds(names.get(0)));
    md.append("| run | exit | rows | wall s (median) | rounds, wall s | rows/s | MB/s | vs naive | CPU s | peak RSS MB |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (String name : names) {
      List<Run> rounds = rounds(name);
      Run r = median(rounds);
      String walls = rounds.stream()
          .map(x -> String.format(Locale.ROOT, x.exit == 0 ? "%.1f" : "%.1f (failed: %s.log)", x.wall, x.name))
          .collect(Collectors.joining(", "));
      ObjectNode o = runs.putObject(name);
      o.put("exit", r.exit);
      rounds.forEach(x -> o.withArray("roundWallSeconds").add(x.wall));
      if (r.exit != 0) {
        md.append(String.format(Locale.ROOT, "| %s | %d | failed: see %s.log | | %s | | | | %.1f | %.0f |%n",
            name, r.exit, r.name, walls, r.cpu, r.rssMb));
        continue;
      }
      long rows = name.endsWith("naive") ? lastJsonLine(dir.resolve(r.name + ".log")).path("rows").asLong()
          : r.summary().path("counts").path("rows_read").asLong();
      o.put("rows", rows);
      o.put("wallSeconds", r.wall);
      o.put("rowsPerSecond", rows / r.wall);
      o.put("mbPerSecond", bytes / 1e6 / r.wall);
      o.put("vsNaive", naive.wall / r.wall);
      o.put("cpuSeconds", r.cpu);
      o.put("peakRssMb", r.rssMb);
      md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.1f | %s | %.0f | %.1f | %.2f× | %.1f | %.0f |%n",
          name, r.exit, rows, r.wall, walls, rows / r.wall, bytes / 1e6 / r.wall, naive.wall / r.wall, r.cpu,
          r.rssMb));
    }
    md.append('\n');
  }

  /** The rounds of one throughput run, in order: NAME-1, NAME-2, ... */
  private List<Run> rounds(String name) throws IOException {
    List<Run> rounds = new ArrayList<>();
    for (int r = 1; Files.exists(dir.resolve(name + "-" + r + ".time")); r++) {
      rounds.add(Run.read(dir, name + "-" + r));
    }
    if (rounds.isEmpty()) {
      throw new IOException("no rounds of " + name + " in " + dir);
    }
    return rounds;
  }

  /** The round with the median wall time; a failed round counts as the slowest. */
  private static Run median(List<Run> rounds) {
    List<Run> sorted = new ArrayList<>(rounds);
    sorted.sort(Comparator.comparingDouble((Run x) -> x.exit == 0 ? x.wall : Double.POSITIVE_INFINITY));
    return sorted.get((sorted.size() - 1) / 2);
  }

  private void shares() throws IOException {
    ObjectNode out = json.putObject("stepShares");
    for (String name : List.of("profile-direct-jsonl", "profile-flink-jsonl", "profile-real-jsonl")) {
      Path jfr = dir.resolve(name + ".jfr");
      if (!Files.exists(jfr)) {
        continue;
      }
      Map<String, Double> shares = StepShares.of(jfr);
      md.append("| ").append(name.substring("profile-".length())).append(": step | share of CPU samples |\n")
          .append("|---|---|\n");
      ObjectNode o = out.putObject(name);
      shares.forEach((step, share) -> {
        o.put(step, share);
        md.append(String.format(Locale.ROOT, "| %s | %.1f%% |%n", step, 100 * share));
      });
      md.append('\n');
    }
  }

  private void memory() throws IOException {
    List<Path> runs = new ArrayList<>();
    try (var files = Files.list(dir)) {
      files.filter(f -> f.getFileName().toString().matches("(memory|huge-row)-.*\\.time")).sorted().forEach(runs::add);
    }
    md.append("| memory run | input MB | exit | peak RSS MB | rows read | analysed | rejected (reasons) |\n")
        .append("|---|---|---|---|---|---|---|\n");
    ObjectNode out = json.putObject("memory");
    for (Path f : runs) {
      String name = f.getFileName().toString().replace(".time", "");
      Run r = Run.read(dir, name);
      JsonNode counts = r.summary().path("counts");
      long input = new ByteSize().convert(name.substring(name.lastIndexOf('-') + 1));
      ObjectNode o = out.putObject(name);
      o.put("exit", r.exit);
      o.put("peakRssMb", r.rssMb);
      o.put("wallSeconds", r.wall);
      o.set("counts", counts);
      md.append(String.format(Locale.ROOT, "| %s | %.0f | %d | %.0f | %d | %d | %d %s |%n", name, input / 1e6, r.exit,
          r.rssMb, counts.path("rows_read").asLong(), counts.path("analysed").asLong(),
          counts.path("rejected").asLong(), counts.path("rejected_by_reason")));
    }
    md.append('\n');
  }

  private void jmh() throws IOException {
    Path file = dir.resolve("jmh.json");
    if (!Files.exists(file)) {
      return;
    }
    md.append("| JMH benchmark | ms per pass over 400 rows | ± |\n|---|---|---|\n");
    ObjectNode out = json.putObject("jmh");
    for (JsonNode b : Json.MAPPER.readTree(file.toFile())) {
      String name = b.path("benchmark").asText().replace("io.swetraces.bench.", "");
      JsonNode m = b.path("primaryMetric");
      out.put(name, m.path("score").asDouble());
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", name, m.path("score").asDouble(),
          m.path("scoreError").asDouble()));
    }
    double plain = out.path("TokenCountBenchmark.plainJtokkit").asDouble();
    double memo = out.path("TokenCountBenchmark.countTokens").asDouble();
    json.put("countTokensSpeedupOverPlainJtokkit", plain / memo);
    md.append(String.format(Locale.ROOT, "%nCountTokens vs plain jtokkit on the same three counts: %.2f× faster%n",
        plain / memo));
  }

  private static JsonNode lastJsonLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith("{")) {
        return Json.MAPPER.readTree(lines.get(i));
      }
    }
    return Json.MAPPER.createObjectNode();
  }

  /** One process as GNU time saw it, and the run summary it wrote, if any. */
  private record Run(Path dir, String name, int exit, double wall, double cpu, double rssMb) {
    private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time .*: (?:(\\d+):)?(\\d+):([\\d.]+)");

    static Run read(Path dir, String name) throws IOException {
      String time = Files.readString(dir.resolve(name + ".time"));
      Matcher w = WALL.matcher(time);
      if (!w.find()) {
        throw new IOException("no wall time in " + name + ".time");
      }
      double wall = (w.group(1) == null ? 0 : Integer.parseInt(w.group(1)) * 3600)
          + Integer.parseInt(w.group(2)) * 60 + Double.parseDouble(w.group(3));
      double cpu = number(time, "User time \\(seconds\\)") + number(time, "System time \\(seconds\\)");
      double rss = number(time, "Maximum resident set size \\(kbytes\\)") / 1024;
      int exit = Integer.parseInt(Files.readString(dir.resolve(name + ".exit")).trim());
      return new Run(dir, name, exit, wall, cpu, rss);
    }

    JsonNode summary() throws IOException {
      Path summary = dir.resolve(name + "-out").resolve("summary.json");
      return Files.exists(summary) ? Json.MAPPER.readTree(summary.toFile()) : Json.MAPPER.createObjectNode();
    }

    private static double number(String text, String label) {
      Matcher m = Pattern.compile(label + ": ([\\d.]+)").matcher(text);
      return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
  }
}
