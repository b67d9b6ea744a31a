package io.swetraces.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.text.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a benchmark corpus in the Open-SWE-Traces schema: the same rows as JSONL shards and as
 * nested-Parquet shards, expanded from real rows (see {@link CorpusExpander}). A folder already
 * holding a corpus made with the same settings is reused.
 */
@Command(name = "generate-corpus", mixinStandardHelpOptions = true,
    description = "Expands real rows into a benchmark corpus of the given size (JSONL and Parquet).")
public final class GenerateCorpus implements Callable<Integer> {
  @Option(names = "--size", required = true, converter = ByteSize.class,
      description = "JSONL bytes to write, e.g. 100MB or 1GB (decimal units).")
  long size;

  @Option(names = "--out", required = true, description = "Folder to write into (jsonl/ and parquet/).")
  Path out;

  @Option(names = "--sample", defaultValue = "src/sample/oswt-sample.jsonl",
      description = "Real rows to expand (JSONL). Default: ${DEFAULT-VALUE}.")
  Path sample;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of every draw. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--runs-per-instance", defaultValue = "4",
      description = "Rows per task instance; they share its task and tool outputs. Default: ${DEFAULT-VALUE}.")
  int runsPerInstance;

  @Option(names = "--shard-size", defaultValue = "64MB", converter = ByteSize.class,
      description = "JSONL bytes per shard; Parquet shards hold the same rows. Default: ${DEFAULT-VALUE}.")
  long shardSize;

  @Option(names = "--verbatim", description = "Repeat the real rows as they are, only their trajectory_id "
      + "renewed, instead of rewriting their text: what real dumps repeat, and no more.")
  boolean verbatim;

  @Option(names = "--row-group-size", defaultValue = "64MB", converter = ByteSize.class,
      description = "Parquet row group size (uncompressed bytes); 1GB makes one row group per shard, "
          + "as DuckDB writes a shard of a few thousand rows. Default: ${DEFAULT-VALUE}.")
  long rowGroupSize;

  @Option(names = "--page-size", defaultValue = "1MB", converter = ByteSize.class,
      description = "Parquet page size (uncompressed bytes); 1GB makes a page per column chunk, as DuckDB "
          + "writes its string columns. Default: ${DEFAULT-VALUE}.")
  long pageSize;

  @Option(names = "--huge-row", defaultValue = "0", converter = ByteSize.class,
      description = "Instead of a corpus, write one JSONL file holding one row of about this size.")
  long hugeRow;

  public static void main(String[] args) {
    System.exit(new CommandLine(new GenerateCorpus()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("size", size);
    settings.put("sample", sample.getFileName().toString());
    settings.put("seed", seed);
    settings.put("runsPerInstance", runsPerInstance);
    settings.put("shardSize", shardSize);
    settings.put("hugeRow", hugeRow);
    settings.put("verbatim", verbatim);
    settings.put("rowGroupSize", rowGroupSize);
    settings.put("pageSize", pageSize);
    Path manifest = out.resolve("corpus.json");
    if (Files.exists(manifest)
        && Json.MAPPER.readTree(manifest.toFile()).path("settings").equals(Json.MAPPER.valueToTree(settings))) {
      System.err.println("corpus in " + out + " is up to date");
      return 0;
    }
    CorpusExpander expander =
        new CorpusExpander(Files.readAllLines(sample, StandardCharsets.UTF_8), seed, runsPerInstance, verbatim);
    Files.createDirectories(out.resolve("jsonl"));
    Map<String, Object> written = hugeRow > 0 ? writeHugeRow(expander) : writeCorpus(expander);
    written.put("settings", settings);
    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(manifest.toFile(), written);
    System.err.println("wrote " + written.get("rows") + " rows into " + out);
    return 0;
  }

  private Map<String, Object> writeCorpus(CorpusExpander expander) throws IOException {
    Files.createDirectories(out.resolve("parquet"));
    long rows = 0;
    long bytes = 0;
    int shards = 0;
    while (bytes < size) {
      String name = String.format("oswt-bench-%05d", shards++);
      long shardBytes = 0;
      try (Writer jsonl = jsonl(out.resolve("jsonl").resolve(name + ".jsonl"));
          ParquetWriter<Group> parquet =
              ParquetRows.writer(out.resolve("parquet").resolve(name + ".parquet"), rowGroupSize, pageSize)) {
        while (shardBytes < shardSize && bytes + shardBytes < size) {
          ObjectNode row = expander.row(rows++);
          String line = Json.write(row);
          jsonl.write(line);
          jsonl.write('\n');
          shardBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
          parquet.write(ParquetRows.group(row));
        }
      }
      bytes += shardBytes;
    }
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("rows", rows);
    written.put("jsonlBytes", bytes);
    written.put("parquetBytes", folderBytes(out.resolve("parquet")));
    written.put("shards", shards);
    return written;
  }

  private Map<String, Object> writeHugeRow(CorpusExpander expander) throws IOException {
    Path file = out.resolve("jsonl").resolve("oswt-huge-row.jsonl");
    try (Writer jsonl = jsonl(file)) {
      jsonl.write(Json.write(expander.hugeRow(hugeRow)));
      jsonl.write('\n');
    }
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("rows", 1);
    written.put("jsonlBytes", Files.size(file));
    return written;
  }

  private static Writer jsonl(Path file) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
  }

  private static long folderBytes(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
