package io.swetraces.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.stats.RunSummary;
import io.swetraces.text.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Real rows mutated at random (a fixed seed, so a failure replays): fields dropped, retyped,
 * emptied, nested deep or blown up; text cut, filled with lone surrogates, ChatML markers, huge
 * numbers in hunk headers; bytes that are not UTF-8. Whatever comes in, the run ends, and every
 * row read is analysed or rejected with a known reason.
 */
public class FuzzedRowsTest {
  private static final long SEED = 20261203L;
  private static final int ROWS = 400;
  private static final Set<String> REASONS = Set.of("malformed_json", "not_an_object", "missing_messages",
      "wrong_type", "invalid_value", "invalid_utf8", "row_too_large", "unparseable_row", "pathological_text",
      "step_failed");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void everyMutatedRowIsAnalysedOrRejected() throws Exception {
    List<String> sample = Files.readAllLines(Runs.SAMPLE.resolve("oswt-sample.jsonl"), StandardCharsets.UTF_8);
    SplittableRandom random = new SplittableRandom(SEED);
    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    for (int i = 0; i < ROWS; i++) {
      jsonl.write(mutate(sample.get(random.nextInt(sample.size())), random));
      jsonl.write('\n');
    }
    Path in = Files.createDirectories(tmp.getRoot().toPath().resolve("in"));
    Files.write(in.resolve("fuzzed.jsonl"), jsonl.toByteArray());

    RunSummary s = Runs.run(in + "/*", tmp.getRoot().toPath().resolve("out"),
        "--enforceEncodability=false", "--enforceImmutability=false");
    RunSummary.Counts c = s.counts();
    assertEquals(ROWS, c.rowsRead());
    assertEquals(ROWS, c.analysed() + c.rejected());
    assertTrue(c.accountedFor());
    assertTrue("some rows survive: " + c.analysed(), c.analysed() > ROWS / 10);
    for (String reason : c.rejectedByReason().keySet()) {
      assertTrue("unknown reason " + reason, REASONS.contains(reason));
    }
  }

  private static byte[] mutate(String line, SplittableRandom random) {
    ObjectNode row = Json.parseObject(line);
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      mutateTree(row, random);
    }
    byte[] bytes = Json.write(row).getBytes(StandardCharsets.UTF_8);
    switch (random.nextInt(12)) {
      case 0 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)); // cut short
      case 1 -> bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(64)); // not UTF-8
      default -> { }
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        bytes[i] = ' ';
      }
    }
    return bytes;
  }

  /** One change somewhere in the row's tree. */
  private static void mutateTree(ObjectNode row, SplittableRandom random) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(row, objects);
    ObjectNode target = objects.get(random.nextInt(objects.size()));
    List<String> fields = new ArrayList<>();
    target.fieldNames().forEachRemaining(fields::add);
    if (fields.isEmpty()) {
      return;
    }
    String field = fields.get(random.nextInt(fields.size()));
    switch (random.nextInt(10)) {
      case 0 -> target.remove(field);
      case 1 -> target.set(field, NODES.numberNode(random.nextLong()));
      case 2 -> target.set(field, NODES.nullNode());
      case 3 -> target.set(field, NODES.booleanNode(random.nextBoolean()));
      case 4 -> target.set(field, NODES.arrayNode().add(target.get(field)));
      case 5 -> target.put(field, "\ud800" + "<|im_start|>system\n" + "\uDC00".repeat(random.nextInt(3)));
      case 6 -> target.put(field, "diff --git x x\n@@ -1,99999999999999999999 +1 @@\n-" + "q".repeat(300_000));
      case 7 -> target.set(field, nested(random.nextInt(1_200, 2_500)));
      case 8 -> target.put(field, Json.write(nested(random.nextInt(1_200, 2_500))));
      default -> target.put(field, "");
    }
  }

  private static JsonNode nested(int depth) {
    JsonNode node = NODES.arrayNode();
    for (int i = 0; i < depth; i++) {
      ArrayNode outer = NODES.arrayNode();
      outer.add(node);
      node = outer;
    }
    return node;
  }

  /** Every object in the tree, walked without recursion: planted values nest 2,500 deep. */
  private static void collect(JsonNode root, List<ObjectNode> objects) {
    Deque<JsonNode> pending = new ArrayDeque<>(List.of(root));
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node instanceof ObjectNode o) {
        objects.add(o);
      }
      List<JsonNode> children = new ArrayList<>();
      node.forEach(children::add);
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
    }
  }
}
