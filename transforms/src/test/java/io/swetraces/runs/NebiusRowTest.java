package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.parse.BadRowException;
import io.swetraces.text.Json;
import org.junit.Test;

public class NebiusRowTest {
  private final NebiusRow format = new NebiusRow();

  private static JsonNode json(String text) throws Exception {
    return Json.parse(text);
  }

  @Test
  public void textBecomesContentTheSystemPromptIsUsedAndAiIsTheAssistant() throws Exception {
    JsonNode record = json("""
        {"instance_id": "owner__proj-7_17", "model_name": "swe-agent-llama-70b", "target": false,
         "exit_status": "submitted", "eval_logs": "FAILED",
         "generated_patch": "diff --git a/x b/x\\n--- a/x\\n+++ b/x\\n+a\\n+b\\n-c\\n",
         "trajectory": [
           {"role": "system", "text": null, "system_prompt": "SETTING: a shell.", "mask": false,
            "cutoff_date": "01.01.2023"},
           {"role": "user", "text": "Solve the issue.", "system_prompt": null, "mask": false, "cutoff_date": null},
           {"role": "ai", "text": "Looking.\\n```\\nls\\n```", "system_prompt": null, "mask": true,
            "cutoff_date": null}]}
        """);
    JsonNode expected = json("""
        {"instance_id": "owner__proj-7_17", "repo": "owner/proj", "license": null, "language": "python",
         "messages": [
           {"role": "system", "content": "SETTING: a shell."},
           {"role": "user", "content": "Solve the issue."},
           {"role": "assistant", "content": "Looking.\\n```\\nls\\n```"}],
         "tools": [], "resolved": 0,
         "metadata": {"category": null, "teacher_model": {"name": "swe-agent-llama-70b"}, "reference_patch": null,
                      "model_patch": {"patch": "diff --git a/x b/x\\n--- a/x\\n+++ b/x\\n+a\\n+b\\n-c\\n",
                                      "num_modified_files": 1, "num_modified_lines": 3}},
         "model_patch": "diff --git a/x b/x\\n--- a/x\\n+++ b/x\\n+a\\n+b\\n-c\\n",
         "hf_dataset_name": "nebius/SWE-agent-trajectories", "_agent": "sweagent",
         "_model": "swe_agent_llama_70b"}
        """);
    assertTrue(format.matches(record));
    assertFalse(format.labelledByRun());
    assertEquals(expected, format.toRow(record, "nebius/sample_raw.json"));
  }

  @Test
  public void aPromptStatingTheLanguageWinsAndNoTargetIsUnknown() throws Exception {
    JsonNode row = format.toRow(json("""
        {"trajectory": [{"role": "user", "text": "I've uploaded a go code repository."}]}
        """), "f.json");
    assertEquals("go", row.get("language").textValue());
    assertEquals(-1, row.get("resolved").intValue());
    assertTrue(row.get("model_patch").isNull());
    assertEquals("unknown", row.get("_model").textValue());
  }

  @Test
  public void detectsNebiusTurnsOrATrajectoryBesideItsFields() throws Exception {
    assertTrue(format.matches(json("{\"trajectory\": [{\"role\": \"system\", \"system_prompt\": \"s\"}]}")));
    assertTrue(format.matches(json("{\"trajectory\": [{\"role\": \"user\", \"text\": \"t\"}]}")));
    assertTrue(format.matches(json("{\"trajectory\": [{\"role\": \"ai\", \"content\": \"t\"}]}")));
    assertTrue(format.matches(json("{\"trajectory\": [], \"generated_patch\": \"\"}")));
    assertTrue(format.matches(json("{\"trajectory\": [], \"target\": true}")));
    assertFalse(format.matches(json("{\"generated_patch\": \"\", \"target\": true}")));
    // An Open-SWE-Traces row of the older revision.
    assertFalse(format.matches(json("""
        {"instance_id": "a__b-1", "trajectory": [{"role": "assistant", "content": "hi"}], "tools": [],
         "resolved": 1}
        """)));
    assertFalse(format.matches(json("{\"trajectory\": [\"{\\\"role\\\": \\\"user\\\"}\"], \"resolved\": 1}")));
    // An SWE-agent .traj.
    assertFalse(format.matches(json("""
        {"environment": "swe_main", "history": [{"role": "system", "content": "s"}], "info": {},
         "trajectory": [{"action": "ls", "observation": "a.py", "response": "r", "thought": "t"}]}
        """)));
    // A mini-swe-agent .traj.json.
    assertFalse(format.matches(json("""
        {"instance_id": "a__b-1", "messages": [], "info": {}, "trajectory_format": "mini-swe-agent-1"}
        """)));
  }

  @Test
  public void aValueOfAnImpossibleTypeIsAWrongTypeRow() throws Exception {
    for (String bad : new String[] {
        "{\"trajectory\": [], \"target\": \"true\"}",
        "{\"trajectory\": [], \"target\": true, \"generated_patch\": 5}",
        "{\"trajectory\": \"[]\", \"target\": true}",
        "{\"trajectory\": [\"hi\"], \"target\": true}",
        "{\"trajectory\": [{\"role\": \"ai\", \"text\": [\"hi\"]}]}",
        "{\"trajectory\": [{\"role\": 1, \"text\": \"hi\"}]}"}) {
      BadRowException e = assertThrows(bad, BadRowException.class, () -> format.toRow(json(bad), "f.json"));
      assertEquals(bad, "wrong_type", e.reason());
    }
  }
}
