package io.swetraces.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.stats.RunSummary;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.text.Json;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Bad input never crashes a run and is never dropped silently: every row read is analysed or
 * rejected with a reason, and the summary's counts add up.
 */
public class BadInputTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final List<String> SAMPLE = lines();

  private static List<String> lines() {
    try {
      return Files.readAllLines(Runs.SAMPLE.resolve("oswt-sample.jsonl"), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Long> rejects(RunSummary summary) {
    return new TreeMap<>(summary.counts().rejectedByReason());
  }

  private static void assertAccountedFor(RunSummary summary, long read, long analysed) {
    RunSummary.Counts c = summary.counts();
    assertEquals(read, c.rowsRead());
    assertEquals(analysed, c.analysed());
    assertEquals(read, c.analysed() + c.rejected());
    assertTrue(c.accountedFor());
  }

  @Test
  public void everyKindOfBadFileInOneRun() throws Exception {
    Path in = tmp.newFolder("in").toPath();
    // JSON Lines: 2 good rows, malformed JSON, a wrong type, a non-object and a blank line.
    Files.write(in.resolve("mixed.jsonl"),
        (SAMPLE.get(0) + "\n" + "{\"messages\": [\n" + "{\"messages\": [{\"role\": \"user\", \"content\": 7}]}\n"
            + "\n" + "[1, 2]\n" + SAMPLE.get(1) + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(in.resolve("empty.jsonl"), new byte[0]);
    // Invalid UTF-8 in the second line.
    ByteArrayOutputStream utf = new ByteArrayOutputStream();
    utf.write((SAMPLE.get(2) + "\n").getBytes(StandardCharsets.UTF_8));
    utf.write(new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    Files.write(in.resolve("latin1.jsonl"), utf.toByteArray());
    // A Parquet file cut in half: no footer.
    byte[] parquet = Files.readAllBytes(Runs.SAMPLE.resolve("oswt-sample-00000-of-00001.parquet"));
    Files.write(in.resolve("cut.parquet"), Arrays.copyOf(parquet, parquet.length / 2));
    // A gzipped JSONL stream cut short: the complete rows before the cut stand.
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write((SAMPLE.get(3) + "\n" + SAMPLE.get(4) + "\n" + SAMPLE.get(5) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    byte[] zipped = gz.toByteArray();
    Files.write(in.resolve("cut.jsonl.gz"), Arrays.copyOf(zipped, zipped.length * 3 / 4));
    // A JSON array with a non-object element.
    Files.write(in.resolve("rows.json"),
        ("[" + SAMPLE.get(6) + ", 42, " + SAMPLE.get(7) + "]").getBytes(StandardCharsets.UTF_8));
    Files.write(in.resolve("notes.txt"), "not trajectories".getBytes(StandardCharsets.UTF_8));

    Path out = tmp.getRoot().toPath().resolve("out");
    RunSummary summary = Runs.run(in + "/*", out);

    Map<String, Long> rejects = rejects(summary);
    assertEquals(Long.valueOf(1), rejects.get("malformed_json"));
    assertEquals(Long.valueOf(1), rejects.get("wrong_type"));
    assertEquals(Long.valueOf(2), rejects.get("not_an_object"));
    assertEquals(Long.valueOf(1), rejects.get("empty_file"));
    assertEquals(Long.valueOf(1), rejects.get("invalid_utf8"));
    assertEquals(Long.valueOf(1), rejects.get("unreadable_parquet"));
    assertEquals(Long.valueOf(1), rejects.get("truncated_file"));
    assertEquals(null, rejects.get("unsupported_format")); // found by a glob: no trajectory file, no bad row
    assertEquals(1, summary.inputs().notTrajectoryFiles());
    long goodFromGzip = summary.counts().analysed() - 2 - 1 - 2;
    assertTrue("rows before the cut are kept", goodFromGzip >= 1 && goodFromGzip <= 2);
    assertAccountedFor(summary, 5 + goodFromGzip + 8, 5 + goodFromGzip);
    List<String> rejectLines = Runs.lines(out, "rejects");
    assertEquals(8, rejectLines.size());
    for (String line : rejectLines) {
      JsonNode r = Json.parse(line);
      assertTrue(line, r.path("source").asText().startsWith("file:") || r.path("source").asText().startsWith("/"));
      assertTrue(line, !r.path("detail").asText().isEmpty());
    }
  }

  @Test
  public void aFiftyMegabyteRowAndAOneMegabyteDiffAreAnalysed() throws Exception {
    ObjectNode big = (ObjectNode) Json.parse(SAMPLE.get(0));
    String output = "line of tool output that keeps going\n".repeat(50_000_000 / 37);
    ((ObjectNode) big.withArray("messages").get(3)).put("content", output);
    ObjectNode diff = (ObjectNode) Json.parse(SAMPLE.get(1));
    StringBuilder patch = new StringBuilder("diff --git a/big.py b/big.py\n--- a/big.py\n+++ b/big.py\n");
    int lines = 1_000_000 / 20;
    patch.append("@@ -1,").append(lines).append(" +1,").append(lines).append(" @@\n");
    for (int i = 0; i < lines; i++) {
      patch.append(i % 2 == 0 ? "-old line " : "+new line ").append(String.format("%09d", i)).append('\n');
    }
    diff.put("model_patch", patch.toString());
    Path in = tmp.newFile("big.jsonl").toPath();
    Files.write(in, (Json.write(big) + "\n" + Json.write(diff) + "\n").getBytes(StandardCharsets.UTF_8));

    Path out = tmp.getRoot().toPath().resolve("out");
    RunSummary summary = Runs.run(in.toString(), out, "--enforceEncodability=false", "--enforceImmutability=false");
    assertAccountedFor(summary, 2, 2);
    assertEquals(lines, summary.numericSummary().get("patch_churn").max());
    assertTrue(summary.trajTokenPercentiles().get("max") > 5_000_000);
  }

  @Test
  public void rowsOverTheLimitAreRejectedWithoutBeingHeldAndReadingGoesOn() throws Exception {
    ObjectNode huge = (ObjectNode) Json.parse(SAMPLE.get(0));
    ((ObjectNode) huge.withArray("messages").get(1)).put("content", "x".repeat(3 << 20));
    Path in = tmp.newFile("huge.jsonl").toPath();
    Files.write(in, (SAMPLE.get(0) + "\n" + Json.write(huge) + "\n" + SAMPLE.get(1) + "\n")
        .getBytes(StandardCharsets.UTF_8));

    RunSummary summary = Runs.run(in.toString(), tmp.getRoot().toPath().resolve("out"), "--maxRowMegabytes=2");
    assertAccountedFor(summary, 3, 2);
    assertEquals(Map.of("row_too_large", 1L), rejects(summary));
    JsonNode reject = Json.parse(Files.readString(
        Files.list(tmp.getRoot().toPath().resolve("out").resolve("rejects")).findFirst().orElseThrow()).trim());
    assertEquals(1, reject.path("position").asLong());
    assertTrue(reject.path("detail").asText(), reject.path("detail").asText().contains("over the limit"));
    assertTrue(reject.path("excerpt").asText().startsWith("{\"instance_id\""));
  }
}
