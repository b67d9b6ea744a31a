package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import org.junit.Test;

public class SweGymRowTest {
  private final SweGymRow format = new SweGymRow();

  private static JsonNode json(String text) throws Exception {
    return Json.parse(text);
  }

  private static final String ROW = """
      {"instance_id": "owner__proj-12_3",
       "run_id": "gpt-4o-2024-08-06_maxiter_50_N_v2.1-no-hint-train-t0-run_1",
       "resolved": false,
       "messages": [
         {"content": "You are a helper.", "function_call": null, "name": null, "role": "system",
          "tool_call_id": null, "tool_calls": null},
         {"content": "Fix the bug.", "function_call": null, "name": null, "role": "user",
          "tool_call_id": null, "tool_calls": null},
         {"content": null, "function_call": null, "name": null, "role": "assistant", "tool_call_id": null,
          "tool_calls": [{"function": {"arguments": "{\\"command\\":\\"ls\\"}", "name": "execute_bash"},
                          "id": "call_1", "index": null, "type": "function"}]},
         {"content": "a.py", "function_call": null, "name": "execute_bash", "role": "tool",
          "tool_call_id": "call_1", "tool_calls": null}],
       "tools": [{"type": "function", "function": {"name": "finish", "description": "Stop \u00e9t\u00e9 \\u007f",
                  "parameters": null, "strict": false, "n": [1, 2]}}],
       "test_result": {"git_patch": "diff --git a/a.py b/a.py\\n--- a/a.py\\n+++ b/a.py\\n-x\\n+y\\n",
                       "report": {"resolved": false}}}
      """;

  @Test
  public void convertsTheRowDroppingTheDumpsNulls() throws Exception {
    String toolString = "{\"type\": \"function\", \"function\": {\"name\": \"finish\", "
        + "\"description\": \"Stop \\u00e9t\\u00e9 \\u007f\", \"parameters\": null, \"strict\": false, "
        + "\"n\": [1, 2]}}";
    JsonNode expected = json("""
        {"instance_id": "owner__proj-12_3", "repo": "owner/proj", "license": null, "language": "python",
         "messages": [
           {"role": "system", "content": "You are a helper."},
           {"role": "user", "content": "Fix the bug."},
           {"role": "assistant", "content": null,
            "tool_calls": [{"id": "call_1", "type": "function",
                            "function": {"name": "execute_bash", "arguments": "{\\"command\\":\\"ls\\"}"}}]},
           {"role": "tool", "content": "a.py", "name": "execute_bash", "tool_call_id": "call_1"}],
         "tools": [%s],
         "resolved": 0,
         "metadata": {"category": null, "teacher_model": {"name": "gpt-4o-2024-08-06"}, "reference_patch": null,
                      "model_patch": {"patch": "diff --git a/a.py b/a.py\\n--- a/a.py\\n+++ b/a.py\\n-x\\n+y\\n",
                                      "num_modified_files": 1, "num_modified_lines": 2}},
         "model_patch": "diff --git a/a.py b/a.py\\n--- a/a.py\\n+++ b/a.py\\n-x\\n+y\\n",
         "hf_dataset_name": "SWE-Gym/OpenHands-Sampled-Trajectories",
         "_agent": "openhands", "_model": "gpt_4o"}
        """.formatted(Json.write(Json.MAPPER.getNodeFactory().textNode(toolString))));
    JsonNode row = json(ROW);
    assertTrue(format.matches(row));
    assertFalse(format.labelledByRun());
    assertEquals(expected, format.toRow(row, "swe-gym/sample_raw.json"));
  }

  @Test
  public void languageFromThePromptModelOnlyFromAnOpenHandsRunIdNoPatchWithoutTestResult() throws Exception {
    JsonNode row = format.toRow(json("""
        {"instance_id": "x", "run_id": "my-model", "resolved": true,
         "messages": [{"role": "user", "content": "I've uploaded a Rust code repository in /w."}]}
        """), "f.json");
    assertEquals("rust", row.get("language").textValue());
    assertEquals(1, row.get("resolved").intValue());
    assertTrue(row.get("metadata").get("teacher_model").get("name").isNull());
    assertEquals("unknown", row.get("_model").textValue());
    assertTrue(row.get("model_patch").isNull());
    assertTrue(row.get("metadata").get("model_patch").isNull());
    assertEquals(0, row.get("tools").size());
    assertEquals("claude-3-5-sonnet", SweGymRow.modelOfRun("claude-3-5-sonnet_maxiter_30_N_v2-run_2"));
    assertNull(SweGymRow.modelOfRun(null));
  }

  @Test
  public void detectsOnlyChatMessagesWithARunIdOrTestResult() throws Exception {
    assertTrue(format.matches(json("{\"messages\": [], \"run_id\": \"m_maxiter_1\"}")));
    assertTrue(format.matches(json("{\"messages\": [], \"test_result\": {}}")));
    // An Open-SWE-Traces row.
    assertFalse(format.matches(json("""
        {"instance_id": "a__b-1", "messages": [{"role": "user", "content": "hi"}], "tools": ["{}"],
         "resolved": 1, "metadata": {}}
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
    // An OpenHands output.jsonl record: events, not chat messages.
    assertFalse(format.matches(json("{\"history\": [], \"messages\": [], \"test_result\": {}}")));
    // A SWE-smith row.
    assertFalse(format.matches(json("{\"messages\": [], \"traj_id\": \"t\", \"patch\": \"\", \"model\": \"m\"}")));
    assertFalse(format.matches(json("{\"messages\": \"[]\", \"run_id\": \"r\"}")));
    assertFalse(format.matches(json("[1]")));
  }

  @Test
  public void aValueOfAnImpossibleTypeIsAWrongTypeRow() throws Exception {
    for (String bad : new String[] {
        "{\"messages\": [], \"run_id\": \"r\", \"resolved\": \"yes\"}",
        "{\"messages\": [\"hi\"], \"run_id\": \"r\"}",
        "{\"messages\": [], \"run_id\": 4}",
        "{\"messages\": [], \"test_result\": \"diff\"}",
        "{\"messages\": [], \"test_result\": {\"git_patch\": 1}}",
        "{\"messages\": [], \"run_id\": \"r\", \"tools\": {}}",
        "{\"messages\": [{\"role\": \"assistant\", \"tool_calls\": {}}], \"run_id\": \"r\"}"}) {
      BadRowException e = assertThrows(bad, BadRowException.class, () -> format.toRow(json(bad), "f.json"));
      assertEquals(bad, "wrong_type", e.reason());
    }
  }
}
