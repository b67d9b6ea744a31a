package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.text.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;

/**
 * Every real record of the sample, converted by the format its content is detected as, equals the
 * row the Open-SWE-Traces conversion holds for it, field for field: everything but the row's uuid
 * and provenance, and, for runs labelled by their evaluation files, the label (joined later).
 */
public class RunFormatsRealTest {
  @Test
  public void everyRealRecordConvertsToItsDevRow() throws Exception {
    assumeTrue("the real sample is not at " + RealRecords.SHARED.toAbsolutePath(), RealRecords.present());
    Map<String, Integer> converted = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (JsonNode dev : RealRecords.devRows()) {
      JsonNode source = dev.get("_source");
      String path = source.get("path").asText();
      JsonNode record = RealRecords.record(path, source.get("record").asInt());
      RunFormat format = RunFormats.detect(record);
      String id = format == null ? "oswt_row" : format.id();
      converted.merge(source.get("format").asText() + " as " + id, 1, Integer::sum);
      if (format == null) {
        continue;
      }
      ObjectNode expected = ((ObjectNode) dev).deepCopy();
      expected.remove(List.of("trajectory_id", "_source"));
      ObjectNode actual = format.toRow(record, path);
      if (format.labelledByRun()) {
        expected.put("resolved", -1);
      }
      if (!expected.equals(actual)) {
        wrong.add(path + "#" + source.get("record") + ": " + firstDifference(expected, actual));
      }
    }
    assertEquals("records not converted as in the dev rows", List.of(), wrong);
    assertEquals(Map.of(
            "HF-NEBIUS-SWEAGENT as nebius_row", 5,
            "HF-SWEGYM as swegym_row", 5,
            "HF-SWESMITH as swesmith_row", 5,
            "MINISWE-TRAJ as minisweagent_traj", 65,
            "OH-LLMLOG as openhands_llm_log", 25,
            "OH-OUTPUT as openhands_output", 4,
            "OPENSWE-ROW as oswt_row", 1,
            "SWEAGENT-TRAJ as sweagent_traj", 105),
        converted);
  }

  /** The first field that differs, shortened. */
  static String firstDifference(JsonNode expected, JsonNode actual) {
    return difference("", expected, actual);
  }

  private static String difference(String at, JsonNode expected, JsonNode actual) {
    if (expected == null || actual == null || expected.getNodeType() != actual.getNodeType()) {
      return at + ": expected " + shown(expected) + " but was " + shown(actual);
    }
    if (expected.isObject()) {
      java.util.Set<String> names = new java.util.TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (!java.util.Objects.equals(expected.get(name), actual.get(name))) {
          return difference(at + "." + name, expected.get(name), actual.get(name));
        }
      }
    } else if (expected.isArray()) {
      if (expected.size() != actual.size()) {
        return at + ": " + expected.size() + " elements expected, " + actual.size() + " found";
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!expected.get(i).equals(actual.get(i))) {
          return difference(at + "[" + i + "]", expected.get(i), actual.get(i));
        }
      }
    }
    return at + ": expected " + shown(expected) + " but was " + shown(actual);
  }

  private static String shown(JsonNode node) {
    String s = node == null ? "(absent)" : Json.write(node);
    return s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }
}
