package io.swetraces.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.text.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Expands real seed rows into any number of distinct rows that keep the seed's size and repetition
 * profile. Rows come in runs of one instance, as the dataset has several agents and models solve each
 * task: the runs of instance g copy one seed row picked by a seeded draw. A text line found in two
 * or more seed rows (system prompts, tool definitions, common outputs) is kept as is. Every other
 * line gets two letters changed: in the task and tool-output messages the same way for all runs of
 * an instance (they saw the same repository), in assistant turns and the patch differently for each
 * run; a line recurring within one row changes the same way, so it still recurs. Only letters of
 * words after a space change, so diff headers, tool tags and code fences still parse.
 *
 * <p>Verbatim, the seed rows are repeated in turn as they are, with a new trajectory id only: the
 * corpus then repeats exactly what the real rows repeat, row k+n being row k again.
 */
final class CorpusExpander {
  private static final Set<String> TEXT_FIELDS =
      Set.of("content", "reasoning_content", "model_patch", "patch", "text");

  private final List<ObjectNode> seeds;
  private final Set<String> shared;
  private final long seed;
  private final int runsPerInstance;
  private final boolean verbatim;

  CorpusExpander(List<String> seedLines, long seed, int runsPerInstance, boolean verbatim) throws IOException {
    this.seeds = new ArrayList<>();
    for (String line : seedLines) {
      if (!line.isBlank()) {
        seeds.add((ObjectNode) Json.MAPPER.readTree(line));
      }
    }
    this.shared = sharedLines(seeds);
    this.seed = seed;
    this.runsPerInstance = runsPerInstance;
    this.verbatim = verbatim;
  }

  /** Row k of the corpus; the same k and seed give the same row. */
  ObjectNode row(long k) {
    if (verbatim) {
      ObjectNode row = seeds.get((int) (k % seeds.size())).deepCopy();
      row.put("trajectory_id", trajectoryId(k));
      return row;
    }
    long instance = k / runsPerInstance;
    long instanceKey = mix(seed, instance);
    long runKey = mix(~seed, k);
    ObjectNode row = seeds.get(new SplittableRandom(instanceKey).nextInt(seeds.size())).deepCopy();
    row.put("instance_id", row.path("instance_id").asText() + "__i" + instance);
    row.put("trajectory_id", trajectoryId(k));
    Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getKey().equals("messages")) {
        for (JsonNode m : f.getValue()) {
          rewrite(m, "assistant".equals(m.path("role").asText()) ? runKey : instanceKey);
        }
      } else {
        rewrite(f.getValue(), runKey);
      }
    }
    return row;
  }

  private String trajectoryId(long k) {
    return UUID.nameUUIDFromBytes((seed + "/" + k).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** A row whose tool outputs are repeated until the row holds about {@code bytes} of text. */
  ObjectNode hugeRow(long bytes) {
    ObjectNode row = row(0);
    ArrayNode messages = (ArrayNode) row.get("messages");
    int n = messages.size();
    long size = 0;
    for (long round = 1; size < bytes; round++) {
      for (int i = 0; i < n && size < bytes; i++) {
        JsonNode m = messages.get(i);
        if (!"system".equals(m.path("role").asText())) {
          ObjectNode copy = ((ObjectNode) m).deepCopy();
          rewrite(copy, mix(seed, -round));
          messages.add(copy);
          size += copy.path("content").asText().length();
        }
      }
    }
    return row;
  }

  private void rewrite(JsonNode node, long key) {
    if (node instanceof ObjectNode) {
      ObjectNode object = (ObjectNode) node;
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (f.getValue().isTextual() && TEXT_FIELDS.contains(f.getKey())) {
          f.setValue(object.textNode(mutate(f.getValue().asText(), key)));
        } else {
          rewrite(f.getValue(), key);
        }
      }
    } else if (node instanceof ArrayNode) {
      for (JsonNode child : node) {
        rewrite(child, key);
      }
    }
  }

  private String mutate(String text, long key) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : lines(text)) {
      out.append(shared.contains(line) ? line : mutateLine(line, key));
    }
    return out.toString();
  }

  private String mutateLine(String line, long key) {
    char[] chars = line.toCharArray();
    int[] eligible = new int[chars.length];
    int count = 0;
    for (int i = 1; i < chars.length; i++) {
      if (isAsciiLetter(chars[i]) && wordStartsAfterSpace(chars, i)) {
        eligible[count++] = i;
      }
    }
    if (count == 0) {
      return line;
    }
    SplittableRandom r = new SplittableRandom(mix(key, line.hashCode()));
    for (int changes = 0; changes < 2; changes++) {
      int at = eligible[r.nextInt(count)];
      char base = Character.isUpperCase(chars[at]) ? 'A' : 'a';
      chars[at] = (char) (base + (chars[at] - base + 1 + r.nextInt(25)) % 26);
    }
    return new String(chars);
  }

  /** True when the letter at i belongs to a word of four or more letters that follows a space. */
  private static boolean wordStartsAfterSpace(char[] chars, int i) {
    int from = i;
    while (from > 0 && isAsciiLetter(chars[from - 1])) {
      from--;
    }
    int to = i;
    while (to < chars.length && isAsciiLetter(chars[to])) {
      to++;
    }
    return from > 0 && (chars[from - 1] == ' ' || chars[from - 1] == '\t') && to - from >= 4;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static Set<String> sharedLines(List<ObjectNode> rows) {
    Map<String, Integer> rowsWith = new HashMap<>();
    for (ObjectNode row : rows) {
      Set<String> lines = new HashSet<>();
      collectLines(row, lines);
      for (String line : lines) {
        rowsWith.merge(line, 1, Integer::sum);
      }
    }
    Set<String> shared = new HashSet<>();
    rowsWith.forEach((line, n) -> {
      if (n > 1) {
        shared.add(line);
      }
    });
    return shared;
  }

  private static void collectLines(JsonNode node, Set<String> lines) {
    if (node instanceof ObjectNode) {
      node.fields().forEachRemaining(f -> {
        if (f.getValue().isTextual() && TEXT_FIELDS.contains(f.getKey())) {
          lines.addAll(lines(f.getValue().asText()));
        } else {
          collectLines(f.getValue(), lines);
        }
      });
    } else if (node instanceof ArrayNode) {
      node.forEach(child -> collectLines(child, lines));
    }
  }

  /** The lines of a text, each with its newline. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1;
      lines.add(text.substring(start, end));
      start = end;
    }
    return lines;
  }

  private static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
