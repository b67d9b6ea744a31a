package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import org.junit.Test;

public class SweAgentTrajTest {
  private final SweAgentTraj format = new SweAgentTraj();

  @Test
  public void historyWithDemonstrationsAndToolCallsBecomesTheMessages() throws Exception {
    JsonNode record = Json.parse("""
        {"environment": "swe_main",
         "trajectory": [{"action": "find_file x.py", "observation": "found", "response": "r", "thought": "t"}],
         "history": [
           {"role": "system", "content": "SETTING", "agent": "main", "message_type": "system_prompt"},
           {"role": "user", "content": "demo", "agent": "main", "is_demo": true},
           {"role": "assistant", "content": "Look.", "thought": "Look.", "action": "find_file x.py",
            "agent": "main", "message_type": "action",
            "tool_calls": [{"id": "call_1", "type": "function",
                            "function": {"name": "find_file", "arguments": "{\\"file_name\\":\\"x.py\\"}"}}]},
           {"role": "tool", "content": "found", "agent": "main", "tool_call_ids": ["call_1"],
            "message_type": "observation"}],
         "info": {"exit_status": "submitted", "submission": "diff --git a/x.py b/x.py\\n+a\\n"},
         "replay_config": {"agent": {"model": {"name": "gpt-4o"}},
                           "env": {"repo": {"github_url": "https://github.com/owner/repo/"}}}}
        """);
    JsonNode expected = Json.parse("""
        {"instance_id": "owner__repo-1", "repo": "owner/repo", "license": null, "language": "python",
         "messages": [
           {"role": "system", "content": "SETTING"},
           {"role": "user", "content": "demo"},
           {"role": "assistant", "content": "Look.",
            "tool_calls": [{"id": "call_1", "type": "function",
                            "function": {"name": "find_file", "arguments": "{\\"file_name\\":\\"x.py\\"}"}}]},
           {"role": "tool", "content": "found", "tool_call_id": "call_1"}],
         "tools": [], "resolved": -1,
         "metadata": {"category": null, "teacher_model": {"name": "gpt-4o"}, "reference_patch": null,
                      "model_patch": {"patch": "diff --git a/x.py b/x.py\\n+a\\n", "num_modified_files": 1,
                                      "num_modified_lines": 1}},
         "model_patch": "diff --git a/x.py b/x.py\\n+a\\n", "hf_dataset_name": null,
         "_agent": "sweagent", "_model": "gpt_4o"}
        """);
    assertTrue(format.matches(record));
    assertTrue(format.labelledByRun());
    assertEquals(expected, format.toRow(record, "runs/r/trajs/owner__repo-1.traj"));
  }

  @Test
  public void theModelAndDatasetOfTheRunFolderAndTheLanguageOfItsTree() throws Exception {
    JsonNode record = Json.parse("{\"history\": [], \"info\": {\"exit_status\": \"exit_cost\"}}");
    JsonNode java = format.toRow(record,
        "evaluation/java/verified/20240825_SWE-agent_gpt-4o-2024-05-13/trajs/google__gson-1.traj");
    assertEquals("java", java.get("language").textValue());
    assertEquals("gpt_4o", java.get("_model").textValue());
    assertTrue("no submission: the patch is unknown", java.get("model_patch").isNull());
    JsonNode dev = format.toRow(record,
        "gpt4__swe-bench-dev-easy__default__t-0.00__p-0.95__c-3.00__install-1/pydicom__pydicom-1.traj");
    assertEquals("gpt4", dev.get("_model").textValue());
    assertEquals("princeton-nlp/SWE-bench", dev.get("hf_dataset_name").textValue());
    assertEquals("python", dev.get("language").textValue());
  }

  @Test
  public void otherShapesAreNotSweAgentTrajectories() throws Exception {
    assertFalse(format.matches(Json.parse("{\"instance_id\": \"a\", \"messages\": [], \"resolved\": 1}")));
    assertFalse(format.matches(Json.parse("{\"history\": [], \"instruction\": \"x\", \"test_result\": {}}")));
    assertThrows(BadRowException.class, () -> format.toRow(Json.parse("{\"history\": [1], \"info\": {}}"), "x.traj"));
  }
}
