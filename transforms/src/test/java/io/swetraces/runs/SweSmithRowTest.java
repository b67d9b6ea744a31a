package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import org.junit.Test;

public class SweSmithRowTest {
  private final SweSmithRow format = new SweSmithRow();

  private static JsonNode json(String text) throws Exception {
    return Json.parse(text);
  }

  private static final String MESSAGES = """
      [{"role": "system", "content": "You are a helpful assistant."},
       {"role": "user", "content": "I've uploaded a python code repository in /testbed."},
       {"role": "assistant", "content": "Look.\\n\\n<function=bash>\\n<parameter=command>ls</parameter>\\n</function>"},
       {"role": "user", "content": "OBSERVATION:\\na.py"}]
      """;

  private static final String EXPECTED = """
      {"instance_id": "owner__proj.1a2b3c4d.func_pm_x__abc", "repo": "owner/proj", "license": null,
       "language": "python", "messages": %s, "tools": [], "resolved": 1,
       "metadata": {"category": null, "teacher_model": {"name": "claude-3-7-sonnet-20250219"},
                    "reference_patch": null,
                    "model_patch": {"patch": "", "num_modified_files": 0, "num_modified_lines": 0}},
       "model_patch": "", "hf_dataset_name": "SWE-bench/SWE-smith-trajectories",
       "_agent": "sweagent", "_model": "claude_37_sonnet"}
      """.formatted(MESSAGES);

  private static ObjectNode row(JsonNode messages) throws Exception {
    ObjectNode row = (ObjectNode) json("""
        {"instance_id": "owner__proj.1a2b3c4d.func_pm_x__abc", "resolved": true,
         "model": "claude-3-7-sonnet-20250219", "traj_id": "owner__proj.1a2b3c4d.func_pm_x__abc.zz",
         "patch": "", "id": "owner__proj.1a2b3c4d.func_pm_x__abc.zz_1"}
        """);
    row.set("messages", messages);
    return row;
  }

  @Test
  public void copiesTheMessagesAndTakesPatchLabelAndModel() throws Exception {
    JsonNode record = row(json(MESSAGES));
    assertTrue(format.matches(record));
    assertFalse(format.labelledByRun());
    assertEquals(json(EXPECTED), format.toRow(record, "swe-smith/sample_raw.json"));
  }

  @Test
  public void decodesMessagesStoredAsAJsonString() throws Exception {
    JsonNode record = row(Json.MAPPER.getNodeFactory().textNode(MESSAGES));
    assertTrue(format.matches(record));
    assertEquals(json(EXPECTED), format.toRow(record, "f.json"));
  }

  @Test
  public void noLabelIsUnknownAndALanguageUnstatedIsPython() throws Exception {
    JsonNode row = format.toRow(json("""
        {"messages": [{"role": "user", "content": "Fix it."}], "patch": "x", "model": "gpt-4o"}
        """), "f.json");
    assertEquals(-1, row.get("resolved").intValue());
    assertEquals("python", row.get("language").textValue());
    assertEquals("gpt_4o", row.get("_model").textValue());
    assertTrue(row.get("instance_id").isNull());
  }

  @Test
  public void detectsOnlyMessagesWithATrajectoryIdOrAPatchAndModel() throws Exception {
    assertTrue(format.matches(json("{\"messages\": [], \"traj_id\": \"t\"}")));
    assertTrue(format.matches(json("{\"messages\": \"[]\", \"patch\": \"\", \"model\": \"m\"}")));
    // The older SWE-smith dump: no patch, no model.
    assertFalse(format.matches(json("{\"messages\": [], \"instance_id\": \"a__b.1a2b3c4d.x_1\"}")));
    assertFalse(format.matches(json("{\"messages\": [], \"patch\": \"\"}")));
    // A mini-coder row, labelled `verified`.
    assertFalse(format.matches(json("""
        {"messages": [], "patch": "", "model": "m", "instance_id": "a__b-1", "verified": true, "id": "1"}
        """)));
    // An Open-SWE-Traces row.
    assertFalse(format.matches(json("""
        {"instance_id": "a__b-1", "messages": [{"role": "user", "content": "hi"}], "tools": ["{}"],
         "resolved": 1, "metadata": {}, "model_patch": ""}
        """)));
    // A mini-swe-agent .traj.json.
    assertFalse(format.matches(json("""
        {"instance_id": "a__b-1", "messages": [], "info": {"submission": ""},
         "trajectory_format": "mini-swe-agent-1"}
        """)));
    // An SWE-agent .traj.
    assertFalse(format.matches(json("""
        {"history": [], "info": {}, "trajectory": [{"action": "ls", "observation": "a.py"}]}
        """)));
    assertFalse(format.matches(json("{\"messages\": {}, \"traj_id\": \"t\"}")));
  }

  @Test
  public void aValueOfAnImpossibleTypeIsAWrongTypeRow() throws Exception {
    for (String bad : new String[] {
        "{\"messages\": [], \"traj_id\": \"t\", \"resolved\": 1}",
        "{\"messages\": [], \"traj_id\": \"t\", \"patch\": {\"patch\": \"\"}}",
        "{\"messages\": [], \"traj_id\": \"t\", \"model\": [\"m\"]}",
        "{\"messages\": [[]], \"traj_id\": \"t\"}",
        "{\"messages\": \"{\\\"role\\\": \\\"user\\\"}\", \"traj_id\": \"t\"}"}) {
      BadRowException e = assertThrows(bad, BadRowException.class, () -> format.toRow(json(bad), "f.json"));
      assertEquals(bad, "wrong_type", e.reason());
    }
    BadRowException e = assertThrows(
        BadRowException.class, () -> format.toRow(json("{\"messages\": \"[{\", \"traj_id\": \"t\"}"), "f.json"));
    assertEquals("malformed_json", e.reason());
  }
}
