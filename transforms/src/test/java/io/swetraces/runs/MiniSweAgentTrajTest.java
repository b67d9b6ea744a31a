package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.text.Json;
import org.junit.Test;

public class MiniSweAgentTrajTest {
  private final MiniSweAgentTraj format = new MiniSweAgentTraj();

  @Test
  public void messagesWithTheProvidersThinkingAsReasoning() throws Exception {
    JsonNode record = Json.parse("""
        {"trajectory_format": "mini-swe-agent-1", "instance_id": "astropy__astropy-12907",
         "info": {"exit_status": "Submitted", "submission": "",
                  "config": {"model": {"model_name": "openrouter/google/gemini-3-pro-preview"}}},
         "messages": [
           {"role": "system", "content": "You are a helpful assistant."},
           {"role": "assistant", "content": "THOUGHT: look\\n```bash\\nls\\n```",
            "extra": {"response": {"choices": [{"message": {"reasoning": "**Exploring**"}}]}}},
           {"role": "user", "content": "<returncode>0</returncode>",
            "extra": {"response": {"choices": [{"message": {"reasoning": ""}}]}}}]}
        """);
    JsonNode row = format.toRow(record, "runs/r/trajs/astropy__astropy-12907/astropy__astropy-12907.traj.json");
    assertTrue(format.matches(record));
    assertEquals(Json.parse("""
        [{"role": "system", "content": "You are a helpful assistant."},
         {"role": "assistant", "content": "THOUGHT: look\\n```bash\\nls\\n```", "reasoning_content": "**Exploring**"},
         {"role": "user", "content": "<returncode>0</returncode>"}]
        """), row.get("messages"));
    assertEquals("", row.get("model_patch").textValue());
    assertEquals(0, row.at("/metadata/model_patch/num_modified_files").intValue());
    assertEquals("gemini_3_pro", row.get("_model").textValue());
    assertEquals("princeton-nlp/SWE-bench_Verified", row.get("hf_dataset_name").textValue());
    assertEquals("python", row.get("language").textValue());
    assertEquals("astropy/astropy", row.get("repo").textValue());
  }

  @Test
  public void anOpenSweTracesRowIsNoMiniSweAgentTrajectory() throws Exception {
    assertFalse(format.matches(Json.parse("{\"instance_id\": \"a\", \"messages\": [], \"metadata\": {}}")));
  }
}
