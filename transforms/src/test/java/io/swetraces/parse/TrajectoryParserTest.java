package io.swetraces.parse;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.swetraces.model.Message;
import io.swetraces.model.AgentModel;
import io.swetraces.model.ToolCall;
import io.swetraces.model.Trajectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class TrajectoryParserTest {
  private static final Path SAMPLE = Path.of("..", "src", "sample");
  private final TrajectoryParser parser = new TrajectoryParser(null, null);

  private Trajectory parse(String json) throws BadRowException {
    return parser.parse("data/x.jsonl", 0, json);
  }

  private static List<String> lines(String file) throws Exception {
    return Files.readAllLines(SAMPLE.resolve(file), StandardCharsets.UTF_8);
  }

  @Test
  public void schemaVariantsOfRealRowsNormalizeIdentically() throws Exception {
    List<String> nested = lines("oswt-sample.jsonl");
    List<String> variants = lines("oswt-sample-variants.jsonl");
    assertEquals(17, nested.size());
    for (int i = 0; i < nested.size(); i++) {
      assertEquals("row " + i, parser.parse("f", i, nested.get(i)), parser.parse("f", i, variants.get(i)));
    }
  }

  @Test
  public void realOpenHandsRowKeepsToolCallsToolsAndTags() throws Exception {
    // The first OpenHands row of the sample (ponyc, from OpenHands' own evaluation examples).
    Trajectory t = parser.parse("f", 14, lines("oswt-sample.jsonl").get(14));
    assertEquals("ponylang__ponyc-4595", t.getInstanceId());
    assertEquals("openhands", t.getAgent());
    assertEquals("llama_4_maverick", t.getModel());
    assertEquals("c", t.getLanguage());
    assertEquals(-1, t.getResolved());
    assertEquals(47, t.getMessages().size());
    assertEquals(4, t.getTools().size());
    assertTrue(t.getTools().get(0).startsWith("{\"type\":\"function\""));
    Message second = t.getMessages().get(2);
    assertEquals("assistant", second.getRole());
    assertEquals(1, second.getToolCalls().size());
    assertTrue(t.getMessages().get(3).getToolCallId() != null);
    assertEquals(t.getMessages().size(), t.getRoleCounts().values().stream().mapToInt(i -> i).sum());
  }

  @Test
  public void contentBlocksNullContentAndPlainTextMessages() throws BadRowException {
    Trajectory t =
        parse("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
            + "{\"type\":\"image\"},\"b\",{\"text\":\"\",\"content\":\"c\"},5]},"
            + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\","
            + "\"function\":{\"name\":\"bash\",\"arguments\":{\"cmd\":\"ls\"}}}]},"
            + "\"not json at all\",\"42\",{\"content\":\"no role\"}]}");
    assertEquals(
        List.of(
            Message.of("user", "a\nb\nc"),
            Message.builder().setRole("assistant").setContent("")
                .setToolCalls(List.of(ToolCall.of("c1", "function", "bash", "{\"cmd\":\"ls\"}"))).build(),
            Message.of("unknown", "not json at all"),
            Message.of("unknown", "42"),
            Message.of("unknown", "no role")),
        t.getMessages());
    assertEquals(Map.of("user", 1, "assistant", 1, "unknown", 3), t.getRoleCounts());
  }

  @Test
  public void labelsPatchesLanguageAndTags() throws BadRowException {
    Trajectory t =
        parse("{\"trajectory\":\"[]\",\"resolved\":true,\"language\":\"\","
            + "\"metadata\":\"{\\\"category\\\":\\\"bug-fix\\\",\\\"num_modified_files\\\":2,"
            + "\\\"teacher_model\\\":{\\\"name\\\":\\\"MiniMax-M2.5\\\"},"
            + "\\\"model_patch\\\":{\\\"patch\\\":\\\"diff --git a/x b/x\\\"}}\"}");
    assertEquals(1, t.getResolved());
    assertEquals("unknown", t.getLanguage());
    assertEquals("bug-fix", t.getCategory());
    assertEquals(Long.valueOf(2), t.getMetaFiles());
    assertNull(t.getMetaLines());
    assertEquals("diff --git a/x b/x", t.getModelPatch());
    assertEquals("minimax_m25", t.getModel());
    assertEquals(-1, parse("{\"messages\":[]}").getResolved());
    assertEquals(0, parse("{\"messages\":[],\"resolved\":false}").getResolved());
    assertEquals("top", parse("{\"messages\":[],\"model_patch\":\"top\","
        + "\"metadata\":{\"model_patch\":{\"patch\":\"nested\"}}}").getModelPatch());
  }

  @Test
  public void agentAndModelFromFlagsFileTagsHubPathsThenRowFields() throws BadRowException {
    String row = "{\"messages\":[],\"_agent\":\"sweagent\",\"_model\":\"gpt_4o\"}";
    Trajectory fromRow = parser.parse("runs/part-0.jsonl", 0, row);
    assertEquals("sweagent", fromRow.getAgent());
    assertEquals("gpt_4o", fromRow.getModel());
    // A file in the Hub's layout holds that config and split, whatever its rows say.
    Trajectory fromPath = parser.parse("hub/data/openhands/qwen35_122b/part-0.parquet", 0, row);
    assertEquals("openhands", fromPath.getAgent());
    assertEquals("qwen35_122b", fromPath.getModel());
    Trajectory withSource = parser.parse("data/mini-swe-agent/glm5/swe-rebench/part-0.parquet", 0, "{\"messages\":[]}");
    assertEquals("minisweagent", withSource.getAgent());
    assertEquals("glm5", withSource.getModel());
    // Open-SWE-Traces v1.0: data/<teacher>_<harness>_trajectories/<file>.
    Trajectory v1 = parser.parse("hf://datasets/nvidia/Open-SWE-Traces@abc/data/minimax_m25_openhands_trajectories/"
        + "train-00003-of-00012.parquet", 0, row);
    assertEquals("openhands", v1.getAgent());
    assertEquals("minimax_m25", v1.getModel());
    Trajectory v1Mini = parser.parse("data/qwen35_122b_a10b_minisweagent_trajectories/part/x.parquet", 0, row);
    assertEquals("minisweagent", v1Mini.getAgent());
    assertEquals("qwen35_122b_a10b", v1Mini.getModel());
    assertEquals("sweagent", parser.parse("data/my_trajectories/x.parquet", 0, row).getAgent());
    // A checkout under a directory named like a harness is not the layout.
    Trajectory deep = parser.parse("projects/openhands/checkout/swe-traces/src/sample/rows.jsonl", 0, row);
    assertEquals("sweagent", deep.getAgent());
    Trajectory fromFileTags =
        parser.parse("hub/data/openhands/qwen35_122b/p.parquet", 0, row, "cfg", "split");
    assertEquals("cfg", fromFileTags.getAgent());
    assertEquals("split", fromFileTags.getModel());
    Trajectory fromFlags = new TrajectoryParser("a", "m").parse("x", 0, row, "cfg", "split");
    assertEquals("a", fromFlags.getAgent());
    assertEquals("m", fromFlags.getModel());
  }

  @Test
  public void filePairsAreKnownOnlyWhenNoRowCanChangeThem() {
    assertEquals(AgentModel.of("openhands", "qwen"), parser.filePair("d/openhands/qwen/p.parquet", null, null));
    assertEquals(AgentModel.of("sweagent", "glm5"), parser.filePair("data/glm5_sweagent_trajectories/p.parquet", null, null));
    assertEquals(AgentModel.of("cfg", "split"), parser.filePair("rows.jsonl", "cfg", "split"));
    assertNull(parser.filePair("rows.jsonl", "cfg", null));
    assertNull(parser.filePair("rows.jsonl", null, null));
    assertEquals(AgentModel.of("a", "m"), new TrajectoryParser("a", "m").filePair("rows.jsonl", null, null));
  }

  private void assertRejected(String reason, String json) {
    BadRowException e = assertThrows(BadRowException.class, () -> parse(json));
    assertEquals(e.getMessage(), reason, e.reason());
  }

  @Test
  public void wrongTypesAreRejectedWithAReason() {
    assertRejected("malformed_json", "{\"messages\": [");
    assertRejected("not_an_object", "[1, 2]");
    assertRejected("missing_messages", "{\"instance_id\":\"x\"}");
    assertRejected("wrong_type", "{\"messages\":{\"role\":\"user\"}}");
    assertRejected("malformed_json", "{\"messages\":\"[{oops\"}");
    assertRejected("wrong_type", "{\"messages\":[{\"role\":\"user\",\"content\":42}]}");
    assertRejected("wrong_type", "{\"messages\":[{\"role\":[\"user\"]}]}");
    assertRejected("wrong_type", "{\"messages\":[null]}");
    assertRejected("wrong_type", "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[1]}]}");
    assertRejected("invalid_value", "{\"messages\":[],\"resolved\":\"yes\"}");
    assertRejected("invalid_value", "{\"messages\":[],\"resolved\":7}");
    assertRejected("wrong_type", "{\"messages\":[],\"metadata\":[1]}");
    assertRejected("wrong_type", "{\"messages\":[],\"model_patch\":{\"patch\":1}}");
    assertRejected("wrong_type", "{\"messages\":[],\"instance_id\":{\"a\":1}}");
    assertRejected("malformed_json", "{\"messages\":[],\"tools\":[\"{not json\"]}");
    // Numbers and booleans where text belongs are not turned into text.
    assertRejected("wrong_type", "{\"messages\":[],\"instance_id\":42}");
    assertRejected("wrong_type", "{\"messages\":[],\"language\":true}");
    assertRejected("wrong_type", "{\"messages\":[{\"role\":\"tool\",\"tool_call_id\":7}]}");
    // A tool call must name what it calls.
    assertRejected("invalid_value", "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"function\":null}]}]}");
    assertRejected("invalid_value", "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\"}]}]}");
    assertRejected("invalid_value",
        "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"arguments\":\"{}\"}}]}]}");
    assertRejected("wrong_type",
        "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":5}}]}]}");
    // Two rows on one line are not one row.
    assertRejected("malformed_json", "{\"messages\":[]}{\"messages\":[]}");
  }
}
