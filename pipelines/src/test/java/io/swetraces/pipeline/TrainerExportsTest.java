package io.swetraces.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.stats.RunSummary;
import io.swetraces.text.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code --sftFormat}: each format's JSON Lines and Parquet shards hold the same records, read back
 * as TRL (conversational {@code messages}, {@code tools} as a JSON string) and LLaMA-Factory
 * (ShareGPT, its converter's checks) read them; the dataset card's configs name the files written.
 */
public class TrainerExportsTest {
  private static final String[] NO_ROW_DROPPED = {"--decontaminate=flag", "--deduplicate=flag", "--toolCalls=flag",
      "--requireResolved=false", "--numShards=2"};
  /** The thought LLaMA-Factory's function formatter takes out of a function call before parsing it. */
  private static final Pattern THOUGHT = Pattern.compile("<think>(.*?)</think>", Pattern.DOTALL);

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private Path run(String... extra) throws IOException {
    Path out = tmp.newFolder().toPath();
    List<String> args = new ArrayList<>(List.of(NO_ROW_DROPPED));
    args.addAll(List.of(extra));
    Runs.run(Runs.SAMPLE.resolve("oswt-sample.jsonl") + "," + Runs.SAMPLE.resolve("planted-curation.jsonl"),
        out, args.toArray(new String[0]));
    return out;
  }

  @Test
  public void everyFormatReadsBackAsItsTrainerReadsIt() throws Exception {
    Path out = run("--sftFormat=openai,sharegpt,text", "--maxSftTokens=100000000");
    Map<String, JsonNode> sft = byId(Runs.lines(out, "sft"));
    assertEquals(24, sft.size());

    Map<String, JsonNode> openai = sameInJsonLinesAndParquet(out, "openai");
    assertEquals(sft.keySet(), openai.keySet());
    int calls = 0;
    for (JsonNode r : openai.values()) {
      for (JsonNode m : r.get("messages")) {
        assertEquals("assistant".equals(m.get("role").asText()), m.get("train").asBoolean());
        for (JsonNode call : m.path("tool_calls")) {
          assertTrue(call.get("function").get("arguments").isTextual());
          calls++;
        }
      }
      JsonNode original = sft.get(r.get("trajectory_id").asText());
      assertEquals(original.get("messages").size(), r.get("messages").size());
      if (original.get("tools").isEmpty()) {
        assertTrue(r.get("tools").isNull());
      } else {
        assertEquals(original.get("tools"), Json.parse(r.get("tools").asText()));
      }
    }
    assertTrue(calls > 0);

    Map<String, JsonNode> sharegpt = sameInJsonLinesAndParquet(out, "sharegpt");
    assertEquals(sft.keySet(), sharegpt.keySet());
    int functionCalls = 0;
    for (JsonNode r : sharegpt.values()) {
      functionCalls += llamaFactoryAccepts(r);
    }
    assertTrue(functionCalls > 0);

    Map<String, JsonNode> text = sameInJsonLinesAndParquet(out, "text");
    for (Map.Entry<String, JsonNode> e : text.entrySet()) {
      assertEquals(sft.get(e.getKey()).get("text"), e.getValue().get("text"));
      assertEquals(sft.get(e.getKey()).get("sft_tokens"), e.getValue().get("sft_tokens"));
    }

    String card = Files.readString(out.resolve("README.md"));
    assertEquals(List.of("sft/openai/*.parquet", "sft/sharegpt/*.parquet", "sft/text/*.parquet",
        "analysis/*.parquet"), configPathsNamingFiles(out, card));
    assertTrue(card.contains("- config_name: openai\n  data_files:\n  - split: train\n    path: sft/openai/*.parquet\n"
        + "  default: true\n"));
    assertTrue(card.contains("| training | `trainOn=ALL, reasoning=KEEP, sftFormat=openai,sharegpt,text` |"));
  }

  @Test
  public void withoutTrainingExamplesTheCardNamesOnlyTheAnalysis() throws Exception {
    Path out = run("--sftFormat=sharegpt", "--maxSftTokens=1");
    assertEquals(0, Runs.lines(out, "sft/sharegpt").size());
    assertEquals(List.of("analysis/*.parquet"), configPathsNamingFiles(out, Files.readString(out.resolve("README.md"))));
  }

  /**
   * LLaMA-Factory's ShareGPT converter: human or observation turns, then gpt or function_call, in
   * pairs; a function call is JSON (one call or a list, each with name and arguments) once its
   * thought is taken out. Returns the function calls.
   */
  private static int llamaFactoryAccepts(JsonNode r) throws Exception {
    JsonNode turns = r.get("conversations");
    assertTrue(turns.size() >= 2 && turns.size() % 2 == 0);
    int functionCalls = 0;
    for (int i = 0; i < turns.size(); i++) {
      String from = turns.get(i).get("from").asText();
      assertTrue(from, i % 2 == 0 ? Set.of("human", "observation").contains(from)
          : Set.of("gpt", "function_call").contains(from));
      if (from.equals("function_call")) {
        JsonNode call = Json.parse(THOUGHT.matcher(turns.get(i).get("value").asText()).replaceFirst(""));
        for (JsonNode c : call.isArray() ? call : List.of(call)) {
          assertTrue(c.get("name").isTextual());
          assertTrue(c.has("arguments"));
        }
        functionCalls++;
      }
    }
    String tools = r.get("tools").asText();
    assertTrue(tools.isEmpty() || Json.parse(tools).isArray());
    return functionCalls;
  }

  /** A format's records by trajectory id, after checking that its Parquet shards hold its JSON lines. */
  private static Map<String, JsonNode> sameInJsonLinesAndParquet(Path out, String format) throws IOException {
    List<String> lines = Runs.lines(out, "sft/" + format);
    List<JsonNode> parquet = new ArrayList<>();
    try (Stream<Path> files = Files.list(out.resolve("sft").resolve(format))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".parquet")).sorted().toList()) {
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(f))
            .build()) {
          for (GenericRecord g = reader.read(); g != null; g = reader.read()) {
            parquet.add(withoutNulls(Json.parse(GenericData.get().toString(g))));
          }
        }
      }
    }
    Map<String, JsonNode> records = byId(lines);
    Map<String, JsonNode> fromParquet = new HashMap<>();
    for (JsonNode p : parquet) {
      fromParquet.put(p.get("trajectory_id").asText(), p);
    }
    assertEquals(lines.size(), parquet.size());
    for (Map.Entry<String, JsonNode> e : records.entrySet()) {
      assertEquals(format, withoutNulls(e.getValue().deepCopy()), fromParquet.get(e.getKey()));
    }
    return records;
  }

  private static Map<String, JsonNode> byId(List<String> lines) throws IOException {
    Map<String, JsonNode> out = new HashMap<>();
    for (String line : lines) {
      JsonNode r = Json.parse(line);
      assertFalse(out.containsKey(r.get("trajectory_id").asText()));
      out.put(r.get("trajectory_id").asText(), r);
    }
    return out;
  }

  /** Absent and null are one in a JSON line and an optional Parquet column. */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNull()) {
          it.remove();
        } else {
          withoutNulls(e.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(TrainerExportsTest::withoutNulls);
    }
    return node;
  }

  /** The card's config paths, each checked to name at least one file. */
  private static List<String> configPathsNamingFiles(Path out, String card) throws IOException {
    String yaml = card.substring(4, card.indexOf("\n---\n"));
    List<String> paths = new ArrayList<>();
    for (String line : yaml.split("\n")) {
      if (line.startsWith("    path: ")) {
        String glob = line.substring("    path: ".length());
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.walk(out)) {
          assertTrue(glob, files.anyMatch(f -> matcher.matches(out.relativize(f))));
        }
        paths.add(glob);
      }
    }
    return paths;
  }
}
