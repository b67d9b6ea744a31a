package io.swetraces.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.model.BenchmarkTask;
import io.swetraces.text.Json;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads the tasks of benchmarks given as files ({@code --decontaminateAgainst}): SWE-bench-shaped
 * rows ({@code instance_id}, {@code repo}, {@code problem_statement}, {@code patch}) as Parquet,
 * JSON Lines or JSON, local or on the Hub. A benchmark is configuration, not input: a file that
 * cannot be read, or a row that holds none of these fields, stops the run, since decontaminating
 * against part of a benchmark would let the rest through unnoticed.
 */
public final class ReadBenchmarkTasks extends PTransform<PBegin, PCollection<BenchmarkTask>> {
  private static final String ID = "instance_id";
  private static final String REPO = "repo";
  private static final String STATEMENT = "problem_statement";
  private static final String PATCH = "patch";

  /** Hub dataset files: the dataset names the benchmark. */
  private static final Pattern HUB_DATASET = Pattern.compile("^hf://datasets/([^/]+)/([^/@]+)");
  /** File names that say a split or a shard, not a benchmark: the folder names it. */
  private static final Pattern SPLIT_NAME =
      Pattern.compile("^(train|test|dev|validation|eval|data)([-_.].*)?$|^[^/]*-\\d{5}-of-\\d{5}$");

  private final List<TraceSource> sources;

  private ReadBenchmarkTasks(List<TraceSource> sources) {
    this.sources = sources;
  }

  public static ReadBenchmarkTasks from(List<TraceSource> sources) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no benchmark files to read");
    }
    return new ReadBenchmarkTasks(sources);
  }

  @Override
  public PCollection<BenchmarkTask> expand(PBegin begin) {
    return begin.apply("BenchmarkPatterns", Create.of(sources))
        .apply("MatchBenchmarkFiles", new MatchFiles())
        .apply("ReadBenchmarkRows", ParDo.of(new ReadTasksFn()));
  }

  /** The benchmark a file holds tasks of: its Hub dataset, else its name, else its folder's. */
  static String benchmarkName(String path) {
    Matcher hub = HUB_DATASET.matcher(path);
    if (hub.find()) {
      return hub.group(1) + "/" + hub.group(2);
    }
    String[] parts = path.replace('\\', '/').split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      String stem = i == parts.length - 1 ? stem(parts[i]) : parts[i];
      if (!stem.isEmpty() && !SPLIT_NAME.matcher(stem.toLowerCase(Locale.ROOT)).matches()) {
        return stem;
      }
    }
    return stem(parts[parts.length - 1]);
  }

  /** A file name without its extensions (format and compression). */
  private static String stem(String name) {
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static final class ReadTasksFn extends DoFn<TraceInput, BenchmarkTask> {
    @ProcessElement
    public void process(@Element TraceInput input, OutputReceiver<BenchmarkTask> out) throws IOException {
      TraceFile file = TraceFile.of(input);
      String benchmark = benchmarkName(input.getPath());
      try (TraceCursor cursor = TraceFormats.defaults().open(file, 0, 0, Long.MAX_VALUE)) {
        RowSink sink = new RowSink() {
          @Override
          public void text(long position, String json) {
            JsonNode row;
            try {
              row = Json.parse(json);
            } catch (JsonProcessingException e) {
              throw unusable(position, "not JSON: " + e.getOriginalMessage());
            }
            tree(position, row, json.length());
          }

          @Override
          public void tree(long position, JsonNode row, long bytes) {
            String id = field(row, ID);
            String statement = field(row, STATEMENT);
            String patch = field(row, PATCH);
            if (id == null && statement == null && patch == null) {
              throw unusable(position, "no " + ID + ", " + STATEMENT + " or " + PATCH);
            }
            out.output(BenchmarkTask.of(benchmark, id, field(row, REPO), statement, patch));
          }

          @Override
          public void reject(long position, String reason, String detail, String excerpt) {
            throw unusable(position, reason + ": " + detail);
          }

          private IllegalArgumentException unusable(long position, String why) {
            return new IllegalArgumentException("--decontaminateAgainst: " + input.getPath()
                + (position >= 0 ? " row " + position : "") + " is not a SWE-bench-shaped row (" + why + ")");
          }
        };
        while (cursor.next(sink)) {
          // each row goes to the sink
        }
      }
    }

    private static @Nullable String field(JsonNode row, String name) {
      JsonNode v = row.get(name);
      return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
  }
}
