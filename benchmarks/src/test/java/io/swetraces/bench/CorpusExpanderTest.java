package io.swetraces.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.model.Trajectory;
import io.swetraces.parse.DiffParser;
import io.swetraces.text.Json;
import io.swetraces.parse.PatchCounting;
import io.swetraces.parse.ToolExtractor;
import io.swetraces.parse.TrajectoryParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class CorpusExpanderTest {
  private static final List<String> SAMPLE = sample();

  private static List<String> sample() {
    try {
      return Files.readAllLines(Path.of("..", "src", "sample", "oswt-sample.jsonl"), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, JsonNode> seedsById() throws Exception {
    Map<String, JsonNode> seeds = new HashMap<>();
    for (String line : SAMPLE) {
      JsonNode row = Json.MAPPER.readTree(line);
      seeds.put(row.path("instance_id").asText(), row);
    }
    return seeds;
  }

  @Test
  public void theSameSeedGivesTheSameRowsAndEachRowIsNew() throws Exception {
    CorpusExpander a = new CorpusExpander(SAMPLE, 42, 4, false);
    CorpusExpander b = new CorpusExpander(SAMPLE, 42, 4, false);
    for (long k = 0; k < 20; k++) {
      assertEquals(Json.write(a.row(k)), Json.write(b.row(k)));
      assertNotEquals(Json.write(a.row(k)), Json.write(a.row(k + 1)));
    }
  }

  @Test
  public void runsOfOneInstanceShareTaskAndToolOutputsButNotAssistantTurns() throws Exception {
    CorpusExpander expander = new CorpusExpander(SAMPLE, 7, 4, false);
    ObjectNode first = expander.row(8);
    ObjectNode second = expander.row(9);
    ObjectNode otherInstance = expander.row(12);
    assertEquals(first.path("instance_id"), second.path("instance_id"));
    JsonNode seed = seedsById().get(first.path("instance_id").asText().replaceAll("__i\\d+$", ""));
    int sharedOutputs = 0;
    int differentTurns = 0;
    for (int i = 0; i < first.path("messages").size(); i++) {
      JsonNode m1 = first.path("messages").get(i);
      JsonNode m2 = second.path("messages").get(i);
      JsonNode original = seed.path("messages").get(i);
      if ("system".equals(m1.path("role").asText())) {
        assertEquals("system prompts repeat across rows", original.path("content"), m1.path("content"));
      } else if ("assistant".equals(m1.path("role").asText())) {
        differentTurns += m1.path("content").equals(m2.path("content")) ? 0 : 1;
      } else {
        assertEquals(m1.path("content"), m2.path("content"));
        sharedOutputs += m1.path("content").equals(original.path("content")) ? 0 : 1;
      }
    }
    assertTrue("tool outputs are new for this instance", sharedOutputs > 0);
    assertTrue("each run has its own assistant turns", differentTurns > 0);
    assertNotEquals(first.path("instance_id"), otherInstance.path("instance_id"));
  }

  @Test
  public void rowsKeepTheirSeedsSizeStructureAndPatch() throws Exception {
    Map<String, JsonNode> seeds = seedsById();
    CorpusExpander expander = new CorpusExpander(SAMPLE, 42, 4, false);
    TrajectoryParser parser = new TrajectoryParser(null, null);
    for (long k = 0; k < 60; k++) {
      ObjectNode row = expander.row(k);
      JsonNode seed = seeds.get(row.path("instance_id").asText().replaceAll("__i\\d+$", ""));
      String json = Json.write(row);
      double ratio = (double) json.length() / Json.write(seed).length();
      assertTrue("size " + ratio, ratio > 0.99 && ratio < 1.01);
      Trajectory t = parser.parse("gen", k, json);
      Trajectory s = parser.parse("seed", 0, Json.write(seed));
      assertEquals(s.getMessages().size(), t.getMessages().size());
      assertEquals(ToolExtractor.extract(s.getMessages()), ToolExtractor.extract(t.getMessages()));
      var genPatch = DiffParser.parse(t.getModelPatch(), PatchCounting.HUNK);
      var seedPatch = DiffParser.parse(s.getModelPatch(), PatchCounting.HUNK);
      assertEquals(seedPatch.getFiles(), genPatch.getFiles());
      assertEquals(seedPatch.getAdded(), genPatch.getAdded());
      assertEquals(seedPatch.getDeleted(), genPatch.getDeleted());
    }
  }

  @Test
  public void aHugeRowHasTheAskedSize() throws Exception {
    ObjectNode huge = new CorpusExpander(SAMPLE, 1, 4, false).hugeRow(5_000_000);
    int length = Json.write(huge).length();
    assertTrue(String.valueOf(length), length > 5_000_000 && length < 6_000_000);
  }

  @Test
  public void sizesAreDecimal() {
    assertEquals(200_000_000L, (long) new ByteSize().convert("200MB"));
    assertEquals(1_500_000_000L, (long) new ByteSize().convert("1.5GB"));
    assertEquals(1L, (long) new ByteSize().convert("1B"));
  }
}
