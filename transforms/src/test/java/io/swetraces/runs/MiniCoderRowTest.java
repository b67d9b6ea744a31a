package io.swetraces.runs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swetraces.text.Json;
import org.junit.Test;

public class MiniCoderRowTest {
  private final MiniCoderRow format = new MiniCoderRow();

  @Test
  public void verifiedIsTheLabelAndThePatchIsKept() throws Exception {
    JsonNode record = Json.parse("""
        {"id": 3, "instance_id": "owner__proj.1a2b3c4d.func_pm__x", "model": "qwen3-coder-30b", "verified": true,
         "patch": "diff --git a/a.py b/a.py\\n-x\\n+y\\n",
         "messages": [{"role": "system", "content": "You are a helpful assistant."},
                      {"role": "user", "content": "Fix it."},
                      {"role": "assistant", "content": "THOUGHT: edit\\n```bash\\nsed -i s/x/y/ a.py\\n```"}]}
        """);
    assertTrue(format.matches(record));
    assertTrue(RunFormats.detect(record) instanceof MiniCoderRow);
    JsonNode row = format.toRow(record, "mini-coder/train.jsonl");
    assertEquals(1, row.get("resolved").intValue());
    assertEquals("owner/proj", row.get("repo").textValue());
    assertEquals("python", row.get("language").textValue());
    assertEquals("minisweagent", row.get("_agent").textValue());
    assertEquals("qwen3_coder_30b", row.get("_model").textValue());
    assertEquals(2, row.at("/metadata/model_patch/num_modified_lines").intValue());
    assertEquals(record.get("messages"), row.get("messages"));
  }

  @Test
  public void swesmithRowsAndOpenSweTracesRowsAreNotMiniCoder() throws Exception {
    assertFalse(format.matches(Json.parse("{\"messages\": [], \"traj_id\": \"t\", \"resolved\": true}")));
    assertFalse(format.matches(Json.parse("{\"messages\": [], \"resolved\": 1, \"instance_id\": \"a\"}")));
  }
}
